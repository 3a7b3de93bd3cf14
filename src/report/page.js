// actormap report: choose an actor (click, or Tab then Enter) to see its boxes in every map
// and its roles in the panel; filter the maps by role; find an actor by name or alias.
// Plain JavaScript, nothing fetched. Under ?selftest the page tries itself and says so in
// the body's data-selftest attribute ("ok", or "failed" and the list in pre#selftest), for
// the browser test.
// Links: index.html?domain=DC3 shows one domain's section alone, ?actor=ID chooses an actor.
(function () {
  'use strict';
  var body = document.body;
  var panel = document.getElementById('panel');
  var panelName = document.getElementById('panel-name');
  var panelBody = document.getElementById('panel-body');
  var search = document.getElementById('search');
  var noMatch = document.getElementById('no-match');
  var filter = document.getElementById('role-filter');
  var entries = {};
  Array.prototype.forEach.call(document.querySelectorAll('li.actor-entry'), function (li) {
    entries[li.getAttribute('data-actor')] = li;
  });

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  // Everything on the page that stands for an actor: boxes in the maps, buttons, list entries.
  function shapesOf(id) {
    return all('[data-actor]').filter(function (e) {
      return e.getAttribute('data-actor') === id;
    });
  }

  // The boxes of the maps can be reached with Tab and chosen with Enter or Space.
  all('svg g[data-actor]').forEach(function (g) {
    var entry = entries[g.getAttribute('data-actor')];
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    if (entry) {
      g.setAttribute('aria-label', entry.getAttribute('data-name'));
    }
  });

  function select(id) {
    all('.selected').forEach(function (e) {
      e.classList.remove('selected');
    });
    var entry = id && entries[id];
    if (!entry) {
      panel.hidden = true;
      body.removeAttribute('data-selected');
      return;
    }
    shapesOf(id).forEach(function (e) {
      e.classList.add('selected');
    });
    body.setAttribute('data-selected', id);
    panelName.textContent = entry.getAttribute('data-name');
    panelBody.textContent = '';
    var roles = entry.querySelector('ul.roles, .gap');
    if (roles) {
      panelBody.appendChild(roles.cloneNode(true));
    }
    panel.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-actor]');
    if (target && !target.classList.contains('actor-entry')) {
      select(target.getAttribute('data-actor'));
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      select(null);
      return;
    }
    var g = event.target.closest && event.target.closest('svg g[data-actor]');
    if (g && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select(g.getAttribute('data-actor'));
    }
  });
  document.getElementById('panel-close').addEventListener('click', function () {
    select(null);
  });

  // Names compared as actormap compares them: accents, case, spaces and punctuation ignored.
  function key(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
      .toLowerCase().replace(/[^a-z0-9&]/g, '');
  }

  function find() {
    var wanted = key(search.value);
    var found = [];
    Object.keys(entries).forEach(function (id) {
      var li = entries[id];
      var keys = li.getAttribute('data-keys').split(' ');
      var hit = wanted === '' || keys.some(function (k) {
        return k.indexOf(wanted) !== -1;
      });
      li.hidden = !hit;
      if (hit) {
        found.push(id);
      }
    });
    noMatch.hidden = found.length > 0;
    return found;
  }
  search.addEventListener('input', find);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      var found = find();
      if (wantedIsSet() && found.length > 0) {
        select(found[0]);
        var first = all('svg g.selected')[0] || entries[found[0]];
        first.scrollIntoView({ block: 'center' });
      }
    }
  });
  function wantedIsSet() {
    return key(search.value) !== '';
  }

  // The role filter: in the maps, the boxes of other roles fade; in the lists, the actors
  // without that role are hidden.
  function applyFilter() {
    var role = filter.value;
    all('.faded').forEach(function (e) {
      e.classList.remove('faded');
    });
    if (role === '') {
      return;
    }
    var holders = {};
    Object.keys(entries).forEach(function (id) {
      if (entries[id].querySelector('li[data-role="' + role + '"]')) {
        holders[id] = true;
      }
    });
    all('svg g[data-actor]').forEach(function (g) {
      var own = g.getAttribute('data-role');
      var kept = own ? own === role : holders[g.getAttribute('data-actor')];
      if (!kept) {
        g.classList.add('faded');
      }
    });
    Object.keys(entries).forEach(function (id) {
      if (!holders[id]) {
        entries[id].classList.add('faded');
      }
    });
  }
  filter.addEventListener('change', applyFilter);

  // index.html?domain=DC3 shows that domain alone; ?actor=ID chooses that actor.
  var params = new URLSearchParams(location.search);
  var only = all('section.domain').filter(function (s) {
    return s.getAttribute('data-domain') === params.get('domain');
  })[0];
  if (only) {
    body.classList.add('single');
    only.classList.add('shown');
  }
  if (params.get('actor')) {
    select(params.get('actor'));
  }

  if (params.has('selftest')) {
    selftest();
  }

  // Click an actor of a domain map, check its boxes and the panel; choose another with the
  // keyboard; find one by a name typed without accents; filter by role.
  function selftest() {
    var failures = [];
    function expect(ok, what) {
      if (!ok) {
        failures.push(what);
      }
    }
    var box = all('figure[data-map="domain"] svg g[data-actor]')[0];
    expect(box, 'no actor box in the domain maps');
    if (box) {
      var id = box.getAttribute('data-actor');
      var rect = box.querySelector('rect');
      var before = getComputedStyle(rect).stroke;
      box.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var boxes = all('svg g[data-actor]').filter(function (g) {
        return g.getAttribute('data-actor') === id;
      });
      expect(boxes.length > 0, 'no box of the actor');
      boxes.forEach(function (g, i) {
        expect(g.classList.contains('selected'), 'box ' + i + ' of ' + id + ' not highlighted');
      });
      var after = getComputedStyle(rect).stroke;
      expect(before !== after, 'the highlight does not show (' + before + ')');
      expect(all('svg g.selected').length === boxes.length, 'other boxes highlighted');
      expect(!panel.hidden, 'the panel is hidden');
      var entry = entries[id];
      expect(panelName.textContent === entry.getAttribute('data-name'), 'the panel names '
        + panelName.textContent);
      var objectives = all('li.actor-entry[data-actor] li[data-objective]').filter(function (li) {
        return li.closest('li.actor-entry') === entry;
      }).map(function (li) {
        return li.getAttribute('data-objective');
      });
      expect(objectives.length > 0, 'no role listed for ' + id);
      objectives.forEach(function (o) {
        expect(panelBody.querySelector('li[data-objective="' + o + '"]'),
          'the panel misses objective ' + o);
      });
      var other = all('svg g[data-actor]').filter(function (g) {
        return g.getAttribute('data-actor') !== id;
      })[0];
      if (other) {
        var plain = getComputedStyle(other.querySelector('rect')).strokeDasharray;
        other.focus();
        expect(document.activeElement === other, 'a box cannot take the focus');
        expect(getComputedStyle(other.querySelector('rect')).strokeDasharray !== plain,
          'the focused box does not show it');
        other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        expect(body.getAttribute('data-selected') === other.getAttribute('data-actor'),
          'Enter on a box does not choose it');
      }
      var name = entry.getAttribute('data-name');
      search.value = name.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      var found = find();
      expect(found.indexOf(id) !== -1, 'the search does not find ' + name);
      expect(!entry.hidden, 'the entry found is hidden');
      search.value = '';
      find();
      var role = box.getAttribute('data-role');
      var otherRole = all('svg g[data-role]').filter(function (g) {
        return g.getAttribute('data-role') !== role;
      })[0];
      if (role && otherRole) {
        filter.value = role;
        filter.dispatchEvent(new Event('change'));
        expect(!box.classList.contains('faded'), 'the filter fades its own role');
        expect(Number(getComputedStyle(otherRole).opacity) < 1, 'the filter fades nothing');
        filter.value = '';
        filter.dispatchEvent(new Event('change'));
      }
      select(id);
    }
    body.setAttribute('data-selftest', failures.length === 0 ? 'ok' : 'failed');
    var report = document.createElement('pre');
    report.id = 'selftest';
    report.textContent = failures.join('\n');
    body.appendChild(report);
  }
})();

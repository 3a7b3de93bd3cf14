//! The report [`Page`] -> one self-contained HTML file: the maps as inline SVG (from the
//! Scene writer `render::svg`), the style and the script inline, nothing fetched from the
//! network. Every string of the data goes through [`escape`]; the same page gives the same
//! bytes (no date of today, no random id).

use std::fmt::Write;

use super::{
    ActorEntry, ActorRef, DomainSection, Label, Listed, MAX_ACTORS, MAX_FINDINGS, MAX_OBJECTIVES,
    ObjectiveEntry, Page,
};
use crate::check::Severity;
use crate::check::message::Label as CheckLabel;
use crate::i18n::Catalog;
use crate::layout::scene::Scene;
use crate::layout::text::{self, FONT_FAMILY};
use crate::model::Role;
use crate::names;
use crate::render::svg::{self, escape};
use crate::status::output::{quantity, summary_lines, value};

/// The page's style sheet (screen and print).
const STYLE: &str = include_str!("page.css");
/// The page's script: choosing an actor, the role filter, the search, the self-test.
const SCRIPT: &str = include_str!("page.js");

/// The page as one HTML document.
pub fn write(page: &Page) -> String {
    let words = page.lang.catalog();
    let label = |l: Label| words.report_label(l);
    let mut h = String::with_capacity(512 * 1024);
    let _ = writeln!(h, "<!DOCTYPE html>");
    let _ = writeln!(h, r#"<html lang="{}">"#, page.lang.code());
    h.push_str("<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#);
    h.push('\n');
    let _ = writeln!(
        h,
        "<title>{} – {}</title>",
        escape(&page.territory),
        label(Label::Report)
    );
    h.push_str("<style>\n");
    fonts(&mut h);
    let _ = writeln!(h, "{STYLE}</style>\n</head>");
    h.push_str("<body>\n");
    let _ = writeln!(
        h,
        r##"<a class="skip" href="#main">{}</a>"##,
        label(Label::SkipToContent)
    );
    let (head, bonus) = summary_lines(&page.status, page.lang);
    let _ = writeln!(h, "<header>\n<h1>{}</h1>", escape(&page.territory));
    for line in &head {
        let _ = writeln!(h, "<p>{}</p>", escape(line));
    }
    h.push_str("</header>\n");
    contents(&mut h, page, words);
    tools(&mut h, words);
    h.push_str("<main id=\"main\">\n");

    section_start(&mut h, "programme", label(Label::Programme));
    h.push_str("<ul class=\"money\">\n");
    for line in &bonus {
        let _ = writeln!(h, "<li>{}</li>", escape(line));
    }
    h.push_str("</ul>\n</section>\n");

    let mut maps = 0;
    section_start(&mut h, "avancement", label(Label::Progress));
    figures(&mut h, &page.status_chart, "status", &mut maps, words);
    h.push_str("</section>\n");

    section_start(&mut h, "constats", label(Label::Findings));
    findings(&mut h, page, words);
    h.push_str("</section>\n");

    section_start(&mut h, "domaines", label(Label::Domains));
    for (i, d) in page.domains.iter().enumerate() {
        domain(&mut h, d, i + 1, &mut maps, words);
    }
    figures(&mut h, &page.links, "links", &mut maps, words);
    h.push_str("</section>\n");

    section_start(&mut h, "matrice", label(Label::Matrix));
    figures(&mut h, &page.matrix, "matrix", &mut maps, words);
    h.push_str("</section>\n");

    section_start(&mut h, "acteurs", label(Label::Actors));
    figures(&mut h, &page.governance, "governance", &mut maps, words);
    actors(&mut h, page, words);
    h.push_str("</section>\n");

    h.push_str("</main>\n");
    panel(&mut h, words);
    let _ = writeln!(h, "<footer>{}</footer>", label(Label::MadeBy));
    // The script is ours, never the data (tested: nothing in it closes its element).
    let _ = writeln!(h, "<script>\n{SCRIPT}</script>");
    h.push_str("</body>\n</html>\n");
    h
}

/// The maps' own font, embedded: their texts were measured with it, so they fit their boxes
/// on any machine, without fetching anything.
fn fonts(h: &mut String) {
    use base64::Engine;
    for (weight, bytes) in [(400, text::REGULAR), (700, text::BOLD)] {
        let _ = writeln!(
            h,
            r#"@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; src: url(data:font/ttf;base64,{}) format("truetype"); }}"#,
            base64::engine::general_purpose::STANDARD.encode(bytes)
        );
    }
}

/// The search box and the role filter.
fn tools(h: &mut String, words: &dyn Catalog) {
    let label = |l: Label| words.report_label(l);
    h.push_str("<div class=\"tools\" role=\"search\">\n");
    let _ = writeln!(
        h,
        r#"<label for="search">{}</label> <input type="search" id="search" placeholder="{}" autocomplete="off">"#,
        label(Label::Search),
        label(Label::SearchPlaceholder)
    );
    let _ = writeln!(
        h,
        r#"<span id="no-match" class="gap" role="status" hidden>{}</span>"#,
        label(Label::NoMatch)
    );
    let _ = writeln!(
        h,
        r#"<label for="role-filter">{}</label> <select id="role-filter">"#,
        label(Label::RoleFilter)
    );
    let _ = writeln!(h, r#"<option value="">{}</option>"#, label(Label::AllRoles));
    for role in Role::ALL {
        let _ = writeln!(
            h,
            r#"<option value="{}">{}</option>"#,
            role.id(),
            escape(words.legend(role))
        );
    }
    h.push_str("</select>\n</div>\n");
}

/// The panel of the actor chosen, filled by the script.
fn panel(h: &mut String, words: &dyn Catalog) {
    let label = |l: Label| words.report_label(l);
    let _ = writeln!(
        h,
        r#"<aside id="panel" aria-labelledby="panel-title" aria-live="polite" hidden>
<h2 id="panel-title">{}</h2>
<button type="button" id="panel-close">{}</button>
<p id="panel-name"></p>
<div id="panel-body"></div>
</aside>"#,
        label(Label::Panel),
        label(Label::Close)
    );
}

fn section_start(h: &mut String, id: &str, title: &str) {
    let _ = writeln!(h, r#"<section id="{id}" aria-labelledby="{id}-titre">"#);
    let _ = writeln!(h, r#"<h2 id="{id}-titre">{}</h2>"#, escape(title));
}

/// The table of contents: the sections, the domains one by one.
fn contents(h: &mut String, page: &Page, words: &dyn Catalog) {
    let label = |l: Label| words.report_label(l);
    let _ = writeln!(
        h,
        r#"<nav aria-label="{0}"><h2 class="visually-hidden">{0}</h2><ul>"#,
        label(Label::Contents)
    );
    for (id, l) in [
        ("programme", Label::Programme),
        ("avancement", Label::Progress),
        ("constats", Label::Findings),
    ] {
        let _ = writeln!(h, r##"<li><a href="#{id}">{}</a></li>"##, label(l));
    }
    let _ = writeln!(
        h,
        r##"<li><a href="#domaines">{}</a><ul>"##,
        label(Label::Domains)
    );
    for (i, d) in page.domains.iter().enumerate() {
        let _ = writeln!(
            h,
            r##"<li><a href="#domaine-{}">{} – {}</a></li>"##,
            i + 1,
            escape(&d.id),
            escape(&d.name)
        );
    }
    h.push_str("</ul></li>\n");
    for (id, l) in [("matrice", Label::Matrix), ("acteurs", Label::Actors)] {
        let _ = writeln!(h, r##"<li><a href="#{id}">{}</a></li>"##, label(l));
    }
    h.push_str("</ul></nav>\n");
}

/// The slides of one map, each an inline SVG in its figure; `maps` counts the pictures of
/// the page so that their ids stay apart.
fn figures(h: &mut String, scenes: &[Scene], kind: &str, maps: &mut usize, words: &dyn Catalog) {
    for (i, scene) in scenes.iter().enumerate() {
        *maps += 1;
        let _ = writeln!(h, r#"<figure class="map" data-map="{kind}">"#);
        h.push_str(&svg::write_inline(scene, &format!("m{maps}-")));
        if scenes.len() > 1 {
            let _ = writeln!(
                h,
                "<figcaption>{}</figcaption>",
                escape(&words.map_page(i + 1, scenes.len()))
            );
        }
        h.push_str("</figure>\n");
    }
}

fn severity_class(s: Severity) -> &'static str {
    s.id()
}

fn findings(h: &mut String, page: &Page, words: &dyn Catalog) {
    if page.findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", words.report_label(Label::NoFindings));
        return;
    }
    let _ = writeln!(
        h,
        "<p>{}</p>",
        escape(&crate::check::output::summary(&page.findings, page.lang))
    );
    h.push_str("<ul class=\"findings\">\n");
    for f in page.findings.iter().take(MAX_FINDINGS) {
        let _ = write!(
            h,
            r#"<li class="finding {}"><span class="severity">{}</span> <code>{}</code> {}"#,
            severity_class(f.severity),
            escape(words.severity(f.severity)),
            escape(f.rule),
            escape(&f.message.render(page.lang))
        );
        if let Some(hint) = &f.hint {
            let _ = write!(
                h,
                r#"<br><span class="hint"><b>{}</b>{} {}</span>"#,
                escape(words.label(CheckLabel::Hint)),
                escape(words.colon()),
                escape(&hint.render(page.lang))
            );
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n");
    left_out(
        h,
        Listed::Findings,
        page.findings.len(),
        MAX_FINDINGS,
        words,
    );
}

/// The line after a list of `total` cut at `max`, when it is: how many are left out, and the
/// command whose workbook holds them all.
fn left_out(h: &mut String, list: Listed, total: usize, max: usize, words: &dyn Catalog) {
    if total > max {
        let _ = writeln!(
            h,
            r#"<p class="left-out">{} <code>{}</code></p>"#,
            escape(&words.left_out(list, total - max)),
            list.command()
        );
    }
}

/// An actor named on the page: a button that shows it in every map.
fn actor_button(a: &ActorRef) -> String {
    format!(
        r#"<button type="button" class="actor" data-actor="{}">{}</button>"#,
        escape(&a.id),
        escape(&a.name)
    )
}

fn domain(h: &mut String, d: &DomainSection, n: usize, maps: &mut usize, words: &dyn Catalog) {
    let label = |l: Label| words.report_label(l);
    let _ = writeln!(
        h,
        r#"<section class="domain" id="domaine-{n}" data-domain="{}" aria-labelledby="domaine-{n}-titre">"#,
        escape(&d.id)
    );
    let _ = writeln!(
        h,
        r#"<h3 id="domaine-{n}-titre">{} – {}</h3>"#,
        escape(&d.id),
        escape(&d.name)
    );
    if let Some(headline) = &d.headline {
        let _ = writeln!(h, r#"<p class="headline">{}</p>"#, escape(headline));
    }
    figures(h, &d.maps, "domain", maps, words);
    if !d.objectives.is_empty() {
        let _ = writeln!(
            h,
            "<table class=\"objectives\">\n<caption>{} – {}</caption>",
            label(Label::Objectives),
            escape(&d.id)
        );
        h.push_str("<thead><tr>");
        for l in [
            Label::Objective,
            Label::Target,
            Label::Lead,
            Label::Value,
            Label::Standing,
            Label::Means,
        ] {
            let _ = write!(h, r#"<th scope="col">{}</th>"#, label(l));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for o in d.objectives.iter().take(MAX_OBJECTIVES) {
            objective_row(h, o, words);
        }
        h.push_str("</tbody>\n</table>\n");
        left_out(
            h,
            Listed::Objectives,
            d.objectives.len(),
            MAX_OBJECTIVES,
            words,
        );
    }
    h.push_str("</section>\n");
}

fn objective_row(h: &mut String, o: &ObjectiveEntry, words: &dyn Catalog) {
    let s = &o.status;
    let _ = write!(
        h,
        r#"<tr><th scope="row"><span class="id">{}</span>{} {}</th>"#,
        escape(&s.id),
        if s.priority { " *" } else { "" },
        escape(&s.title)
    );
    let _ = write!(h, "<td>{}</td>", escape(&quantity(s.target, s, words)));
    let leads = if o.leads.is_empty() {
        format!(
            r#"<span class="gap">{}</span>"#,
            words.report_label(Label::NoLead)
        )
    } else {
        o.leads
            .iter()
            .map(actor_button)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = write!(h, "<td>{leads}</td>");
    let _ = write!(h, "<td>{}</td>", escape(&value(s, words)));
    let _ = write!(
        h,
        r#"<td class="standing {}">{}</td>"#,
        s.standing.id(),
        escape(words.standing(s.standing))
    );
    h.push_str("<td>");
    for (means, who) in &o.means {
        let names: Vec<String> = who.iter().map(actor_button).collect();
        let _ = write!(
            h,
            r#"<div class="means"><b>{}</b>{} {}</div>"#,
            escape(words.means(*means)),
            escape(words.colon()),
            names.join(" ")
        );
    }
    h.push_str("</td></tr>\n");
}

/// Every actor with its roles, objective by objective.
/// The ids of the actors the page shows outside its list: in a picture, or in the row of an
/// objective it shows.
fn shown_elsewhere(page: &Page) -> std::collections::HashSet<&str> {
    let scenes = page
        .status_chart
        .iter()
        .chain(&page.links)
        .chain(&page.matrix)
        .chain(&page.governance)
        .chain(page.domains.iter().flat_map(|d| &d.maps));
    let mut ids = std::collections::HashSet::new();
    for scene in scenes {
        for (group, _) in scene.flatten() {
            if let Some(id) = group.and_then(|g| g.data.get("actor")) {
                ids.insert(id.as_str());
            }
        }
    }
    let rows = page
        .domains
        .iter()
        .flat_map(|d| d.objectives.iter().take(MAX_OBJECTIVES));
    for o in rows {
        let named = o
            .leads
            .iter()
            .chain(o.means.iter().flat_map(|(_, who)| who));
        ids.extend(named.map(|a| a.id.as_str()));
    }
    ids
}

/// The list of actors: every one the page shows elsewhere, and others in file order up to
/// `MAX_ACTORS`; then how many are left out.
fn actors(h: &mut String, page: &Page, words: &dyn Catalog) {
    let elsewhere = shown_elsewhere(page);
    let mut room = MAX_ACTORS;
    let listed: Vec<&ActorEntry> = page
        .actors
        .iter()
        .filter(|a| {
            let shown = elsewhere.contains(a.id.as_str());
            let listed = shown || room > 0;
            if listed && !shown {
                room -= 1;
            }
            listed
        })
        .collect();
    h.push_str("<ul class=\"actors\">\n");
    for a in listed.iter().copied() {
        // What the search compares with: the keys of its id, name and aliases, as
        // `names::key` makes them (the script folds what is typed the same way).
        let keys: Vec<String> = std::iter::once(&a.id)
            .chain(std::iter::once(&a.name))
            .chain(&a.aliases)
            .map(|n| names::key(n))
            .filter(|k| !k.is_empty())
            .collect();
        let _ = write!(
            h,
            r#"<li class="actor-entry" data-actor="{}" data-name="{}" data-keys="{}">{}"#,
            escape(&a.id),
            escape(&a.name),
            escape(&keys.join(" ")),
            actor_button(&ActorRef {
                id: a.id.clone(),
                name: a.name.clone()
            })
        );
        let mut about: Vec<&str> = a.aliases.iter().map(String::as_str).collect();
        if let Some(kind) = &a.kind {
            about.insert(0, kind);
        }
        if !about.is_empty() {
            let _ = write!(
                h,
                r#" <span class="about">({})</span>"#,
                escape(&about.join(", "))
            );
        }
        if a.roles.is_empty() {
            let _ = write!(
                h,
                r#" <span class="gap">{}</span>"#,
                words.report_label(Label::NoRole)
            );
        } else {
            h.push_str("\n<ul class=\"roles\">\n");
            for r in &a.roles {
                let _ = write!(
                    h,
                    r#"<li data-role="{}" data-objective="{}"><b>{}</b>{} <span class="id">{}</span> {}"#,
                    r.role.id(),
                    escape(&r.objective),
                    escape(words.role(r.role)),
                    escape(words.colon()),
                    escape(&r.objective),
                    escape(&r.title)
                );
                if let Some(m) = r.means {
                    let _ = write!(
                        h,
                        r#" <span class="about">({})</span>"#,
                        escape(words.means(m))
                    );
                }
                h.push_str("</li>\n");
            }
            h.push_str("</ul>");
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n");
    left_out(h, Listed::Actors, page.actors.len(), listed.len(), words);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_and_the_script_cannot_close_their_element() {
        assert!(!SCRIPT.contains("</"), "page.js holds \"</\"");
        assert!(!STYLE.contains("</"), "page.css holds \"</\"");
    }
}

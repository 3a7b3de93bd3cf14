#!/usr/bin/env bash
# The picture build against Graphviz, side by side in one run (issue 9's goals):
#   - the release binary's first `build` of the bundled data (SVG + PNG, the web page and the
#     dossier, into an empty folder), and its pictures alone (`render --all`),
#   - its second `build` into the same folder (nothing changed: no PNG is drawn again),
#   - the first build again on one core only (taskset), to see how it scales with the cores,
#   - the first `build --format svg` (no PNG at all),
#   - Graphviz `twopi` on a 16-actor star, to SVG and to PNG,
# with the ratios. Uses hyperfine when installed (`apt-get install hyperfine`), else a loop
# timing each run with `date`. Wall times: the figures depend on what else the machine does,
# so the load average is printed before and after. Not part of CI.
# Usage: scripts/bench-build.sh [RUNS]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
cargo build --release --quiet
bin=$PWD/target/release/actormap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
echo "machine: $cores cores; load average before: $(load)"
if command -v hyperfine >/dev/null; then
    echo "timer: hyperfine ($(hyperfine --version)), $runs runs each, median"
else
    echo "timer: a loop with date (install hyperfine for steadier figures), $runs runs each, median"
fi
echo

# The 16-actor star Graphviz draws: a hub and 16 labelled actors around it.
{
    echo 'digraph G { hub [label="Vers la réduction du gaspillage alimentaire"];'
    for i in $(seq 16); do echo "a$i [label=\"Acteur $i\"]; hub -> a$i;"; done
    echo '}'
} >"$work/star.dot"

# median_ms NAME PREPARE COMMAND...: time COMMAND (PREPARE, a command line without quotes, runs
# before each run, untimed), print the median and the least in ms, keep the median in
# $median. Exit codes are ignored: `build` exits with 1 on the bundled data's findings.
median=0
median_ms() {
    local name=$1 prepare=$2
    shift 2
    if command -v hyperfine >/dev/null; then
        # Named plainly: a comma in the command (`--format svg,png`) would shift the CSV's columns.
        local args=(--runs "$runs" --warmup 3 -N -i --style none -n run --export-csv "$work/t.csv")
        [ -n "$prepare" ] && args+=(--prepare "$prepare")
        hyperfine "${args[@]}" "$*" >/dev/null 2>&1
        # command,mean,stddev,median,user,system,min,max (seconds)
        read -r median least < <(awk -F, 'NR == 2 {printf "%.1f %.1f\n", $4 * 1000, $7 * 1000}' "$work/t.csv")
    else
        local times=() start end
        for _ in $(seq "$runs"); do
            [ -n "$prepare" ] && $prepare
            start=$(date +%s%N)
            "$@" >/dev/null 2>&1 || true
            end=$(date +%s%N)
            times+=($(((end - start) / 1000)))
        done
        read -r median least < <(printf '%s\n' "${times[@]}" | sort -n |
            awk '{a[NR] = $1} END {printf "%.1f %.1f\n", a[int((NR + 1) / 2)] / 1000, a[1] / 1000}')
    fi
    printf '%-44s %8s ms  (least %s ms)\n' "$name" "$median" "$least"
}

median_ms "actormap build, first (SVG + PNG)" "rm -rf $work/first" \
    "$bin" build --out "$work/first"
first=$median
# The pictures alone (what `build` made when issue 9 was written: no dossier, no web page).
median_ms "actormap render --all, SVG + PNG" "rm -rf $work/pictures" \
    "$bin" render --all --format svg,png --out "$work/pictures"
pictures=$median
if command -v taskset >/dev/null && [ "$cores" -gt 1 ]; then
    median_ms "actormap build, first, on 1 core" "rm -rf $work/one" \
        taskset -c 0 "$bin" build --out "$work/one"
    one_core=$median
fi
"$bin" build --out "$work/again" >/dev/null 2>&1 || true
# The stamps of files written less than 3 s before vouch for nothing yet (a same-length edit
# within the file system's time tick could keep them): a build that soon after reads the files
# again. A committee's rebuild comes minutes later; wait for the files to settle, then let one
# build record them settled.
sleep 3.5
"$bin" build --out "$work/again" >/dev/null 2>&1 || true
median_ms "actormap build, second (nothing changed)" "" \
    "$bin" build --out "$work/again"
second=$median
"$bin" build --lang en --out "$work/again" 2>/dev/null | grep -q '^wrote ' &&
    echo "  (!) the second build wrote files: the timing above is not of a build with nothing to do"
median_ms "actormap build --format svg, first" "rm -rf $work/svg" \
    "$bin" build --format svg --out "$work/svg"
svg_only=$median

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? "met" : "NOT met"}'; }
if [ -n "${one_core:-}" ]; then
    echo "  scaling: the first build is $(ratio "$one_core" "$first") times as fast on $cores cores as on 1"
fi
echo
if command -v twopi >/dev/null; then
    median_ms "twopi -Tsvg, 16-actor star" "" twopi -Tsvg "$work/star.dot" -o "$work/star.svg"
    twopi_svg=$median
    median_ms "twopi -Tpng, 16-actor star" "" twopi -Tpng "$work/star.dot" -o "$work/star.png"
    twopi_png=$median
    echo
    echo "ratios (actormap / twopi; below 1 is faster than Graphviz):"
    printf '  first build  / twopi -Tpng  %6s    first build  / twopi -Tsvg  %6s\n' \
        "$(ratio "$first" "$twopi_png")" "$(ratio "$first" "$twopi_svg")"
    printf '  second build / twopi -Tpng  %6s    second build / twopi -Tsvg  %6s\n' \
        "$(ratio "$second" "$twopi_png")" "$(ratio "$second" "$twopi_svg")"
    printf '  build --format svg / twopi -Tsvg  %6s\n' "$(ratio "$svg_only" "$twopi_svg")"
else
    echo "################################################################################"
    echo "## twopi (Graphviz) is NOT installed: no comparison with Graphviz was made.     ##"
    echo "## Install it (apt-get install graphviz) and run this script again.              ##"
    echo "################################################################################"
fi
echo
echo "goals of issue 9 (on $cores cores):"
echo "  first build under 100 ms:                 $first ms, $(verdict "$first" 100)"
echo "    (the pictures alone, render --all:      $pictures ms, $(verdict "$pictures" 100))"
if [ -n "${twopi_svg:-}" ]; then
    echo "  second build faster than one twopi run:   $second ms against $twopi_svg ms (twopi -Tsvg), $(verdict "$second" "$twopi_svg")"
else
    echo "  second build faster than one twopi run:   $second ms, not compared (no twopi)"
fi
echo
echo "load average after: $(load)"

#!/usr/bin/env bash
# Wall time of the whole `actormap build` on the bundled data (release binary), against one
# Graphviz `twopi` run on a 16-actor star when graphviz is installed. Not part of CI.
# Usage: scripts/bench-build.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median_ms() { # command...
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms (min %.1f ms)", a[int((NR+1)/2)]/1000, a[1]/1000}'
}

echo "actormap build, SVG and PNG:  $(median_ms target/release/actormap build --out "$out/a")"
echo "actormap build, SVG only:     $(median_ms target/release/actormap build --format svg --out "$out/b")"
if command -v twopi >/dev/null; then
    {
        echo 'digraph G { hub [label="Vers la réduction du gaspillage alimentaire"];'
        for i in $(seq 16); do echo "a$i [label=\"Acteur $i\"]; hub -> a$i;"; done
        echo '}'
    } >"$out/star.dot"
    echo "twopi -Tsvg, 16 actors:       $(median_ms twopi -Tsvg "$out/star.dot" -o "$out/star.svg")"
    echo "twopi -Tpng, 16 actors:       $(median_ms twopi -Tpng "$out/star.dot" -o "$out/star.png")"
else
    echo "twopi not installed: no Graphviz comparison"
fi

#!/usr/bin/env bash
# The README's picture of the report page, docs/report.png: the page of the bundled data
# showing DC3 alone with SEVADEC chosen (index.html?domain=DC3&actor=sevadec), taken by
# headless Chromium at 1600x1000 (apt-get install -y --no-install-recommends chromium).
# Usage: scripts/report-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome) \
  || { echo "no Chromium (chromium, chromium-browser, google-chrome) found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Exit 1 means findings of error severity (the bundled data has gaps, on purpose).
status=0
cargo run --quiet -- report --out "$work" >/dev/null || status=$?
[ "$status" -le 1 ] || exit "$status"
mkdir -p docs
"$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size=1600,1000 \
  --screenshot="$PWD/docs/report.png" "file://$work/index.html?domain=DC3&actor=sevadec" \
  2>/dev/null
ls -l docs/report.png

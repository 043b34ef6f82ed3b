#!/usr/bin/env bash
# Real-browser check of the HTML workshop report, run by .ci/run on a fresh machine as root.
#
# Renders the samples' analyze and plan reports to HTML, and those of a generated 2,000-person
# organization (`understudy generate --people 2000 --seed 1`; the plan with a 2 s time limit),
# then in headless Chromium (Debian's package, installed when missing): fails if a page
# requests anything but itself or logs a console error (DevTools protocol,
# scripts/browser_check.py, which first proves on a canary page that it does catch both);
# fails if, in a 1,400 px window, any table or section is cut off: wider than its section
# without a scroll box that reaches its edge, or making the page scroll sideways
# (scripts/browser_layout.py, proven first on a canary page too; screenshots of every section
# go to $out/layout/); then renders the samples' pages to PNG and PDF and fails if a screenshot
# is blank (scripts/browser_png.py) or the PDF is not A4 landscape.
#
# Environment:
#   UNDERSTUDY_SCRATCH_PATH  build with `--scratch-path` this folder (default: swift's own)
#   BROWSER_CHECK_OUT        keep the HTML, PNG and PDF files here (default: a new temp folder)
#   CHROMIUM                 the browser to run (default: chromium)
#   SAVE_SCREENSHOT=1        also copy the plan's screenshot to docs/report-screenshot.png
#   BROWSER_CHECK_LARGE=1    also check the analyze report of 20,000 generated people (25 s
#                            more on a loaded 2-core machine, 98 s in all against 74 s; not in
#                            .ci/run, whose whole budget is 15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "browser-check: error: $*" >&2; exit 1; }

scratch=()
if [ -n "${UNDERSTUDY_SCRATCH_PATH:-}" ]; then scratch=(--scratch-path "$UNDERSTUDY_SCRATCH_PATH"); fi
out=${BROWSER_CHECK_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/understudy-browser-check.XXXXXX")}
mkdir -p "$out"
chromium=${CHROMIUM:-chromium}
samples=(samples/harborline-hr-export.xml samples/harborline-roles.xml)

install_packages() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null ||
    fail "$* missing and cannot be installed here (needs root and apt-get)"
  echo "== installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

echo "== building understudy"
swift build "${scratch[@]}" --product understudy
understudy="$(swift build "${scratch[@]}" --show-bin-path)/understudy"

echo "== rendering the samples' reports to $out"
for command in analyze plan; do
  "$understudy" "$command" "${samples[@]}" --format html --output "$out/$command.html" \
    2>"$out/$command.log" || {
    cat "$out/$command.log" >&2
    fail "understudy $command --format html failed"
  }
done

echo "== rendering a generated organization's reports (2,000 people)"
started=$SECONDS
sizes=(2000)
if [ "${BROWSER_CHECK_LARGE:-}" = 1 ]; then sizes+=(20000); fi
large=()
for people in "${sizes[@]}"; do
  "$understudy" generate --people "$people" --seed 1 --output "$out/org-$people.xml"
  "$understudy" analyze "$out/org-$people.xml" --format html --output "$out/analyze-$people.html" \
    --quiet || fail "understudy analyze of $people generated people failed"
  large+=("$out/analyze-$people.html")
done
"$understudy" plan "$out/org-2000.xml" --time-limit 2 --format html \
  --output "$out/plan-2000.html" --quiet || fail "understudy plan of 2,000 generated people failed"
large+=("$out/plan-2000.html")
echo "rendered in $((SECONDS - started)) s"

command -v python3 >/dev/null || install_packages python3
command -v "$chromium" >/dev/null || install_packages chromium
command -v "$chromium" >/dev/null || fail "'$chromium' not found after installing"
"$chromium" --version 2>/dev/null || true

echo "== proving the detector on a canary page (must be caught)"
cat >"$out/canary.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title>
<link rel="stylesheet" href="canary-missing.css"></head>
<body><p>This page requests other files and logs an error; the check must catch it.</p>
<img src="https://example.com/pixel.png" alt="">
<script>console.error("canary error");</script></body></html>
HTML
python3 scripts/browser_check.py --expect-failure "$chromium" "$out/canary.html" ||
  fail "the request and console-error detector no longer works"

echo "== loading the reports: no outside request, no console error"
python3 scripts/browser_check.py "$chromium" "$out/analyze.html" "$out/plan.html" "${large[@]}" ||
  fail "a report requested something or logged an error (see above)"

echo "== proving the layout probe on a canary page (must be caught)"
cat >"$out/layout-canary.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>layout canary</title></head>
<body><section id="wide"><table><tr><td style="min-width:3000px">a table wider than any
window, with no scroll box around it: the probe must call it cut off</td></tr></table>
</section></body></html>
HTML
python3 scripts/browser_layout.py --expect-failure "$chromium" "$out/layout-canary.html" ||
  fail "the layout probe no longer sees a table that does not fit"

echo "== nothing cut off at 1,400 px (screenshots in $out/layout/)"
started=$SECONDS
python3 scripts/browser_layout.py --width 1400 --screenshots "$out/layout" "$chromium" \
  "$out/analyze.html" "$out/plan.html" "${large[@]}" ||
  fail "a table or section is cut off at 1,400 px (see above; screenshots in $out/layout/)"
echo "measured in $((SECONDS - started)) s"

headless=(--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --disable-extensions --disable-background-networking --hide-scrollbars
  "--host-resolver-rules=MAP * ~NOTFOUND")
for page in analyze plan; do
  echo "== $page: screenshot and PDF"
  profile=$(mktemp -d)
  timeout 120 "$chromium" "${headless[@]}" --user-data-dir="$profile" --window-size=1600,1200 \
    --screenshot="$out/$page.png" "file://$out/$page.html" >"$out/$page-png.log" 2>&1 ||
    fail "chromium could not take the screenshot of $page.html (log: $out/$page-png.log)"
  timeout 120 "$chromium" "${headless[@]}" --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$page.pdf" "file://$out/$page.html" >"$out/$page-pdf.log" 2>&1 ||
    fail "chromium could not print $page.html to PDF (log: $out/$page-pdf.log)"
  rm -rf "$profile"
  python3 scripts/browser_png.py "$out/$page.png" || fail "$page.png is blank"
  python3 - "$out/$page.pdf" <<'PY' || fail "$page.pdf is not a readable A4 landscape document"
import re, sys
data = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page\b", data))
boxes = {tuple(round(float(v)) for v in box.split()[2:4])
         for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)}
print(f"{sys.argv[1]}: {len(data)} bytes, {pages} pages, page sizes {sorted(boxes)} pt")
# A4 landscape is 842 x 595 pt; Chromium rounds the height down by a point.
sys.exit(0 if data.startswith(b"%PDF-") and pages > 0
         and all(abs(w - 842) <= 2 and abs(h - 595) <= 2 for w, h in boxes) else 1)
PY
done

if [ "${SAVE_SCREENSHOT:-}" = 1 ]; then
  cp "$out/plan.png" docs/report-screenshot.png
  echo "saved docs/report-screenshot.png"
fi
echo "browser check passed (files in $out)"

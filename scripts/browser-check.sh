#!/usr/bin/env bash
# Real-browser check of the HTML workshop report, run by .ci/run on a fresh machine as root.
#
# Renders the samples' analyze and plan reports to HTML, then in headless Chromium (Debian's
# package, installed when missing): fails if a page requests anything but itself or logs a
# console error (DevTools protocol, scripts/browser_check.py, which first proves on a canary
# page that it does catch both), then renders each page to PNG and PDF and fails if the
# screenshot is blank (scripts/browser_png.py) or the PDF is not A4 landscape.
#
# Environment:
#   UNDERSTUDY_SCRATCH_PATH  build with `--scratch-path` this folder (default: swift's own)
#   BROWSER_CHECK_OUT        keep the HTML, PNG and PDF files here (default: a new temp folder)
#   CHROMIUM                 the browser to run (default: chromium)
#   SAVE_SCREENSHOT=1        also copy the plan's screenshot to docs/report-screenshot.png
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
python3 scripts/browser_check.py "$chromium" "$out/analyze.html" "$out/plan.html" ||
  fail "a report requested something or logged an error (see above)"

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

#!/usr/bin/env bash
# Checks the samples' check-in calendar with a real iCalendar parser (Python's icalendar, from
# PyPI, installed into a throwaway virtual environment under .build/). Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/venv-calendar
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'icalendar>=5,<7'
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift run --quiet understudy plan samples/harborline-hr-export.xml samples/harborline-roles.xml \
  --format json --output "$work/plan.json" --calendar "$work/checkins.ics" 2>/dev/null
"$venv/bin/python" scripts/check_calendar.py "$work/plan.json" "$work/checkins.ics" \
  samples/harborline-hr-export.xml

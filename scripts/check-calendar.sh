#!/usr/bin/env bash
# Checks the samples' check-in calendars with a real iCalendar parser (Python's icalendar, from
# PyPI, installed into a throwaway virtual environment under .build/) and Python's zoneinfo:
# the standard pattern in floating time, and two zoned patterns over 26 weeks, across the
# change of clocks in March. Run by .ci/run; what is checked: scripts/check_calendar.py.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/venv-calendar
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'icalendar>=5,<7'
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=(samples/harborline-hr-export.xml samples/harborline-roles.xml)
swift build --quiet --product understudy
binary=$(swift build --show-bin-path)/understudy

# check NAME [PLAN OPTIONS...] -- [CHECKER OPTIONS...]
check() {
  local name=$1
  shift
  local plan=()
  while [ "$1" != "--" ]; do plan+=("$1"); shift; done
  shift
  "$binary" plan "${inputs[@]}" --quiet --format json --output "$work/$name.json" \
    --calendar "$work/$name.ics" "${plan[@]}" 2>/dev/null
  echo -n "$name: "
  "$venv/bin/python" scripts/check_calendar.py "$work/$name.json" "$work/$name.ics" \
    "${inputs[@]}" "$@"
}

check standard --
check paris --weeks 26 --timezone Europe/Paris --checkin-day wed --checkin-time 14:30 \
  --checkin-every 3 -- --timezone Europe/Paris --day wed --time 14:30 --every 3
# Every week, late on Fridays (three slots before 18:00), in a zone west of UTC.
check new-york --weeks 26 --timezone America/New_York --checkin-day fri --checkin-time 16:30 \
  --checkin-every 1 --checkin-minutes 30 -- --timezone America/New_York --day fri \
  --time 16:30 --every 1

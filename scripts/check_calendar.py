"""Parses a check-in calendar with icalendar and checks it against the plan and the inputs.

Usage: check_calendar.py PLAN.json CHECKINS.ics INPUT.xml... [--timezone ZONE] [--day DAY]
       [--time HH:MM] [--minutes N] [--every WEEKS]

The options repeat what `understudy plan` was asked for (defaults: floating time, mon, 10:00,
30, 2). Checked, each from the inputs rather than from the tool's own code where possible:

- the file's form: CRLF line ends, lines of at most 75 octets, parsed by icalendar;
- the calendar and the plan's week-by-week view agree: one event per check-in the plan JSON
  lists, on the same day and at the same time, in the same week;
- nobody meets while away: no check-in on a day either person is inside an absence or after
  their leaving date (read from the native XML inputs), on a holiday or at the weekend;
- nobody is in two check-ins at once (events compared as UTC instants when zoned);
- the pattern: the requested weekday unless moved, the requested time or a later slot on the
  same grid ending by 18:00, check-ins due every WEEKS weeks from a pair's first week;
- time zone: with --timezone every DTSTART carries TZID=ZONE and the one VTIMEZONE gives, for
  each sub-component, the offsets zoneinfo gives around that instant, and the instant of every
  event resolved through the VTIMEZONE is the instant zoneinfo gives for its wall time; without
  it, floating times (no TZID, no UTC 'Z', no VTIMEZONE).

Exits non-zero with a message on the first mismatch.
"""
import argparse
import collections
import datetime
import json
import sys
import xml.etree.ElementTree as ElementTree
import zoneinfo

import icalendar

NAMESPACE = "{urn:understudy:org:1}"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
DAY_END = datetime.time(18, 0)


def fail(message):
    print(f"calendar check failed: {message}", file=sys.stderr)
    sys.exit(1)


def read_inputs(paths):
    """Person id -> {email, absences, leaves}, and the holidays, from native files."""
    people = collections.defaultdict(lambda: {"email": None, "absences": [], "leaves": None})
    holidays = set()
    for path in paths:
        root = ElementTree.parse(path).getroot()
        for person in root.iter(NAMESPACE + "person"):
            entry = people[person.get("id")]
            if person.get("email"):
                entry["email"] = person.get("email")
            if person.get("leaves"):
                entry["leaves"] = datetime.date.fromisoformat(person.get("leaves"))
            for absence in person.iter(NAMESPACE + "absence"):
                entry["absences"].append(
                    (datetime.date.fromisoformat(absence.get("from")),
                     datetime.date.fromisoformat(absence.get("to"))))
        for holiday in root.iter(NAMESPACE + "holiday"):
            holidays.add(datetime.date.fromisoformat(holiday.get("date")))
    return people, holidays


def present(person, day):
    if person["leaves"] is not None and day > person["leaves"]:
        return False
    return not any(start <= day <= end for start, end in person["absences"])


def address(person, people):
    email = people[person]["email"] if person in people else None
    return f"mailto:{email}" if email else f"urn:understudy:person:{person}"


def text(value):
    """A property's value as written in the file (icalendar gives bytes or str by type)."""
    raw = value.to_ical()
    return raw.decode() if isinstance(raw, bytes) else raw


def check_vtimezone(calendar, zone_name):
    """Checks the VTIMEZONE against zoneinfo; returns its onsets for resolving wall times."""
    blocks = list(calendar.walk("VTIMEZONE"))
    if len(blocks) != 1:
        fail(f"{len(blocks)} VTIMEZONE components, expected 1")
    block = blocks[0]
    if str(block["TZID"]) != zone_name:
        fail(f"VTIMEZONE TZID is {block['TZID']}, not {zone_name}")
    zone = zoneinfo.ZoneInfo(zone_name)
    onsets = []
    for part in block.subcomponents:
        if part.name not in ("STANDARD", "DAYLIGHT"):
            fail(f"unexpected {part.name} inside VTIMEZONE")
        raw = text(part["DTSTART"])
        local = datetime.datetime.strptime(raw, "%Y%m%dT%H%M%S")
        before = part.decoded("TZOFFSETFROM")
        after = part.decoded("TZOFFSETTO")
        onset = (local - before).replace(tzinfo=datetime.timezone.utc)
        if local.year > 1970:
            # A real transition: zoneinfo must agree on both sides of the instant.
            seen_before = (onset - datetime.timedelta(seconds=1)).astimezone(zone).utcoffset()
            seen_after = onset.astimezone(zone).utcoffset()
            if (seen_before, seen_after) != (before, after):
                fail(f"{part.name} at {raw}: {before} -> {after}, zoneinfo says "
                     f"{seen_before} -> {seen_after}")
            if (part.name == "DAYLIGHT") != bool(onset.astimezone(zone).dst()):
                fail(f"{part.name} at {raw} is not what zoneinfo says about daylight time")
        onsets.append((onset, after))
    onsets.sort()
    if [o for o, _ in onsets] != sorted(set(o for o, _ in onsets)):
        fail("two VTIMEZONE sub-components start at the same instant")
    return onsets


def resolve(local, onsets):
    """The UTC instant of a wall time under the VTIMEZONE's onsets (RFC 5545 §3.6.5): the offset
    of the last sub-component that has begun by then."""
    offset = None
    for onset, after in onsets:
        if (local - after).replace(tzinfo=datetime.timezone.utc) >= onset:
            offset = after
    if offset is None:
        fail(f"{local} is before the VTIMEZONE's first sub-component")
    return (local - offset).replace(tzinfo=datetime.timezone.utc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("plan")
    parser.add_argument("calendar")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--timezone")
    parser.add_argument("--day", default="mon")
    parser.add_argument("--time", default="10:00")
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--every", type=int, default=2)
    args = parser.parse_args()

    plan = json.load(open(args.plan, encoding="utf-8"))
    people, holidays = read_inputs(args.inputs)
    raw = open(args.calendar, "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        fail("a line ends without CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail(f"a line is longer than 75 octets: {line[:40]!r}")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))

    pattern = plan["checkInPattern"]
    wanted_pattern = {
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][WEEKDAYS.index(args.day)],
        "time": args.time, "minutes": args.minutes, "everyWeeks": args.every,
        "timeZone": args.timezone,
    }
    if pattern != wanted_pattern:
        fail(f"the plan's checkInPattern {pattern} is not what was asked: {wanted_pattern}")

    horizon_start = datetime.date.fromisoformat(plan["horizon"]["start"])
    expected = []
    for pair in plan["pairs"]:
        weeks = [c["week"] for c in pair["checkIns"]]
        if weeks != pair["checkInWeeks"]:
            fail(f"checkInWeeks {pair['checkInWeeks']} and checkIns {weeks} disagree")
        for check_in in pair["checkIns"]:
            expected.append((pair, check_in))
    if len(events) != len(expected):
        fail(f"{len(events)} events, expected {len(expected)} check-ins")
    if len({str(event["UID"]) for event in events}) != len(events):
        fail("UIDs are not unique")

    zone = zoneinfo.ZoneInfo(args.timezone) if args.timezone else None
    onsets = check_vtimezone(calendar, args.timezone) if zone else None
    if not zone and list(calendar.walk("VTIMEZONE")):
        fail("a VTIMEZONE without --timezone")

    pattern_time = datetime.datetime.strptime(args.time, "%H:%M")
    pattern_minute = pattern_time.hour * 60 + pattern_time.minute
    latest_end = max(DAY_END.hour * 60, pattern_minute + args.minutes)
    weekday = WEEKDAYS.index(args.day)
    busy = collections.defaultdict(list)
    moved_day = moved_slot = moved_week = 0
    for event, (pair, check_in) in zip(events, expected):
        start = event["DTSTART"]
        local = start.dt
        if zone:
            if start.params.get("TZID") != args.timezone:
                fail(f"DTSTART {text(start)} has no TZID={args.timezone}")
            wall = datetime.datetime.strptime(text(start), "%Y%m%dT%H%M%S")
            instant = resolve(wall, onsets)
            truth = wall.replace(tzinfo=zone).astimezone(datetime.timezone.utc)
            if instant != truth:
                fail(f"{wall} resolves to {instant} through the VTIMEZONE, zoneinfo says {truth}")
            if local.tzinfo is None or local.astimezone(zone).replace(tzinfo=None) != wall:
                fail(f"icalendar reads {local!r}, not {wall} in {args.timezone}")
        else:
            if "TZID" in start.params or local.tzinfo is not None:
                fail(f"DTSTART {text(start)} is not floating")
            wall = local
            instant = wall
        day = wall.date()
        if f"{day.isoformat()} {wall.strftime('%H:%M')}" != f"{check_in['date']} {check_in['time']}":
            fail(f"event at {wall} but the plan shows {check_in['date']} {check_in['time']}")
        week = (day - horizon_start).days // 7 + 1
        if week != check_in["week"]:
            fail(f"event on {day} is in week {week}, the plan says week {check_in['week']}")
        if day.weekday() >= 5 or day in holidays:
            fail(f"a check-in on {day}, not a working day")
        for person in (pair["mentor"], pair["mentee"]):
            if person in people and not present(people[person], day):
                fail(f"{person} is away or gone on {day}, yet has a check-in")
        duration = event.decoded("DURATION")
        if duration != datetime.timedelta(minutes=args.minutes):
            fail(f"a check-in lasts {duration}, not {args.minutes} minutes")
        for person in (pair["mentor"], pair["mentee"]):
            busy[person].append((instant, instant + duration))
        minute = wall.hour * 60 + wall.minute
        if minute < pattern_minute or (minute - pattern_minute) % args.minutes != 0:
            fail(f"a check-in at {wall.time()} is off the {args.time} grid")
        if minute + args.minutes > latest_end:
            fail(f"a check-in at {wall.time()} runs past {DAY_END}")
        first = pair["startWeek"]
        if week < first or week > pair["endWeek"]:
            fail(f"a check-in in week {week}, outside the pair's weeks {first}-{pair['endWeek']}")
        due = first + (week - first) // args.every * args.every
        moved_week += week != due
        moved_day += day.weekday() != weekday
        moved_slot += minute != pattern_minute
        attendees = event.get("ATTENDEE")
        if not isinstance(attendees, list) or len(attendees) != 2:
            fail("a check-in does not have exactly two attendees")
        addresses = sorted(str(a) for a in attendees)
        wanted = sorted(address(person, people) for person in (pair["mentor"], pair["mentee"]))
        if addresses != wanted:
            fail(f"attendees {addresses} are not {wanted}")
        if "learns" not in str(event["SUMMARY"]):
            fail("a summary does not name the skill and the two people")
    for person, spans in busy.items():
        spans.sort()
        for (a_start, a_end), (b_start, _) in zip(spans, spans[1:]):
            if b_start < a_end:
                fail(f"{person} is in two check-ins at once at {b_start}")
    zone_text = f"in {args.timezone} (VTIMEZONE matches zoneinfo)" if zone else "floating"
    print(f"calendar check passed: {len(events)} check-ins parsed by icalendar "
          f"{icalendar.__version__}, {zone_text}, as the plan lists them; nobody away, gone "
          f"or double-booked ({moved_day} moved to another day, {moved_slot} to a later slot, "
          f"{moved_week} to a later week)")


if __name__ == "__main__":
    main()

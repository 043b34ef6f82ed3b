"""Parses a check-in calendar with icalendar and checks it against the plan it came from.

Usage: check_calendar.py PLAN.json CHECKINS.ics [EXPORT.xml]. With the export, attendees must
carry the e-mail addresses it lists. Exits non-zero with a message on any mismatch.
"""
import datetime
import json
import sys
import xml.etree.ElementTree as ElementTree

import icalendar


def fail(message):
    print(f"calendar check failed: {message}", file=sys.stderr)
    sys.exit(1)


def emails(export_path):
    """Person id -> e-mail address, from a native export (a trusted sample file)."""
    if export_path is None:
        return {}
    namespace = "{urn:understudy:org:1}"
    root = ElementTree.parse(export_path).getroot()
    return {
        person.get("id"): person.get("email")
        for person in root.iter(namespace + "person")
        if person.get("email")
    }


def address(person, known):
    if person in known:
        return f"mailto:{known[person]}"
    return f"urn:understudy:person:{person}"


def main(plan_path, calendar_path, export_path=None):
    plan = json.load(open(plan_path, encoding="utf-8"))
    known = emails(export_path)
    raw = open(calendar_path, "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        fail("a line ends without CRLF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            fail(f"a line is longer than 75 octets: {line[:40]!r}")
    calendar = icalendar.Calendar.from_ical(raw)
    events = [component for component in calendar.walk("VEVENT")]
    start = datetime.date.fromisoformat(plan["horizon"]["start"])
    expected = []
    for pair in plan["pairs"]:
        for week in pair["checkInWeeks"]:
            expected.append((pair["mentor"], pair["mentee"], week))
    if len(events) != len(expected):
        fail(f"{len(events)} events, expected {len(expected)} check-ins")
    uids = {str(event["UID"]) for event in events}
    if len(uids) != len(events):
        fail("UIDs are not unique")
    for event, (mentor, mentee, week) in zip(events, expected):
        begin = event.decoded("DTSTART")
        monday = start + datetime.timedelta(days=7 * (week - 1))
        if not (monday <= begin.date() < monday + datetime.timedelta(days=5)):
            fail(f"check-in of week {week} is on {begin.date()}, outside that week's working days")
        if event.decoded("DURATION") != datetime.timedelta(minutes=30):
            fail("a check-in does not last 30 minutes")
        attendees = event.get("ATTENDEE")
        if not isinstance(attendees, list) or len(attendees) != 2:
            fail("a check-in does not have exactly two attendees")
        addresses = sorted(str(a) for a in attendees)
        wanted = sorted(address(person, known) for person in (mentor, mentee))
        if addresses != wanted:
            fail(f"attendees {addresses} are not {wanted}")
        if "learns" not in str(event["SUMMARY"]):
            fail("a summary does not name the skill and the two people")
    with_mail = sum(1 for event in events for a in event.get("ATTENDEE") if str(a).startswith("mailto:"))
    print(f"calendar check passed: {len(events)} check-ins parsed by icalendar "
          f"{icalendar.__version__}, dates and attendees match the plan "
          f"({with_mail} attendees with e-mail addresses)")


if __name__ == "__main__":
    main(*sys.argv[1:])

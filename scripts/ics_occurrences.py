"""What a calendar program sees in Kindred's .ics file, read by code nobody
here wrote: Python's `icalendar` parses it and `recurring-ical-events`
expands its repeat rules (both from PyPI; scripts/setup.sh installs them).

    python ics_occurrences.py FILE START DAYS

START is an ISO instant in UTC. Prints JSON:
  "timed":   {uid: [UTC instants]} for events with a time, START to START+DAYS;
  "dates":   {uid: [days]} for all-day events on the days START to START+DAYS;
  "own_zone": the same "timed" expansion with each TZID renamed to a name
              no library knows, so the offsets come only from the file's
              own VTIMEZONE blocks, not from the reader's tz database.
"""

import datetime as dt
import json
import sys

import icalendar
import recurring_ical_events

UNKNOWN = "Kindred-Test-Zone-Unknown-To-Any-Library"


def timed(cal, start, stop):
    found = {}
    for event in recurring_ical_events.of(cal).between(start, stop):
        begins = event["DTSTART"].dt
        if isinstance(begins, dt.datetime):
            utc = begins.astimezone(dt.timezone.utc)
            found.setdefault(str(event["UID"]), []).append(utc.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return {uid: sorted(times) for uid, times in found.items()}


def dates(cal, start, stop):
    found = {}
    for event in recurring_ical_events.of(cal).between(start, stop):
        begins = event["DTSTART"].dt
        if not isinstance(begins, dt.datetime):
            found.setdefault(str(event["UID"]), []).append(begins.isoformat())
    return {uid: sorted(days) for uid, days in found.items()}


def main():
    path, start, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path, "rb") as f:
        raw = f.read()
    start = dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
    stop = start + dt.timedelta(days=days)
    cal = icalendar.Calendar.from_ical(raw)
    zones = [str(c["TZID"]) for c in cal.walk("VTIMEZONE")]
    renamed = raw
    for zone in zones:
        renamed = renamed.replace(f"TZID:{zone}\r\n".encode(), f"TZID:{UNKNOWN}\r\n".encode())
        renamed = renamed.replace(f";TZID={zone}:".encode(), f";TZID={UNKNOWN}:".encode())
    own = icalendar.Calendar.from_ical(renamed)
    print(
        json.dumps(
            {
                "zones": zones,
                "timed": timed(cal, start, stop),
                "dates": dates(cal, start.date(), stop.date()),
                "own_zone": timed(own, start, stop),
            }
        )
    )


if __name__ == "__main__":
    main()

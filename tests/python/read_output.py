"""Reads what gezinsplan wrote with parsers it did not write, and prints what they found as JSON.

    read_output.py eml FILE...   mail drafts: headers, parts, attachments, and their calendars
    read_output.py ics FILE      a calendar: its events

Uses Python's `email` package and the `icalendar` package from PyPI (see .ci/run).
"""

import email
import email.policy
import json
import sys

import icalendar


def when(value):
    """A DTSTART/DTEND as text, with its time zone name when it has one."""
    dt = value.dt
    tz = getattr(dt, "tzinfo", None)
    return {"value": dt.isoformat(), "tzid": value.params.get("TZID"), "utcoffset": str(dt.utcoffset()) if tz else None}


def calendar(data):
    cal = icalendar.Calendar.from_ical(data)
    zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
    events = []
    for event in cal.walk("VEVENT"):
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        organizer = event.get("ORGANIZER")
        events.append(
            {
                "uid": str(event.get("UID")),
                "dtstamp": event.decoded("DTSTAMP").isoformat(),
                "start": when(event.get("DTSTART")),
                "end": when(event.get("DTEND")),
                "summary": str(event.get("SUMMARY")),
                "location": str(event.get("LOCATION")) if event.get("LOCATION") else None,
                "description": str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") else None,
                "organizer": str(organizer) if organizer else None,
                "organizer_cn": organizer.params.get("CN") if organizer else None,
                "attendees": [str(a) for a in attendees],
                "attendee_names": [a.params.get("CN") for a in attendees],
            }
        )
    return {"method": str(cal.get("METHOD")) if cal.get("METHOD") else None, "timezones": zones, "events": events}


def mail(path):
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    parts = []
    for part in message.walk():
        if part.is_multipart():
            parts.append({"type": part.get_content_type(), "multipart": True})
            continue
        content = part.get_content()
        text = content if isinstance(content, str) else content.decode("utf-8")
        entry = {
            "type": part.get_content_type(),
            "filename": part.get_filename(),
            "charset": part.get_content_charset(),
            "method": part.get_param("method"),
            "text": text,
        }
        if part.get_content_type() == "text/calendar":
            entry["calendar"] = calendar(text)
        parts.append(entry)
    headers = {name: str(message[name]) for name in ["From", "To", "Subject", "Date", "Message-ID", "X-Unsent", "MIME-Version"] if message[name] is not None}
    return {"file": path, "defects": [str(d) for d in message.defects], "headers": headers, "parts": parts}


def main():
    kind, files = sys.argv[1], sys.argv[2:]
    if kind == "eml":
        result = [mail(path) for path in files]
    else:
        with open(files[0], "rb") as f:
            result = calendar(f.read())
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


main()

"""iCalendar (RFC 5545) writer for meetings, with VTIMEZONE built from zoneinfo.

Every event keeps the venue's zone (``DTSTART;TZID=Asia/Shanghai:20250312T100000``) so
a calendar shows it at the venue's hour and converts it correctly for a reader in
Moscow. Each VTIMEZONE lists the zone's actual UTC-offset changes over the years the
events span (one STANDARD/DAYLIGHT block per change, no RRULE), so it is right even
for zones whose rules changed, and a zone without changes (Asia/Shanghai,
Europe/Moscow today) is a single STANDARD block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_desktop import __version__
from crm_desktop.exchange.errors import ExchangeError
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import MeetingRecord
from crm_desktop.exchange.vcard_write import fold

PRODID = f"-//crm-desktop//crm-desktop {__version__}//EN"
_UTC = dt.UTC
_TEXT_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def escape_text(text: str) -> str:
    return text.translate(_TEXT_ESCAPES)


def _param(text: str) -> str:
    clean = text.replace('"', "'").replace("\r", " ").replace("\n", " ")
    return f'"{clean}"' if any(c in clean for c in ";:,") else clean


def _local(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _utc(value: dt.datetime) -> str:
    return value.astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: dt.timedelta | None) -> str:
    seconds = int((delta or dt.timedelta()).total_seconds())
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def zone(tzid: str) -> ZoneInfo:
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ExchangeError.from_code("unknown_timezone", tzid=repr(tzid)) from exc


def transitions(tz: ZoneInfo, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """UTC instants in [start, end) where the zone's UTC offset changes."""
    found: list[dt.datetime] = []
    step = dt.timedelta(days=1)
    t = start
    prev = t.astimezone(tz).utcoffset()
    while t < end:
        nxt = t + step
        off = nxt.astimezone(tz).utcoffset()
        if off != prev:
            lo, hi = t, nxt  # the change lies in (lo, hi]: bisect to the second
            while hi - lo > dt.timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == prev:
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(microsecond=0))
            prev = off
        t = nxt
    return found


def vtimezone_lines(tzid: str, first_year: int, last_year: int) -> list[str]:
    tz = zone(tzid)
    start = dt.datetime(first_year - 1, 1, 1, tzinfo=_UTC)
    end = dt.datetime(last_year + 2, 1, 1, tzinfo=_UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", f"X-LIC-LOCATION:{tzid}"]
    changes = transitions(tz, start, end)
    before = start.astimezone(tz)

    def block(at_utc: dt.datetime, off_from: dt.timedelta | None) -> list[str]:
        local = at_utc.astimezone(tz)
        kind = "DAYLIGHT" if local.dst() else "STANDARD"
        # DTSTART is the onset in local time *before* the change (RFC 5545 3.8.2.4 uses
        # the offset in effect prior to the onset).
        onset = (at_utc + (off_from or dt.timedelta())).replace(tzinfo=None)
        out = [
            f"BEGIN:{kind}",
            f"DTSTART:{_local(onset)}",
            f"TZOFFSETFROM:{_offset(off_from)}",
            f"TZOFFSETTO:{_offset(local.utcoffset())}",
        ]
        name = local.tzname()
        if name:
            out.append(f"TZNAME:{escape_text(name)}")
        out.append(f"END:{kind}")
        return out

    if not changes:
        lines += block(start, before.utcoffset())
    else:
        # The offset in force at the start of the range, as an onset at the range start,
        # then every change.
        lines += block(start, before.utcoffset())
        prev = before.utcoffset()
        for change in changes:
            lines += block(change, prev)
            prev = change.astimezone(tz).utcoffset()
    lines.append("END:VTIMEZONE")
    return lines


def event_lines(m: MeetingRecord, stamp: dt.datetime) -> list[str]:
    if m.start.tzinfo is None:
        raise ExchangeError.from_code("naive_start", title=repr(m.title))
    tz = zone(m.tzid)
    start = m.start.astimezone(tz)
    # Add the duration in UTC: wall-clock arithmetic would be an hour off across a DST change.
    end = (m.start.astimezone(_UTC) + m.duration).astimezone(tz)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{m.uid}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART;TZID={m.tzid}:{_local(start)}",
        f"DTEND;TZID={m.tzid}:{_local(end)}",
        f"SUMMARY:{escape_text(m.title)}",
    ]
    if m.created:
        lines.append(f"CREATED:{_utc(m.created)}")
    if m.updated:
        lines.append(f"LAST-MODIFIED:{_utc(m.updated)}")
    if m.location:
        lines.append(f"LOCATION:{escape_text(m.location)}")
    description = m.description
    without_email = [a for a in m.attendees if not a.email]
    if without_email:
        ours = ", ".join(a.name for a in without_email if a.ours)
        theirs = ", ".join(a.name for a in without_email if not a.ours)
        extra = "\n".join(x for x in (ours, theirs) if x)
        description = f"{description}\n\n{extra}".strip() if description else extra
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    for a in m.attendees:
        if a.email:
            role = "REQ-PARTICIPANT"
            lines.append(
                f"ATTENDEE;CN={_param(a.name)};ROLE={role};PARTSTAT=NEEDS-ACTION:mailto:{a.email}"
            )
    if m.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in m.categories))
    lines.append(f"CLASS:{'CONFIDENTIAL' if m.confidential else 'PUBLIC'}")
    lines.append("STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return lines


def write_ics(
    meetings: Iterable[MeetingRecord],
    out: BinaryIO,
    calendar_name: str = "",
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Write one VCALENDAR with a VTIMEZONE for every zone used; returns the event count.

    Meetings are held in memory (a trip has dozens, a year a few thousand) because the
    time zones must be known before the events are written.
    """
    progress = ensure(progress)
    items = list(meetings)
    progress.start(len(items))
    stamp = now or dt.datetime.now(_UTC)
    years: dict[str, tuple[int, int]] = {}
    for m in items:
        if m.start.tzinfo is None:
            raise ExchangeError.from_code("naive_start", title=repr(m.title))
        zone(m.tzid)
        y = m.start.astimezone(_UTC).year
        lo, hi = years.get(m.tzid, (y, y))
        years[m.tzid] = (min(lo, y), max(hi, y))
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if calendar_name:
        head.append(f"X-WR-CALNAME:{escape_text(calendar_name)}")
    for line in head:
        out.write(fold(line))
    for tzid in sorted(years):
        for line in vtimezone_lines(tzid, *years[tzid]):
            out.write(fold(line))
    for m in items:
        for line in event_lines(m, stamp):
            out.write(fold(line))
        progress.advance()
    out.write(fold("END:VCALENDAR"))
    progress.finish()
    return len(items)

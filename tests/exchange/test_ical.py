"""iCalendar: our output read by the icalendar package lands at the same instants."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import icalendar
import pytest

from crm_desktop.exchange.errors import ExchangeError
from crm_desktop.exchange.ical_write import vtimezone_lines, write_ics
from crm_desktop.exchange.records import Attendee, MeetingRecord

UTC = dt.UTC


def _meetings() -> list[MeetingRecord]:
    return [
        MeetingRecord(
            uid="m1@crm-desktop",
            title="Переговоры; этап 2, 会谈",
            start=dt.datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
            duration=dt.timedelta(hours=1, minutes=30),
            tzid="Asia/Shanghai",
            location="Shenzhen, Nanshan",
            description="Agenda:\n1. Pumps\n2. Sites",
            attendees=[
                Attendee("Иванов Иван", "ivanov@invest.example"),
                Attendee("张伟", "", False),
            ],
            confidential=True,
        ),
        # across the European spring-forward: 2 h of real time, local end 04:30 CEST
        MeetingRecord(
            uid="m2@crm-desktop",
            title="Berlin",
            start=dt.datetime(2025, 3, 30, 1, 30, tzinfo=ZoneInfo("Europe/Berlin")),
            duration=dt.timedelta(hours=2),
            tzid="Europe/Berlin",
        ),
        MeetingRecord(
            uid="m3@crm-desktop",
            title="Moscow debrief",
            start=dt.datetime(2025, 3, 14, 9, 0, tzinfo=ZoneInfo("Europe/Moscow")),
            duration=dt.timedelta(minutes=45),
            tzid="Europe/Moscow",
        ),
    ]


def _ics(meetings) -> bytes:
    buf = io.BytesIO()
    write_ics(meetings, buf, calendar_name="Trip", now=dt.datetime(2025, 1, 1, tzinfo=UTC))
    return buf.getvalue()


def test_icalendar_reads_the_same_instants_and_venue_zones():
    meetings = _meetings()
    cal = icalendar.Calendar.from_ical(_ics(meetings))
    events = cal.walk("VEVENT")
    assert len(events) == 3
    for m, ev in zip(meetings, events, strict=True):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert start.astimezone(UTC) == m.start.astimezone(UTC)
        assert end.astimezone(UTC) == m.start.astimezone(UTC) + m.duration
        assert ev["DTSTART"].params["TZID"] == m.tzid
        assert str(ev["UID"]) == m.uid
        assert str(ev["SUMMARY"]) == m.title
    first = events[0]
    assert first.decoded("DTSTART").hour == 10  # at the venue's hour
    assert str(first["LOCATION"]) == "Shenzhen, Nanshan"
    assert "张伟" in str(first["DESCRIPTION"])
    assert str(first["CLASS"]) == "CONFIDENTIAL"
    assert str(first["ATTENDEE"]) == "mailto:ivanov@invest.example"
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {
        "Asia/Shanghai",
        "Europe/Berlin",
        "Europe/Moscow",
    }


@pytest.mark.parametrize(
    "tzid",
    ["Europe/Berlin", "America/New_York", "Asia/Shanghai", "Europe/Moscow", "Australia/Lord_Howe"],
)
def test_vtimezone_alone_gives_zoneinfo_offsets(tzid):
    """Rename the zone so the parser must build it from our VTIMEZONE, not its own database."""
    alias = "Custom-" + tzid.replace("/", "-")
    lines = [line.replace(tzid, alias) for line in vtimezone_lines(tzid, 2025, 2026)]
    text = "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test", *lines, "END:VCALENDAR", ""]
    )
    tz = icalendar.Calendar.from_ical(text).walk("VTIMEZONE")[0].to_tz()
    zone = ZoneInfo(tzid)
    t = dt.datetime(2025, 1, 1, tzinfo=UTC)
    while t < dt.datetime(2027, 1, 1, tzinfo=UTC):
        assert t.astimezone(tz).utcoffset() == t.astimezone(zone).utcoffset(), t
        t += dt.timedelta(hours=1)


def test_naive_start_and_unknown_zone_are_refused():
    m = _meetings()[0]
    m.tzid = "Mars/Olympus"
    with pytest.raises(ExchangeError):
        _ics([m])
    m = _meetings()[0]
    m.start = m.start.replace(tzinfo=None)
    with pytest.raises(ExchangeError):
        _ics([m])

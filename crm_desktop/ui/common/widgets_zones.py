"""Time zone choice for meetings held abroad, and the same moment in Moscow."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtWidgets import QComboBox, QWidget

MOSCOW = ZoneInfo("Europe/Moscow")

# Where the delegations travel most, first; then every other IANA zone alphabetically.
PREFERRED_ZONES = (
    "Asia/Shanghai",
    "Europe/Moscow",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Almaty",
    "Asia/Tashkent",
    "Europe/Istanbul",
    "Europe/Minsk",
    "Europe/Berlin",
    "Europe/London",
    "UTC",
)


@cache
def all_zones() -> tuple[str, ...]:
    skip = ("Etc/", "SystemV/")
    rest = sorted(
        z
        for z in available_timezones()
        if z not in PREFERRED_ZONES and "/" in z and not z.startswith(skip)
    )
    return tuple(z for z in PREFERRED_ZONES if z in available_timezones() or z == "UTC") + tuple(
        rest
    )


def utc_offset(zone: str, when: datetime | None = None) -> str:
    """'UTC+08:00' at the given moment (zones with daylight saving change it)."""
    moment = (when or datetime.now(MOSCOW)).astimezone(ZoneInfo(zone))
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class ZoneCombo(QComboBox):
    """IANA zones, the usual destinations first; the item data is the zone name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(20)
        now = datetime.now(MOSCOW)
        zones = all_zones()
        for i, zone in enumerate(zones):
            self.addItem(f"{zone} ({utc_offset(zone, now)})", zone)
            if i == len(PREFERRED_ZONES) - 1:
                self.insertSeparator(self.count())

    def zone(self) -> str:
        return str(self.currentData() or "")

    def set_zone(self, zone: str) -> None:
        i = self.findData(zone)
        if i < 0:  # a zone this tzdata does not list still shows as itself
            self.addItem(zone, zone)
            i = self.count() - 1
        self.setCurrentIndex(i)

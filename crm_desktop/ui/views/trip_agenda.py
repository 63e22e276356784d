"""A trip day by day: its meetings in venue time, with who attends from each side.

``agenda_html`` renders TodayService.trip_agenda; ``TripAgendaView`` shows it (the Trips
view's "Agenda" tab), ``TripAgendaDialog`` shows it in a window (from the Today view).
Meeting titles are links that open the meeting.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QLocale, QUrl, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.today import AgendaMeeting, Attendee, TripAgenda
from crm_desktop.ui.common.labels import enum_label, names_side_by_side, ui_language
from crm_desktop.ui.common.view import ENTITY_MEETING
from crm_desktop.ui.views.details import LINK_SCHEME, link

translate = QCoreApplication.translate  # a name lupdate recognises


def _member(a: Attendee, lang: str) -> str:
    name = a.name_latin if lang != "ru" and a.name_latin else a.name
    return escape(name) + (f" — {escape(a.position)}" if a.position else "")


def _contact(a: Attendee, lang: str) -> str:
    other = a.name_ru if lang == "ru" else a.name_latin
    text = escape(names_side_by_side(a.name, other or a.name_latin or a.name_ru))
    if a.position:
        text += f" — {escape(a.position)}"
    return text


def _meeting(item: AgendaMeeting, lang: str) -> str:
    m = item.meeting
    start, end = m.venue_start, m.venue_end
    when = f"<b>{start:%H:%M}–{end:%H:%M}</b> {escape(m.venue_offset)}"
    moscow = translate("TripAgenda", "Moscow %1").replace("%1", f"{m.moscow_start:%H:%M}")
    parts = [f"{when} · {escape(moscow)} · {link(ENTITY_MEETING, m.id, m.title)}"]
    where = [
        escape(x)
        for x in (
            names_side_by_side(m.company.name_native, m.company.name_latin or m.company.name)
            if m.company
            else "",
            m.project_title,
            m.place,
            enum_label(m.format),
        )
        if x
    ]
    if where:
        parts.append("<span style='color:#555'>" + " · ".join(where) + "</span>")
    if item.language or item.interpreter:
        lang_line = ", ".join(escape(x) for x in (item.language, item.interpreter) if x)
        label = escape(translate("TripAgenda", "Language, interpreter:"))
        parts.append(f"<span style='color:#555'>{label} {lang_line}</span>")
    ours = "<br>".join(_member(a, lang) for a in item.ours) or "—"
    theirs = "<br>".join(_contact(a, lang) for a in item.theirs) or "—"
    our_side = escape(translate("TripAgenda", "Our side"))
    their_side = escape(translate("TripAgenda", "Their side"))
    table = (
        "<table cellspacing='0' cellpadding='3' width='100%'><tr>"
        f"<td width='45%' valign='top'><i>{our_side}</i><br>{ours}</td>"
        f"<td valign='top'><i>{their_side}</i><br>{theirs}</td>"
        "</tr></table>"
    )
    return "<p style='margin-bottom:2px'>" + "<br>".join(parts) + "</p>" + table


def agenda_html(agenda: TripAgenda, lang: str | None = None) -> str:
    lang = lang or ui_language()
    locale = QLocale()
    t = agenda.trip
    out = [f"<h2>{escape(t.title)}</h2>"]
    dates = (
        f"{locale.toString(t.start_date, QLocale.FormatType.ShortFormat)} — "
        f"{locale.toString(t.end_date, QLocale.FormatType.ShortFormat)}"
    )
    out.append(f"<p style='color:#555'>{escape(', '.join(x for x in (dates, t.cities) if x))}</p>")
    if agenda.members:
        label = escape(translate("TripAgenda", "Delegation:"))
        out.append(
            f"<p><i>{label}</i> " + "; ".join(_member(a, lang) for a in agenda.members) + "</p>"
        )
    for day in agenda.days:
        heading = locale.toString(day.day, QLocale.FormatType.LongFormat)
        out.append(
            f"<h3 style='margin-top:14px; border-bottom:1px solid #ccc'>{escape(heading)}</h3>"
        )
        if not day.meetings:
            none = escape(translate("TripAgenda", "No meetings."))
            out.append(f"<p style='color:#777'>{none}</p>")
        for item in day.meetings:
            out.append(_meeting(item, lang))
    return "\n".join(out)


class TripAgendaView(QTextBrowser):
    """One trip's agenda; clicking a meeting emits open_record(entity, id)."""

    open_record = Signal(str, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trip_agenda")
        self.services = services
        self.trip_id: str | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)

    def show_trip(self, trip_id: str | None) -> None:
        self.trip_id = trip_id
        if not trip_id:
            hint = translate("TripAgenda", "Select a trip to see its agenda.")
            self.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
            return
        try:
            self.setHtml(agenda_html(self.services.today.trip_agenda(trip_id)))
        except NotFoundError:
            self.trip_id = None
            self.setHtml("")

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() != LINK_SCHEME:
            return
        entity, _, rid = url.path().partition("/")
        if entity and rid:
            self.open_record.emit(entity, rid)


class TripAgendaDialog(QDialog):
    open_record = Signal(str, str)

    def __init__(self, services: Services, trip_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trip_agenda_dialog")
        self.setWindowTitle(translate("TripAgenda", "Trip agenda"))
        self.view = TripAgendaView(services, self)
        self.view.show_trip(trip_id)
        self.view.open_record.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 820, 640
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def _open(self, entity: str, record_id: str) -> None:
        self.open_record.emit(entity, record_id)
        self.accept()

"""The detail pane: one record with its related records, each a link one click away.

Renderers turn a record (read through the services) into simple HTML for a QTextBrowser.
Links are ``crm:<entity>/<id>``; the pane turns a click into ``open_record``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.models import Contact, Meeting, Project, Task, TaskStatus
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.meetings import MeetingService
from crm_desktop.domain.services.today import TaskItem
from crm_desktop.ui.common.labels import (
    country_name,
    enum_label,
    format_area,
    format_date,
    format_datetime,
    format_money,
    format_phone,
    language_names,
    names_side_by_side,
    number,
    stage_name,
)
from crm_desktop.ui.common.view import (
    ENTITY_COMPANY,
    ENTITY_CONTACT,
    ENTITY_MEETING,
    ENTITY_MEMBER,
    ENTITY_PROJECT,
    ENTITY_SITE,
    ENTITY_TASK,
    ENTITY_TRIP,
)

translate = QCoreApplication.translate  # a name lupdate recognises

LINK_SCHEME = "crm"


def link(entity: str, record_id: str | None, text: str) -> str:
    if not record_id:
        return escape(text)
    return f'<a href="{LINK_SCHEME}:{entity}/{record_id}">{escape(text or "—")}</a>'


def _when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    return format_date(value)


class Html:
    def __init__(self, title: str, subtitle: str = "") -> None:
        self.parts = [f"<h2>{escape(title)}</h2>"]
        if subtitle:
            self.parts.append(f"<p style='color:#555'>{escape(subtitle)}</p>")
        self._table_open = False

    def field(self, label: str, value: object, raw: bool = False) -> None:
        if value in (None, "", []):
            return
        if not self._table_open:
            self.parts.append("<table cellspacing='2'>")
            self._table_open = True
        text = str(value) if raw else escape(str(value)).replace("\n", "<br>")
        self.parts.append(
            f"<tr><td style='color:#555; padding-right:12px'>{escape(label)}"
            f"</td><td>{text}</td></tr>"
        )

    def _close(self) -> None:
        if self._table_open:
            self.parts.append("</table>")
            self._table_open = False

    def text(self, label: str, value: str) -> None:
        if value and value.strip():
            self._close()
            self.parts.append(
                f"<h4>{escape(label)}</h4><p>{escape(value).replace(chr(10), '<br>')}</p>"
            )

    def items(self, label: str, items: Iterable[str], empty: str = "") -> None:
        items = list(items)
        self._close()
        self.parts.append(f"<h4>{escape(label)} ({len(items)})</h4>")
        if items:
            self.parts.append(
                "<ul style='margin-top:0'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
            )
        elif empty:
            self.parts.append(f"<p style='color:#777'>{escape(empty)}</p>")

    def html(self) -> str:
        self._close()
        return "\n".join(self.parts)


def contact_names(c: Contact) -> str:
    """王建国 · Jianguo Wang · Ван Цзяньго"""
    return (
        names_side_by_side(
            f"{c.family_name_native}{c.given_name_native}",
            f"{c.given_name_latin} {c.family_name_latin}".strip(),
            f"{c.family_name_ru} {c.given_name_ru}".strip(),
        )
        or c.display_name
    )


def _venue_time(m: Meeting) -> datetime:
    try:
        return m.starts_at.astimezone(ZoneInfo(m.timezone))
    except (KeyError, ValueError):
        return m.starts_at


def _meeting_line(m: Meeting) -> str:
    return f"{_when(_venue_time(m))} {link(ENTITY_MEETING, m.id, m.title)}"


def _project_line(p: Project) -> str:
    return (
        f"{link(ENTITY_PROJECT, p.id, p.title)} — {escape(stage_name(p.stage))}"
        f" ({escape(enum_label(p.status))})"
    )


def _task_line(t: Task) -> str:
    due = f"{format_date(t.due_date)} " if t.due_date else ""
    owner = f" — {escape(t.owner.name)}" if t.owner else ""
    return f"{due}{link(ENTITY_TASK, t.id, t.title)} [{escape(enum_label(t.status))}]{owner}"


def _task_item_line(t: TaskItem) -> str:
    """A task with where it comes from; an overdue one says so in words, not only colour."""
    due = ""
    if t.due_date:
        due = escape(t.due_date.isoformat())
        if t.overdue:
            late = translate("details", "overdue by %1 d").replace("%1", str(t.overdue_days))
            due = f"<span style='color:#b03a2e'><b>{due}</b> ⚠ {escape(late)}</span>"
        due += " "
    status = "" if t.status == TaskStatus.OPEN else f" [{escape(enum_label(t.status))}]"
    owner = f" — {escape(t.owner.name)}" if t.owner else ""
    where = []
    if t.project_id:
        where.append(link(ENTITY_PROJECT, t.project_id, t.project_title))
    if t.meeting_id:
        where.append(link(ENTITY_MEETING, t.meeting_id, t.meeting_title))
    source = f" ({', '.join(where)})" if where else ""
    return f"{due}{link(ENTITY_TASK, t.id, t.title)}{status}{owner}{source}"


def company_html(services: Services, record_id: str) -> str:
    c = services.companies.get(record_id)
    h = Html(c.name, names_side_by_side(c.name_native, c.name_latin, c.name_ru))
    h.field(translate("details", "Kind"), enum_label(c.kind))
    h.field(translate("details", "Country"), country_name(c.country))
    h.field(translate("details", "City"), c.city)
    h.field(translate("details", "Address"), c.address)
    h.field(translate("details", "Industry"), c.industry)
    h.field(translate("details", "Website"), c.website)
    h.field(translate("details", "Registration code"), c.registration_code)
    h.field(translate("details", "Employees"), number(c.employees))
    h.field(translate("details", "Revenue"), format_money(c.revenue, c.revenue_currency))
    h.field(translate("details", "Tags"), ", ".join(t.name for t in c.tags))
    h.text(translate("details", "Description"), c.description)
    contacts = services.contacts.list(services.contacts.query(company_id=c.id, limit=200))
    h.items(
        translate("details", "Contacts"),
        [
            f"{link(ENTITY_CONTACT, x.id, contact_names(x))}"
            f"{' — ' + escape(x.position) if x.position else ''}"
            for x in contacts
        ],
    )
    projects = services.projects.list(services.projects.query(company_id=c.id))
    h.items(translate("details", "Projects"), [_project_line(p) for p in projects])
    meetings = services.meetings.list(
        services.meetings.query(company_id=c.id, sort="start", descending=True, limit=100)
    )
    h.items(translate("details", "Meetings"), [_meeting_line(m) for m in meetings])
    # Tasks on the company's projects and meetings belong to it too, not only those on it.
    tasks = services.today.company_tasks(c.id)
    open_tasks = [t for t in tasks if t.status == TaskStatus.OPEN]
    h.items(translate("details", "Open tasks"), [_task_item_line(t) for t in open_tasks])
    finished = [t for t in tasks if t.status != TaskStatus.OPEN]
    if finished:
        h.items(translate("details", "Finished tasks"), [_task_item_line(t) for t in finished])
    return h.html()


def contact_html(services: Services, record_id: str) -> str:
    c = services.contacts.get(record_id)
    h = Html(c.display_name, contact_names(c))
    if c.company:
        h.field(
            translate("details", "Company"),
            link(
                ENTITY_COMPANY,
                c.company_id,
                names_side_by_side(c.company.name, c.company.name_native),
            ),
            raw=True,
        )
    h.field(translate("details", "Position"), c.position)
    h.field(translate("details", "Department"), c.department)
    h.field(translate("details", "Emails"), "\n".join(e["value"] for e in c.emails))
    h.field(translate("details", "Phones"), "\n".join(format_phone(p["value"]) for p in c.phones))
    h.field(translate("details", "WeChat"), c.wechat)
    h.field(translate("details", "Telegram"), c.telegram)
    h.field(translate("details", "Languages"), language_names(c.languages))
    if c.decision_maker:
        h.field(translate("details", "Decision maker"), translate("details", "yes"))
    h.field(translate("details", "Tags"), ", ".join(t.name for t in c.tags))
    h.text(translate("details", "Notes"), c.notes)
    h.items(
        translate("details", "Meetings attended"),
        [_meeting_line(m) for m in services.contacts.meetings_of(c.id)],
    )
    return h.html()


def project_html(services: Services, record_id: str) -> str:
    p = services.projects.get(record_id)
    # the title in English and Chinese (the partner's copy of a memo), then the code name
    h = Html(p.title, names_side_by_side(p.title_en, p.title_zh, p.code_name))
    h.field(
        translate("details", "Company"),
        link(
            ENTITY_COMPANY, p.company_id, names_side_by_side(p.company.name, p.company.name_native)
        ),
        raw=True,
    )
    h.field(translate("details", "Stage"), stage_name(p.stage))
    h.field(translate("details", "Days in stage"), services.projects.days_in_stage(p))
    h.field(translate("details", "Status"), enum_label(p.status))
    h.field(translate("details", "Reason"), p.status_reason)
    if p.owner:
        h.field(
            translate("details", "Responsible"),
            link(ENTITY_MEMBER, p.owner_id, p.owner.name),
            raw=True,
        )
    h.field(translate("details", "Product"), p.product)
    h.field(translate("details", "Planned output"), p.planned_output)
    h.field(translate("details", "Capital expenditure"), format_money(p.capex, p.capex_currency))
    h.field(translate("details", "Jobs"), number(p.jobs))
    h.field(translate("details", "Land area"), format_area(p.land_area_ha, "ha"))
    h.field(translate("details", "Floor area"), format_area(p.floor_area_m2))
    h.field(translate("details", "Probability, %"), p.probability)
    h.field(translate("details", "Expected decision"), _when(p.expected_decision))
    h.field(
        translate("details", "Candidate sites"),
        "<br>".join(link(ENTITY_SITE, s.id, s.name) for s in p.sites),
        raw=True,
    )
    h.field(translate("details", "Support measures"), ", ".join(m.name for m in p.measures))
    h.text(translate("details", "Description"), p.description)
    stays = services.projects.stage_history(p.id)
    h.items(
        translate("details", "Stage history"),
        [
            f"{_when(s.entered_at)} — {escape(stage_name(s.stage))}: "
            + translate("details", "%1 day(s)").replace("%1", str(s.days))
            + (f" — {escape(s.member_name)}" if s.member_name else "")
            + (f" — {escape(s.note)}" if s.note else "")
            + (
                f" ({link(ENTITY_MEETING, s.meeting_id, translate('details', 'meeting'))})"
                if s.meeting_id
                else ""
            )
            for s in stays
        ],
    )
    meetings = services.meetings.list(
        services.meetings.query(project_id=p.id, sort="start", descending=True)
    )
    h.items(translate("details", "Meetings"), [_meeting_line(m) for m in meetings])
    h.items(
        translate("details", "Tasks"),
        [
            _task_line(t)
            for t in services.tasks.list(services.tasks.query(project_id=p.id, sort="due"))
        ],
    )
    return h.html()


def meeting_html(services: Services, record_id: str) -> str:
    m = services.meetings.get(record_id)
    h = Html(m.title)
    h.field(translate("details", "Start (venue time)"), f"{_when(_venue_time(m))} ({m.timezone})")
    h.field(translate("details", "Moscow time"), _when(MeetingService.in_moscow(m)))
    h.field(translate("details", "Duration, min"), number(m.duration_min))
    h.field(translate("details", "Place"), names_side_by_side(m.place, m.place_alt))
    h.field(translate("details", "Format"), enum_label(m.format))
    h.field(translate("details", "Language"), language_names(m.language))
    h.field(translate("details", "Interpreter"), m.interpreter)
    h.field(translate("details", "Confidentiality"), enum_label(m.confidentiality))
    if m.trip:
        h.field(translate("details", "Trip"), link(ENTITY_TRIP, m.trip_id, m.trip.title), raw=True)
    if m.company:
        h.field(
            translate("details", "Company"),
            link(
                ENTITY_COMPANY,
                m.company_id,
                names_side_by_side(m.company.name, m.company.name_native),
            ),
            raw=True,
        )
    if m.project:
        h.field(
            translate("details", "Project"),
            link(ENTITY_PROJECT, m.project_id, m.project.title),
            raw=True,
        )
    h.items(
        translate("details", "Our participants"),
        [
            link(ENTITY_MEMBER, x.id, x.name) + (f" — {escape(x.position)}" if x.position else "")
            for x in m.our_participants
        ],
    )
    h.items(
        translate("details", "Their participants"),
        [
            link(ENTITY_CONTACT, x.id, contact_names(x))
            + (f" — {escape(x.position)}" if x.position else "")
            for x in m.their_participants
        ],
    )
    h.text(translate("details", "Agenda"), m.agenda)
    h.text(translate("details", "Discussion"), m.discussion)
    h.text(translate("details", "Agreements"), m.agreements)
    change = services.meetings.stage_change_of(m.id)
    if change is not None:
        h.field(
            translate("details", "Stage move"),
            f"{stage_name(change.from_stage)} → {stage_name(change.to_stage)}",
        )
    h.items(
        translate("details", "Next steps"),
        [_task_line(t) for t in services.meetings.next_steps(m.id)],
    )
    return h.html()


def trip_html(services: Services, record_id: str) -> str:
    t = services.trips.get(record_id)
    h = Html(t.title)
    h.field(translate("details", "Dates"), f"{_when(t.start_date)} — {_when(t.end_date)}")
    h.field(translate("details", "Countries"), ", ".join(country_name(c) for c in t.countries))
    h.field(translate("details", "Cities"), t.cities)
    h.text(translate("details", "Goals"), t.goals)
    h.text(translate("details", "Conclusions"), t.conclusions)
    h.text(translate("details", "Proposals"), t.proposals)
    h.items(
        translate("details", "Delegation"), [link(ENTITY_MEMBER, m.id, m.name) for m in t.members]
    )
    meetings = services.meetings.list(services.meetings.query(trip_id=t.id, sort="start"))
    h.items(translate("details", "Meetings"), [_meeting_line(m) for m in meetings])
    return h.html()


def task_html(services: Services, record_id: str) -> str:
    t = services.tasks.get(record_id)
    h = Html(t.title)
    h.field(translate("details", "Status"), enum_label(t.status))
    if services.tasks.is_overdue(t):
        late = translate("details", "overdue by %1 d").replace(
            "%1",
            str((date.today() - t.due_date).days),  # type: ignore[operator]
        )
        h.field(
            translate("details", "Due"),
            f"<span style='color:#b03a2e'><b>{escape(_when(t.due_date))}</b> ⚠ "
            f"{escape(late)}</span>",
            raw=True,
        )
    else:
        h.field(translate("details", "Due"), _when(t.due_date))
    if t.owner:
        h.field(
            translate("details", "Owner"), link(ENTITY_MEMBER, t.owner_id, t.owner.name), raw=True
        )
    meeting = services.meetings.get(t.meeting_id) if t.meeting_id else None
    project_id = t.project_id or (meeting.project_id if meeting else None)
    project = services.projects.get(project_id) if project_id else None
    # the company through whichever link names it, as the company pane counts it
    company_id = (
        t.company_id
        or (project.company_id if project else None)
        or (meeting.company_id if meeting else None)
    )
    company = services.companies.get(company_id) if company_id else None
    if meeting is not None:
        h.field(
            translate("details", "Meeting"),
            escape(_when(_venue_time(meeting)))
            + " "
            + link(ENTITY_MEETING, meeting.id, meeting.title),
            raw=True,
        )
    if project is not None:
        h.field(
            translate("details", "Project"),
            link(ENTITY_PROJECT, project.id, project.title)
            + f" — {escape(stage_name(project.stage))}",
            raw=True,
        )
    if company is not None:
        h.field(
            translate("details", "Company"),
            link(
                ENTITY_COMPANY,
                company.id,
                names_side_by_side(company.name_native, company.name_latin or company.name),
            ),
            raw=True,
        )
    h.text(translate("details", "Description"), t.description)
    return h.html()


def site_html(services: Services, record_id: str) -> str:
    s = services.sites.get(record_id)
    h = Html(s.name, names_side_by_side(s.name_en, s.name_zh))
    h.field(translate("details", "Kind"), enum_label(s.kind))
    h.field(translate("details", "Municipality"), s.municipality)
    h.field(translate("details", "Address"), s.address)
    h.field(translate("details", "Available area"), format_area(s.available_area_m2))
    h.field(translate("details", "Land area"), format_area(s.land_area_ha, "ha"))
    h.field(translate("details", "Website"), s.website)
    h.text(translate("details", "Utilities"), s.utilities)
    h.text(translate("details", "Description"), s.description)
    return h.html()


def measure_html(services: Services, record_id: str) -> str:
    m = services.measures.get(record_id)
    h = Html(m.name, names_side_by_side(m.name_en, m.name_zh))
    h.field(translate("details", "Kind"), enum_label(m.kind))
    h.field(translate("details", "Provider"), m.provider)
    h.text(translate("details", "Terms"), m.terms)
    h.text(translate("details", "Description"), m.description)
    return h.html()


def member_html(services: Services, record_id: str) -> str:
    m = services.members.get(record_id)
    h = Html(m.name, m.name_latin)
    h.field(translate("details", "Position"), m.position)
    h.field(translate("details", "Department"), m.department)
    h.field(translate("details", "Email"), m.email)
    h.field(translate("details", "Phone"), format_phone(m.phone))
    meetings = services.meetings.list(
        services.meetings.query(member_id=m.id, sort="start", descending=True, limit=100)
    )
    h.items(translate("details", "Meetings"), [_meeting_line(x) for x in meetings])
    tasks = services.tasks.list(services.tasks.query(owner_id=m.id, open_only=True, sort="due"))
    h.items(translate("details", "Open tasks"), [_task_line(t) for t in tasks])
    return h.html()


Renderer = Callable[[Services, str], str]


class DetailPane(QTextBrowser):
    """Shows one record; clicking a related record emits open_record(entity, id)."""

    open_record = Signal(str, str)

    def __init__(self, services: Services, render: Renderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.render = render
        self.record_id: str | None = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.setMinimumWidth(280)

    def show_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        if not record_id:
            hint = translate("details", "Select a record to see its details.")
            self.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
            return
        try:
            self.setHtml(self.render(self.services, record_id))
        except NotFoundError:
            self.record_id = None
            self.setHtml("")

    def refresh(self) -> None:
        self.show_record(self.record_id)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() != LINK_SCHEME:
            return
        entity, _, rid = url.path().partition("/")
        if entity and rid:
            self.open_record.emit(entity, rid)

"""The lists of the main window: what each shows, how it filters, which form it opens."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from crm_desktop.application.meeting_form import DRAFT_KIND
from crm_desktop.config import Settings
from crm_desktop.domain.base import utcnow
from crm_desktop.domain.models import CompanyKind, Meeting, ProjectStatus, SiteKind
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.members import MemberInput
from crm_desktop.domain.services.today import CompanyFacts
from crm_desktop.ui.common.filter_bar import ChoiceFilter, DateRangeFilter
from crm_desktop.ui.common.labels import (
    country_name,
    enum_label,
    format_area,
    format_date,
    format_datetime,
    format_money,
    format_phone,
    names_side_by_side,
    number,
    stage_name,
    ui_language,
)
from crm_desktop.ui.common.view import (
    ENTITY_COMPANY,
    ENTITY_CONTACT,
    ENTITY_MEASURE,
    ENTITY_MEETING,
    ENTITY_MEMBER,
    ENTITY_PROJECT,
    ENTITY_SITE,
    ENTITY_TRIP,
    View,
)
from crm_desktop.ui.common.widgets_display import person_short_name
from crm_desktop.ui.editors import entity_forms
from crm_desktop.ui.editors.entity_forms import (
    company_options,
    member_options,
    stage_options,
    tag_options,
    trip_options,
)
from crm_desktop.ui.editors.meeting_dialog import MeetingDialog
from crm_desktop.ui.views import details
from crm_desktop.ui.views.lazy_model import Column, ListSource
from crm_desktop.ui.views.list_view import EntityListView, EntitySpec
from crm_desktop.ui.views.trip_agenda import TripAgendaView

if TYPE_CHECKING:
    from crm_desktop.application.drafts import Draft, DraftStore

translate = QCoreApplication.translate  # a name lupdate recognises


def _updated_column() -> Column:
    return Column(
        "updated",
        lambda: translate("lists", "Updated"),
        lambda r: format_date(r.updated_at.astimezone()),
        "updated",
        90,
        False,
    )


def _person_name_header() -> str:
    return translate("lists", "Name", "a person's full name (ФИО), not a thing's name")


def _country_options(services: Services) -> Sequence[tuple[object, str]]:
    return [(c, country_name(c)) for c in services.companies.countries()]


def _enum_options(enum):  # noqa: ANN001, ANN202
    return lambda services: [(m.value, enum_label(m)) for m in enum]


def _venue_start(m: Meeting) -> str:
    try:
        local = m.starts_at.astimezone(ZoneInfo(m.timezone))
    except (KeyError, ValueError):
        local = m.starts_at
    return format_datetime(local)


def _days_since(when: datetime) -> int:
    return max(0, (utcnow() - when).days)


def _email(c: object) -> str:
    emails = getattr(c, "emails", None) or []
    return emails[0]["value"] if emails else ""


def _phone(c: object) -> str:
    phones = getattr(c, "phones", None) or []
    return format_phone(phones[0]["value"]) if phones else ""


# -- companies ----------------------------------------------------------------------------------
FactsOf = Callable[[str], CompanyFacts | None]


def _facts_text(facts: FactsOf, text: Callable[[CompanyFacts], object]) -> Callable[[Any], object]:
    def value(c: Any) -> object:
        f = facts(c.id)
        return text(f) if f is not None else ""

    return value


def _next_step_text(f: CompanyFacts) -> str:
    step = f.next_step
    if step is None:
        return ""
    if step.due_date is None:
        return step.title
    mark = " ⚠" if step.overdue else ""
    return f"{step.due_date:%d.%m}{mark} {step.title}"


def _next_meeting_text(f: CompanyFacts) -> str:
    if f.next_meeting is None:
        return ""
    try:
        local = f.next_meeting.astimezone(ZoneInfo(f.next_meeting_zone))
    except (KeyError, ValueError):
        local = f.next_meeting
    return local.strftime("%Y-%m-%d")


def _open_tasks_text(f: CompanyFacts) -> str:
    if not f.open_tasks:
        return ""
    if f.overdue_tasks:
        return (
            translate("lists", "%1 (%2 overdue)")
            .replace("%1", str(f.open_tasks))
            .replace("%2", str(f.overdue_tasks))
        )
    return str(f.open_tasks)


def company_columns(facts: FactsOf = lambda _id: None) -> list[Column]:
    """The companies list; stage, owner, next step and the rest come from ``facts``."""
    lang = ui_language
    return [
        Column("name", lambda: translate("lists", "Name"), lambda c: c.name, "name", 200),
        Column(
            "name_native",
            lambda: translate("lists", "汉字"),
            lambda c: c.name_native,
            "name_native",
            110,
        ),
        Column(
            "stage",
            lambda: translate("lists", "Stage"),
            _facts_text(facts, lambda f: f.stage.name(lang()) if f.stage else ""),
            "",
            150,
        ),
        Column(
            "next_step",
            lambda: translate("lists", "Next step"),
            _facts_text(facts, _next_step_text),
            "",
            230,
        ),
        Column(
            "owner",
            lambda: translate("lists", "Responsible"),
            _facts_text(
                facts,
                lambda f: (
                    person_short_name(f.owner.name, f.owner.name_latin, lang()) if f.owner else ""
                ),
            ),
            "",
            110,
        ),
        Column(
            "next_meeting",
            lambda: translate("lists", "Next meeting"),
            _facts_text(facts, _next_meeting_text),
            "",
            95,
        ),
        Column(
            "open_tasks",
            lambda: translate("lists", "Open tasks"),
            _facts_text(facts, _open_tasks_text),
            "",
            80,
            align_right=True,
        ),
        Column(
            "name_ru",
            lambda: translate("lists", "Russian name"),
            lambda c: c.name_ru,
            "name_ru",
            200,
            False,
        ),
        Column(
            "country",
            lambda: translate("lists", "Country"),
            lambda c: country_name(c.country),
            "country",
            80,
        ),
        Column("city", lambda: translate("lists", "City"), lambda c: c.city, "city", 110),
        Column(
            "industry",
            lambda: translate("lists", "Industry"),
            lambda c: c.industry,
            "industry",
            160,
            False,
        ),
        Column(
            "kind", lambda: translate("lists", "Kind"), lambda c: enum_label(c.kind), "", 100, False
        ),
        _updated_column(),
    ]


COMPANIES = EntitySpec(
    key="companies",
    entity=ENTITY_COMPANY,
    service=lambda s: s.companies,
    columns=company_columns,
    detail=details.company_html,
    form=entity_forms.company_form,
    filters=lambda: [
        ChoiceFilter("country", lambda: translate("lists", "Country"), _country_options),
        ChoiceFilter(
            "kind", lambda: translate("lists", "Kind"), _enum_options(CompanyKind), CompanyKind
        ),
        ChoiceFilter("tag_id", lambda: translate("lists", "Tag"), tag_options),
    ],
    noun=lambda: translate("lists", "company"),
)


class CompanyFactsSource(ListSource):
    """Pages of companies, each page's facts (stage, next step, tasks...) read along with it."""

    KEEP = 5000  # facts kept for pages scrolled past; dropped all at once beyond this

    def __init__(self, services: Services) -> None:
        super().__init__(services.companies)
        self.today = services.today
        self.facts: dict[str, CompanyFacts] = {}

    def page(self, q: Any, offset: int, limit: int, total: int) -> list[Any]:
        rows = super().page(q, offset, limit, total)
        if len(self.facts) > self.KEEP:
            self.facts.clear()
        self.facts.update(self.today.company_facts([r.id for r in rows]))
        return rows


# -- contacts -------------------------------------------------------------------------------------
CONTACTS = EntitySpec(
    key="contacts",
    entity=ENTITY_CONTACT,
    service=lambda s: s.contacts,
    columns=lambda: [
        Column("name", _person_name_header, lambda c: c.display_name, "name", 220),
        Column(
            "native",
            lambda: translate("lists", "汉字"),
            lambda c: c.family_name_native + c.given_name_native,
            "",
            90,
        ),
        Column(
            "latin",
            lambda: translate("lists", "Pinyin / English"),
            lambda c: f"{c.given_name_latin} {c.family_name_latin}".strip(),
            "family_name_latin",
            140,
        ),
        Column(
            "russian",
            lambda: translate("lists", "Russian"),
            lambda c: f"{c.family_name_ru} {c.given_name_ru}".strip(),
            "family_name_ru",
            140,
        ),
        Column(
            "company",
            lambda: translate("lists", "Company"),
            lambda c: (
                names_side_by_side(c.company.name_native, c.company.name) if c.company else ""
            ),
            "",
            220,
        ),
        Column(
            "position",
            lambda: translate("lists", "Position"),
            lambda c: c.position,
            "position",
            160,
        ),
        Column("email", lambda: translate("lists", "Email"), _email, "", 160, False),
        Column("phone", lambda: translate("lists", "Phone"), _phone, "", 130, False),
        _updated_column(),
    ],
    detail=details.contact_html,
    form=entity_forms.contact_form,
    filters=lambda: [
        ChoiceFilter("country", lambda: translate("lists", "Country"), _country_options),
        ChoiceFilter("company_id", lambda: translate("lists", "Company"), company_options),
        ChoiceFilter("stage_id", lambda: translate("lists", "Stage"), stage_options),
        ChoiceFilter("trip_id", lambda: translate("lists", "Trip"), trip_options),
        ChoiceFilter("tag_id", lambda: translate("lists", "Tag"), tag_options),
    ],
    noun=lambda: translate("lists", "contact"),
)

# -- projects -------------------------------------------------------------------------------------
PROJECTS = EntitySpec(
    key="projects",
    entity=ENTITY_PROJECT,
    service=lambda s: s.projects,
    columns=lambda: [
        Column("title", lambda: translate("lists", "Title"), lambda p: p.title, "title", 260),
        Column(
            "company",
            lambda: translate("lists", "Company"),
            lambda p: names_side_by_side(p.company.name_native, p.company.name),
            "",
            220,
        ),
        Column(
            "stage",
            lambda: translate("lists", "Stage"),
            lambda p: f"{p.stage.position}. {stage_name(p.stage)}",
            "stage",
            170,
        ),
        Column(
            "status",
            lambda: translate("lists", "Status"),
            lambda p: enum_label(p.status),
            "status",
            90,
        ),
        Column(
            "owner",
            lambda: translate("lists", "Responsible"),
            lambda p: p.owner.name if p.owner else "",
            "",
            140,
        ),
        Column(
            "capex",
            lambda: translate("lists", "Capex"),
            lambda p: format_money(p.capex, p.capex_currency),
            "capex",
            120,
            align_right=True,
        ),
        Column(
            "jobs",
            lambda: translate("lists", "Jobs"),
            lambda p: number(p.jobs),
            "jobs",
            60,
            align_right=True,
        ),
        Column(
            "days",
            lambda: translate("lists", "Days in stage"),
            lambda p: _days_since(p.stage_entered_at),
            "stage_entered",
            90,
            align_right=True,
        ),
        Column(
            "decision",
            lambda: translate("lists", "Expected decision"),
            lambda p: format_date(p.expected_decision),
            "expected_decision",
            110,
            False,
        ),
    ],
    detail=details.project_html,
    form=entity_forms.project_form,
    edit_form=lambda: entity_forms.project_form(new=False),
    filters=lambda: [
        ChoiceFilter("stage_id", lambda: translate("lists", "Stage"), stage_options),
        ChoiceFilter(
            "status",
            lambda: translate("lists", "Status"),
            _enum_options(ProjectStatus),
            ProjectStatus,
        ),
        ChoiceFilter("owner_id", lambda: translate("lists", "Responsible"), member_options),
        ChoiceFilter("country", lambda: translate("lists", "Country"), _country_options),
        ChoiceFilter("trip_id", lambda: translate("lists", "Trip"), trip_options),
    ],
    noun=lambda: translate("lists", "project"),
)

# -- meetings -------------------------------------------------------------------------------------
MEETINGS = EntitySpec(
    key="meetings",
    entity=ENTITY_MEETING,
    service=lambda s: s.meetings,
    columns=lambda: [
        Column(
            "start", lambda: translate("lists", "Start (venue time)"), _venue_start, "start", 130
        ),
        Column("title", lambda: translate("lists", "Title"), lambda m: m.title, "title", 260),
        Column(
            "company",
            lambda: translate("lists", "Company"),
            lambda m: (
                names_side_by_side(m.company.name_native, m.company.name) if m.company else ""
            ),
            "",
            220,
        ),
        Column(
            "project",
            lambda: translate("lists", "Project"),
            lambda m: m.project.title if m.project else "",
            "",
            180,
        ),
        Column("place", lambda: translate("lists", "Place"), lambda m: m.place, "place", 160),
        Column(
            "format",
            lambda: translate("lists", "Format"),
            lambda m: enum_label(m.format),
            "",
            90,
            False,
        ),
        Column(
            "trip",
            lambda: translate("lists", "Trip"),
            lambda m: m.trip.title if m.trip else "",
            "",
            160,
            False,
        ),
    ],
    detail=details.meeting_html,
    query=lambda service: service.query(sort="start", descending=True),
    filters=lambda: [
        ChoiceFilter("trip_id", lambda: translate("lists", "Trip"), trip_options),
        ChoiceFilter("company_id", lambda: translate("lists", "Company"), company_options),
        ChoiceFilter("member_id", lambda: translate("lists", "Participant"), member_options),
        DateRangeFilter("date_from", "date_to", lambda: translate("lists", "Dates")),
    ],
    noun=lambda: translate("lists", "meeting"),
)

# -- trips -----------------------------------------------------------------------------
TRIPS = EntitySpec(
    key="trips",
    entity=ENTITY_TRIP,
    service=lambda s: s.trips,
    columns=lambda: [
        Column("title", lambda: translate("lists", "Title"), lambda t: t.title, "title", 300),
        Column(
            "start",
            lambda: translate("lists", "Start"),
            lambda t: format_date(t.start_date),
            "start",
            100,
        ),
        Column(
            "end", lambda: translate("lists", "End"), lambda t: format_date(t.end_date), "end", 100
        ),
        Column(
            "countries",
            lambda: translate("lists", "Countries"),
            lambda t: ", ".join(country_name(c) for c in t.countries),
            "",
            90,
        ),
        Column("cities", lambda: translate("lists", "Cities"), lambda t: t.cities, "", 200),
    ],
    detail=details.trip_html,
    form=entity_forms.trip_form,
    query=lambda service: service.query(sort="start", descending=True),
    filters=lambda: [
        ChoiceFilter("member_id", lambda: translate("lists", "Member"), member_options),
        DateRangeFilter("date_from", "date_to", lambda: translate("lists", "Dates")),
    ],
    noun=lambda: translate("lists", "trip"),
)

# -- sites, support measures, our team ------------------------------------------------
SITES = EntitySpec(
    key="sites",
    entity=ENTITY_SITE,
    service=lambda s: s.sites,
    columns=lambda: [
        Column("name", lambda: translate("lists", "Name"), lambda s: s.name, "name", 260),
        Column("name_en", lambda: translate("lists", "English"), lambda s: s.name_en, "", 200),
        Column("name_zh", lambda: translate("lists", "汉字"), lambda s: s.name_zh, "", 140),
        Column(
            "kind", lambda: translate("lists", "Kind"), lambda s: enum_label(s.kind), "kind", 150
        ),
        Column(
            "municipality",
            lambda: translate("lists", "Municipality"),
            lambda s: s.municipality,
            "municipality",
            150,
        ),
        Column(
            "area",
            lambda: translate("lists", "Available area"),
            lambda s: format_area(s.available_area_m2),
            "area",
            120,
            align_right=True,
        ),
    ],
    detail=details.site_html,
    form=entity_forms.site_form,
    filters=lambda: [
        ChoiceFilter("kind", lambda: translate("lists", "Kind"), _enum_options(SiteKind), SiteKind)
    ],
    noun=lambda: translate("lists", "site"),
)

MEASURES = EntitySpec(
    key="measures",
    entity=ENTITY_MEASURE,
    service=lambda s: s.measures,
    columns=lambda: [
        Column("name", lambda: translate("lists", "Name"), lambda m: m.name, "name", 300),
        Column("name_en", lambda: translate("lists", "English"), lambda m: m.name_en, "", 220),
        Column(
            "kind", lambda: translate("lists", "Kind"), lambda m: enum_label(m.kind), "kind", 140
        ),
        Column("provider", lambda: translate("lists", "Provider"), lambda m: m.provider, "", 200),
    ],
    detail=details.measure_html,
    form=entity_forms.measure_form,
    noun=lambda: translate("lists", "support measure"),
)

MEMBERS = EntitySpec(
    key="members",
    entity=ENTITY_MEMBER,
    service=lambda s: s.members,
    columns=lambda: [
        Column("name", _person_name_header, lambda m: m.name, "name", 220),
        Column("name_latin", lambda: translate("lists", "Latin"), lambda m: m.name_latin, "", 160),
        Column(
            "position",
            lambda: translate("lists", "Position"),
            lambda m: m.position,
            "position",
            220,
        ),
        Column(
            "department",
            lambda: translate("lists", "Department"),
            lambda m: m.department,
            "department",
            200,
        ),
        Column("email", lambda: translate("lists", "Email"), lambda m: m.email, "", 180),
        Column(
            "phone", lambda: translate("lists", "Phone"), lambda m: format_phone(m.phone), "", 130
        ),
    ],
    detail=details.member_html,
    form=entity_forms.member_form,
    new_input=lambda: MemberInput(name=""),
    noun=lambda: translate("lists", "team member"),
)


def _subclass(name: str, spec: EntitySpec) -> type[EntityListView]:
    return type(name, (EntityListView,), {"spec": spec})


class CompaniesView(EntityListView):
    """Companies, each row with its leading project's stage and owner, next step, next
    meeting and open tasks (counted through its projects and meetings too)."""

    spec = COMPANIES

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        self.facts_source = CompanyFactsSource(services)
        facts = self.facts_source.facts
        self.spec = dataclasses.replace(COMPANIES, columns=lambda: company_columns(facts.get))
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.model.source = self.facts_source
        self.model.reload()

    def _settings_key(self) -> str:
        # Header states saved before the stage/next-step columns map onto the wrong columns
        # (Qt restores them by position), so this layout is kept under a key of its own.
        return f"lists/{self.spec.key}/header-v2"


ContactsView = _subclass("ContactsView", CONTACTS)
ProjectsView = _subclass("ProjectsView", PROJECTS)


class TripsView(EntityListView):
    """Trips; the side pane has an Agenda tab: the trip day by day with both sides."""

    spec = TRIPS

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.agenda = TripAgendaView(services)
        self.agenda.open_record.connect(self.open_record)
        self.side_tabs.insertTab(1, self.agenda, self.tr("Agenda"))
        self.side_tabs.currentChanged.connect(lambda _i: self._show_agenda())

    def _show_detail(self, record_id: str | None) -> None:
        super()._show_detail(record_id)
        self._show_agenda()

    def _show_agenda(self) -> None:
        agenda = getattr(self, "agenda", None)  # the base class shows a record before it exists
        if agenda is not None and self.side_tabs.currentWidget() is agenda:
            agenda.show_trip(self.detail.record_id)


SitesView = _subclass("SitesView", SITES)
MeasuresView = _subclass("MeasuresView", MEASURES)
MembersView = _subclass("MembersView", MEMBERS)


class ReferenceView(View):
    """Sites and support measures: the two lists of what the region offers, as tabs."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.tabs = QTabWidget()
        self.sites = SitesView(services, settings, undo_stack=undo_stack)
        self.measures = MeasuresView(services, settings, undo_stack=undo_stack)
        self.tabs.addTab(self.sites, self.tr("Sites"))
        self.tabs.addTab(self.measures, self.tr("Support measures"))
        for v in (self.sites, self.measures):
            v.open_record.connect(self.open_record)
            v.data_changed.connect(self.data_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def current(self) -> EntityListView:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def refresh(self) -> None:
        self.sites.refresh()
        self.measures.refresh()

    def create_record(self) -> bool:
        return self.current().create_record()

    def delete_selected(self) -> bool:
        return self.current().delete_selected()

    def focus_filter(self) -> bool:
        return self.current().focus_filter()

    def show_record(self, entity: str, record_id: str) -> bool:
        for i, v in enumerate((self.sites, self.measures)):
            if v.show_record(entity, record_id):
                self.tabs.setCurrentIndex(i)
                return True
        return False


VIEWS: dict[str, type[View]] = {
    "projects": ProjectsView,
    "companies": CompaniesView,
    "contacts": ContactsView,
    "trips": TripsView,
    "reference": ReferenceView,
    "members": MembersView,
}


def make_view(
    key: str,
    services: Services,
    settings: Settings,
    parent: QWidget | None = None,
    *,
    undo_stack: QUndoStack | None = None,
) -> View:
    return VIEWS[key](services, settings, parent, undo_stack=undo_stack)


class MeetingsView(EntityListView):
    """Meetings list; new and existing meetings open in the meeting editor window."""

    spec = MEETINGS
    drafts: DraftStore | None = None  # set by the navigation: the editor keeps drafts here

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self._editors: list[QWidget] = []  # the meeting editor windows still open

    def create_record(self) -> bool:
        return self._open_editor(None)

    def edit_record(self, record_id: str) -> bool:
        return self._open_editor(record_id)

    def edit_selected(self) -> bool:
        rid = self.current_id()
        return bool(rid) and self._open_editor(rid)

    def open_draft(self, draft: Draft) -> bool:
        """Open the meeting editor filled in from a draft a crash left behind."""
        return self._open_editor(None, draft)

    def _open_editor(self, meeting_id: str | None, draft: Draft | None = None) -> bool:
        dialog_type = MeetingDialog
        existing = self._editor_of(meeting_id) if meeting_id and draft is None else None
        if existing is not None:  # one editor per meeting: bring it forward
            existing.raise_()
            existing.activateWindow()
            self._dialog = existing
            return True
        dialog = dialog_type(
            self.services, self.settings, self, undo_stack=self.undo_stack, drafts=self.drafts
        )
        self._editors.append(dialog)
        dialog.finished.connect(lambda _=0, d=dialog: self._forget_editor(d))
        dialog.editor.saved.connect(self._after_change)
        dialog.editor.open_record.connect(self.open_record)
        if draft is None and meeting_id and self.drafts is not None:
            # Unsaved changes to this meeting left by a crash come back with it.
            draft = self.drafts.load(DRAFT_KIND, meeting_id)
        if draft is not None:
            dialog.editor.restore_draft(draft)
        elif meeting_id:
            dialog.editor.load_meeting(meeting_id)
        dialog.show()
        self._dialog = dialog
        return True

    def _editor_of(self, meeting_id: str) -> QWidget | None:
        return next(
            (
                d
                for d in self._editors
                if d.isVisible() and d.editor.meeting_id == meeting_id  # type: ignore[attr-defined]
            ),
            None,
        )

    def _forget_editor(self, dialog: QWidget) -> None:
        if dialog in self._editors:
            self._editors.remove(dialog)


VIEWS["meetings"] = MeetingsView

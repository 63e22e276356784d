"""The first screen: what needs attention today, from TodayService.

Sections are small tables stacked in one scrolling page; every row opens the record it
shows (double-click or Enter), and the arrow keys run from one section into the next.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.today import (
    UPCOMING_DAYS,
    CompanyRef,
    MeetingItem,
    PersonRef,
    ProjectItem,
    TaskItem,
    TodaySummary,
)
from crm_desktop.ui.common.labels import names_side_by_side, ui_language
from crm_desktop.ui.common.view import ENTITY_MEETING, ENTITY_PROJECT, ENTITY_TASK, View
from crm_desktop.ui.common.widgets_display import person_short_name

translate = QCoreApplication.translate  # a name lupdate recognises

OVERDUE_TEXT = QColor("#b03a2e")
MUTED_TEXT = QColor("#6f6f6f")
TargetRole = Qt.ItemDataRole.UserRole + 10  # (entity, id) a row opens


def company_text(company: CompanyRef | None) -> str:
    if company is None:
        return ""
    return names_side_by_side(company.name_native, company.name_latin or company.name)


def person_text(person: PersonRef | None) -> str:
    return person_short_name(person.name, person.name_latin, ui_language()) if person else ""


def day_text(day: date) -> str:
    """'Sat 5 Dec' / 'сб, 5 дек.' in the interface language."""
    return QLocale().toString(day, "ddd d MMM")


def venue_text(m: MeetingItem) -> str:
    local = m.venue_start
    return f"{day_text(local.date())}, {local:%H:%M} {m.venue_offset}"


def moscow_text(m: MeetingItem) -> str:
    msk, local = m.moscow_start, m.venue_start
    if msk.date() != local.date():
        return f"{day_text(msk.date())}, {msk:%H:%M}"
    return f"{msk:%H:%M}"


def due_text(due: date | None) -> str:
    return day_text(due) if due else translate("TodayView", "no date")


class SectionTable(QTreeWidget):
    """One section's rows: a flat table as tall as its rows, so the page scrolls, not it."""

    MAIN_COLUMN_MIN = 220
    SHRINKS_FROM = 200  # narrower columns (dates, counts) keep their width

    def __init__(
        self, name: str, headers: list[str], stretch: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setColumnCount(len(headers))
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        for i in range(len(headers)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.stretch = stretch

    def set_widths(self, widths: list[int]) -> None:
        self.widths = widths
        self._fit_columns()

    def _fit_columns(self) -> None:
        # On a narrow screen the wide side columns give way (dates and counts keep their
        # width), so the main column stays readable and nothing is cut off at the right.
        widths = getattr(self, "widths", [])
        side = {i: w for i, w in enumerate(widths) if i != self.stretch}
        wide = sum(w for w in side.values() if w >= self.SHRINKS_FROM)
        room = self.viewport().width() - self.MAIN_COLUMN_MIN - (sum(side.values()) - wide)
        factor = 1.0 if not wide or room >= wide else max(0.45, room / wide)
        for i, w in side.items():
            self.setColumnWidth(i, int(w * factor) if w >= self.SHRINKS_FROM else w)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_columns()

    def add_row(
        self, texts: list[str], target: tuple[str, str] | None, tooltip: str = ""
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(texts)
        item.setData(0, TargetRole, target)
        for i, text in enumerate(texts):
            item.setToolTip(i, tooltip or text)
        self.addTopLevelItem(item)
        return item

    def add_empty(self, text: str) -> None:
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(0, QBrush(MUTED_TEXT))
        font = QFont(self.font())
        font.setItalic(True)
        item.setFont(0, font)
        self.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)  # only once the item is in the tree

    def fit_height(self) -> None:
        rows = max(1, self.topLevelItemCount())
        first = self.topLevelItem(0)
        # the height the tree gives its (uniform) rows, not the widest cell's wish
        row = self.indexRowSizeHint(self.indexFromItem(first)) if first is not None else 0
        row = max(row, self.fontMetrics().height() + 2)
        self.setFixedHeight(
            self.header().sizeHint().height() + rows * row + 2 * self.frameWidth() + 2
        )

    def target(self, item: QTreeWidgetItem | None) -> tuple[str, str] | None:
        return item.data(0, TargetRole) if item is not None else None

    def first_row(self) -> int:
        return 0 if self.target(self.topLevelItem(0)) else -1


class TodayView(View):
    """Today / Trip: meetings ahead, tasks, next steps and stalled projects."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.setObjectName("view_today")
        self.summary: TodaySummary | None = None
        page = QWidget()
        page.setObjectName("today_page")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)

        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("today_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title, 1)
        self.mine = QCheckBox(self.tr("Only my tasks"))
        self.mine.setToolTip(self.tr("Show the tasks of the team member chosen in Settings"))
        self.mine.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.mine)
        layout.addLayout(top)

        self.trip_frame = QFrame()
        self.trip_frame.setObjectName("today_trip")
        self.trip_frame.setFrameShape(QFrame.Shape.StyledPanel)
        trip_row = QHBoxLayout(self.trip_frame)
        trip_row.setContentsMargins(8, 4, 8, 4)
        self.trip_label = QLabel()
        self.trip_label.setWordWrap(True)
        self.trip_button = QPushButton(self.tr("Trip agenda…"))
        self.trip_button.setObjectName("today_trip_agenda")
        self.trip_button.clicked.connect(self.show_trip_agenda)
        trip_row.addWidget(self.trip_label, 1)
        trip_row.addWidget(self.trip_button)
        layout.addWidget(self.trip_frame)

        self.headings: dict[str, QLabel] = {}
        self.meetings = self._section(
            layout,
            "today_meetings",
            [
                self.tr("Venue time"),
                self.tr("Moscow time"),
                self.tr("Meeting"),
                self.tr("Company"),
                self.tr("Place"),
            ],
            2,
            [185, 95, 0, 220, 140],
        )
        self.overdue = self._section(
            layout,
            "today_overdue",
            [self.tr("Due"), self.tr("Task"), self.tr("Company / project"), self.tr("Owner")],
            1,
            [120, 0, 300, 150],
        )
        self.open_tasks = self._section(
            layout,
            "today_open",
            [self.tr("Due"), self.tr("Task"), self.tr("Company / project"), self.tr("Owner")],
            1,
            [120, 0, 300, 150],
        )
        self.next_steps = self._section(
            layout,
            "today_next_steps",
            [self.tr("Project"), self.tr("Company"), self.tr("Next step"), self.tr("Due")],
            2,
            [230, 200, 0, 120],
        )
        self.stalled = self._section(
            layout,
            "today_stalled",
            [
                self.tr("Days in stage"),
                self.tr("Project"),
                self.tr("Company"),
                self.tr("Stage"),
                self.tr("Responsible"),
            ],
            1,
            [120, 0, 200, 200, 130],
        )
        layout.addStretch(1)
        self.tables = [self.meetings, self.overdue, self.open_tasks, self.next_steps, self.stalled]

        scroll = QScrollArea()
        scroll.setObjectName("today_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from table to table
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)
        self.scroll = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _section(
        self, layout: QVBoxLayout, name: str, headers: list[str], stretch: int, widths: list[int]
    ) -> SectionTable:
        heading = QLabel()
        heading.setObjectName(name + "_heading")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        heading.setContentsMargins(0, 8, 0, 0)
        table = SectionTable(name, headers, stretch)
        table.set_widths(widths)
        heading.setBuddy(table)
        table.itemActivated.connect(lambda item, _col, t=table: self._open(t, item))
        table.installEventFilter(self)
        self.headings[name] = heading
        layout.addWidget(heading)
        layout.addWidget(table)
        return table

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        me = self.settings.current_member_id
        self.mine.setVisible(bool(me))
        owner = me if me and self.mine.isChecked() else None
        self.summary = s = self.services.today.summary(owner_id=owner)
        self.title.setText(
            self.tr("Today, %1").replace(
                "%1", QLocale().toString(s.today, QLocale.FormatType.LongFormat)
            )
        )
        self._show_trip(s)
        self._fill_meetings(s.meetings)
        self._fill_tasks(self.overdue, s.overdue, self.tr("Nothing is overdue."))
        self._fill_tasks(self.open_tasks, s.open_tasks, self.tr("No open tasks."))
        self._fill_next_steps(s.next_steps)
        self._fill_stalled(s.stalled)
        self._heading(
            "today_meetings",
            self.tr("Meetings in the next %1 days").replace("%1", str(UPCOMING_DAYS)),
            len(s.meetings),
            s.meetings_total,
        )
        self._heading("today_overdue", self.tr("Overdue tasks"), len(s.overdue), s.overdue_total)
        self._heading("today_open", self.tr("Open tasks"), len(s.open_tasks), s.open_total)
        self._heading(
            "today_next_steps",
            self.tr("Next step of each active project"),
            len(s.next_steps),
            s.next_steps_total,
        )
        self._heading(
            "today_stalled",
            self.tr("Stalled projects (longer than the limit in one stage)"),
            len(s.stalled),
            s.stalled_total,
        )
        for table in self.tables:
            table.fit_height()

    def _heading(self, name: str, text: str, shown: int, total: int) -> None:
        if total > shown:
            count = (
                self.tr("the first %1 of %2").replace("%1", str(shown)).replace("%2", str(total))
            )
        else:
            count = str(total)
        self.headings[name].setText(f"{text} ({count})")

    def _show_trip(self, s: TodaySummary) -> None:
        trip = s.trip
        self.trip_frame.setVisible(trip is not None)
        if trip is None:
            return
        dates = f"{day_text(trip.start_date)} — {day_text(trip.end_date)}"
        text = (
            self.tr("Trip under way: %1")
            if trip.start_date <= s.today
            else self.tr("Next trip: %1")
        ).replace("%1", trip.title)
        details = ", ".join(x for x in (dates, trip.cities) if x)
        self.trip_label.setText(f"<b>{escape(text)}</b> · {escape(details)}")

    def _fill_meetings(self, meetings: list[MeetingItem]) -> None:
        t = self.meetings
        t.clear()
        for m in meetings:
            company = company_text(m.company)
            if m.project_title:
                company = " — ".join(x for x in (company, m.project_title) if x)
            item = t.add_row(
                [venue_text(m), moscow_text(m), m.title, company, m.place], (ENTITY_MEETING, m.id)
            )
            item.setToolTip(0, self.tr("Venue time, %1").replace("%1", m.timezone))
            item.setToolTip(1, self.tr("Moscow time"))
        if not meetings:
            t.add_empty(
                self.tr("No meetings in the next %1 days.").replace("%1", str(UPCOMING_DAYS))
            )

    def _fill_tasks(self, table: SectionTable, tasks: list[TaskItem], empty: str) -> None:
        table.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for task in tasks:
            related = " — ".join(
                x
                for x in (company_text(task.company), task.project_title or task.meeting_title)
                if x
            )
            item = table.add_row(
                [due_text(task.due_date), task.title, related, person_text(task.owner)],
                (ENTITY_TASK, task.id),
            )
            if task.overdue:
                item.setIcon(0, warning)
                item.setForeground(0, QBrush(OVERDUE_TEXT))
                font = QFont(table.font())
                font.setBold(True)
                item.setFont(0, font)
                item.setToolTip(0, self.tr("Overdue by %1 d").replace("%1", str(task.overdue_days)))
        if not tasks:
            table.add_empty(empty)

    def _fill_next_steps(self, projects: list[ProjectItem]) -> None:
        t = self.next_steps
        t.clear()
        for p in projects:
            step = p.next_step
            if step is None:
                item = t.add_row(
                    [p.title, company_text(p.company), self.tr("No next step planned"), ""],
                    (ENTITY_PROJECT, p.id),
                )
                item.setForeground(2, QBrush(OVERDUE_TEXT))
                continue
            owner = person_text(step.owner)
            text = f"{step.title} ({owner})" if owner else step.title
            item = t.add_row(
                [p.title, company_text(p.company), text, due_text(step.due_date)],
                (ENTITY_PROJECT, p.id),
            )
            if step.overdue:
                item.setForeground(3, QBrush(OVERDUE_TEXT))
                item.setToolTip(3, self.tr("Overdue by %1 d").replace("%1", str(step.overdue_days)))
        if not projects:
            t.add_empty(self.tr("No active projects."))

    def _fill_stalled(self, projects: list[ProjectItem]) -> None:
        t = self.stalled
        t.clear()
        lang = ui_language()
        for p in projects:
            item = t.add_row(
                [
                    str(p.days_in_stage),
                    p.title,
                    company_text(p.company),
                    p.stage.name(lang),
                    person_text(p.owner),
                ],
                (ENTITY_PROJECT, p.id),
            )
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(
                0,
                self.tr("%1 days in this stage; the limit is %2")
                .replace("%1", str(p.days_in_stage))
                .replace("%2", str(p.stall_limit)),
            )
        if not projects:
            t.add_empty(self.tr("No project has stayed too long in one stage."))

    # -- opening and keys ------------------------------------------------------------------------
    def _open(self, table: SectionTable, item: QTreeWidgetItem) -> None:
        target = table.target(item)
        if target:
            self.open_record.emit(*target)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down on a section's last row goes on to the next section, Up on the first back.
        if isinstance(watched, SectionTable) and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            row = watched.indexOfTopLevelItem(watched.currentItem())
            last = watched.topLevelItemCount() - 1
            if key == Qt.Key.Key_Down and (row == last or watched.first_row() < 0):
                return self._jump(watched, +1)
            if key == Qt.Key.Key_Up and row <= 0:
                return self._jump(watched, -1)
        return super().eventFilter(watched, event)

    def _jump(self, table: SectionTable, step: int) -> bool:
        i = self.tables.index(table) + step
        while 0 <= i < len(self.tables):
            target = self.tables[i]
            if target.first_row() == 0:
                row = 0 if step > 0 else target.topLevelItemCount() - 1
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                target.setCurrentItem(target.topLevelItem(row))
                self.scroll.ensureWidgetVisible(target)
                return True
            i += step
        return False

    def showEvent(self, event: object) -> None:  # noqa: N802
        super().showEvent(event)  # type: ignore[arg-type]
        if not any(t.hasFocus() for t in self.tables):
            for t in self.tables:
                if t.first_row() == 0:
                    if t.currentItem() is None:
                        t.setCurrentItem(t.topLevelItem(0))
                    break

    # -- the trip -------------------------------------------------------------------------------
    def show_trip_agenda(self) -> bool:
        if self.summary is None or self.summary.trip is None:
            return False
        from crm_desktop.ui.views.trip_agenda import TripAgendaDialog

        dialog = TripAgendaDialog(self.services, self.summary.trip.id, self)
        dialog.open_record.connect(self.open_record)
        dialog.open()
        self._dialog = dialog
        return True

    def focus_filter(self) -> bool:
        for t in self.tables:
            if t.first_row() == 0:
                t.setFocus()
                return True
        return False

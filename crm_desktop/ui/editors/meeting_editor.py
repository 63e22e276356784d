"""The meeting editor, built for the minutes right after a meeting.

Company and project (projects filtered by the company), both sides' participants (a new
contact can be added inline), agenda, discussion, agreements, next steps that become tasks,
and an optional stage move of the project: all saved by ``MeetingService.record`` in one
transaction. The start is entered in the venue's time zone, with Moscow time beside it.

With a draft store, every input is kept as a draft a few seconds after each change (new
and existing meetings alike), removed once the meeting is saved or the user drops the
changes; ``restore_draft`` opens the editor from a draft a crash left behind.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.application.drafts import Draft, DraftStore
from crm_desktop.application.meeting_form import (
    DRAFT_KIND,
    MeetingDraft,
    MeetingForm,
    NextStepForm,
)
from crm_desktop.config import Settings
from crm_desktop.documents.loader import contacts_in_rank_order, members_in_rank_order
from crm_desktop.domain.errors import ConflictError, CrmError, FieldError, ValidationError
from crm_desktop.domain.models import Confidentiality, MeetingFormat, TaskStatus
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.meetings import MeetingInput, StageMove
from crm_desktop.domain.services.tasks import TaskInput
from crm_desktop.ui.common.labels import ui_language
from crm_desktop.ui.common.stale_save_dialog import OVERWRITE, RELOAD, ask_stale_save
from crm_desktop.ui.common.undo import RecordMeetingCommand, perform
from crm_desktop.ui.common.view import ENTITY_PROJECT, View
from crm_desktop.ui.common.widgets_display import (
    company_label,
    contact_label,
    member_name,
)
from crm_desktop.ui.common.widgets_errors import crm_error_text, field_error_text
from crm_desktop.ui.common.widgets_zones import MOSCOW, ZoneCombo
from crm_desktop.ui.editors.contact_quick_form import NewContactBox
from crm_desktop.ui.editors.draft_autosave import DraftAutosaver
from crm_desktop.ui.editors.participant_order import ParticipantOrder
from crm_desktop.ui.editors.partner_text import PartnerText, PartnerTextBox
from crm_desktop.ui.editors.record_picker import RecordPicker

ERROR_STYLE = "color: #c0392b;"
RECENT_PROJECTS = 50  # offered before a company is chosen
RIGHT_COLUMN_MIN = 380  # agenda, discussion, next steps: narrower than this, columns stack
IdRole = Qt.ItemDataRole.UserRole + 1


class MeetingEditor(View):
    """Create or edit one meeting; emits ``saved(meeting_id)`` after each save."""

    saved = Signal(str)

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.meeting_id: str | None = None
        self.loaded_version: int | None = None  # the meeting's version the save checks
        self._loading = False
        self._errors: dict[str, QLabel] = {}
        self.autosave: DraftAutosaver | None = None
        if drafts is not None:
            self.autosave = DraftAutosaver(drafts, DRAFT_KIND, "", self.draft_data, parent=self)
        self._build()
        self._watch_changes()
        if self.autosave is not None:
            self.autosave.failed.connect(self._draft_failed)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Save),
            self,
            self.save,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.refresh()
        self.new_meeting()

    # -- building the form ---------------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self._errors[field] = label
        return label

    def _with_error(self, widget: QWidget | QHBoxLayout, field: str) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            v.addLayout(widget)
        else:
            v.addWidget(widget)
        v.addWidget(self._error_label(field))
        return box

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 0)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        header.addWidget(self.heading, 1)
        self.status = QLabel()
        header.addWidget(self.status)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(
            self.tr("Save the meeting (%1)").replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.Save).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        header.addWidget(self.save_button)
        outer.addLayout(header)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #8e1b10; padding: 6px;")
        self.banner.hide()
        outer.addWidget(self.banner)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        columns = QHBoxLayout(body)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.columns_splitter = splitter
        columns.addWidget(splitter)
        left_widget, right_widget = QWidget(), QWidget()
        left = QVBoxLayout(left_widget)
        right = QVBoxLayout(right_widget)
        left.setContentsMargins(0, 0, 4, 0)
        right.setContentsMargins(4, 0, 0, 0)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([500, 600])

        # When, where, with whom
        meeting_box = QGroupBox(self.tr("Meeting"))
        form = QFormLayout(meeting_box)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Negotiations on localising production"))
        form.addRow(self.tr("&Title:"), self._with_error(self.title, "title"))
        self.trip = QComboBox()
        form.addRow(self.tr("T&rip:"), self.trip)
        self.company = RecordPicker(self.services, "company")  # any spelling: kai, Кай, 凯
        self.company.setObjectName("meeting_company")
        self.company.lineEdit().setPlaceholderText(self.tr("Type to search companies"))
        form.addRow(self.tr("&Company:"), self._with_error(self.company, "company_id"))
        project_row = QHBoxLayout()
        self.project = QComboBox()
        self.open_project = QPushButton(self.tr("Open"))
        self.open_project.setToolTip(self.tr("Open the project"))
        project_row.addWidget(self.project, 1)
        project_row.addWidget(self.open_project)
        form.addRow(self.tr("&Project:"), self._with_error(project_row, "project_id"))

        when = QHBoxLayout()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.zone = ZoneCombo()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addWidget(self.zone, 1)
        form.addRow(self.tr("&Start (venue time):"), self._with_error(when, "starts_at"))
        self._errors["timezone"] = self._errors["starts_at"]
        self.moscow = QLabel()
        form.addRow(self.tr("Moscow time:"), self.moscow)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        form.addRow(self.tr("&Duration:"), self._with_error(self.duration, "duration_min"))
        self.format = QComboBox()
        for value, label in (
            (MeetingFormat.IN_PERSON, self.tr("In person")),
            (MeetingFormat.VIDEO, self.tr("Video call")),
            (MeetingFormat.PHONE, self.tr("Phone call")),
            (MeetingFormat.EVENT, self.tr("Event")),
        ):
            self.format.addItem(label, value)
        form.addRow(self.tr("&Format:"), self.format)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. company headquarters, Shenzhen"))
        form.addRow(self.tr("P&lace:"), self.place)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItems(
            [
                self.tr("Chinese, Russian"),
                self.tr("Chinese, English"),
                self.tr("English, Russian"),
                self.tr("Chinese"),
                self.tr("English"),
                self.tr("Russian"),
            ]
        )
        form.addRow(self.tr("L&anguage:"), self.language)
        self.interpreter = QLineEdit()
        self.interpreter.setPlaceholderText(self.tr("Name of the interpreter, if any"))
        form.addRow(self.tr("&Interpreter:"), self.interpreter)
        self.confidentiality = QComboBox()
        for value, label in (
            (Confidentiality.PUBLIC, self.tr("Public")),
            (Confidentiality.INTERNAL, self.tr("Internal")),
            (Confidentiality.CONFIDENTIAL, self.tr("Confidential")),
        ):
            self.confidentiality.addItem(label, value)
        form.addRow(self.tr("Confidentiality:"), self.confidentiality)
        left.addWidget(meeting_box)

        people = QGroupBox(self.tr("Participants"))
        grid = QGridLayout(people)
        grid.addWidget(QLabel(self.tr("Our side:")), 0, 0)
        their_header = QHBoxLayout()
        their_header.addWidget(QLabel(self.tr("Their side:")), 1)
        self.add_contact = QPushButton(self.tr("Add contact…"))
        self.add_contact.setToolTip(self.tr("Create a new contact at this company"))
        their_header.addWidget(self.add_contact)
        grid.addLayout(their_header, 0, 1)
        self.ours = QListWidget()
        self.theirs = QListWidget()
        for lst in (self.ours, self.theirs):
            # one current person, for Move up / Move down
            lst.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            lst.setMinimumHeight(120)
            lst.setTextElideMode(Qt.TextElideMode.ElideRight)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid.addWidget(self.ours, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        self.our_order = ParticipantOrder(self.ours, IdRole, "meeting_our_order")
        self.their_order = ParticipantOrder(self.theirs, IdRole, "meeting_their_order")
        grid.addWidget(self.our_order.buttons, 2, 0)
        grid.addWidget(self.their_order.buttons, 2, 1)
        # pick a participant by any spelling of the name (wang, Ван, 王), Down and Enter
        self.our_picker = RecordPicker(self.services, "member")
        self.our_picker.setObjectName("meeting_our_picker")
        self.their_picker = RecordPicker(self.services, "contact")
        self.their_picker.setObjectName("meeting_their_picker")
        for picker, lst in ((self.our_picker, self.ours), (self.their_picker, self.theirs)):
            picker.lineEdit().setPlaceholderText(self.tr("Add a participant: type a name"))
            picker.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            picker.setMinimumContentsLength(12)
            picker.picked.connect(
                lambda record_id, p=picker, lst=lst: self._participant_picked(p, lst, record_id)
            )
        grid.addWidget(self.our_picker, 3, 0)
        grid.addWidget(self.their_picker, 3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.new_contact = NewContactBox(self.services, self.company_id, self.undo_stack, self)
        self.new_contact.hide()
        grid.addWidget(self.new_contact, 4, 0, 1, 2)
        left.addWidget(people)
        left.addStretch(1)

        # What was said and agreed, and what happens next
        self.agenda = QPlainTextEdit()
        self.discussion = QPlainTextEdit()
        self.agreements = QPlainTextEdit()
        for label, edit, height in (
            (self.tr("A&genda"), self.agenda, 70),
            (self.tr("D&iscussion"), self.discussion, 110),
            (self.tr("Agreements &reached"), self.agreements, 90),
        ):
            title = QLabel(label)
            title.setBuddy(edit)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(height)
            edit.setMaximumHeight(height * 2)  # keep the next steps in sight
            right.addWidget(title)
            right.addWidget(edit)
        self.partner_text = PartnerTextBox(self)
        right.addWidget(self.partner_text)

        steps_box = QGroupBox(self.tr("Next steps (become tasks)"))
        steps_layout = QVBoxLayout(steps_box)
        self.recorded_steps = QLabel()
        self.recorded_steps.setWordWrap(True)
        self.recorded_steps.hide()
        steps_layout.addWidget(self.recorded_steps)
        self.steps = QTableWidget(0, 3)
        self.steps.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Owner"), self.tr("Due date")]
        )
        header_view = self.steps.horizontalHeader()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.steps.setColumnWidth(1, 190)
        self.steps.setColumnWidth(2, 120)
        self.steps.verticalHeader().setVisible(False)
        self.steps.setMinimumHeight(110)
        steps_layout.addWidget(self.steps)
        steps_layout.addWidget(self._error_label("next_steps"))
        step_buttons = QHBoxLayout()
        self.add_step = QPushButton(self.tr("Add step"))
        self.remove_step = QPushButton(self.tr("Remove step"))
        step_buttons.addWidget(self.add_step)
        step_buttons.addWidget(self.remove_step)
        step_buttons.addStretch(1)
        steps_layout.addLayout(step_buttons)
        right.addWidget(steps_box)

        self.stage_box = QGroupBox(self.tr("Move the project to another stage"))
        self.stage_box.setCheckable(True)
        self.stage_box.setChecked(False)
        stage_form = QFormLayout(self.stage_box)
        self.current_stage = QLabel()
        self.current_stage.setWordWrap(True)
        stage_form.addRow(self.tr("Now:"), self.current_stage)
        self.stage = QComboBox()
        stage_form.addRow(self.tr("New stage:"), self._with_error(self.stage, "stage_id"))
        self.stage_note = QLineEdit()
        self.stage_note.setPlaceholderText(self.tr("Why it moves (optional)"))
        stage_form.addRow(self.tr("Note:"), self.stage_note)
        right.addWidget(self.stage_box)

        for combo in (self.trip, self.company, self.project, self.zone, self.language, self.stage):
            # Long company and project names must not widen the form past the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.company.currentIndexChanged.connect(self._company_changed)
        self.project.currentIndexChanged.connect(self._project_changed)
        self.open_project.clicked.connect(self._open_project)
        for signal in (self.date.dateChanged, self.time.timeChanged, self.zone.currentIndexChanged):
            signal.connect(self._update_moscow)
        self.add_contact.clicked.connect(self._add_contact_clicked)
        self.new_contact.created.connect(self._contact_created)
        self.add_step.clicked.connect(lambda: self.add_next_step())
        self.remove_step.clicked.connect(self._remove_step)
        if self.undo_stack is not None:
            self.undo_stack.indexChanged.connect(self._after_undo_stack_change)

    def _watch_changes(self) -> None:
        """Every input restarts the draft timer (see DraftAutosaver)."""
        if self.autosave is None:
            return
        mark = self.autosave.mark_dirty
        for line in (self.title, self.place, self.interpreter, self.stage_note):
            line.textChanged.connect(mark)
        for text in (self.agenda, self.discussion, self.agreements):
            text.textChanged.connect(mark)
        self.partner_text.changed.connect(mark)
        for combo in (
            self.trip,
            self.company,
            self.project,
            self.zone,
            self.format,
            self.confidentiality,
            self.stage,
        ):
            combo.currentIndexChanged.connect(mark)
        for editable in (self.company, self.language):
            editable.editTextChanged.connect(mark)
        self.date.dateChanged.connect(mark)
        self.time.timeChanged.connect(mark)
        self.duration.valueChanged.connect(mark)
        self.ours.itemChanged.connect(mark)
        self.theirs.itemChanged.connect(mark)
        self.our_order.changed.connect(mark)
        self.their_order.changed.connect(mark)
        self.steps.itemChanged.connect(mark)
        self.steps.model().rowsInserted.connect(mark)
        self.steps.model().rowsRemoved.connect(mark)
        self.stage_box.toggled.connect(mark)

    # -- reference lists -----------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return ui_language()

    def refresh(self) -> None:
        """Reload the lists to choose from (companies, trips, members, stages)."""
        self._loading = True
        try:
            company = self.company_id()
            self.company.clear()
            self.company.addItem("", None)
            for c in self.services.companies.choices():
                self.company.addItem(company_label(c, self.lang), c.id)
            self._set_combo(self.company, company)

            trip = self.trip.currentData()
            self.trip.clear()
            self.trip.addItem(self.tr("No trip"), None)
            self._trips = self.services.trips.list(
                self.services.trips.query(sort="start", descending=True)
            )
            for t in self._trips:
                self.trip.addItem(t.title, t.id)
            self._set_combo(self.trip, trip)

            in_order = self._checked(self.ours)
            checked = set(in_order)
            self.ours.clear()
            for m in members_in_rank_order(self.services.members.list()):
                if not m.active and m.id not in checked:
                    continue
                item = QListWidgetItem(member_name(m, self.lang))
                item.setData(IdRole, m.id)
                item.setToolTip(" · ".join(x for x in (m.name, m.name_latin, m.position) if x))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if m.id in checked else Qt.CheckState.Unchecked
                )
                self.ours.addItem(item)
            self.our_order.remember_rank()
            if self.our_order.by_hand:
                self.our_order.show_order(True, in_order)
            self._fill_picker(self.our_picker, self.ours)

            stage = self.stage.currentData()
            self.stage.clear()
            self._stages = self.services.stages.list()
            for s in self._stages:
                self.stage.addItem(f"{s.position}. {s.name(self.lang)}", s.id)
            self._set_combo(self.stage, stage)
        finally:
            self._loading = False
        self._load_projects(self.project.currentData())
        self._load_contacts(set(self._checked(self.theirs)))

    @staticmethod
    def _set_combo(combo: QComboBox, value: object) -> None:
        i = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(i, 0))

    @staticmethod
    def _checked(lst: QListWidget) -> list[str]:
        return [
            lst.item(i).data(IdRole)
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _set_checked(lst: QListWidget, ids: set[str]) -> None:
        for i in range(lst.count()):
            item = lst.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(IdRole) in ids else Qt.CheckState.Unchecked
            )

    def company_id(self) -> str | None:
        i = self.company.currentIndex()
        if i <= 0 or self.company.currentText() != self.company.itemText(i):
            return None  # free text that names no company
        return self.company.itemData(i)

    def project_id(self) -> str | None:
        return self.project.currentData()

    def _load_projects(self, keep: str | None) -> None:
        company_id = self.company_id()
        self._loading = True
        try:
            self.project.clear()
            self.project.addItem(self.tr("No project"), None)
            if company_id:
                q = self.services.projects.query(company_id=company_id, sort="title")
            else:  # the most recently worked on, to pick before the company
                q = self.services.projects.query(
                    sort="updated", descending=True, limit=RECENT_PROJECTS
                )
            self._projects = {p.id: p for p in self.services.projects.list(q)}
            for p in self._projects.values():
                label = (
                    p.title if company_id else f"{p.title} — {company_label(p.company, self.lang)}"
                )
                self.project.addItem(label, p.id)
            self._set_combo(self.project, keep)
        finally:
            self._loading = False
        self._project_changed()

    def _fill_picker(self, picker: RecordPicker, lst: QListWidget) -> None:
        """The picker offers the people of its list (found by any spelling)."""
        picker.clear()
        picker.addItem("", None)
        for i in range(lst.count()):
            picker.addItem(lst.item(i).text(), lst.item(i).data(IdRole))
        picker.setEnabled(lst.count() > 0)

    def _participant_picked(
        self, picker: RecordPicker, lst: QListWidget, record_id: object
    ) -> None:
        for i in range(lst.count()):
            item = lst.item(i)
            if record_id is not None and item.data(IdRole) == record_id:
                item.setCheckState(Qt.CheckState.Checked)
                lst.scrollToItem(item)
        # ready for the next name, once the completer has written the chosen one
        QTimer.singleShot(0, lambda: (picker.setCurrentIndex(0), picker.clearEditText()))

    def _load_contacts(self, checked: set[str]) -> None:
        company_id = self.company_id()
        in_order = self._checked(self.theirs)  # kept when the order is set by hand
        self.theirs.clear()
        self.add_contact.setEnabled(company_id is not None)
        if company_id is None:
            self._fill_picker(self.their_picker, self.theirs)
            return
        q = self.services.contacts.query(company_id=company_id, sort="name")
        for c in contacts_in_rank_order(self.services.contacts.list(q)):
            item = QListWidgetItem(contact_label(c, self.lang))
            item.setData(IdRole, c.id)
            item.setToolTip(item.text())
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in checked else Qt.CheckState.Unchecked
            )
            if c.decision_maker:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(item.text() + "\n" + self.tr("Decision maker"))
            self.theirs.addItem(item)
        self.their_order.remember_rank()
        if self.their_order.by_hand:
            self.their_order.show_order(True, in_order)
        self._fill_picker(self.their_picker, self.theirs)

    def _company_changed(self) -> None:
        if self._loading:
            return
        self._load_projects(self.project.currentData())
        self._load_contacts(set(self._checked(self.theirs)))

    def _project_changed(self) -> None:
        if self._loading:
            return
        project = self._projects.get(self.project_id() or "")
        self.open_project.setEnabled(project is not None)
        self.stage_box.setEnabled(project is not None)
        if project is None:
            self.stage_box.setChecked(False)
            self.current_stage.clear()
            return
        if self.company_id() is None:
            # A project picked first brings its company (and that company's people).
            self._set_combo(self.company, project.company_id)
            return
        stage = next((s for s in self._stages if s.id == project.stage_id), None)
        self.current_stage.setText(stage.name(self.lang) if stage else "")
        if stage is not None and not self.stage_box.isChecked():
            following = [s for s in self._stages if s.position > stage.position]
            self._set_combo(self.stage, following[0].id if following else stage.id)

    def _open_project(self) -> None:
        if self.project_id():
            self.open_record.emit(ENTITY_PROJECT, self.project_id())

    def _update_moscow(self) -> None:
        zone = self.zone.zone()
        try:
            local = datetime.combine(
                self.date.date().toPython(), self.time.time().toPython(), tzinfo=ZoneInfo(zone)
            )
        except (KeyError, ValueError):
            self.moscow.clear()
            return
        moscow = local.astimezone(MOSCOW)
        text = (
            self.tr("%1 at %2")
            .replace("%1", moscow.strftime("%d.%m.%Y"))
            .replace("%2", moscow.strftime("%H:%M"))
        )
        diff = (local.utcoffset() - moscow.utcoffset()).total_seconds() / 3600  # type: ignore
        if diff:
            hours = f"{abs(diff):g}"
            text += " " + (
                self.tr("(venue is %1 h ahead)") if diff > 0 else self.tr("(venue is %1 h behind)")
            ).replace("%1", hours)
        self.moscow.setText(text)

    # -- participants and next steps -----------------------------------------------------------
    def _add_contact_clicked(self) -> None:
        if self.company_id() is None:
            return
        self.new_contact.open_form()

    def _contact_created(self, contact_id: str) -> None:
        checked = set(self._checked(self.theirs)) | {contact_id}
        self._load_contacts(checked)

    def add_next_step(
        self, title: str = "", owner_id: str | None = None, due: date | None = None
    ) -> int:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        self.steps.setItem(row, 0, QTableWidgetItem(title))
        owner = QComboBox()
        owner.addItem(self.tr("No owner"), None)
        for m in self.services.members.list():
            if m.active:
                owner.addItem(member_name(m, self.lang), m.id)
        self._set_combo(owner, owner_id or self.settings.current_member_id)
        self.steps.setCellWidget(row, 1, owner)
        due_edit = QDateEdit()
        due_edit.setCalendarPopup(True)
        due_edit.setDisplayFormat("dd.MM.yyyy")
        due_edit.setDate(due or date.today() + timedelta(days=7))
        self.steps.setCellWidget(row, 2, due_edit)
        if self.autosave is not None:
            owner.currentIndexChanged.connect(self.autosave.mark_dirty)
            due_edit.dateChanged.connect(self.autosave.mark_dirty)
        if not title:
            self.steps.setCurrentCell(row, 0)
            self.steps.editItem(self.steps.item(row, 0))
        return row

    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)

    def next_step_inputs(self) -> list[TaskInput]:
        return self.form().next_step_inputs()

    # -- the form: widgets <-> MeetingForm, in one place each way ------------------------------
    def form(self) -> MeetingForm:
        """Every input as it stands, raw (nothing stripped)."""
        steps = []
        for row in range(self.steps.rowCount()):
            item = self.steps.item(row, 0)
            owner = self.steps.cellWidget(row, 1)
            due = self.steps.cellWidget(row, 2)
            steps.append(
                NextStepForm(
                    title=item.text() if item else "",
                    owner_id=owner.currentData() if isinstance(owner, QComboBox) else None,
                    due=due.date().toPython() if isinstance(due, QDateEdit) else None,
                )
            )
        company_id = self.company_id()
        return MeetingForm(
            day=self.date.date().toPython(),
            clock=self.time.time().toPython(),
            meeting_id=self.meeting_id,
            title=self.title.text(),
            trip_id=self.trip.currentData(),
            company_id=company_id,
            company_text="" if company_id else self.company.currentText(),
            project_id=self.project_id(),
            timezone=self.zone.zone(),
            duration_min=self.duration.value(),
            format=self.format.currentData(),
            place=self.place.text(),
            language=self.language.currentText(),
            interpreter=self.interpreter.text(),
            confidentiality=self.confidentiality.currentData(),
            member_ids=self._checked(self.ours),
            contact_ids=self._checked(self.theirs),
            members_by_hand=self.our_order.by_hand,
            contacts_by_hand=self.their_order.by_hand,
            agenda=self.agenda.toPlainText(),
            discussion=self.discussion.toPlainText(),
            agreements=self.agreements.toPlainText(),
            next_steps=steps,
            stage_move=self.stage_box.isChecked(),
            stage_id=self.stage.currentData(),
            stage_note=self.stage_note.text(),
            **self.partner_text.values().to_json(),
        )

    def show_form(self, f: MeetingForm) -> None:
        """Fill every input from ``f`` (the editor's own state, meeting_id, stays)."""
        self.title.setText(f.title)
        self.title.setCursorPosition(0)
        self._set_combo(self.trip, f.trip_id)
        self.zone.set_zone(f.timezone)
        self.date.setDate(QDate(f.day.year, f.day.month, f.day.day))
        self.time.setTime(QTime(f.clock.hour, f.clock.minute))
        self.duration.setValue(f.duration_min)
        self._set_combo(self.format, f.format)
        self._set_combo(self.confidentiality, f.confidentiality)
        self.place.setText(f.place)
        self.language.setEditText(f.language)
        self.interpreter.setText(f.interpreter)
        self.agenda.setPlainText(f.agenda)
        self.discussion.setPlainText(f.discussion)
        self.agreements.setPlainText(f.agreements)
        self.partner_text.set_values(
            PartnerText(
                f.second_language,
                f.title_alt,
                f.agenda_alt,
                f.agreements_alt,
                f.next_steps_alt,
                place_alt=f.place_alt,
            )
        )
        self._loading = True
        try:
            self._set_combo(self.company, f.company_id)
            if f.company_id is None and f.company_text:
                self.company.setEditText(f.company_text)
        finally:
            self._loading = False
        self._load_projects(f.project_id)
        self._load_contacts(set(f.contact_ids))
        self._set_checked(self.ours, set(f.member_ids))
        self.our_order.show_order(f.members_by_hand, f.member_ids)
        self.their_order.show_order(f.contacts_by_hand, f.contact_ids)
        self.steps.setRowCount(0)
        for step in f.next_steps:
            row = self.add_next_step(step.title, step.owner_id, step.due)
            owner = self.steps.cellWidget(row, 1)
            if isinstance(owner, QComboBox):
                self._set_combo(owner, step.owner_id)  # "No owner" stays "No owner"
        self.stage_box.setChecked(f.stage_move and self.stage_box.isEnabled())
        if f.stage_id is not None:
            self._set_combo(self.stage, f.stage_id)
        self.stage_note.setText(f.stage_note)
        self._update_moscow()

    # -- loading a meeting ---------------------------------------------------------------------
    def new_meeting(
        self,
        company_id: str | None = None,
        project_id: str | None = None,
        trip_id: str | None = None,
    ) -> None:
        """An empty form for a meeting that just happened (now, at the trip's venue)."""
        self.meeting_id = None
        self.loaded_version = None
        self._clear_errors()
        self.status.clear()
        self.heading.setText(self.tr("New meeting"))
        if trip_id is None:
            today = date.today()
            trip_id = next((t.id for t in self._trips if t.start_date <= today <= t.end_date), None)
        self.show_form(
            MeetingForm.new(
                datetime.now(UTC),
                trip_id=trip_id,
                company_id=company_id,
                project_id=project_id,
                member_id=self.settings.current_member_id,
                language=self.language.itemText(0),
            )
        )
        self.recorded_steps.hide()
        self.title.setFocus()
        self._track_draft()

    def load_meeting(self, meeting_id: str) -> None:
        """Open an existing meeting for editing."""
        m = self.services.meetings.get(meeting_id)
        self.meeting_id = m.id
        self.loaded_version = m.version
        self._clear_errors()
        self.status.clear()
        self.heading.setText(self.tr("Meeting: %1").replace("%1", m.title))
        self.show_form(MeetingForm.from_meeting(m))
        tasks = self.services.meetings.next_steps(m.id)
        change = self.services.meetings.stage_change_of(m.id)
        lines = []
        for t in tasks:
            mark = "✓" if t.status == TaskStatus.DONE else "•"
            due = t.due_date.strftime("%d.%m.%Y") if t.due_date else ""
            owner = member_name(t.owner, self.lang)
            lines.append(
                " ".join(
                    x for x in (mark, t.title, f"({owner}, {due})" if owner or due else "") if x
                )
            )
        if change is not None:
            names = {s.id: s.name(self.lang) for s in self._stages}
            lines.append(
                self.tr("Stage moved with this meeting: %1 → %2")
                .replace("%1", names.get(change.from_stage_id or "", ""))
                .replace("%2", names.get(change.to_stage_id, ""))
            )
        if lines:
            self.recorded_steps.setText(self.tr("Already recorded:") + "\n" + "\n".join(lines))
            self.recorded_steps.show()
        else:
            self.recorded_steps.hide()
        self._update_moscow()
        self._fit_columns(self.width())  # the venue's zone may need a wider left column
        # Focus without selecting, so the start of a long title stays in view.
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.setCursorPosition(0)
        self._track_draft()

    # -- drafts ----------------------------------------------------------------------------------
    def _track_draft(self) -> None:
        """A meeting was (re)loaded: what it holds now needs no draft."""
        if self.autosave is None:
            return
        self.autosave.record_id = self.meeting_id or self.autosave.store.new_record_id()
        self.autosave.start(baseline=self.draft_data())

    def _draft_failed(self, message: str) -> None:
        self.status.setText(self.tr("The draft could not be kept: %1").replace("%1", message))

    def draft_data(self) -> dict[str, object]:
        """Every input as it stands, raw (nothing stripped), for the draft store."""
        return self.form().to_draft().to_json()

    def restore_draft(self, draft: Draft) -> None:
        """Open the meeting a draft was kept for (or a new one) and fill in the draft."""
        data = MeetingDraft.from_json(draft.data)
        try:
            if data.meeting_id:
                self.load_meeting(data.meeting_id)
            else:
                self.new_meeting()
        except CrmError:
            self.new_meeting()  # deleted since: the draft becomes a new meeting
        current = self.form()
        baseline = current.to_draft().to_json()
        self.show_form(current.with_draft(data))
        if self.autosave is not None:
            self.autosave.record_id = draft.record_id
            self.autosave.start(baseline=baseline, stored=True)
        self.status.setText(
            self.tr("Restored from a draft saved at %1").replace(
                "%1", draft.saved_at.astimezone().strftime("%d.%m.%Y %H:%M")
            )
        )

    def has_unsaved_changes(self) -> bool:
        return self.autosave is not None and self.autosave.has_changes()

    def discard_draft(self) -> None:
        """The meeting was saved, or the user chose to drop the changes."""
        if self.autosave is not None:
            self.autosave.discard()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        if self.autosave is not None:
            self.autosave.save_if_dirty()  # the window goes away: keep the last seconds
        super().hideEvent(event)

    # -- saving ----------------------------------------------------------------------------------
    def meeting_input(self) -> MeetingInput:
        return self.form().meeting_input()

    def stage_move(self) -> StageMove | None:
        if not (self.stage_box.isEnabled() and self.stage_box.isChecked()):
            return None
        project = self._projects.get(self.project_id() or "")
        if project is None or self.stage.currentData() in (None, project.stage_id):
            return None
        return StageMove(self.stage.currentData(), self.stage_note.text().strip())

    def save(self) -> bool:
        """Record the meeting; show what is wrong next to the fields otherwise."""
        self._clear_errors()
        data = self.meeting_input()
        steps = self.next_step_inputs()
        move = self.stage_move()
        project = self._projects.get(self.project_id() or "")
        if self.stage_box.isChecked() and project is not None and move is None:
            self._show_field_error("stage_id", FieldError("stage_id", "same_stage"))
            return False
        text = (
            self.tr("Record meeting “%1”")
            if self.meeting_id is None
            else self.tr("Edit meeting “%1”")
        ).replace("%1", data.title.strip())
        command = RecordMeetingCommand(
            self.services, data, steps, move, self.meeting_id, text, self.loaded_version
        )
        try:
            meeting = perform(self.undo_stack, command, self._show_banner)
        except ConflictError as e:
            self._stale_save(e, data)
            return False
        except ValidationError as e:
            for name, fe in e.errors.items():
                self._show_field_error(name, fe)
            return False
        except CrmError as e:
            self._show_banner(e)
            return False
        self.discard_draft()  # recorded in one transaction: the draft is not needed
        self.load_meeting(meeting.id)
        self.status.setText(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M")))
        self.saved.emit(meeting.id)
        self.data_changed.emit()
        return True

    def _stale_save(self, error: ConflictError, mine: MeetingInput) -> None:
        """Someone else saved this meeting since it was opened: reload, overwrite, compare."""
        meeting_id = self.meeting_id
        assert meeting_id is not None
        theirs_row = self.services.meetings.get(meeting_id)
        theirs = MeetingInput.from_row(theirs_row)

        def chosen(choice: str | None) -> None:
            if choice == RELOAD:
                self.discard_draft()  # mine is given up on purpose
                self.load_meeting(meeting_id)
            elif choice == OVERWRITE:
                self.loaded_version = theirs_row.version
                self.save()

        labels = {
            name: self._field_label(name)
            for name in ("title", "starts_at", "timezone", "duration_min", "company_id")
        }
        self._stale_dialog = ask_stale_save(
            self, self.services, error, mine, theirs, chosen, labels
        )

    def _field_label(self, field: str) -> str:
        return {
            "title": self.tr("Title"),
            "starts_at": self.tr("Start"),
            "timezone": self.tr("Time zone"),
            "duration_min": self.tr("Duration"),
            "company_id": self.tr("Company"),
            "project_id": self.tr("Project"),
            "stage_id": self.tr("Stage"),
        }.get(field, field)

    def _show_field_error(self, field: str, error: FieldError) -> None:
        if field.startswith("next_steps."):
            _, row_text, name = field.split(".", 2)
            row = int(row_text)
            label = (
                self.tr("Next step %1: %2")
                .replace("%1", str(row + 1))
                .replace(
                    "%2", field_error_text(error, self.tr("What") if name == "title" else name)
                )
            )
            target = self._errors["next_steps"]
            target.setText("\n".join(t for t in (target.text(), label) if t))
            target.show()
            item = self.steps.item(row, 0)
            if item is not None:
                item.setBackground(QColor("#fdecea"))
            return
        text = field_error_text(error, self._field_label(field))
        target = self._errors.get(field)
        if target is None:
            self.banner.setText("\n".join(t for t in (self.banner.text(), text) if t))
            self.banner.show()
            return
        target.setText(text)
        target.show()

    def _show_banner(self, error: CrmError) -> None:
        self.banner.setText(crm_error_text(error))
        self.banner.show()

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.banner.clear()
        self.banner.hide()
        for row in range(self.steps.rowCount()):
            item = self.steps.item(row, 0)
            if item is not None:
                item.setBackground(QBrush())

    def _after_undo_stack_change(self) -> None:
        # An undo may have taken back this very meeting; show what the database holds now.
        if self.meeting_id is None:
            return
        try:
            meeting = self.services.meetings.get(self.meeting_id)
        except CrmError:
            self.new_meeting()
            return
        if meeting.deleted_at is not None:
            self.new_meeting()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_columns(event.size().width())

    def _fit_columns(self, width: int) -> None:
        """Side by side when the meeting fields get their full width ("UTC+08:00", not
        "UTC+08:0") and the notes keep a usable one; else one above the other, scrolling."""
        splitter = self.columns_splitter
        left_needs = splitter.widget(0).sizeHint().width()
        wide = width - 40 >= left_needs + RIGHT_COLUMN_MIN  # margins and the scroll bar
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
        sizes = splitter.sizes()
        if wide and len(sizes) == 2 and 0 < sizes[0] < left_needs:
            splitter.setSizes([left_needs, max(RIGHT_COLUMN_MIN, sum(sizes) - left_needs)])
        # The scroll area lays out by size hints, not height-for-width: once the widths are
        # known, give the wrapped "Already recorded" text the lines it needs.
        QTimer.singleShot(0, self, self._fit_wrapped_text)

    def _fit_wrapped_text(self) -> None:
        label = self.recorded_steps
        if label.isVisible() and label.width() > 0:
            label.setMinimumHeight(label.heightForWidth(label.width()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # A window shown around the editor focuses the title and selects it all, which
        # scrolls a long title to its end; show its start instead.
        QTimer.singleShot(0, self, self._title_home)

    def _title_home(self) -> None:
        self.title.deselect()
        self.title.setCursorPosition(0)

    # -- View hooks ----------------------------------------------------------------------------
    def create_record(self) -> bool:
        self.new_meeting()
        return True

    def show_record(self, entity: str, record_id: str) -> bool:
        if entity != "meeting":
            return False
        self.load_meeting(record_id)
        return True

    def focus_filter(self) -> bool:
        self.company.setFocus()
        self.company.lineEdit().selectAll()
        return True

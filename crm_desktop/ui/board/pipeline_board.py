"""The pipeline board: one column per stage, one card per project, drag a card to move it.

A move asks for an optional note and is recorded as a StageChange by ProjectService; with
an undo stack it is pushed as a command whose undo calls ``undo_stage_change``. The context
menu marks a project won, lost, on hold (a reason is required) or active again.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QLocale,
    QMimeData,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.config import Settings
from crm_desktop.domain.errors import ConflictError, CrmError, ValidationError
from crm_desktop.domain.models import ProjectStatus, Stage
from crm_desktop.domain.money import DEFAULT_CURRENCY, Rates, total_in
from crm_desktop.domain.services import Services
from crm_desktop.domain.services.projects import BoardCard, ProjectInput, ProjectQuery
from crm_desktop.domain.services.today import ProjectFacts
from crm_desktop.ui.board.pipeline_dialogs import NoteDialog, ReasonDialog
from crm_desktop.ui.common.filter_bar import ChoiceFilter, FilterBar
from crm_desktop.ui.common.labels import format_money, ui_language
from crm_desktop.ui.common.stale_save_dialog import OVERWRITE, RELOAD, ask_stale_save
from crm_desktop.ui.common.undo import StageMoveCommand, StatusCommand, perform
from crm_desktop.ui.common.view import ENTITY_PROJECT, View
from crm_desktop.ui.common.widgets_display import (
    format_totals,
    member_name,
    person_short_name,
)
from crm_desktop.ui.common.widgets_errors import crm_error_text, field_error_text

MIME_PROJECT = "application/x-crm-desktop-project"
COLUMN_WIDTH = 240
COMPACT_COLUMN_WIDTH = 190
MAX_CARDS = 300  # per column; a board of thousands of projects shows the longest-waiting
CardRole = Qt.ItemDataRole.UserRole + 1
COMPACT_KEY = "board/compact"  # QSettings: the compact toggle survives a restart

# Status filter choices: key -> statuses shown (None = all)
STATUS_FILTERS: dict[str, list[ProjectStatus] | None] = {
    "not_lost": [ProjectStatus.ACTIVE, ProjectStatus.WON, ProjectStatus.ON_HOLD],
    "active": [ProjectStatus.ACTIVE],
    "on_hold": [ProjectStatus.ON_HOLD],
    "won": [ProjectStatus.WON],
    "lost": [ProjectStatus.LOST],
    "all": None,
}

OVERDUE_COLOR = QColor("#b03a2e")
STATUS_COLORS = {
    ProjectStatus.ACTIVE: QColor("#3b7dd8"),
    ProjectStatus.WON: QColor("#2e9e5b"),
    ProjectStatus.ON_HOLD: QColor("#d99a1e"),
    ProjectStatus.LOST: QColor("#9a9a9a"),
}


@dataclass
class Card:
    """What one card shows, in ready-to-paint text (translated by the board)."""

    project_id: str
    stage_id: str
    status: ProjectStatus
    title: str
    company_native: str
    company_latin: str
    money_parts: list[str]  # capex, jobs: one line when they fit, else one line each
    time_parts: list[str]  # days in stage, owner: likewise
    status_line: str = ""
    tooltip: str = ""
    facts_parts: list[str] = field(default_factory=list)  # next meeting, open tasks
    facts_late: bool = False  # an open task is overdue: the facts line is red
    version: int = 0  # the project's version when the board was loaded


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title, company in both scripts, capex and jobs, days and owner.

    Compact cards (the board's toggle, for a small screen) show one line of title, the
    company and the capex, in narrower columns.
    """

    PAD = 8
    compact = False

    @property
    def TEXT_WIDTH(self) -> int:  # noqa: N802 - the same when measuring and painting
        return column_width(self.compact) - 46

    def _lines(self, card: Card, font: QFont) -> list[tuple[str, str]]:
        bold = QFont(font)
        bold.setBold(True)
        if self.compact:
            lines = [("title", card.title)]
            company = card.company_native or card.company_latin
            if company:
                lines.append(("company", company))
            if card.money_parts:
                lines.append(("plain", card.money_parts[0]))
            if card.facts_late:  # an overdue task is worth the extra line even here
                lines.append(("late", card.facts_parts[-1]))
            return lines
        lines = [("title", t) for t in _wrap(card.title, QFontMetrics(bold), self.TEXT_WIDTH, 2)]
        if card.company_native:
            lines.append(("company", card.company_native))
        if card.company_latin:
            lines.append(("latin", card.company_latin))
        fm = QFontMetrics(font)
        lines += [("plain", t) for t in _fit(card.money_parts, fm, self.TEXT_WIDTH)]
        lines += [("muted", t) for t in _fit(card.time_parts, fm, self.TEXT_WIDTH)]
        facts = "late" if card.facts_late else "plain"
        lines += [(facts, t) for t in _fit(card.facts_parts, fm, self.TEXT_WIDTH)]
        if card.status_line:
            lines.append(("status", card.status_line))
        return lines

    def sizeHint(self, option: QStyleOptionViewItem, index: object) -> QSize:
        card = index.data(CardRole)  # type: ignore[attr-defined]
        fm = QFontMetrics(option.font)
        n = len(self._lines(card, option.font)) if card else 1
        pad = self.PAD // 2 if self.compact else self.PAD
        return QSize(column_width(self.compact) - 24, n * fm.lineSpacing() + 2 * pad + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: object) -> None:
        card: Card | None = index.data(CardRole)  # type: ignore[attr-defined]
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(2, 3, -2, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        background = palette.base().color()
        if card.status == ProjectStatus.LOST:
            background = palette.alternateBase().color()
        painter.setPen(
            QPen(
                palette.highlight().color() if selected else palette.mid().color(),
                2 if selected else 1,
            )
        )
        painter.setBrush(QBrush(background))
        painter.drawRoundedRect(rect, 6, 6)
        stripe = QRect(rect.left(), rect.top(), 5, rect.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLORS.get(card.status, QColor("#3b7dd8")))
        painter.drawRoundedRect(stripe, 2, 2)

        base_font = QFont(option.font)
        fm = QFontMetrics(base_font)
        x = rect.left() + self.PAD + 4
        width = min(self.TEXT_WIDTH, rect.width() - 2 * self.PAD - 4)
        y = rect.top() + (self.PAD // 2 if self.compact else self.PAD)
        text_color = palette.text().color()
        muted = QColor(text_color)
        muted.setAlpha(150)
        for kind, text in self._lines(card, base_font):
            font = QFont(base_font)
            color = text_color
            if kind == "title":
                font.setBold(True)
            elif kind in ("latin", "muted"):
                color = muted
            elif kind == "late":
                color = OVERDUE_COLOR
            elif kind == "status":
                font.setItalic(True)
                color = STATUS_COLORS.get(card.status, text_color).darker(130)
            if card.status == ProjectStatus.LOST and kind != "status":
                color = muted
            painter.setFont(font)
            painter.setPen(color)
            line_fm = QFontMetrics(font)
            elided = line_fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRect(x, y, width, fm.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
            y += fm.lineSpacing()
        painter.restore()


class StageList(QListWidget):
    """The cards of one stage; a drag source and a drop target for cards of other stages."""

    project_dropped = Signal(str, str)  # project id, this stage id

    def __init__(self, stage_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def card(self, item: QListWidgetItem | None) -> Card | None:
        return item.data(CardRole) if item is not None else None

    def startDrag(self, supported: Qt.DropAction) -> None:
        item = self.currentItem()
        card = self.card(item)
        if item is None or card is None:
            return
        mime = QMimeData()
        mime.setData(MIME_PROJECT, card.project_id.encode("ascii"))
        mime.setText(card.title)
        drag = QDrag(self)
        drag.setMimeData(mime)
        rect = self.visualItemRect(item)
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(QPoint(rect.width() // 2, 12))
        # The board reloads every column after a move, so nothing is removed here.
        drag.exec(Qt.DropAction.MoveAction)

    def _project_of(self, event: QDropEvent | QDragMoveEvent) -> str | None:
        mime = event.mimeData()
        if not mime.hasFormat(MIME_PROJECT):
            return None
        return bytes(mime.data(MIME_PROJECT).data()).decode("ascii")

    def _accepts(self, project_id: str | None) -> bool:
        if not project_id:
            return False
        return all(
            self.card(self.item(i)).project_id != project_id  # type: ignore[union-attr]
            for i in range(self.count())
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(self._project_of(event)):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        project_id = self._project_of(event)
        if not self._accepts(project_id):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.project_dropped.emit(project_id, self.stage_id)


class StageColumn(QFrame):
    """Header (stage, count, capex per currency) over the list of cards."""

    def __init__(
        self, stage: Stage, title: str, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(column_width(compact))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setMinimumHeight(QFontMetrics(font).lineSpacing() * 2)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setMinimumHeight(QFontMetrics(self.totals.font()).lineSpacing() * 2)
        self.totals.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list = StageList(stage.id, self)
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self.set_compact(compact)

    def set_compact(self, compact: bool) -> None:
        self.setFixedWidth(column_width(compact))
        self.list.delegate.compact = compact
        self.list.doItemsLayout()  # the cards' heights change with the mode


class PipelineBoard(View):
    """Projects by stage, with filters by owner, country, trip and status."""

    def __init__(
        self,
        services: Services,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(services, settings, parent, undo_stack=undo_stack)
        self.columns: dict[str, StageColumn] = {}
        self.stages: list[Stage] = []
        self._cards: dict[str, Card] = {}
        self._loaded_at = -1  # the undo stack's index when the cards were loaded

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        statuses = (
            ("not_lost", self.tr("All but lost")),
            ("active", self.tr("Active", "status filter")),
            ("on_hold", self.tr("On hold", "status filter")),
            ("won", self.tr("Won", "status filter")),
            ("lost", self.tr("Lost", "status filter")),
            ("all", self.tr("All statuses")),
        )
        filters = [
            ChoiceFilter(
                "owner_id",
                lambda: self.tr("Owner:"),
                lambda s: [(m.id, member_name(m, self.lang)) for m in s.members.list()],
                all_label=lambda: self.tr("All owners"),
                beside=True,
                eager=True,
            ),
            ChoiceFilter(
                "country",
                lambda: self.tr("Country:"),
                lambda s: [(c, c) for c in s.companies.countries()],
                all_label=lambda: self.tr("All countries"),
                beside=True,
                eager=True,
            ),
            ChoiceFilter(
                "trip_id",
                lambda: self.tr("Trip:"),
                lambda s: [
                    (t.id, t.title)
                    for t in s.trips.list(s.trips.query(sort="start", descending=True))
                ],
                all_label=lambda: self.tr("All trips"),
                beside=True,
                eager=True,
            ),
            ChoiceFilter(
                "statuses",
                lambda: self.tr("Status:"),
                lambda s: statuses,
                show_all=False,
                beside=True,
                eager=True,
                to_query=lambda key: {"statuses": STATUS_FILTERS[key or "not_lost"]},
            ),
        ]
        self.filter_bar = FilterBar(services, filters, placeholder=self.tr("Filter projects…"))
        self.filter_text = self.filter_bar.text
        self.owner_filter = self.filter_bar.combos["owner_id"]
        self.country_filter = self.filter_bar.combos["country"]
        self.trip_filter = self.filter_bar.combos["trip_id"]
        self.status_filter = self.filter_bar.combos["statuses"]
        self.compact_button = QToolButton()
        self.compact_button.setObjectName("board_compact")
        self.compact_button.setText(self.tr("Compact cards"))
        self.compact_button.setToolTip(
            self.tr("Short cards in narrow columns: title, company and capex")
        )
        self.compact_button.setCheckable(True)
        self.compact_button.setChecked(bool(QSettings().value(COMPACT_KEY, False, bool)))
        self.compact_button.toggled.connect(self.set_compact)
        self.filter_bar.add_widget(self.compact_button)
        layout.addWidget(self.filter_bar)
        self.summary = QLabel()
        self.summary.setObjectName("board_total")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.board = QWidget()
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.board_layout.setSpacing(6)
        self.scroll.setWidget(self.board)
        layout.addWidget(self.scroll, 1)

        self.filter_bar.changed.connect(self.reload_cards)
        if undo_stack is not None:
            undo_stack.indexChanged.connect(self._after_undo_stack_change)
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return ui_language()

    def refresh(self) -> None:
        """Reload stages, filter choices and cards, keeping the filters chosen."""
        self.filter_bar.reload_options()  # new members, countries, trips; choices kept
        self._build_columns()
        self.reload_cards()

    def _build_columns(self) -> None:
        stages = self.services.stages.list()
        if [s.id for s in stages] == [s.id for s in self.stages] and [
            s.name(self.lang) for s in stages
        ] == [s.name(self.lang) for s in self.stages]:
            return
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()
        self.columns.clear()
        while self.board_layout.count():
            self.board_layout.takeAt(0)
        self.stages = stages
        for stage in stages:
            column = StageColumn(
                stage, f"{stage.position}. {stage.name(self.lang)}", self.board, self.compact
            )
            column.list.project_dropped.connect(self._on_drop)
            column.list.itemDoubleClicked.connect(self._open_item)
            column.list.itemActivated.connect(self._open_item)
            column.list.customContextMenuRequested.connect(
                lambda pos, lst=column.list: self._card_menu(lst, pos)
            )
            column.list.currentItemChanged.connect(
                lambda cur, _prev, lst=column.list: self._single_selection(lst, cur)
            )
            self.columns[stage.id] = column
            self.board_layout.addWidget(column)
        self.board_layout.addStretch(1)

    def query(self) -> ProjectQuery:
        return self.filter_bar.apply(ProjectQuery(sort="stage_entered"))

    def reload_cards(self) -> None:
        selected = self.selected_project_id()
        self._loaded_at = self._stack_index()
        board = self.services.projects.board_cards(self.query())
        facts = self.services.today.project_facts(
            p.id for cards in board.values() for p in cards[:MAX_CARDS]
        )
        self._cards.clear()
        total = 0
        all_totals: dict[str, Decimal] = {}
        for stage_id, column in self.columns.items():
            lst = column.list
            lst.blockSignals(True)
            lst.clear()
            totals: dict[str, Decimal] = {}
            projects = board.get(stage_id, [])
            for project in projects:
                if project.capex is not None and project.capex_currency:
                    totals[project.capex_currency] = (
                        totals.get(project.capex_currency, Decimal(0)) + project.capex
                    )
            for project in projects[:MAX_CARDS]:
                card = self._card(project, facts.get(project.id))
                self._cards[project.id] = card
                item = QListWidgetItem()
                item.setData(CardRole, card)
                item.setData(Qt.ItemDataRole.DisplayRole, card.title)
                item.setToolTip(card.tooltip)
                lst.addItem(item)
            lst.blockSignals(False)
            hidden = len(projects) - MAX_CARDS
            column.more.setVisible(hidden > 0)
            if hidden > 0:
                column.more.setText(
                    self.tr("%1 more: narrow the filters to see them").replace("%1", str(hidden))
                )
            for cur, value in totals.items():
                all_totals[cur] = all_totals.get(cur, Decimal(0)) + value
            total += len(projects)
            count = self.tr("Projects: %1").replace("%1", str(len(projects)))
            column.totals.setText(count + ("\n" + format_totals(totals) if totals else ""))
        self.show_total(total, all_totals)
        if selected:
            self.select_project(selected)

    def show_total(self, count: int, sums: dict[str, Decimal]) -> None:
        """'Projects on the board: 8 · capex ≈ 9.8 bn RUB'; the sums per currency in the tip."""
        summary = self.tr("Projects on the board: %1").replace("%1", str(count))
        tip: list[str] = []
        if sums:
            rates = Rates.from_settings(self.settings.currency_rates)
            total = total_in(sums, self.settings.total_currency or DEFAULT_CURRENCY, rates)
            converted = format_money(total.amount, total.currency)
            if total.complete and total.rates_as_of is None:
                summary += " · " + self.tr("capex: %1").replace("%1", converted)
            elif total.complete:
                summary += " · " + self.tr("capex ≈ %1").replace("%1", converted)
            else:
                rest = format_totals({c: sums[c] for c in total.unconverted})
                summary += " · " + self.tr("capex ≈ %1 + %2").replace(
                    "%1", converted if total.amount else "0"
                ).replace("%2", rest)
            tip.append(self.tr("Capex by currency:"))
            tip += [f"{format_money(v, c)}" for c, v in sorted(sums.items(), key=lambda kv: -kv[1])]
            if total.rates_as_of is not None:
                tip.append(
                    self.tr("Converted to %1 at the rates of %2 (Settings → Currency)")
                    .replace("%1", total.currency)
                    .replace("%2", total.rates_as_of.isoformat())
                )
            if total.unconverted:
                tip.append(
                    self.tr("No rate for %1: set it in Settings → Currency").replace(
                        "%1", ", ".join(total.unconverted)
                    )
                )
        self.summary.setText(summary)
        self.summary.setToolTip("\n".join(tip))

    @property
    def compact(self) -> bool:
        return self.compact_button.isChecked()

    def set_compact(self, compact: bool) -> None:
        """Narrow columns and short cards, so more of the board fits a small screen."""
        if self.compact_button.isChecked() != compact:
            self.compact_button.setChecked(compact)  # comes back here through toggled
            return
        QSettings().setValue(COMPACT_KEY, compact)
        for column in self.columns.values():
            column.set_compact(compact)

    def _card(self, p: BoardCard, facts: ProjectFacts | None = None) -> Card:
        lang = self.lang
        native = p.company_native
        latin = p.company_latin or p.company_name
        if latin == native:
            latin = ""
        money = []
        if p.capex is not None:
            money.append(format_money(p.capex, p.capex_currency))
        if p.jobs is not None:
            money.append(self.tr("jobs: %1").replace("%1", str(p.jobs)))
        days = p.days_in_stage
        time_parts = [self.tr("%1 d in stage").replace("%1", str(days))]
        owner = person_short_name(p.owner_name, p.owner_name_latin, lang)
        if owner:
            time_parts.append(owner)
        status_line = ""
        if p.status == ProjectStatus.WON:
            status_line = self.tr("Won", "card status")
        elif p.status == ProjectStatus.LOST:
            status_line = self.tr("Lost: %1").replace("%1", p.status_reason)
        elif p.status == ProjectStatus.ON_HOLD:
            status_line = self.tr("On hold: %1").replace("%1", p.status_reason)
        tip = [f"<b>{_html(p.title)}</b>"]
        if p.code_name:
            tip.append(self.tr("Code name: %1").replace("%1", _html(p.code_name)))
        tip.append(_html(" · ".join(x for x in dict.fromkeys((native, latin, p.company_ru)) if x)))
        if p.product:
            tip.append(self.tr("Product: %1").replace("%1", _html(p.product)))
        if money:
            tip.append(_html(" · ".join(money)))
        if p.probability is not None:
            tip.append(self.tr("Probability: %1%").replace("%1", str(p.probability)))
        tip.append(
            self.tr("In this stage since %1 (%2 days)")
            .replace("%1", p.stage_entered_at.date().isoformat())
            .replace("%2", str(days))
        )
        if p.owner_name:
            name = p.owner_name_latin if lang != "ru" and p.owner_name_latin else p.owner_name
            tip.append(self.tr("Owner: %1").replace("%1", _html(name)))
        if status_line:
            tip.append(f"<i>{_html(status_line)}</i>")
        facts_parts = []
        if facts is not None and facts.next_meeting is not None:
            local = facts.next_meeting
            try:
                local = local.astimezone(ZoneInfo(facts.next_meeting_zone))
            except (KeyError, ValueError):
                pass
            day = QLocale().toString(local.date(), "d MMM")
            facts_parts.append(self.tr("meeting %1").replace("%1", day))
            tip.append(
                self.tr("Next meeting: %1").replace(
                    "%1", f"{local:%Y-%m-%d %H:%M} ({facts.next_meeting_zone})"
                )
            )
        if facts is not None and facts.open_tasks:
            facts_parts.append(self.tr("open tasks: %1").replace("%1", str(facts.open_tasks)))
            if facts.overdue_tasks:
                late = self.tr("overdue: %1").replace("%1", str(facts.overdue_tasks))
                facts_parts[-1] += f" (⚠ {late})"
        late_tasks = facts is not None and facts.overdue_tasks > 0
        return Card(
            p.id,
            p.stage_id,
            ProjectStatus(p.status),
            p.title,
            native,
            latin,
            money,
            time_parts,
            status_line,
            "<br>".join(tip),
            facts_parts,
            late_tasks,
            p.version,
        )

    # -- selection and opening ---------------------------------------------------------------
    def _single_selection(self, lst: StageList, current: QListWidgetItem | None) -> None:
        if current is None:
            return
        for column in self.columns.values():
            if column.list is not lst:
                column.list.clearSelection()
                column.list.setCurrentItem(None)

    def selected_project_id(self) -> str | None:
        for column in self.columns.values():
            items = column.list.selectedItems()
            if items:
                card = column.list.card(items[0])
                return card.project_id if card else None
        return None

    def select_project(self, project_id: str) -> bool:
        for column in self.columns.values():
            for i in range(column.list.count()):
                item = column.list.item(i)
                card = column.list.card(item)
                if card and card.project_id == project_id:
                    column.list.setCurrentItem(item)
                    item.setSelected(True)
                    self.scroll.ensureWidgetVisible(column)
                    column.list.scrollToItem(item)
                    return True
        return False

    def show_record(self, entity: str, record_id: str) -> bool:
        if entity != ENTITY_PROJECT:
            return False
        return self.select_project(record_id)

    def focus_filter(self) -> bool:
        self.filter_text.setFocus()
        self.filter_text.selectAll()
        return True

    def card_of(self, project_id: str) -> Card | None:
        return self._cards.get(project_id)

    def column_of(self, project_id: str) -> str | None:
        card = self._cards.get(project_id)
        return card.stage_id if card else None

    def _open_item(self, item: QListWidgetItem) -> None:
        card = item.data(CardRole)
        if card:
            self.open_record.emit(ENTITY_PROJECT, card.project_id)

    # -- moving ---------------------------------------------------------------------------------
    def _on_drop(self, project_id: str, stage_id: str) -> None:
        # Leave the drag's event loop before a dialog opens.
        QTimer.singleShot(0, self, lambda: self.request_move(project_id, stage_id))

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def ask_note(self, card: Card, to_stage: Stage) -> str | None:
        """The note for a move, or None when the user cancels it."""
        from_stage = self.stage(card.stage_id)
        dialog = NoteDialog(
            card.title,
            from_stage.name(self.lang) if from_stage else "",
            to_stage.name(self.lang),
            self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def ask_reason(self, card: Card, status: ProjectStatus) -> str | None:
        if status == ProjectStatus.LOST:
            title = self.tr("Mark as lost")
            prompt = self.tr("Why was “%1” lost?").replace("%1", card.title)
        else:
            title = self.tr("Put on hold")
            prompt = self.tr("Why is “%1” on hold?").replace("%1", card.title)
        dialog = ReasonDialog(title, prompt, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def request_move(self, project_id: str, stage_id: str) -> None:
        """Ask for a note, then move; what a drop and the "Move to" menu do."""
        card = self._cards.get(project_id)
        stage = self.stage(stage_id)
        if card is None or stage is None or card.stage_id == stage_id:
            return
        note = self.ask_note(card, stage)
        if note is None:
            return
        self.move_project(project_id, stage_id, note)

    def move_project(
        self, project_id: str, stage_id: str, note: str = "", expected_version: int | None = None
    ) -> bool:
        """Record the move (undoable when the view has an undo stack) and reload the board.
        A project changed by someone else since the board was loaded is not moved: the
        stale-save dialog offers to reload the board or to move it anyway."""
        card = self._cards.get(project_id)
        stage = self.stage(stage_id)
        text = (
            self.tr("Move “%1” to “%2”")
            .replace("%1", card.title if card else "")
            .replace("%2", stage.name(self.lang) if stage else "")
        )
        command = StageMoveCommand(self.services.projects, project_id, stage_id, note, text)
        command.expected_version = expected_version or (card.version if card else None)
        try:
            perform(self.undo_stack, command, self._show_error)
        except ConflictError as e:
            self._stale_move(e, project_id, stage_id, note)
            return False
        except CrmError as e:
            self._show_error(e)
            return False
        self.reload_cards()
        self.select_project(project_id)
        self.data_changed.emit()
        return True

    def _stale_move(self, error: ConflictError, project_id: str, stage_id: str, note: str) -> None:
        theirs_row = self.services.projects.get(project_id)
        theirs = ProjectInput.from_row(theirs_row)
        mine = dataclasses.replace(theirs, stage_id=stage_id)

        def chosen(choice: str | None) -> None:
            if choice == RELOAD:
                self.reload_cards()
                self.select_project(project_id)
            elif choice == OVERWRITE:
                self.move_project(project_id, stage_id, note, theirs_row.version)

        self._stale_dialog = ask_stale_save(self, self.services, error, mine, theirs, chosen)

    def set_status(self, project_id: str, status: ProjectStatus, reason: str = "") -> bool:
        card = self._cards.get(project_id)
        labels = {
            ProjectStatus.ACTIVE: self.tr("Mark “%1” as active"),
            ProjectStatus.WON: self.tr("Mark “%1” as won"),
            ProjectStatus.LOST: self.tr("Mark “%1” as lost"),
            ProjectStatus.ON_HOLD: self.tr("Put “%1” on hold"),
        }
        text = labels[status].replace("%1", card.title if card else "")
        try:
            # changed by someone else since the board was loaded: says who, changes nothing
            perform(
                self.undo_stack,
                StatusCommand(
                    self.services, project_id, status, reason, text, card.version if card else None
                ),
                self._show_error,
            )
        except CrmError as e:
            self._show_error(e)
            return False
        self.reload_cards()
        self.select_project(project_id)
        self.data_changed.emit()
        return True

    def request_status(self, project_id: str, status: ProjectStatus) -> None:
        card = self._cards.get(project_id)
        if card is None:
            return
        reason = ""
        if status in (ProjectStatus.LOST, ProjectStatus.ON_HOLD):
            answer = self.ask_reason(card, status)
            if answer is None:
                return
            reason = answer
        self.set_status(project_id, status, reason)

    def _card_menu(self, lst: StageList, pos: QPoint) -> None:
        item = lst.itemAt(pos)
        card = lst.card(item)
        if card is None:
            return
        lst.setCurrentItem(item)
        menu = self.build_card_menu(card)
        menu.exec(lst.viewport().mapToGlobal(pos))

    def build_card_menu(self, card: Card) -> QMenu:
        menu = QMenu(self)
        menu.addAction(
            self.tr("Open project"), lambda: self.open_record.emit(ENTITY_PROJECT, card.project_id)
        )
        move = menu.addMenu(self.tr("Move to stage"))
        for stage in self.stages:
            action = move.addAction(
                f"{stage.position}. {stage.name(self.lang)}",
                lambda sid=stage.id: self.request_move(card.project_id, sid),
            )
            action.setEnabled(stage.id != card.stage_id)
        menu.addSeparator()
        for status, label in (
            (ProjectStatus.WON, self.tr("Mark as won")),
            (ProjectStatus.LOST, self.tr("Mark as lost…")),
            (ProjectStatus.ON_HOLD, self.tr("Put on hold…")),
            (ProjectStatus.ACTIVE, self.tr("Mark as active")),
        ):
            action = menu.addAction(label, lambda s=status: self.request_status(card.project_id, s))
            action.setEnabled(card.status != status)
        return menu

    # -- helpers --------------------------------------------------------------------------------
    def _after_undo_stack_change(self) -> None:
        # Any undo or redo (ours or another view's) may have moved or changed a project;
        # reload once the stack settles, unless someone (the main window) already did.
        QTimer.singleShot(0, self, self._reload_if_stale)

    def _reload_if_stale(self) -> None:
        if self.undo_stack is not None and self._loaded_at != self._stack_index():
            self.reload_cards()

    def _stack_index(self) -> int:
        try:
            return self.undo_stack.index() if self.undo_stack is not None else -1
        except RuntimeError:  # the stack goes away with its window
            return -1

    def _show_error(self, error: CrmError) -> None:
        if isinstance(error, ValidationError):
            labels = {"status_reason": self.tr("Reason"), "stage_id": self.tr("Stage")}
            text = "\n".join(
                field_error_text(fe, labels.get(name, name)) for name, fe in error.errors.items()
            )
        else:
            text = crm_error_text(error)
        QMessageBox.warning(self, self.tr("Pipeline"), text)


def column_width(compact: bool) -> int:
    return COMPACT_COLUMN_WIDTH if compact else COLUMN_WIDTH


def _fit(parts: list[str], fm: QFontMetrics, width: int) -> list[str]:
    """'a · b' on one line when it fits, else one line per part."""
    joined = " · ".join(p for p in parts if p)
    if not joined:
        return []
    if fm.horizontalAdvance(joined) <= width:
        return [joined]
    return [p for p in parts if p]


def _wrap(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """Word-wrap into at most max_lines lines; the last one is elided."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and fm.horizontalAdvance(line + " " + words[0]) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines.append(fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return [fm.elidedText(x, Qt.TextElideMode.ElideRight, width) for x in lines] or [""]


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Ctrl+K: find any record by a piece of its name, in any script.

Results come from the search index (any script, transliteration, the wrong keyboard
layout), grouped by type under a heading, with the part of the name that matched in bold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.domain.services import Services
from crm_desktop.ui.common.labels import names_side_by_side
from crm_desktop.ui.common.view import (
    ENTITY_COMPANY,
    ENTITY_CONTACT,
    ENTITY_MEETING,
    ENTITY_MEMBER,
    ENTITY_PROJECT,
    ENTITY_SITE,
    ENTITY_TRIP,
)


@dataclass(frozen=True)
class Found:
    entity: str
    id: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()  # [start, end) of ``text`` that matched
    html: str = ""  # the row as shown: name, native name, the spelling that matched


def _hl(h: object) -> str:
    return highlighted_html(h.text, tuple(h.spans))  # type: ignore[attr-defined]


def hit_html(hit: object) -> str:
    """A search hit as two lines: the name and its native form (汉字) with the matched
    part in bold; under it, smaller, the spelling that matched and the context."""
    first = _hl(hit.title)  # type: ignore[attr-defined]
    native = hit.native  # type: ignore[attr-defined]
    if native is not None and native.text:
        first += "&nbsp;&nbsp;" + _hl(native)
    second = []
    if hit.spelling is not None:  # type: ignore[attr-defined]
        second.append("<i>" + _hl(hit.spelling) + "</i>")  # type: ignore[attr-defined]
    if hit.detail is not None:  # type: ignore[attr-defined]
        second.append(_hl(hit.detail))  # type: ignore[attr-defined]
    context = hit.subtitle.split(" · ") if hit.subtitle else []  # type: ignore[attr-defined]
    if hit.spelling is not None:  # type: ignore[attr-defined]
        # the matched spelling is often the name the context starts with: say it once
        same = hit.spelling.text.casefold()  # type: ignore[attr-defined]
        context = [c for c in context if c.casefold() != same]
    if context:
        second.append(escape(" · ".join(context)))
    if not second:
        return first
    return f"{first}<br><small>{' · '.join(second)}</small>"


HTML_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT = 16


def highlighted_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` as HTML with the matched ranges in bold; everything else escaped."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(escape(text[pos:start]))
        parts.append(f"<b>{escape(text[start:end])}</b>")
        pos = end
    parts.append(escape(text[pos:]))
    return "".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    """Paints an item's HTML (matched text in bold) over the usual selection background,
    wrapped to the width of the list: rows never need a horizontal scroll bar."""

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        return max(120, (width or option.rect.width()) - INDENT)

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)
        doc.setTextWidth(self._width(option))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        color = opt.palette.highlightedText() if selected else opt.palette.text()
        doc = self._document(opt, f"<span style='color:{color.color().name()}'>{html}</span>")
        painter.save()
        painter.translate(opt.rect.left() + INDENT, opt.rect.top())  # under its heading
        painter.setClipRect(0, 0, opt.rect.width() - INDENT, opt.rect.height())
        doc.drawContents(painter)
        painter.restore()

    def sizeHint(
        self,
        option: QStyleOptionViewItem,  # noqa: N802
        index: QModelIndex | QPersistentModelIndex,
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        doc = self._document(option, html)
        return QSize(self._width(option) + INDENT, int(doc.size().height()) + 2)


PER_TYPE = 8


def find_records(services: Services, text: str) -> list[Found]:
    """The search index when it is there (any script, transliteration, keyboard layout),
    plus trips, which it does not index; the services' text filters otherwise."""
    text = text.strip()
    if not text:
        return []
    try:
        from crm_desktop.search.service import SearchService

        results = SearchService(services.ctx.session_factory).search(text, limit=PER_TYPE)
    except (ImportError, SQLAlchemyError):
        return simple_find(services, text)
    found = [
        Found(
            h.kind,
            h.id,
            " — ".join(
                p
                for p in (
                    h.title.text,
                    h.native.text if h.native else "",
                    h.spelling.text if h.spelling else "",
                    h.subtitle,
                )
                if p
            ),
            tuple(h.title.spans),
            hit_html(h),
        )
        for h in results.hits
    ]
    trips = services.trips
    found += [
        Found(ENTITY_TRIP, t.id, t.title)
        for t in trips.list(trips.query(text=text, limit=PER_TYPE))
    ]
    return found


def simple_find(services: Services, text: str) -> list[Found]:
    sources: list[tuple[str, object, Callable[[object], str]]] = [
        (
            ENTITY_COMPANY,
            services.companies,
            lambda c: names_side_by_side(c.name, c.name_native, c.name_ru),
        ),
        (
            ENTITY_CONTACT,
            services.contacts,
            lambda c: c.display_name + (f" — {c.company.name}" if c.company else ""),
        ),
        (ENTITY_PROJECT, services.projects, lambda p: p.title),  # type: ignore
        (ENTITY_MEETING, services.meetings, lambda m: f"{m.starts_at:%Y-%m-%d} {m.title}"),  # type: ignore
        (ENTITY_TRIP, services.trips, lambda t: t.title),  # type: ignore
        (ENTITY_SITE, services.sites, lambda s: s.name),  # type: ignore
    ]
    found: list[Found] = []
    for entity, service, describe in sources:
        q = service.query(text=text, limit=PER_TYPE)  # type: ignore[attr-defined]
        for row in service.list(q):  # type: ignore[attr-defined]
            found.append(Found(entity, row.id, describe(row)))
    return found


class FindAnythingDialog(QDialog):
    """Emits ``open_record(entity, id)`` for the chosen result and closes."""

    open_record = Signal(str, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Find anything"))
        self.input = QLineEdit()
        self.input.setObjectName("find_text")
        self.input.setPlaceholderText(
            self.tr("Company, person, project, meeting… (汉字, pinyin or Russian)")
        )
        self.results = QListWidget()
        self.results.setObjectName("find_results")
        self.results.setItemDelegate(HighlightDelegate(self.results))
        # long names wrap inside the row instead of widening the list
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.input.textChanged.connect(lambda _: self._timer.start())
        self.input.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty)
        self.resize(620, 420)

    def type_label(self, entity: str) -> str:
        return {
            ENTITY_COMPANY: self.tr("Company"),
            ENTITY_CONTACT: self.tr("Contact"),
            ENTITY_PROJECT: self.tr("Project"),
            ENTITY_MEETING: self.tr("Meeting"),
            ENTITY_TRIP: self.tr("Trip"),
            ENTITY_SITE: self.tr("Site"),
            ENTITY_MEMBER: self.tr("Our team"),
        }.get(entity, entity)

    def search(self) -> None:
        self.results.clear()
        found = find_records(self.services, self.input.text())
        groups: dict[str, list[Found]] = {}
        for f in found:  # grouped by type, in the order the types first appear
            groups.setdefault(f.entity, []).append(f)
        for entity, members in groups.items():
            heading = QListWidgetItem(self.type_label(entity))
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading is not a result
            self.results.addItem(heading)
            for f in members:
                item = QListWidgetItem(f.text)
                item.setData(Qt.ItemDataRole.UserRole, f)
                item.setData(HTML_ROLE, f.html or highlighted_html(f.text, f.spans))
                item.setToolTip(f.text)
                self.results.addItem(item)
        if found:
            self._select(1, +1)
        self.empty.setText(
            "" if found or not self.input.text().strip() else self.tr("Nothing found.")
        )

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        # Up and down move through the results while typing continues in the field.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self._select(self.results.currentRow() + step, step)
            return
        super().keyPressEvent(event)

    def _select(self, row: int, step: int) -> None:
        """Select the nearest result from ``row`` in direction ``step``, skipping headings."""
        while 0 <= row < self.results.count():
            if self.results.item(row).data(Qt.ItemDataRole.UserRole) is not None:
                self.results.setCurrentRow(row)
                return
            row += step

    def _open_current(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search()
        item = self.results.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        f: Found | None = item.data(Qt.ItemDataRole.UserRole)
        if f is None:  # a heading
            return
        self.open_record.emit(f.entity, f.id)
        self.accept()

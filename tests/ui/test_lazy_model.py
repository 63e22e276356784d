"""The lazy list model, tested without a view: paging, mirror-image pages, sort, filter."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from crm_desktop.config import Paths
from crm_desktop.runtime import Runtime, open_runtime
from crm_desktop.ui.views.lazy_model import Column, LazyTableModel, ListSource

N = 2_500


@pytest.fixture
def rt(demo_db: Path, paths: Paths) -> Iterator[Runtime]:
    conn = sqlite3.connect(demo_db)
    company = conn.execute("SELECT id FROM company LIMIT 1").fetchone()[0]
    rows = []
    for i in range(N):
        # Only 25 distinct names: many ties, so paging must break them the same way
        # whether it reads forwards or backwards.
        name = f"Zz{i % 25:02d}"
        rows.append(
            (
                company,
                "",
                "",
                name,
                "",
                "",
                "",
                name,
                "",
                "",
                "[]",
                "[]",
                "",
                "",
                "",
                0,
                "",
                str(uuid.uuid4()),
                "2025-01-01 00:00:00",
                "2025-01-01 00:00:00",
                "test",
                "",
                1,
                None,
            )
        )
    conn.executemany(
        "INSERT INTO contact (company_id, family_name_native, given_name_native, "
        "family_name_latin, given_name_latin, family_name_ru, given_name_ru, display_name, "
        "position, department, emails, phones, wechat, telegram, languages, decision_maker, "
        "notes, id, created_at, updated_at, origin, hlc, version, deleted_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.commit()
    conn.close()
    runtime = open_runtime("sqlite:///" + str(demo_db), paths)
    yield runtime
    runtime.close()


def columns() -> list[Column]:
    return [
        Column("name", lambda: "Name", lambda c: c.display_name, "name"),
        Column("position", lambda: "Position", lambda c: c.position, "position"),
        Column("emails", lambda: "Emails", lambda c: json.dumps(c.emails)),
    ]


def make(rt: Runtime, **query: object) -> LazyTableModel:
    contacts = rt.services.contacts
    model = LazyTableModel(ListSource(contacts), contacts.query(**query), columns())
    model.ensure_count()
    return model


def test_first_page_at_once_and_the_count_after_it(qtbot, rt: Runtime) -> None:
    contacts = rt.services.contacts
    model = LazyTableModel(ListSource(contacts), contacts.query(), columns())
    assert model.pages_loaded == 1 and model.counting
    assert model.rowCount() == LazyTableModel.PAGE_SIZE  # enough for the first screen
    qtbot.waitUntil(lambda: not model.counting)  # counted once the event loop runs
    assert model.rowCount() == contacts.count() >= N
    assert model.columnCount() == 3
    assert model.pages_loaded == 1
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children


def test_reading_the_first_and_last_rows_loads_two_pages(rt: Runtime) -> None:
    model = make(rt)
    last = model.rowCount() - 1
    assert model.data(model.index(0, 0))
    assert model.data(model.index(last, 0))
    assert model.pages_loaded == 2
    assert model.cached_rows() <= 2 * LazyTableModel.PAGE_SIZE


def test_pages_near_the_end_match_the_forward_order(rt: Runtime) -> None:
    model = make(rt)
    total = model.rowCount()
    tail_ids = [
        model.data(model.index(r, 0), LazyTableModel.IdRole) for r in range(total - 250, total)
    ]
    contacts = rt.services.contacts
    forward = contacts.list(contacts.query(offset=total - 250, limit=250))
    assert tail_ids == [c.id for c in forward]


def test_memory_stays_bounded_while_scrolling_everything(rt: Runtime) -> None:
    model = make(rt)
    for r in range(0, model.rowCount(), 50):
        model.data(model.index(r, 0))
    assert len(model._pages) <= LazyTableModel.MAX_PAGES
    assert model.cached_rows() <= LazyTableModel.MAX_PAGES * LazyTableModel.PAGE_SIZE


def test_sort_is_done_by_the_service(rt: Runtime) -> None:
    model = make(rt)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "name" and model.query.descending
    first = model.data(model.index(0, 0))
    # names in the order people expect (pinyin for Chinese: 周 Zhou is last, not 黄)
    assert first == max(rt.services.contacts.list(), key=lambda c: (c.sort_key, c.id)).display_name
    assert model.sort_column() == 0
    model.sort(2, Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes
    assert model.query.sort == "name"


def test_text_filter_and_ids(rt: Runtime) -> None:
    model = make(rt)
    model.set_query(rt.services.contacts.query(text="Zz07"))
    model.ensure_count()
    assert model.rowCount() == N // 25
    rid = model.data(model.index(3, 1), LazyTableModel.IdRole)
    assert model.row_of(rid) == 3
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_rows_stay_blank_while_the_scroll_bar_is_dragged(rt: Runtime) -> None:
    model = make(rt)
    model.hold_loading = True
    loaded = model.pages_loaded
    assert model.data(model.index(1500, 0)) is None
    assert model.pages_loaded == loaded
    model.hold_loading = False
    assert model.data(model.index(1500, 0))

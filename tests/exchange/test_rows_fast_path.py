"""Rows become records through a dispatch planned once per table, skipping empty cells
and the strip/un-neutralise calls for plain ones. The records must be the ones the
per-cell conversion gave (kept below as the reference), cell for cell, on tricky cells
and on mappings in and out of column order."""

from __future__ import annotations

import random
import re

import pytest

from crm_desktop.exchange import tabular
from crm_desktop.exchange.columns import ColumnMapping, Field
from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.formulas import unneutralise
from crm_desktop.exchange.messengers import service_from_name
from crm_desktop.exchange.records import ContactRecord, Email, Messenger, MessengerId, Phone
from crm_desktop.exchange.tabular import (
    _FIXED_EMAIL,
    _FIXED_MESSENGER,
    _FIXED_PHONE,
    _NAME_FIELDS,
    _TRUE,
    Row,
    Table,
    email_kind_from_label,
    phone_kind_from_label,
    row_to_record,
)
from crm_desktop.text.names import finish_names, join_name, place_name
from crm_desktop.text.scripts import Script, is_cjk, script_of

_MULTI_SPLIT = re.compile(r"\s*:::\s*|\s*;\s*|\s*\n\s*")
_EMAIL_SPLIT = re.compile(r"\s*:::\s*|[;,\s]+")
_TAG_SPLIT = re.compile(r"\s*:::\s*|\s*[;,]\s*")


def _cell(cells: list[str], index: int) -> str:
    return unneutralise(cells[index].strip()) if index < len(cells) else ""


def reference(row: Row, mapping: list[ColumnMapping]) -> ContactRecord:
    """``row_to_record`` before the planned dispatch, unchanged."""
    rec = ContactRecord(source_line=row.line)
    names: dict[Field, str] = {}
    notes: list[str] = []
    for col in mapping:
        if col.field == Field.IGNORE:
            continue
        value = _cell(row.cells, col.index)
        if not value:
            continue
        label = _cell(row.cells, col.label_index) if col.label_index is not None else ""
        f = col.field
        if f in _NAME_FIELDS:
            names[f] = (names.get(f, "") + " " + value).strip()
        elif f == Field.FULL_NAME:
            rec.full_name = rec.full_name or value
        elif f == Field.ORGANIZATION:
            rec.organization = rec.organization or value
        elif f == Field.DEPARTMENT:
            rec.department = rec.department or value
        elif f == Field.TITLE:
            rec.title = rec.title or value
        elif f == Field.COUNTRY:
            rec.country = rec.country or value
        elif f == Field.PHONE or f in _FIXED_PHONE:
            labels = _MULTI_SPLIT.split(label) if label else []
            for i, number in enumerate(p for p in _MULTI_SPLIT.split(value) if p):
                kind = _FIXED_PHONE.get(f) or phone_kind_from_label(
                    labels[i] if i < len(labels) else label
                )
                rec.phones.append(Phone(number, kind))
        elif f == Field.EMAIL or f in _FIXED_EMAIL:
            for address in (a for a in _EMAIL_SPLIT.split(value) if "@" in a):
                rec.emails.append(
                    Email(address, _FIXED_EMAIL.get(f) or email_kind_from_label(label))
                )
        elif f in _FIXED_MESSENGER:
            for handle in (h for h in _MULTI_SPLIT.split(value) if h):
                rec.messengers.append(MessengerId(_FIXED_MESSENGER[f], handle))
        elif f == Field.MESSENGER:
            for item in (h for h in _MULTI_SPLIT.split(value) if h):
                service = service_from_name(label) if label else None
                handle = item
                if service is None and ":" in item:
                    head, _, tail = item.partition(":")
                    service = service_from_name(head)
                    if service is not None:
                        handle = tail.strip()
                rec.messengers.append(MessengerId(service or Messenger.OTHER, handle))
        elif f == Field.LANGUAGES:
            rec.languages.extend(x for x in _TAG_SPLIT.split(value) if x)
        elif f == Field.TAGS:
            for tag in _TAG_SPLIT.split(value):
                tag = tag.strip().removeprefix("* ").strip()
                if tag and tag.casefold() not in ("mycontacts", "starred"):
                    rec.tags.append(tag)
        elif f == Field.NOTES:
            notes.append(value)
        elif f == Field.DECISION_MAKER:
            rec.decision_maker = value.casefold() in _TRUE
        elif f == Field.UID:
            rec.uid = value
    rec.notes = "\n".join(notes)
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_NATIVE, ""),
        names.get(Field.GIVEN_NAME_NATIVE, ""),
        force=Script.NATIVE,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_LATIN, ""),
        names.get(Field.GIVEN_NAME_LATIN, ""),
        force=Script.LATIN,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME_RU, ""),
        names.get(Field.GIVEN_NAME_RU, ""),
        names.get(Field.MIDDLE_NAME_RU, ""),
        force=Script.CYRILLIC,
    )
    place_name(
        rec,
        names.get(Field.FAMILY_NAME, ""),
        names.get(Field.GIVEN_NAME, ""),
        names.get(Field.MIDDLE_NAME, ""),
    )
    finish_names(rec)
    return rec


# Cells a file may hold: neutralised formulas as our export writes them ("'=1+1"), a
# neutralised tab, whitespace of every kind, several values in one cell, labels.
CELLS = [
    "",
    "",
    "",
    " ",
    "\t",
    "\u00a0",
    "\u3000",
    "'",
    "''",
    "'=1+1",
    "'+7 916 123-45-67",
    "'-5",
    "'@handle",
    "'\tx",
    "'\t",
    "'\r y",
    "'a",
    " '=SUM(A1) ",
    "=1+1",
    "Ivan",
    " Ivan ",
    "Иванов",
    "Иванов Иван Иванович",
    "张伟",
    "Zhang Wei",
    "Wei Zhang",
    "Al Falasi, Ahmed",
    "\ufeffBOM",
    "x\u3000",
    "A.B@Mail.Example",
    " a@b.example ; C@D.example ",
    "a@b.example,c@d.example e@f.example",
    "a@b.example:::g@h.example",
    "a@b.example\nz@y.example",
    "no-at-sign",
    "+7 916 123-45-67",
    "+7 (916) 123 45 67; 8 495 111-22-33",
    "+86 138 0013 8000 ::: +86 21 5988 1001",
    "8-916-123-45-67\n+79161234568",
    "+79161234567 ext. 12",
    "12:30",
    "Telegram: @ivan",
    "wechat:wx_id",
    "skype: live:x",
    "mobile",
    "Work",
    "home; mobile",
    "Fax ::: Work",
    "Telegram",
    "en, ru",
    "zh;en",
    "* starred ::: VIP",
    "myContacts, Partners",
    "Yes",
    "да",
    "no",
    "✓",
    "line one\nline two",
]


def _mappings() -> list[list[ColumnMapping]]:
    """Every field once, in column order, label columns for the fields that read one;
    the same shuffled; and one with repeated fields (first / last wins), ignored
    columns and columns past the end of short rows."""
    fields = [f for f in Field if f != Field.IGNORE]
    ordered: list[ColumnMapping] = []
    labels = {Field.PHONE: 40, Field.EMAIL: 41, Field.MESSENGER: 42}
    for i, f in enumerate(fields):
        ordered.append(ColumnMapping(i, f.value, f, labels.get(f)))
    ordered += [
        ColumnMapping(40, "phone label", Field.IGNORE),
        ColumnMapping(41, "email label", Field.IGNORE),
        ColumnMapping(42, "messenger label", Field.IGNORE),
    ]
    shuffled = list(ordered)
    random.Random(7).shuffle(shuffled)
    repeated = [
        ColumnMapping(0, "a", Field.FULL_NAME),
        ColumnMapping(1, "b", Field.FULL_NAME),
        ColumnMapping(2, "c", Field.UID),
        ColumnMapping(3, "d", Field.UID),
        ColumnMapping(4, "e", Field.FAMILY_NAME),
        ColumnMapping(5, "f", Field.FAMILY_NAME),
        ColumnMapping(6, "g", Field.IGNORE),
        ColumnMapping(7, "h", Field.GIVEN_NAME_RU),
        ColumnMapping(8, "i", Field.GIVEN_NAME_RU),
        ColumnMapping(9, "j", Field.ORGANIZATION, 12),
        ColumnMapping(10, "k", Field.PHONE, 11),
        ColumnMapping(11, "l", Field.EMAIL, 10),
        ColumnMapping(13, "m", Field.NOTES),
        ColumnMapping(14, "n", Field.NOTES),
        ColumnMapping(15, "o", Field.DECISION_MAKER),
        ColumnMapping(16, "p", Field.DECISION_MAKER),
        ColumnMapping(60, "past the end", Field.TITLE),
    ]
    return [ordered, shuffled, repeated, repeated[::-1], ordered[3:9]]


def _rows(count: int, width: int) -> list[Row]:
    rnd = random.Random(20261205)
    rows = []
    for line in range(count):
        n = rnd.choice((width, width, width, rnd.randrange(0, width)))  # short rows too
        rows.append(Row(line + 2, [rnd.choice(CELLS) for _ in range(n)]))
    return rows


@pytest.mark.parametrize("which", range(5))
def test_planned_rows_equal_the_reference(which):
    mapping = _mappings()[which]
    rows = _rows(4000, 44)
    table = Table(["h"] * 44, rows, mapping=mapping)
    expected = [reference(row, mapping) for row in rows]
    got = [row_to_record(row, mapping) for row in rows]
    assert got == expected
    assert list(table.records()) == [r for r in expected if not r.is_empty()]
    # the planned path in column order, the general one otherwise
    in_order = tabular._plan(mapping)[1] is not None
    assert in_order == (which in (0, 2, 4))


def test_the_rows_hold_what_the_fast_path_must_handle():
    """The comparison above is only as good as what reaches each branch."""
    mapping = _mappings()[0]
    recs = [row_to_record(row, mapping) for row in _rows(4000, 44)]
    assert any(r.family_name_latin.startswith("=") for r in recs)  # un-neutralised
    assert any(r.full_name.startswith("\t") for r in recs)  # "'\tx": the tab is kept
    assert any(len(r.phones) > 2 for r in recs)
    assert any(len(r.emails) > 2 for r in recs)
    assert any(r.tags for r in recs) and any(r.languages for r in recs)
    assert any(r.decision_maker for r in recs) and any(r.notes for r in recs)


def test_a_csv_with_bom_formulas_and_blank_cells():
    data = (
        "\ufeffName,Family name,Given name,Mobile phone,Email,Tags,Notes,ID\r\n"
        "'=1+1, '=Smith ,'\tJohn,'+7 916 123-45-67,Mail@Example.COM ; x@y.example,"
        "\"* starred, VIP\",'@note,'-1\r\n"
        ",,,,,,,\r\n"
        ", ,\u3000,,,,,id-only\r\n"
        "Solo,,,,,,,\r\n"
    ).encode()
    table = read_csv(data, "t.csv")
    got = list(table.records())
    expected = [reference(row, table.mapping) for row in table.rows]
    assert got == [r for r in expected if not r.is_empty()]
    first = got[0]
    assert first.full_name == "=1+1"
    assert first.family_name == "=Smith" and first.given_name == "John"
    assert [p.number for p in first.phones] == ["+7 916 123-45-67"]
    assert [e.address for e in first.emails] == ["Mail@Example.COM", "x@y.example"]
    assert first.tags == ["VIP"] and first.notes == "@note" and first.uid == "-1"


def test_join_name_of_ascii_parts_is_the_script_based_one():
    def general(family: str, given: str, middle: str = "") -> str:
        if not (family or given or middle):
            return ""
        if is_cjk(family + given) and " " not in family + given:
            return family + given
        if script_of(family + given + middle) == Script.CYRILLIC:
            return " ".join(p for p in (family, given, middle) if p)
        return " ".join(p for p in (given, middle, family) if p)

    parts = ["", " ", "Wei", "Zhang", "O'Neil", "1", "=x", "张", "伟", "Иван", "Ivanov", "Jürgen"]
    seen_ascii = 0
    for f in parts:
        for g in parts:
            for m in ("", "Petrovich", "Петрович", "A."):
                assert join_name(f, g, m) == general(f, g, m), (f, g, m)
                seen_ascii += (f + g + m).isascii()
    assert seen_ascii > 100

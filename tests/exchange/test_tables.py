"""CSV and XLSX: what we write opens right; what others write reads right."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import openpyxl
import pytest
from exchange_samples import FIXTURES, people

from crm_desktop.exchange.columns import EXPORT_COLUMNS, Dialect
from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.csv_write import write_csv
from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.formulas import neutralise
from crm_desktop.exchange.records import EmailKind, Messenger, PhoneKind
from crm_desktop.exchange.xlsx_io import read_xlsx, write_xlsx


def _csv(flavour: str) -> bytes:
    buf = io.BytesIO()
    write_csv(people(), buf, flavour)
    return buf.getvalue()


def test_csv_is_utf8_with_bom_and_opens_with_a_bom_aware_reader():
    data = _csv("csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 3
    z, s, m = rows
    assert (z["Name"], z["Family name"], z["Given name"]) == ("张伟", "张", "伟")
    assert (z["Family name (Latin)"], z["Family name (Russian)"]) == ("Zhang", "Чжан")
    assert z["Mobile phone"] == "+86 13800138000"
    assert z["Work phone"] == "+86 2012345678"
    assert z["Fax"] == "+86 2012345679"
    assert z["WeChat"] == "zhangwei_88"
    assert z["Notes"].startswith("Met in Shenzhen.\nLikes tea")
    assert s["Patronymic (Russian)"] == "Петровна"
    assert m["Work phone"] == "+1 2125550199"


def test_excel_russian_flavour_uses_semicolons_and_russian_headers():
    data = _csv("csv-excel-ru")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == [c.header_ru for c in EXPORT_COLUMNS]
    assert len(rows[1]) == len(EXPORT_COLUMNS)
    assert rows[1][rows[0].index("Принимает решения")] == "да"


def test_formulas_are_neutralised_but_phones_keep_their_plus():
    rows = list(csv.DictReader(io.StringIO(_csv("csv").decode("utf-8-sig"), newline="")))
    s = rows[1]
    assert s["Organization"] == '\'=HYPERLINK("http://evil.example","click")'
    assert s["Position"] == "'@director"
    assert s["Notes"] == "'-2+3"
    assert s["Mobile phone"] == "+7 9031112233"  # data, not a formula: left alone
    for row in rows:
        for key, value in row.items():
            if value and "phone" not in key.lower() and key != "Fax":
                assert value[0] not in "=+-@", (key, value)
    assert neutralise("+7 903") == "'+7 903"  # text that merely starts with + is neutralised


def test_our_csv_reads_back_into_the_same_records():
    for flavour in ("csv", "csv-excel-ru"):
        table = read_csv(_csv(flavour))
        assert table.dialect == Dialect.CRM
        back = list(table.records())
        for a, b in zip(people(), back, strict=True):
            assert (
                b.family_name,
                b.given_name,
                b.family_name_latin,
                b.family_name_ru,
                b.middle_name_ru,
            ) == (
                a.family_name,
                a.given_name,
                a.family_name_latin,
                a.family_name_ru,
                a.middle_name_ru,
            )
            assert b.organization == a.organization and b.title == a.title
            assert b.notes == a.notes and b.uid == a.uid
            assert [p.kind for p in b.phones] == [p.kind for p in a.phones]
            assert b.messengers == a.messengers and b.tags == a.tags


def test_xlsx_read_back_with_openpyxl_typed_frozen_filtered():
    buf = io.BytesIO()
    write_xlsx(people(), buf, "ru")
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(EXPORT_COLUMNS))}4"
    header = [c.value for c in ws[1]]
    assert header == [c.header_ru for c in EXPORT_COLUMNS]
    assert ws["A1"].font.b
    assert ws.column_dimensions["A"].width == EXPORT_COLUMNS[0].width
    col = {h: i for i, h in enumerate(header)}
    z, s = list(ws.iter_rows(min_row=2, max_row=3))
    assert z[col["ФИО"]].value == "张伟"
    phone = z[col["Мобильный телефон"]]
    assert phone.value == "+86 13800138000" and phone.data_type == "s" and phone.quotePrefix
    assert z[col["Принимает решения"]].value is True
    assert z[col["Принимает решения"]].data_type == "b"
    org = s[col["Организация"]]
    # the formula-looking name is kept exactly, as text (never a formula cell)
    assert org.value == '=HYPERLINK("http://evil.example","click")'
    assert org.data_type == "s" and org.quotePrefix
    back = list(read_xlsx(io.BytesIO(buf.getvalue())).records())
    assert back[1].organization == org.value
    assert [p.kind for p in back[0].phones] == [PhoneKind.MOBILE, PhoneKind.WORK, PhoneKind.FAX]


def test_google_contacts_csv():
    table = read_csv((FIXTURES / "google_contacts.csv").read_bytes())
    assert table.dialect == Dialect.GOOGLE and table.delimiter == ","
    zhang, olga, john = table.records()
    assert (zhang.family_name, zhang.given_name) == ("张", "伟")
    assert (zhang.family_name_latin, zhang.given_name_latin) == ("Zhang", "Wei")
    assert zhang.organization == "华科泵业有限公司" and zhang.title == "总经理"
    assert [(p.number, p.kind) for p in zhang.phones] == [
        ("+86 138 0013 8000", PhoneKind.MOBILE),
        ("+86 139 0000 1111", PhoneKind.MOBILE),
        ("+86 755 8888 0000", PhoneKind.WORK),
    ]
    assert zhang.tags == ["VIP"]  # Google's system label dropped
    assert zhang.notes == "Met in Shenzhen, 2025\nlikes tea"
    assert (olga.family_name_ru, olga.given_name_ru) == ("Смирнова", "Ольга")
    assert [e.kind for e in olga.emails] == [EmailKind.WORK, EmailKind.HOME]
    assert john.phones[0].kind == PhoneKind.FAX
    assert john.source_line == 5  # zhang's note spans lines 2-3


def test_outlook_russian_cp1251_csv():
    table = read_csv((FIXTURES / "outlook_ru_cp1251.csv").read_bytes())
    assert table.encoding == "cp1251" and table.dialect == Dialect.OUTLOOK
    ivan, maria = table.records()
    assert (ivan.family_name_ru, ivan.given_name_ru, ivan.middle_name_ru) == (
        "Сидоров",
        "Иван",
        "Петрович",
    )
    assert ivan.organization == "Мининвест МО" and ivan.department == "Отдел Азии"
    assert {p.kind for p in ivan.phones} == {PhoneKind.FAX, PhoneKind.WORK, PhoneKind.MOBILE}
    assert ivan.tags == ["Делегация", "Министерство"]
    assert [e.address for e in maria.emails] == ["m.kuz@dubna-tp.example", "m.kuz@gmail.example"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encoding_and_delimiter_detection(encoding, delimiter):
    text = delimiter.join(["Фамилия", "Имя", "Телефон", "Telegram"]) + "\r\n"
    text += delimiter.join(["Орлова", "Анна", "+7 903 555-01-01", "anna_o"]) + "\r\n"
    table = read_csv(text.encode(encoding))
    assert table.delimiter == delimiter
    (rec,) = table.records()
    assert (rec.family_name_ru, rec.given_name_ru) == ("Орлова", "Анна")
    assert rec.messenger(Messenger.TELEGRAM) == "anna_o"


@pytest.mark.parametrize(
    ("name", "line"),
    [("broken_quote.csv", 4), ("broken_extra_fields.csv", 3), ("broken_binary.csv", 3)],
)
def test_broken_csv_names_its_line(name, line):
    with pytest.raises(FileFormatError) as err:
        read_csv((FIXTURES / name).read_bytes(), source=name)
    assert err.value.line == line
    assert f"{name}, line {line}:" in str(err.value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("flavour", ["csv", "csv-excel-ru"])
def test_libreoffice_keeps_phones_as_text_and_runs_no_formula(tmp_path, flavour):
    """Open our CSV in real LibreOffice (headless CSV import -> xlsx) and look at the cells."""
    src = tmp_path / "contacts.csv"
    src.write_bytes(_csv(flavour))
    sep = "44" if flavour == "csv" else "59"
    lang = "1033" if flavour == "csv" else "1049"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            f"--infilter=Text - txt - csv (StarCalc):{sep},34,76,1,,{lang}",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    ws = openpyxl.load_workbook(tmp_path / "contacts.xlsx").active
    rows = list(ws.iter_rows(values_only=False))
    header = [c.value for c in rows[0]]
    for col in EXPORT_COLUMNS:
        if col.kind != "phone":
            continue
        i = header.index(col.header("ru" if flavour != "csv" else "en"))
        for row in rows[1:]:
            cell = row[i]
            if cell.value is not None:
                assert cell.data_type == "s" and str(cell.value).startswith("+"), cell.value
    assert all(c.data_type != "f" for row in rows for c in row)

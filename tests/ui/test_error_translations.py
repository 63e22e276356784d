"""Every error the Qt-free core can raise reaches a Russian user in Russian."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from crm_desktop.config import Settings, resources_dir
from crm_desktop.domain import errors as domain_errors
from crm_desktop.domain.errors import CrmError, FieldError, ValidationError
from crm_desktop.exchange import errors as exchange_errors
from crm_desktop.exchange.csv_read import read_csv
from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.runtime import Runtime
from crm_desktop.ui.common.i18n import CATALOG, Translators
from crm_desktop.ui.common.widgets_errors import crm_error_text, field_error_text
from crm_desktop.ui.editors.record_form import RecordForm
from crm_desktop.ui.shell.main_window import MainWindow
from crm_desktop.ui.views.list_view import EntityListView

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / f"{CATALOG}_ru.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

ALL_TEMPLATES = {
    **{f"domain.{k}": v for k, v in domain_errors.MESSAGES.items()},
    **{f"exchange.{k}": v for k, v in exchange_errors.MESSAGES.items()},
    **{f"reason.{k}": v for k, v in exchange_errors.REASONS.items()},
    **{f"where.{k}": v for k, v in exchange_errors.WHERE.items()},
}


def _russian_errors() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    out = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != "errors":
            continue
        for m in ctx.iter("message"):
            t = m.find("translation")
            if t is not None and t.get("type") is None and t.text:
                out[m.findtext("source") or ""] = t.text
    return out


@pytest.mark.parametrize("code", sorted(ALL_TEMPLATES))
def test_every_error_template_has_a_russian_translation_with_its_placeholders(code: str) -> None:
    template = ALL_TEMPLATES[code]
    russian = _russian_errors().get(template)
    assert russian, f"{code}: “{template}” is not translated (context 'errors')"
    assert sorted(PLACEHOLDER.findall(russian)) == sorted(PLACEHOLDER.findall(template))
    words = PLACEHOLDER.sub("", russian)
    if re.search("[A-Za-z]{3}", PLACEHOLDER.sub("", template)):
        assert re.search("[А-Яа-яЁё]", words), (code, russian)


# An error built from an English sentence cannot be translated: only codes are allowed.
FREE_TEXT = re.compile(r"raise (?:CrmError|ExchangeError|ConflictError)\(\s*f?[\"']")
FILE_FORMAT = re.compile(r"FileFormatError\(\s*[\"'](\w+)[\"']")


def test_the_core_raises_no_untranslatable_error_text() -> None:
    sources = [
        p
        for folder in ("domain", "exchange")
        for p in (ROOT / "crm_desktop" / folder).rglob("*.py")
    ]
    assert len(sources) > 20
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert not FREE_TEXT.search(text), f"{path}: raise with a code (from_code), not a text"
        for reason in FILE_FORMAT.findall(text):
            assert reason in exchange_errors.REASONS, (path, reason)


# -- shown in Russian --------------------------------------------------------------------


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = Translators()
    assert translators.install("ru")
    yield
    translators.install("en")


def test_service_errors_read_in_russian(russian: None) -> None:
    invalid = ValidationError({"phones.0": FieldError("phones.0", "invalid_phone", value="12")})
    assert crm_error_text(invalid) == (
        "«12» — неверный номер телефона (укажите код страны, например +86 10 1234 5678)."
    )
    assert field_error_text(FieldError("capex", "not_negative")) == (
        "Поле «Инвестиции» не может быть отрицательным."
    )
    big = CrmError.from_code("attachment_too_large", name="план.pdf", limit=20)
    assert crm_error_text(big) == "Файл «план.pdf» больше 20 МБ."
    assert crm_error_text(CrmError.from_code("not_found", entity="company", id="42")) == (
        "Запись не найдена (компания, 42)."
    )
    with pytest.raises(FileFormatError) as caught:
        read_csv(b"name\nx\x00y\n", source="contacts.csv")
    assert str(caught.value) == "contacts.csv, line 2: binary data: this is not a CSV file"
    assert crm_error_text(caught.value) == (
        "contacts.csv, строка 2: двоичные данные: это не файл CSV"
    )


def test_phone_error_of_a_contact_form_is_russian(qtbot, rt: Runtime, russian: None) -> None:
    window = MainWindow(rt.services, Settings(language="ru"), rt.paths, "ru")
    qtbot.addWidget(window)
    window.show()
    view = window.nav.select("contacts")
    assert isinstance(view, EntityListView)
    view.create_record()
    form = view._dialog
    assert isinstance(form, RecordForm)
    qtbot.keyClicks(form.field_widget("family_name_latin"), "Ma")  # QTest types ASCII only
    phones = form.field_widget("phones")
    qtbot.mouseClick(phones.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(phones, "12")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    text = form.error_labels["phones"].text()
    assert "неверный номер телефона" in text and "valid" not in text
    assert form.result() != QDialog.DialogCode.Accepted


FIXTURES = ROOT / "tests" / "fixtures" / "exchange"


def test_import_dialog_tells_file_and_row_problems_in_russian(
    qtbot, services, russian: None, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.ui.exchange.exchange_import import ImportDialog

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    broken = ImportDialog(services, path=str(FIXTURES / "broken_unclosed.vcf"))
    qtbot.addWidget(broken)
    assert "строка 6: визитка vCard не закрыта" in broken.info.text()
    assert "line" not in broken.info.text()

    dialog = ImportDialog(services, path=str(FIXTURES / "broken_bad_email.csv"))
    qtbot.addWidget(dialog)
    assert "Юникод (UTF-8, Excel)" in dialog.info.text()  # not "utf-8-sig"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30000)
    row = dialog.results.item(0, 2).text()
    assert "«not-an-email@» — неверный адрес эл. почты." in row, row
    assert "valid" not in row

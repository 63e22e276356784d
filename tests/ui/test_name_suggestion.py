"""A contact form offers the pinyin and Palladius of a Chinese name typed into it, fills
only what the user left empty, and keeps what the user typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from crm_desktop.runtime import Runtime
from crm_desktop.ui.editors.entity_forms import contact_form
from crm_desktop.ui.editors.record_form import RecordForm

pytestmark = pytest.mark.usefixtures("english")


def type_chinese(qtbot, field: QLineEdit, text: str) -> None:
    """Chinese arrives from an input method as a committed string, as on a real desktop
    (QTest.keyClicks sends Latin-1 key events only)."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


@pytest.fixture
def form(qtbot, rt: Runtime) -> RecordForm:
    f = RecordForm(contact_form(), rt.services)
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    return f


def field(form: RecordForm, name: str) -> QLineEdit:
    w = form.field_widget(name)
    assert isinstance(w, QLineEdit)
    return w


def test_a_whole_name_typed_is_offered_in_pinyin_and_russian(qtbot, form) -> None:
    offer = form.name_suggestion
    assert not offer.isVisible()
    type_chinese(qtbot, field(form, "family_name_native"), "曾国强")
    assert offer.isVisible()
    assert offer.button.text() == "Use: Zeng Guoqiang / Цзэн Гоцян"
    # nothing is written until the user accepts
    assert field(form, "family_name_latin").text() == ""
    assert field(form, "family_name_ru").text() == ""
    # the user writes the family name the way the card from Hong Kong says
    qtbot.keyClicks(field(form, "family_name_latin"), "Tsang")
    assert offer.isVisible()  # the rest is still to fill
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    assert field(form, "family_name_native").text() == "曾"  # split after the family name
    assert field(form, "given_name_native").text() == "国强"
    assert field(form, "family_name_latin").text() == "Tsang"  # what the user typed stays
    assert field(form, "given_name_latin").text() == "Guoqiang"
    assert field(form, "family_name_ru").text() == "Цзэн"
    assert field(form, "given_name_ru").text() == "Гоцян"
    assert not offer.isVisible()  # nothing more to offer
    with qtbot.waitSignal(form.submitted) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    data = saved.args[0]
    assert (data.family_name_native, data.given_name_native) == ("曾", "国强")
    assert (data.given_name_latin, data.family_name_ru) == ("Guoqiang", "Цзэн")


def test_accepted_spellings_can_be_edited_and_are_then_kept(qtbot, form) -> None:
    offer = form.name_suggestion
    type_chinese(qtbot, field(form, "family_name_native"), "王")
    type_chinese(qtbot, field(form, "given_name_native"), "建国")
    assert offer.button.text() == "Use: Wang Jianguo / Ван Цзяньго"
    qtbot.keyClick(offer.button, Qt.Key.Key_Space)  # the button works from the keyboard
    assert field(form, "given_name_latin").text() == "Jianguo"
    # the user corrects the pinyin; a changed Chinese name is offered again, but the
    # corrected field is the user's now
    given = field(form, "given_name_latin")
    given.selectAll()
    qtbot.keyClicks(given, "Jian-guo")
    native = field(form, "given_name_native")
    native.clear()
    type_chinese(qtbot, native, "建华")
    assert offer.isVisible()
    assert offer.button.text() == "Use: Wang Jianhua / Ван Цзяньхуа"
    qtbot.mouseClick(offer.button, Qt.MouseButton.LeftButton)
    assert given.text() == "Jian-guo"
    assert field(form, "given_name_ru").text() == "Цзяньхуа"  # still the offer's own


def test_nothing_offered_for_names_without_chinese_or_already_complete(qtbot, form, rt) -> None:
    from crm_desktop.domain.services.contacts import ContactInput

    offer = form.name_suggestion
    qtbot.keyClicks(field(form, "family_name_native"), "Ivanov")
    assert not offer.isVisible()
    complete = ContactInput(
        family_name_native="陈",
        given_name_native="晓明",
        family_name_latin="Chen",
        given_name_latin="Xiaoming",
        family_name_ru="Чэнь",
        given_name_ru="Сяомин",
    )
    edit = RecordForm(contact_form(), rt.services, complete)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    assert not edit.name_suggestion.isVisible()
    assert field(edit, "given_name_latin").text() == "Xiaoming"

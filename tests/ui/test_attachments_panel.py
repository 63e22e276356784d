from __future__ import annotations

from crm_desktop.ui.views.attachments_panel import AttachmentsPanel


def test_attach_save_and_remove_a_file(qtbot, services, tmp_path):
    from crm_desktop.domain.services.companies import CompanyInput

    company = services.companies.create(CompanyInput(name_native="凯源泵业", country="CN"))
    panel = AttachmentsPanel(services)
    qtbot.addWidget(panel)
    panel.set_record("company", company.id)
    assert panel.isVisibleTo(panel.parentWidget() or panel) and panel.list.count() == 0
    source = tmp_path / "Презентация 凯源.pdf"
    source.write_bytes(b"%PDF-1.4 \x00\x01 bytes")
    panel.add_files([str(source)])
    assert panel.list.count() == 1 and "Презентация 凯源.pdf" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    copy = tmp_path / "copy.pdf"
    panel.save_selected(str(copy))
    assert copy.read_bytes() == source.read_bytes()
    panel.remove_selected()
    assert panel.list.count() == 0
    assert services.attachments.for_record("company", company.id) == []


def test_records_that_take_no_attachments_hide_the_panel(qtbot, services):
    panel = AttachmentsPanel(services)
    qtbot.addWidget(panel)
    panel.set_record("task", "some-id")
    assert panel.record_id is None and panel.isHidden()

"""The CSV export builds cells straight from SQL rows; they must equal the general path's."""

from __future__ import annotations

from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange.columns import EXPORT_COLUMNS
from crm_desktop.exchange.csv_write import csv_cells
from crm_desktop.exchange.db_export import _record, csv_row, iter_contact_rows


def test_fast_csv_cells_equal_the_record_path(services):
    tag = services.tags.get_or_create("VIP")
    company = services.companies.create(CompanyInput(name_native="=凯源", country="CN"))
    services.contacts.create(
        ContactInput(
            company_id=company.id,
            family_name_native="王",
            given_name_native="伟",
            family_name_latin="Wang",
            given_name_latin="Wei",
            family_name_ru="Ван",
            given_name_ru="Вэй",
            position="+Director",
            department="@sales",
            phones=[
                Channel("mobile", "+8613800138000"),
                Channel("mobile", "+8613900139000"),
                Channel("work", "+862159881001"),
                Channel("fax", "+862159881002"),
                Channel("other", "+74956001001"),
            ],
            emails=[Channel("work", "wang@kaiyuan.example"), Channel("home", "w@home.example")],
            wechat="-wx",
            telegram="wang",
            languages="zh,  en ,",
            decision_maker=True,
            notes='=HYPERLINK("http://x")',
            tag_ids=[tag.id],
        )
    )
    services.contacts.create(ContactInput(family_name_ru="Смирнова", given_name_ru="Ольга"))
    services.contacts.create(ContactInput(family_name_native="Müller", given_name_native="Jürgen"))
    rows = list(iter_contact_rows(services))
    assert len(rows) == 3
    for language in ("en", "ru"):
        for row in rows:
            assert csv_row(row, language) == csv_cells(_record(row), EXPORT_COLUMNS, language)

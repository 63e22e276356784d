"""Field history and restore-this-value, on SQLite and PostgreSQL; server-only messages."""

from __future__ import annotations

from decimal import Decimal

from crm_desktop import cli
from crm_desktop.domain.models import CompanyKind
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.history import HistoryService


def test_every_field_change_is_listed_and_an_old_value_restores(services):
    s = services
    c = s.companies.create(
        CompanyInput(
            name="Qiming",
            kind=CompanyKind.INVESTOR,
            revenue=Decimal("12.50"),
            revenue_currency="CNY",
        )
    )
    data = CompanyInput.from_row(s.companies.get(c.id))
    data.kind = CompanyKind.PARTNER
    data.revenue = Decimal("99.00")
    data.city = "北京"
    s.companies.update(c.id, data)
    history = HistoryService(s.ctx, s)
    items = history.entries("company", c.id)
    changed = {i.field: (i.old_value, i.new_value) for i in items if i.action == "update"}
    assert changed["kind"] == ("investor", "partner")
    assert changed["city"] == ("", "北京")
    assert all(i.device == s.ctx.device_id for i in items)
    history.restore_value("company", c.id, "kind", changed["kind"][0])
    history.restore_value("company", c.id, "revenue", changed["revenue"][0])
    row = s.companies.get(c.id)
    assert row.kind == CompanyKind.INVESTOR and row.revenue == Decimal("12.50")
    assert len(history.entries("company", c.id)) == len(items) + 2  # restores are changes too


def test_restoring_a_company_brings_back_its_contacts(services):
    s = services
    c = s.companies.create(CompanyInput(name="Linked"))
    person = s.contacts.create(ContactInput(company_id=c.id, family_name_latin="Li"))
    s.companies.delete(c.id)
    assert {i.id for i in s.trash.list()} >= {c.id, person.id}
    s.companies.restore(c.id)
    assert s.contacts.get(person.id).deleted_at is None


def test_encryption_commands_explain_what_they_cannot_do(db_url, data_dir, capsys):
    assert cli.main(["--db", db_url, "encrypt"]) == 1
    err = capsys.readouterr().err
    if db_url.startswith("sqlite"):
        assert "does not exist" in err  # nothing was created by asking
    else:
        assert "SQLite database files only" in err

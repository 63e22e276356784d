"""A sync merge keeps the search index's ``search_channel`` table in step: a contact that
arrives from another database, an e-mail edited there, a tombstone and a restore that
arrive, are what the next import's duplicate check sees. The other database is an SQLite
laptop; this one is an SQLite file or a PostgreSQL schema (the ``db_url`` fixture)."""

from __future__ import annotations

from pathlib import Path

from synchelp import company, open_rep

from crm_desktop.application import sync
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange.db_import import ImportOptions, Outcome, import_records
from crm_desktop.exchange.records import ContactRecord, Email

DRY = ImportOptions(dry_run=True)


def _outcome(rep, address: str):
    rec = ContactRecord(
        family_name_latin="Someone", given_name_latin="Else", emails=[Email(address)]
    )
    row = import_records(rep.services, [rec], DRY).rows[0]
    return row.outcome, row.duplicate_of, row.matched_by


def test_a_merge_brings_the_channels_of_its_contacts(tmp_path: Path, db_url: str) -> None:
    here = open_rep(tmp_path, "here", url=db_url)
    laptop = open_rep(tmp_path, "laptop")
    try:
        sync.synchronise(laptop.replica(), here.replica(), laptop.device)  # joins
        cid = company(laptop, "Huake Pumps")
        zhang = laptop.services.contacts.create(
            ContactInput(
                company_id=cid,
                family_name_latin="Zhang",
                given_name_latin="Wei",
                emails=[Channel("work", "Zhang.Wei@huake.example")],
            )
        ).id
        assert _outcome(here, "zhang.wei@huake.example")[0] == Outcome.CREATED

        sync.synchronise(laptop.replica(), here.replica(), laptop.device)  # arrives
        assert _outcome(here, "ZHANG.wei@huake.example") == (Outcome.SKIPPED, zhang, "email")

        # an e-mail edited there (the names stay: the cheap path of the merge)
        data = ContactInput.from_row(laptop.services.contacts.get(zhang))
        data.emails = [Channel("work", "wei@huake.example")]
        laptop.services.contacts.update(zhang, data)
        sync.synchronise(laptop.replica(), here.replica(), laptop.device)
        assert _outcome(here, "zhang.wei@huake.example")[0] == Outcome.CREATED
        assert _outcome(here, "wei@huake.example") == (Outcome.SKIPPED, zhang, "email")

        laptop.services.contacts.delete(zhang)  # tombstoned there
        sync.synchronise(laptop.replica(), here.replica(), laptop.device)
        assert _outcome(here, "wei@huake.example")[0] == Outcome.CREATED

        laptop.services.contacts.restore(zhang)  # and back
        sync.synchronise(laptop.replica(), here.replica(), laptop.device)
        assert _outcome(here, "wei@huake.example") == (Outcome.SKIPPED, zhang, "email")
    finally:
        laptop.close()
        here.close()

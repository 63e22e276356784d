"""The import finds existing contacts by e-mail and phone through the search index's
``search_channel`` table, which follows every write: edits, the Trash and back, a
rebuild, an old database's first open. On SQLite and PostgreSQL (the ``services`` and
``runtime`` fixtures run each test on both when a server is configured).

The existing contacts are at a company and the incoming rows at none, so nothing but
the e-mail and phone lookup can bring them into the duplicate check (a row at no
company loads the contacts at no company, for name matches)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select, text, true

from crm_desktop.domain.models import Contact
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange.db_import import (
    ImportOptions,
    Outcome,
    _ExistingContacts,
    import_records,
)
from crm_desktop.exchange.records import ContactRecord, Email, Phone
from crm_desktop.search import index as search_index

DRY = ImportOptions(dry_run=True, default_region="RU")


def _seed(services, email: str = "Zhang.Wei@Huake.example", phone: str = "+8613800138000"):
    company = services.companies.create(CompanyInput(name="Huake Pumps", country="CN")).id
    return services.contacts.create(
        ContactInput(
            company_id=company,
            family_name_latin="Zhang",
            given_name_latin="Wei",
            emails=[Channel("work", email)],
            phones=[Channel("mobile", phone)],
        )
    )


def _by_email(services, address: str):
    rec = ContactRecord(
        family_name_latin="Someone", given_name_latin="Else", emails=[Email(address)]
    )
    return import_records(services, [rec], DRY).rows[0]


def _by_phone(services, number: str):
    rec = ContactRecord(
        family_name_latin="Someone", given_name_latin="Else", phones=[Phone(number)]
    )
    return import_records(services, [rec], DRY).rows[0]


def _is_duplicate(row, contact_id: str, by: str) -> bool:
    return row.outcome == Outcome.SKIPPED and (row.duplicate_of, row.matched_by) == (
        contact_id,
        by,
    )


def test_found_by_email_in_another_case_and_by_phone(services) -> None:
    zhang = _seed(services)
    assert _is_duplicate(_by_email(services, "  zhang.wei@HUAKE.example "), zhang.id, "email")
    assert _is_duplicate(_by_phone(services, "+86 138 0013 8000"), zhang.id, "phone")
    assert _by_email(services, "other@huake.example").outcome == Outcome.CREATED
    assert _by_phone(services, "+86 138 0013 8001").outcome == Outcome.CREATED


def test_an_edited_email_a_tombstone_and_a_restore_are_followed(services) -> None:
    zhang = _seed(services)
    data = ContactInput.from_row(services.contacts.get(zhang.id))
    data.emails = [Channel("work", "wei.zhang@huake.example")]
    services.contacts.update(zhang.id, data)
    assert _by_email(services, "zhang.wei@huake.example").outcome == Outcome.CREATED
    assert _is_duplicate(_by_email(services, "Wei.Zhang@huake.example"), zhang.id, "email")
    assert _is_duplicate(_by_phone(services, "+8613800138000"), zhang.id, "phone")

    services.contacts.delete(zhang.id)
    assert _by_email(services, "wei.zhang@huake.example").outcome == Outcome.CREATED
    assert _by_phone(services, "+8613800138000").outcome == Outcome.CREATED

    services.contacts.restore(zhang.id)
    assert _is_duplicate(_by_email(services, "wei.zhang@huake.example"), zhang.id, "email")
    assert _is_duplicate(_by_phone(services, "+8613800138000"), zhang.id, "phone")


def test_an_email_moved_to_the_notes_no_longer_matches(services) -> None:
    """The document's names and body stay the same (the body lists the e-mails and the
    notes alike), yet the e-mail is no channel any more."""
    zhang = _seed(services, phone="")
    data = ContactInput.from_row(services.contacts.get(zhang.id))
    data.emails, data.phones, data.notes = [], [], "zhang.wei@huake.example"
    services.contacts.update(zhang.id, data)
    assert _by_email(services, "zhang.wei@huake.example").outcome == Outcome.CREATED


def test_the_smallest_live_id_per_value(runtime) -> None:
    services = runtime.services
    ids = sorted(_seed(services, email="info@shared.example", phone="").id for _ in range(3))
    services.contacts.delete(ids[0])
    with services.ctx.reading() as s:
        assert _ExistingContacts(s)._ids_with({"info@shared.example", "nobody@x.example"}) == [
            ids[1]
        ]


def _channels(runtime) -> list[tuple[str, str]]:
    with runtime.db.engine.connect() as conn:
        return sorted(
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT c.value, d.ref_id FROM search_channel c "
                    "JOIN search_doc d ON d.doc_id = c.doc_id"
                )
            )
        )


@pytest.mark.parametrize("old", ["2", "1"])
def test_an_old_database_gets_the_table_filled_on_open(runtime, paths, db_url, old) -> None:
    """Version 2 (the documents of now, without the table) gets the table alone, in
    seconds; an older index is rebuilt whole, the table with it."""
    from crm_desktop.runtime import open_runtime

    zhang = _seed(runtime.services)
    expected = [("+8613800138000", zhang.id), ("zhang.wei@huake.example", zhang.id)]
    assert _channels(runtime) == expected
    with runtime.db.engine.begin() as conn:  # as an index of that version left it
        conn.execute(text("DROP TABLE search_channel"))
        conn.execute(text("UPDATE search_meta SET value = :v WHERE key = 'version'"), {"v": old})
        conn.execute(text("UPDATE search_doc SET body = 'left as it was'"))  # which path ran
    runtime.close()
    rt = open_runtime(db_url, paths)
    try:
        assert _channels(rt) == expected
        with rt.db.engine.connect() as conn:
            assert search_index.index_version(conn) == search_index.INDEX_VERSION
            bodies = conn.execute(text("SELECT body FROM search_doc")).scalars().all()
        assert (set(bodies) == {"left as it was"}) == (old == "2")
        assert _is_duplicate(_by_email(rt.services, "ZHANG.WEI@huake.example"), zhang.id, "email")
    finally:
        rt.close()


def test_a_rebuild_fills_the_table(runtime, db_url, capsys) -> None:
    from crm_desktop.cli import main

    zhang = _seed(runtime.services)
    before = _channels(runtime)
    with runtime.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_channel"))
    search_index.reindex(runtime.db.engine)
    assert _channels(runtime) == before != []
    with runtime.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_channel"))
    assert main(["check", "--db", db_url, "--reindex"]) == 0
    assert "search index rebuilt" in capsys.readouterr().out
    assert _channels(runtime) == before
    assert _is_duplicate(_by_phone(runtime.services, "+8613800138000"), zhang.id, "phone")


# --------------------------------------------------------------------------- reference


def _scan(s, column, values: set[str], *, lower: bool) -> list[str]:
    """The lookup as it was: a scan of every contact's JSON array (the reference)."""
    if s.get_bind().dialect.name == "sqlite":
        item = func.json_each(column).table_valued("value")
        value = func.json_extract(item.c.value, "$.value")
    else:
        item = func.json_array_elements(column).table_valued("value")
        value = item.c.value.op("->>")("value")
    if lower:
        value = func.lower(value)
    return list(
        s.scalars(
            select(func.min(Contact.id))
            .select_from(Contact)
            .join(item, true())
            .where(Contact.deleted_at.is_(None), value.in_(sorted(values)))
            .group_by(value)
        )
    )


def test_the_lookup_agrees_with_a_scan_of_the_arrays(runtime) -> None:
    """Random contacts sharing addresses and numbers, some in the Trash, some edited;
    ASCII addresses (SQLite's lower() folds ASCII only, so the scan misses others)."""
    services = runtime.services
    r = random.Random(20261205)
    emails = [f"{u}@{d}.example" for u in ("info", "a.b", "Sales", "x") for d in ("c1", "C2")]
    phones = [f"+7916{n:07d}" for n in range(12)]
    company = services.companies.create(CompanyInput(name="Random Co")).id
    ids = []
    for n in range(60):
        ids.append(
            services.contacts.create(
                ContactInput(
                    company_id=company,
                    family_name_latin=f"Person{n}",
                    emails=[Channel("work", e) for e in r.sample(emails, r.randint(0, 3))],
                    phones=[Channel("mobile", p) for p in r.sample(phones, r.randint(0, 2))],
                )
            ).id
        )
    deleted = set(r.sample(ids, 15))
    for cid in deleted:
        services.contacts.delete(cid)
    for cid in r.sample(ids, 10):
        if cid in deleted:
            services.contacts.restore(cid)
            continue
        data = ContactInput.from_row(services.contacts.get(cid))
        data.emails = [Channel("work", e) for e in r.sample(emails, r.randint(0, 2))]
        services.contacts.update(cid, data)
    wanted_emails = {e.lower() for e in emails} | {"absent@c1.example"}
    wanted_phones = set(phones) | {"+79160000099"}
    with services.ctx.reading() as s:
        found = _ExistingContacts(s)
        for column, wanted, lower in (
            (Contact.emails, wanted_emails, True),
            (Contact.phones, wanted_phones, False),
        ):
            expected = sorted(_scan(s, column, wanted, lower=lower))
            assert expected  # the data shares values
            assert sorted(found._ids_with(wanted)) == expected
            for part in (set(r.sample(sorted(wanted), 3)) for _ in range(5)):
                assert sorted(found._ids_with(part)) == sorted(_scan(s, column, part, lower=lower))
        # e-mails and phones in one lookup, as the import asks: one id per value found
        both = _scan(s, Contact.emails, wanted_emails, lower=True)
        both += _scan(s, Contact.phones, wanted_phones, lower=False)
        assert sorted(found._ids_with(wanted_emails | wanted_phones)) == sorted(both)


def test_many_values_at_once(runtime) -> None:
    """More values than SQLite binds in one statement, in one lookup."""
    zhang = _seed(runtime.services)
    wanted = {f"p{n}@nowhere.example" for n in range(40_000)} | {"zhang.wei@huake.example"}
    with runtime.services.ctx.reading() as s:
        assert _ExistingContacts(s)._ids_with(wanted) == [zhang.id]

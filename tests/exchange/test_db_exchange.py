"""Import and export against a real database (SQLite here, PostgreSQL when configured)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from exchange_samples import FIXTURES

from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import Channel, ContactInput
from crm_desktop.exchange.db_export import (
    ContactFilter,
    MeetingFilter,
    count_contacts,
    export_contacts,
    export_meetings,
    iter_contacts,
)
from crm_desktop.exchange.db_import import (
    ImportOptions,
    OnDuplicate,
    Outcome,
    import_file,
    import_records,
    merge_inputs,
)
from crm_desktop.exchange.errors import Cancelled, FileFormatError
from crm_desktop.exchange.progress import Progress
from crm_desktop.exchange.records import ContactRecord, Email, Phone, PhoneKind


def _snapshot(services) -> list[tuple]:
    rows = services.contacts.list()
    return sorted(
        (c.id, c.display_name, c.version, str(c.emails), str(c.phones), c.notes) for c in rows
    )


def _seed(services):
    company = services.companies.create(
        CompanyInput(
            name_native="华科泵业", name_latin="Huake Pumps", name_ru="Хуакэ", country="CN"
        )
    )
    zhang = services.contacts.create(
        ContactInput(
            company_id=company.id,
            family_name_native="张",
            given_name_native="伟",
            family_name_latin="Zhang",
            given_name_latin="Wei",
            position="总经理",
            emails=[Channel("work", "zhang.wei@huake.example")],
            phones=[Channel("mobile", "+8613800138000")],
            wechat="zw88",
        )
    )
    return company, zhang


def test_reimporting_every_export_format_creates_nothing(services, tmp_path):
    _seed(services)
    for path in (
        "google_contacts.csv",
        "outlook_ru_cp1251.csv",
        "android_21_qp.vcf",
        "iphone_30_groups.vcf",
    ):
        rep = import_file(services, FIXTURES / path)
        assert rep.written and rep.rejected == 0, rep.summary()
    total = services.contacts.count()
    assert total == 1 + (3 - 1) + 2 + 3 + 2  # Google's Zhang Wei is the seeded one (same email)
    before = _snapshot(services)
    for fmt in ("csv", "csv-excel-ru", "xlsx", "vcf", "vcf4"):
        out = tmp_path / f"all.{fmt}"
        assert export_contacts(services, out, fmt) == total
        for mode in OnDuplicate.SKIP, OnDuplicate.MERGE:
            rep = import_file(services, out, ImportOptions(on_duplicate=mode))
            assert rep.created == 0 and rep.merged == 0 and rep.rejected == 0, (fmt, rep.summary())
            assert rep.skipped == total
    assert _snapshot(services) == before


def test_import_twice_creates_nothing_new(services):
    first = import_file(services, FIXTURES / "iphone_30_groups.vcf")
    assert first.created == 2 and first.companies_created == 2
    second = import_file(services, FIXTURES / "iphone_30_groups.vcf")
    assert second.created == 0 and second.skipped == 2
    assert {r.matched_by for r in second.rows} == {"email"}
    assert services.contacts.count() == 2
    assert services.companies.count() == 2


def test_phone_numbers_are_stored_in_e164_and_match_across_spellings(services):
    ru = ImportOptions(default_region="RU")  # the setting exchange.default_region
    import_file(services, FIXTURES / "android_21_qp.vcf", ru)
    petrov = next(c for c in services.contacts.list() if c.family_name_ru == "Петров")
    assert [p["value"] for p in petrov.phones] == ["+79261112233", "+74951112233"]
    rec = ContactRecord(
        family_name_latin="Petrov",
        given_name_latin="Aleksey",
        phones=[Phone("8 (926) 111-22-33", PhoneKind.MOBILE)],
    )
    rep = import_records(services, [rec], ru)
    assert rep.rows[0].outcome == Outcome.SKIPPED and rep.rows[0].matched_by == "phone"


def test_same_name_across_scripts_at_the_same_company_is_a_duplicate(services):
    company, zhang = _seed(services)
    for family, given in (("Чжан", "Вэй"), ("Zhang", "Wei"), ("Wei", "Zhang"), ("张", "伟")):
        rec = ContactRecord(family_name=family, given_name=given, organization="Huake Pumps")
        from crm_desktop.text.names import place_name

        rec = ContactRecord(organization="huake pumps")
        place_name(rec, family, given)
        rep = import_records(services, [rec], ImportOptions(dry_run=True))
        assert rep.rows[0].duplicate_of == zhang.id and rep.rows[0].matched_by == "name", (
            family,
            given,
        )
    # the same name at another company is another person
    rec = ContactRecord(family_name_ru="Чжан", given_name_ru="Вэй", organization="Other Co")
    rep = import_records(services, [rec], ImportOptions(dry_run=True))
    assert rep.rows[0].outcome == Outcome.CREATED and not rep.rows[0].duplicate_of


def test_merge_fills_empty_fields_and_keeps_both_values(services):
    company, zhang = _seed(services)
    rec = ContactRecord(
        family_name_ru="Чжан",
        given_name_ru="Вэй",
        organization="华科泵业",
        title="CEO",
        department="Board",
        emails=[Email("zhang.wei@huake.example"), Email("zw@private.example")],
        phones=[Phone("+8613800138000"), Phone("+86 20 1234 5678", PhoneKind.WORK)],
        notes="Prefers mornings",
        tags=["VIP"],
    )
    rep = import_records(services, [rec], ImportOptions(on_duplicate=OnDuplicate.MERGE))
    assert rep.merged == 1 and rep.created == 0
    got = services.contacts.get(zhang.id)
    assert (got.family_name_ru, got.given_name_ru) == ("Чжан", "Вэй")  # filled
    assert got.position == "总经理"  # kept; the other value goes to the notes
    assert got.department == "Board"  # was empty: filled
    assert [e["value"] for e in got.emails] == ["zhang.wei@huake.example", "zw@private.example"]
    assert [p["value"] for p in got.phones] == ["+8613800138000", "+862012345678"]
    assert "Prefers mornings" in got.notes and "Position: CEO" in got.notes
    assert [t.name for t in got.tags] == ["VIP"]
    again = import_records(services, [rec], ImportOptions(on_duplicate=OnDuplicate.MERGE))
    assert again.merged == 0 and again.skipped == 1  # nothing new the second time


def test_merge_inputs_is_a_pure_union():
    old = ContactInput(
        family_name_latin="Li",
        given_name_latin="Na",
        languages="zh",
        phones=[Channel("mobile", "+8613912345678")],
    )
    new = ContactInput(
        family_name_native="李",
        given_name_native="娜",
        languages="zh, en",
        phones=[Channel("work", "+862033334444")],
        decision_maker=True,
    )
    merged, changed = merge_inputs(old, new)
    assert merged.family_name_native == "李" and merged.languages == "zh, en"
    assert len(merged.phones) == 2 and merged.decision_maker
    assert old.phones == [Channel("mobile", "+8613912345678")]  # inputs untouched
    assert set(changed) >= {"family_name_native", "phones", "languages", "decision_maker"}


def test_per_row_choices_override_the_default(services):
    first = import_file(services, FIXTURES / "google_contacts.csv")
    assert first.created == 3
    dry = import_file(services, FIXTURES / "google_contacts.csv", ImportOptions(dry_run=True))
    lines = [r.line for r in dry.duplicates]
    assert len(lines) == 3
    choice = {lines[0]: OnDuplicate.CREATE, lines[1]: OnDuplicate.MERGE}
    rep = import_file(
        services,
        FIXTURES / "google_contacts.csv",
        ImportOptions(on_duplicate=OnDuplicate.SKIP, per_line=choice),
    )
    assert [r.outcome for r in rep.rows] == [Outcome.CREATED, Outcome.SKIPPED, Outcome.SKIPPED]
    assert services.contacts.count() == 4


def test_dry_run_writes_nothing(services):
    _seed(services)
    before = _snapshot(services)
    rep = import_file(services, FIXTURES / "iphone_30_groups.vcf", ImportOptions(dry_run=True))
    assert rep.created == 2 and not rep.written and rep.dry_run
    assert _snapshot(services) == before
    assert services.companies.count() == 1


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("broken_unclosed.vcf", 6),
        ("broken_no_colon.vcf", 9),
        ("broken_bad_charset.vcf", 7),
        ("broken_quote.csv", 4),
        ("broken_extra_fields.csv", 3),
        ("broken_binary.csv", 3),
    ],
)
def test_broken_files_leave_the_database_unchanged_and_name_the_line(services, name, line):
    _seed(services)
    before = _snapshot(services)
    with pytest.raises(FileFormatError) as err:
        import_file(services, FIXTURES / name)
    assert err.value.line == line and f"line {line}" in str(err.value)
    assert _snapshot(services) == before


def test_strict_import_rolls_back_on_a_rejected_row_and_the_default_leaves_it_out(services):
    before = _snapshot(services)
    rep = import_file(services, FIXTURES / "broken_bad_email.csv", ImportOptions(strict=True))
    assert not rep.written and rep.rejected == 1 and rep.created == 1
    bad = next(r for r in rep.rows if r.outcome == Outcome.REJECTED)
    assert bad.line == 3 and "not-an-email@" in bad.reason
    assert _snapshot(services) == before
    rep = import_file(services, FIXTURES / "broken_bad_email.csv")
    assert rep.written and rep.rejected == 1 and services.contacts.count() == 1


def test_cancel_during_import_writes_nothing(services):
    recs = [ContactRecord(family_name_latin=f"N{i}", given_name_latin="X") for i in range(50)]
    progress = Progress()

    def records():
        for i, r in enumerate(recs):
            if i == 30:
                progress.cancel()
            yield r

    with pytest.raises(Cancelled):
        import_records(services, records(), progress=progress)
    assert services.contacts.count() == 0


def test_export_filters_select_the_right_contacts(demo_db, paths):
    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        sv = rt.services
        total = sv.contacts.count()
        assert count_contacts(sv) == total
        cn = count_contacts(sv, ContactFilter(country="CN"))
        assert 0 < cn < total
        company = sv.companies.list()[0]
        ids = {r.uid for r in iter_contacts(sv, ContactFilter(company_id=company.id))}
        assert ids == {c.id for c in sv.contacts.list(sv.contacts.query(company_id=company.id))}
        some = [c.id for c in sv.contacts.list()][:3]
        assert {r.uid for r in iter_contacts(sv, ContactFilter(ids=some))} == set(some)
        trip = sv.trips.list()[0]
        met = {r.uid for r in iter_contacts(sv, ContactFilter(trip_id=trip.id))}
        assert met and met <= {c.id for c in sv.contacts.list()}
        stage_count = count_contacts(sv, ContactFilter(stage="1"))
        assert stage_count == sv.contacts.count(sv.contacts.query(stage_id=sv.stages.list()[0].id))
    finally:
        rt.close()


def test_meetings_export_by_trip_and_dates(demo_db, paths, tmp_path):
    import icalendar

    from crm_desktop.runtime import open_runtime

    rt = open_runtime("sqlite:///" + str(demo_db), paths)
    try:
        sv = rt.services
        trip = sv.trips.list()[0]
        meetings = sv.meetings.list(sv.meetings.query(trip_id=trip.id))
        out = tmp_path / "trip.ics"
        assert export_meetings(sv, out, MeetingFilter(trip_id=trip.id)) == len(meetings)
        cal = icalendar.Calendar.from_ical(out.read_bytes())
        got = {str(e["UID"]).split("@")[0]: e.decoded("DTSTART") for e in cal.walk("VEVENT")}
        for m in meetings:
            assert got[m.id] == m.starts_at
            assert got[m.id].utcoffset() == m.local_start.utcoffset()
        first = min(m.starts_at for m in meetings).date()
        n = export_meetings(sv, tmp_path / "day.ics", MeetingFilter(date_from=first, date_to=first))
        assert n == sum(1 for m in meetings if m.starts_at.date() == first)
    finally:
        rt.close()


def test_export_is_atomic_and_cancel_keeps_the_old_file(services, tmp_path):
    for i in range(30):
        services.contacts.create(ContactInput(family_name_latin=f"Name{i}", given_name_latin="A"))
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "c.csv"
    out.write_text("old")
    progress = Progress(lambda done, total: progress.cancel() if done >= 10 else None, interval=0)
    with pytest.raises(Cancelled):
        export_contacts(services, out, "csv", progress=progress)
    assert out.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["c.csv"]  # no temporary file left
    assert export_contacts(services, out, "csv") == 30
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 30


def test_cli_export_and_import(demo_db, tmp_path, capsys, data_dir):
    from crm_desktop.cli import main

    db = str(demo_db)
    out = tmp_path / "c.vcf"
    assert (
        main(
            ["--db", db, "export", "contacts", "--format", "vcf", "-o", str(out), "--country", "CN"]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"BEGIN:VCARD")
    assert main(["--db", db, "import", "contacts", str(out), "--dry-run"]) == 0
    assert "0 created" in capsys.readouterr().out
    assert main(["--db", db, "export", "meetings", "-o", str(tmp_path / "m.ics")]) == 0
    shutil.copy(FIXTURES / "broken_unclosed.vcf", tmp_path / "bad.vcf")
    capsys.readouterr()
    assert main(["--db", db, "import", "contacts", str(tmp_path / "bad.vcf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bad.vcf, line 6" in err[0]
    bad_email = str(FIXTURES / "broken_bad_email.csv")
    assert main(["--db", db, "import", "contacts", bad_email, "--strict"]) == 1
    captured = capsys.readouterr()
    assert "1 created" in captured.out and "(nothing written)" in captured.out
    err = captured.err.strip().splitlines()
    assert len(err) == 2 and "line 3: rejected" in err[0] and "--strict" in err[1]
    assert (
        main(["--db", db, "export", "contacts", "-o", str(tmp_path / "x.csv"), "--tag", "nope"])
        == 1
    )
    assert not Path(tmp_path / "x.csv").exists()


def test_pdf_contact_sheet_has_every_script_and_embedded_fonts(services, tmp_path):
    import pypdf

    _seed(services)
    import_file(services, FIXTURES / "iphone_30_groups.vcf")
    out = tmp_path / "sheet.pdf"
    assert export_contacts(services, out, "pdf", language="ru") == 3
    reader = pypdf.PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    for expected in (
        "Список контактов",
        "张伟",
        "Zhang Wei",
        "王芳",
        "Wang Fang",
        "Иванова Елена",
        "+86 138 0013 8000",
        "WeChat: wangfang_sz",
        "Стр. 1 из 1",
    ):
        assert expected in text, expected
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            desc = font.get_object()
            desc = desc["/DescendantFonts"][0].get_object() if "/DescendantFonts" in desc else desc
            fd = desc["/FontDescriptor"].get_object()
            assert any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), desc[
                "/BaseFont"
            ]


def test_homophones_written_differently_are_different_people(services):
    company, zhang = _seed(services)
    rec = ContactRecord(
        family_name="章", given_name="伟", organization="Huake Pumps"
    )  # Zhang Wei too
    rep = import_records(services, [rec], ImportOptions(dry_run=True))
    assert rep.rows[0].outcome == Outcome.CREATED
    rec = ContactRecord(family_name="伟", given_name="张", organization="Huake Pumps")  # swapped
    rep = import_records(services, [rec], ImportOptions(dry_run=True))
    assert rep.rows[0].duplicate_of == zhang.id


def test_duplicates_are_found_across_lookup_chunks_without_reading_other_companies(
    services, monkeypatch
):
    """Matches are fetched per chunk of rows: an email, a phone (any spelling), a name at
    the same company and a row created earlier in the same file are all still found when
    every row falls in a chunk of its own; contacts of unrelated companies are never read."""
    import crm_desktop.exchange.db_import as db_import
    from crm_desktop.text.names import place_name

    company, zhang = _seed(services)
    other = services.companies.create(CompanyInput(name_latin="Unrelated Works", country="DE"))
    for i in range(5):
        services.contacts.create(
            ContactInput(
                company_id=other.id,
                family_name_latin=f"Weber{i}",
                given_name_latin="Kai",
                emails=[Channel("work", f"weber{i}@unrelated.example")],
            )
        )
    loaded: list[set[str]] = []
    real_fetch = db_import._ExistingContacts._fetch

    def spy(self, chunk):
        real_fetch(self, chunk)
        loaded.append(set(self.loaded))

    monkeypatch.setattr(db_import, "LOOKUP_CHUNK", 1)
    monkeypatch.setattr(db_import._ExistingContacts, "_fetch", spy)
    by_email = ContactRecord(
        family_name_latin="Z", given_name_latin="W", emails=[Email("ZHANG.WEI@huake.example")]
    )
    by_phone = ContactRecord(
        family_name_latin="Zh",
        given_name_latin="We",
        phones=[Phone("+86 138 0013 8000", PhoneKind.MOBILE)],
    )
    by_name = ContactRecord(organization="Huake Pumps")
    place_name(by_name, "Чжан", "Вэй")
    first = ContactRecord(
        family_name_latin="Novak", given_name_latin="Jan", emails=[Email("jan@novak.example")]
    )
    again = ContactRecord(
        family_name_latin="Novak", given_name_latin="Jan", emails=[Email("Jan@Novak.example")]
    )
    rep = import_records(services, [by_email, by_phone, by_name, first, again])
    assert [(r.outcome, r.matched_by) for r in rep.rows] == [
        (Outcome.SKIPPED, "email"),
        (Outcome.SKIPPED, "phone"),
        (Outcome.SKIPPED, "name"),
        (Outcome.CREATED, ""),
        (Outcome.SKIPPED, "email"),
    ]
    assert all(r.duplicate_of == zhang.id for r in rep.rows[:3])
    assert rep.rows[4].duplicate_of == rep.rows[3].contact_id
    assert services.contacts.count() == 1 + 5 + 1
    weber_ids = {c.id for c in services.contacts.list() if c.company_id == other.id}
    assert len(loaded) == 5 and not any(weber_ids & ids for ids in loaded)

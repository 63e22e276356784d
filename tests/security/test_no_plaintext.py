"""With encryption on, no record content exists in plaintext in the data or temp folders.

Marker strings in three scripts go into an encrypted database; then a memo, an export,
a backup, an edit and a draft are made the way a user makes them. Every file left in
the data directory and the temporary directory is searched for the markers in UTF-8,
UTF-16 (both byte orders), Windows-1251 and GBK.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from secutil import PASSPHRASE, identity_of

from crm_desktop import cli
from crm_desktop.config import Paths
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.domain.services.meetings import MeetingInput
from crm_desktop.runtime import open_runtime
from crm_desktop.storage import backups
from crm_desktop.storage.drafts import DraftStore
from crm_desktop.storage.encryption import DatabaseKey

MARKERS = ("Quoxzephyrmarker", "Щукозаврмаркер", "龙猫秘密标记")
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp1251", "gbk")


def _needles() -> list[tuple[str, str, bytes]]:
    found = []
    for m in MARKERS:
        for enc in ENCODINGS:
            try:
                found.append((m, enc, m.encode(enc)))
            except UnicodeEncodeError:
                continue  # Chinese has no cp1251 form
    return found


def _scan(folders: list[Path]) -> list[str]:
    hits = []
    needles = _needles()
    for folder in folders:
        for p in folder.rglob("*"):
            if not p.is_file():
                continue
            data = p.read_bytes()
            hits += [f"{p}: {m} as {enc}" for m, enc, b in needles if b in data]
    return hits


def test_markers_are_nowhere_in_plaintext_after_memo_export_backup_edit_and_draft(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    documents = tmp_path / "Documents"  # where the user chose to save files
    documents.mkdir()
    db = paths.data_dir / "crm.sqlite3"
    latin, cyrillic, chinese = MARKERS

    key = DatabaseKey.new(PASSPHRASE)
    rt = open_runtime("sqlite:///" + str(db), paths, key=key, auto_backup=True)
    try:
        s = rt.services
        company = s.companies.create(
            CompanyInput(name=f"{latin} Ltd", name_native=chinese, name_ru=cyrillic, country="CN")
        )
        contact = s.contacts.create(
            ContactInput(
                company_id=company.id,
                family_name_native=chinese[:2],
                given_name_native=chinese[2:],
                family_name_latin=latin,
                family_name_ru=cyrillic,
                position=latin,
            )
        )
        meeting = s.meetings.create(
            MeetingInput(
                title=f"{latin} {cyrillic} {chinese}",
                company_id=company.id,
                starts_at=datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
                agenda=cyrillic,
                discussion=f"{chinese} {latin}",
                agreements=cyrillic,
                contact_ids=[contact.id],
            )
        )
        # An edit: the old values go to the field history (inside the database).
        data = CompanyInput.from_row(s.companies.get(company.id))
        data.description = f"{cyrillic} {chinese} {latin}"
        s.companies.update(company.id, data)
        # A draft of an unsaved meeting edit, as the editor keeps every few seconds.
        DraftStore(rt.drafts_dir, rt.key, rt.identity).save(
            "meeting", meeting.id, {"discussion": f"{latin} {cyrillic} {chinese} typed"}
        )
    finally:
        rt.close()

    monkeypatch.setenv("CRM_PASSPHRASE", PASSPHRASE)
    assert cli.main(["--db", str(db), "memo", meeting.id, "-o", str(documents / "memo.pdf")]) == 0
    assert (
        cli.main(
            [
                "--db",
                str(db),
                "export",
                "contacts",
                "-f",
                "csv",
                "-o",
                str(documents / "contacts.csv"),
            ]
        )
        == 0
    )
    assert (
        cli.main(["--db", str(db), "backup", "-o", str(paths.backups_dir / "manual-copy.sqlite3")])
        == 0
    )
    made = backups.make_backup(db, paths.backups_dir, "manual", key)

    # The exports themselves do hold the text: the search below would find a leak.
    assert latin.encode() in (documents / "contacts.csv").read_bytes()
    assert _scan([documents])  # and the scanner does find text where it is
    assert made.exists() and len(backups.list_backups(paths.backups_dir, identity_of(db, key))) >= 2
    assert _scan([paths.data_dir, temp]) == []
    assert not [p for p in temp.rglob("*") if p.is_file()]  # no temporary file left at all

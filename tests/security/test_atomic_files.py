"""Exports, PDFs and backups are written whole or not at all, and a failure says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.config import Paths
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.services.contacts import ContactInput
from crm_desktop.exchange.atomic import atomic_write
from crm_desktop.files import write_bytes_atomic
from crm_desktop.runtime import open_runtime


def _disk_full(fd: int) -> None:
    raise OSError(28, "No space left on device")


def test_a_pdf_write_that_fails_leaves_the_old_file_and_no_part(tmp_path: Path, monkeypatch):
    target = tmp_path / "memo.pdf"
    target.write_bytes(b"the previous memo")
    monkeypatch.setattr(os, "fsync", _disk_full)
    with pytest.raises(CrmError, match="No space left on device"):
        write_bytes_atomic(target, b"%PDF-1.7 new memo" * 1000)
    assert target.read_bytes() == b"the previous memo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf"]


def test_an_export_that_fails_midway_leaves_nothing(tmp_path: Path):
    target = tmp_path / "contacts.csv"
    with pytest.raises(RuntimeError), atomic_write(target) as f:
        f.write(b"half of the rows")
        raise RuntimeError("cancelled by the user")
    assert list(tmp_path.iterdir()) == []


def test_cli_export_into_a_missing_folder_says_why_and_writes_nothing(
    paths: Paths, tmp_path: Path, capsys
):
    db = paths.data_dir / "crm.sqlite3"
    rt = open_runtime("sqlite:///" + str(db), paths)
    rt.services.contacts.create(ContactInput(family_name_latin="Wang"))
    rt.close()
    target = tmp_path / "no-such-folder" / "contacts.csv"
    assert cli.main(["--db", str(db), "export", "contacts", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "contacts.csv" in err and "No such file" in err
    assert not target.parent.exists()


def test_cli_backup_on_a_full_disk_leaves_no_half_backup(
    paths: Paths, tmp_path: Path, monkeypatch, capsys
):
    from crm_desktop.storage import backups

    db = paths.data_dir / "crm.sqlite3"
    open_runtime("sqlite:///" + str(db), paths).close()
    monkeypatch.setattr(backups, "fsync_path", lambda path: _disk_full(0))
    out = tmp_path / "copy.sqlite3"
    assert cli.main(["--db", str(db), "backup", "-o", str(out)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.glob("copy.sqlite3*")) == []

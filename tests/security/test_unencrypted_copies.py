"""Files written from an encrypted database (memos, dossiers, exports, reports, saved
PDFs) leave its encryption behind: they are created readable by the owner only, and the
user is told once that they are not encrypted. From a plain database nothing changes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

PASSPHRASE = "correct horse battery staple 42"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def crm(root: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRM_DATA_DIR": str(root / "data"), "CRM_PASSPHRASE": PASSPHRASE}
    env.pop("CRM_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def dbs(tmp_path_factory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("copies")
    plain, secret = root / "plain.sqlite3", root / "secret.sqlite3"
    for db in (plain, secret):
        assert crm(root, db, "demo").returncode == 0
    r = crm(root, secret, "encrypt")
    assert r.returncode == 0, r.stderr
    return root, plain, secret


def _meeting(root: Path, db: Path) -> str:
    r = crm(root, db, "list", "meetings")
    assert r.returncode == 0, r.stderr
    return r.stdout.split()[0]


def test_cli_copies_of_an_encrypted_database_are_owner_only_with_one_note(dbs, tmp_path):
    root, _plain, secret = dbs
    memo = tmp_path / "memo.pdf"
    r = crm(root, secret, "memo", _meeting(root, secret), "-o", str(memo))
    assert r.returncode == 0, r.stderr
    assert mode(memo) == 0o600
    assert r.stdout.count("is not encrypted") == 1
    export = tmp_path / "contacts.csv"
    r = crm(root, secret, "export", "contacts", "--format", "csv", "-o", str(export))
    assert r.returncode == 0 and mode(export) == 0o600
    assert "is not encrypted" in r.stdout
    out_dir = tmp_path / "memos"
    r = crm(root, secret, "memo", "--all", "--out-dir", str(out_dir))
    files = list(out_dir.glob("*.pdf"))
    assert r.returncode == 0 and len(files) > 1
    assert all(mode(f) == 0o600 for f in files)
    assert r.stdout.count("is not encrypted") == 1  # said once, not once per memo


def test_cli_copies_of_a_plain_database_keep_the_usual_mode_and_say_nothing(dbs, tmp_path):
    root, plain, _secret = dbs
    memo = tmp_path / "memo.pdf"
    r = crm(root, plain, "memo", _meeting(root, plain), "-o", str(memo))
    assert r.returncode == 0, r.stderr
    assert mode(memo) & 0o044  # group/others may read, as the umask says
    assert "is not encrypted" not in r.stdout


def test_saving_a_pdf_from_an_encrypted_database_is_owner_only_and_told_once(
    dbs, tmp_path, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from crm_desktop.application.database import DatabaseLocation, open_database
    from crm_desktop.config import Paths
    from crm_desktop.ui.documents.pdf_preview import PdfPreviewDialog
    from crm_desktop.ui.security import unencrypted_copy

    root, _plain, secret = dbs
    data = root / "data"
    rt = open_database(
        DatabaseLocation.parse("sqlite:///" + str(secret)),
        Paths(data, data / "config"),
        passphrase=lambda _p: PASSPHRASE,
    )
    unencrypted_copy.reset_for_tests()
    try:
        pdf = root / "x.pdf"
        assert (
            crm(
                root,
                root / "plain.sqlite3",
                "memo",
                _meeting(root, root / "plain.sqlite3"),
                "-o",
                str(pdf),
            ).returncode
            == 0
        )
        dialog = PdfPreviewDialog(pdf.read_bytes(), "memo.pdf", services=rt.services)
        qtbot.addWidget(dialog)
        targets = iter([tmp_path / "first.pdf", tmp_path / "second.pdf"])
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, **k: (str(next(targets)), "")
        )
        assert dialog.save_as() == str(tmp_path / "first.pdf")
        assert mode(tmp_path / "first.pdf") == 0o600

        def notices() -> list[QMessageBox]:
            return [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox)
                and w.objectName() == "unencrypted_copy_notice"
                and w.isVisible()
            ]

        qtbot.waitUntil(lambda: len(notices()) == 1)
        assert "first.pdf" in notices()[0].text()
        notices()[0].close()
        assert dialog.save_as() == str(tmp_path / "second.pdf")
        assert mode(tmp_path / "second.pdf") == 0o600
        assert notices() == []  # once per session
    finally:
        rt.close()

"""The one use case that opens a database: the location parsed once, then a straight line."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.application.database import DatabaseLocation, locate, open_database
from crm_desktop.config import Paths
from crm_desktop.domain.errors import StorageError
from crm_desktop.domain.services.companies import CompanyInput
from crm_desktop.storage.encryption import DatabaseKey, PassphraseRequiredError

PASSPHRASE = "correct horse battery staple 42"


def test_db_option_beats_the_environment_beats_the_default(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locate(None, paths).path == paths.default_database
    monkeypatch.setenv("CRM_DATABASE_URL", "postgresql+psycopg://u:secret@db.example/crm")
    server = locate(None, paths)
    assert (server.kind, server.path) == ("postgresql", None)
    assert "secret" not in server.shown
    mine = locate(str(tmp_path / "mine.sqlite3"), paths)
    assert (mine.kind, mine.path) == ("sqlite", tmp_path / "mine.sqlite3")
    assert mine.url == "sqlite:///" + str(tmp_path / "mine.sqlite3")
    assert locate(None, paths, demo=True).path == paths.demo_database


def test_a_relative_db_path_is_made_absolute_once(
    paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    where = locate("sub/crm.sqlite3", paths)
    assert where.path == tmp_path / "sub" / "crm.sqlite3"
    monkeypatch.chdir(paths.data_dir)  # a later change of folder changes nothing
    assert where.path == tmp_path / "sub" / "crm.sqlite3"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "no-scheme-here://", "postgresql://:x@:bad"])
def test_an_unusable_url_is_one_line_without_the_password(paths: Paths, url: str) -> None:
    with pytest.raises(StorageError) as e:
        locate(url, paths)
    assert "\n" not in str(e.value)
    assert ":x@" not in str(e.value)


def test_open_creates_migrates_and_builds_services(db_url: str, paths: Paths) -> None:
    where = DatabaseLocation.parse(db_url)
    rt = open_database(where, paths)
    try:
        made = rt.services.companies.create(CompanyInput(name="Shenzhen Pumps"))
        assert rt.db.location == where
        assert rt.db.schema_version() is not None
    finally:
        rt.close()
    again = open_database(where, paths, create=False)
    try:
        assert again.services.companies.get(made.id).name == "Shenzhen Pumps"
    finally:
        again.close()


def test_a_missing_file_is_refused_without_create(paths: Paths, tmp_path: Path) -> None:
    where = locate(str(tmp_path / "nothing.sqlite3"), paths)
    with pytest.raises(StorageError, match="does not exist"):
        open_database(where, paths, create=False)
    assert not where.exists


def test_an_encrypted_file_asks_for_the_passphrase_once(paths: Paths, tmp_path: Path) -> None:
    where = locate(str(tmp_path / "secret.sqlite3"), paths)
    open_database(where, paths, key=DatabaseKey.new(PASSPHRASE)).close()
    assert where.encrypted and where.exists
    with pytest.raises(PassphraseRequiredError):
        open_database(where, paths)  # no way to ask: refused, not opened plain
    with pytest.raises(PassphraseRequiredError):
        open_database(where, paths, passphrase=lambda path: None)  # the user cancelled
    asked: list[Path] = []

    def ask(path: Path) -> str:
        asked.append(path)
        return PASSPHRASE

    rt = open_database(where, paths, passphrase=ask)
    try:
        assert rt.db.encrypted
        assert asked == [where.path]
    finally:
        rt.close()


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////tmp/a b.sqlite3",
        "sqlite:///rel/x.db",
        "sqlite:////tmp/кириллица/汉字.db",
        "sqlite:////tmp/a#b@c:d/x.db",
        "sqlite:////tmp/%20x.db",
        "sqlite:////tmp/x.db?mode=ro",
        "sqlite:///:memory:",
        "sqlite://",
    ],
)
def test_a_file_url_read_without_sqlalchemy_names_the_same_file(url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    expected = Path(name) if name and name != ":memory:" else None
    location = DatabaseLocation.parse(url)
    assert (location.kind, location.path) == ("sqlite", expected)


def test_the_gui_parses_its_location_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from crm_desktop.storage.location import DatabaseLocation;"
        f"loc = DatabaseLocation.parse('sqlite:///{tmp_path}/x.sqlite3');"
        "assert loc.path is not None and loc.path.name == 'x.sqlite3';"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr

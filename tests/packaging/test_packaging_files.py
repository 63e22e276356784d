"""The packaging files agree with the one version and application id, and are valid.

Fast checks that run with every test run; building the bundle is test_bundle.py.
"""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

import crm_desktop
from crm_desktop import config

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons" / "app"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


project = _load("project", PACKAGING / "project.py")
build = _load("crm_packaging_build", PACKAGING / "build.py")
P = project.load()


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI")
        pytest.skip(f"{name} is not installed")
    return found


def test_identity_comes_from_the_package_and_pyproject():
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert P.version == pyproject["version"]
    assert P.name == pyproject["name"]
    assert P.app_id == crm_desktop.APP_ID
    assert P.display_name == crm_desktop.APP_DISPLAY_NAME
    assert P.portable_marker == config.PORTABLE_MARKER
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9]+)+\.[A-Za-z0-9]+", P.app_id)


def test_source_tree_fallback_version_agrees_with_pyproject():
    """crm_desktop/__init__.py falls back to a literal when not installed; keep it equal."""
    tree = ast.parse((ROOT / "crm_desktop" / "__init__.py").read_text("utf-8"))
    literals = [
        node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
        and isinstance(node.value, ast.Constant)
    ]
    assert literals and all(v == P.version for v in literals), literals


def test_generated_dist_info_gives_importlib_metadata_the_version(tmp_path):
    """What the spec ships so `--version` in the frozen app reads pyproject's version."""
    project.write_dist_info(P, tmp_path)
    dists = list(importlib.metadata.distributions(path=[str(tmp_path)]))
    assert [(d.metadata["Name"], d.version) for d in dists] == [(P.name, P.version)]


def test_desktop_entry():
    path = PACKAGING / "linux" / f"{P.app_id}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application"
    assert d["Name"] == P.display_name
    assert d["Icon"] == P.app_id
    assert d["Exec"].split()[0] == P.name
    assert d["StartupWMClass"] == P.name
    assert "Office" in d["Categories"].split(";")
    if shutil.which("desktop-file-validate"):
        r = subprocess.run(
            ["desktop-file-validate", str(path)], check=False, capture_output=True, text=True
        )
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_metainfo_is_valid_for_appstreamcli():
    path = PACKAGING / "linux" / f"{P.app_id}.metainfo.xml"
    r = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--explain", str(path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert not re.search(r"^[EW]:", r.stdout, re.MULTILINE), r.stdout


def test_metainfo_matches_id_version_and_desktop_file():
    root = ET.parse(PACKAGING / "linux" / f"{P.app_id}.metainfo.xml").getroot()
    assert root.findtext("id") == P.app_id
    assert root.findtext("name") == P.display_name
    assert root.findtext("launchable[@type='desktop-id']") == f"{P.app_id}.desktop"
    assert root.findtext("icon[@type='stock']") == P.app_id
    assert root.findtext("provides/binary") == P.name
    releases = root.findall("releases/release")
    assert releases[0].get("version") == P.version, "add a <release> for the new version"
    dates = [r.get("date") for r in releases]
    assert dates == sorted(dates, reverse=True)


def test_inno_setup_script():
    iss = (PACKAGING / "windows" / "crm-desktop.iss").read_text("utf-8")
    setup = dict(
        line.split("=", 1)
        for line in iss.split("[Setup]")[1].split("\n[")[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    # Stable identity: derived from the application id, never edited by hand.
    assert setup["AppId"] == "{{" + P.windows_app_guid + "}"
    assert str(uuid.uuid5(uuid.NAMESPACE_DNS, P.app_id)).upper() == P.windows_app_guid
    # Per user, without administrator rights, and nothing that asks for them.
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExeName}.exe"
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', iss, re.MULTILINE)
    # No second copy of the version or id; every define used is one build.py passes.
    assert P.version not in iss and P.app_id not in iss
    used = set(re.findall(r"\{#(?:StringChange\()?(\w+)", iss)) | set(
        re.findall(r"#ifndef (\w+)", iss)
    )
    passed = build.inno_defines(P, Path("bundle"), Path("dist"))
    assert used <= set(passed), used - set(passed)
    assert Path(passed["IconFile"]).is_file()


def test_icon_set():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"icon-{size}.png") as im:
            assert im.size == (size, size) and im.mode == "RGBA"
            assert im.getpixel((size // 2, size // 2))[3] == 255  # opaque in the middle
    with Image.open(ICONS / "icon.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICONS / "icon.icns") as icns:
        assert {(16, 16, 2), (128, 128, 1), (512, 512, 2)} <= set(icns.info["sizes"])
    assert "make_icons.py" in (ICONS.parent / "README.md").read_text("utf-8")


def test_spec_ships_everything_the_frozen_app_reads():
    spec = (PACKAGING / "crm-desktop.spec").read_text("utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert "MIGRATIONS" in spec and "(str(ROOT / MIGRATIONS), str(MIGRATIONS))" in spec
    assert "bundle_identifier=P.app_id" in spec
    assert '"CFBundleShortVersionString": P.version' in spec
    for needed in ("resources", "crm_desktop/storage/migrations/versions"):
        assert (ROOT / needed).is_dir()


def test_portable_marker_and_flag(monkeypatch, tmp_path):
    exe = tmp_path / "stick" / "crm-desktop"
    exe.parent.mkdir()
    monkeypatch.delenv(config.ENV_DATA_DIR, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))

    assert not config.resolve_paths().portable
    flagged = config.resolve_paths(portable=True)
    assert flagged.portable and flagged.data_dir == exe.parent / "crm-data"

    (exe.parent / config.PORTABLE_MARKER).write_text("", encoding="utf-8")
    paths = config.resolve_paths()
    assert paths.portable
    assert paths.default_database.parent == exe.parent / "crm-data"
    assert paths.settings_file.is_relative_to(exe.parent / "crm-data")
    assert paths.backups_dir.is_relative_to(exe.parent / "crm-data")


def test_portable_data_sits_beside_a_macos_app_bundle(monkeypatch, tmp_path):
    exe = tmp_path / "stick" / "CRM Desktop.app" / "Contents" / "MacOS" / "crm-desktop"
    exe.parent.mkdir(parents=True)
    monkeypatch.delenv(config.ENV_DATA_DIR, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    (tmp_path / "stick" / config.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert config.resolve_paths().data_dir == tmp_path / "stick" / "crm-data"


icu_data = _load("icu_data", PACKAGING / "icu_data.py")


def test_icu_data_keeps_what_qt_reads_but_not_foreign_locale_resources():
    keep = [
        "icudt73l/root.res",
        "icudt73l/ru.res",
        "icudt73l/ru_RU.res",
        "icudt73l/zh_Hans_CN.res",
        "icudt73l/en_US_POSIX.res",
        "icudt73l/coll/zh.res",
        "icudt73l/zone/ru.res",
        "icudt73l/pool.res",
        "icudt73l/res_index.res",
        "icudt73l/coll/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/metadata.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/gb18030.cnv",
        "icudt73l/cnvalias.icu",
        "icudt73l/uts46.nrm",
        "icudt73l/zoneinfo64.res",
        "icudt73l/metaZones.res",
        "icudt73l/region/ru.res",
        "icudt73l/lang/zh.res",
    ]
    drop = [
        "icudt73l/de.res",
        "icudt73l/sr_Latn_BA.res",
        "icudt73l/coll/de.res",
        "icudt73l/curr/fil.res",
        "icudt73l/unit/ja.res",
        "icudt73l/zone/yue_Hant.res",
        # Read only by ICU services Qt does not call.
        "icudt73l/brkitr/de.res",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
        "icudt73l/curr/ru.res",
        "icudt73l/unit/zh.res",
        "icudt73l/rbnf/en.res",
        "icudt73l/unames.icu",
        "icudt73l/rfc3491.spp",
        "icudt73l/confusables.cfu",
    ]
    assert [n for n in keep if not icu_data.wanted(n)] == []
    assert [n for n in drop if icu_data.wanted(n)] == []


def _icu_library() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt links ICU only on Linux")
    for tool in ("nm", "readelf", "as", "ld"):
        _tool(tool)
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no bundled ICU")
    return found[0]


def test_icu_data_package_survives_a_round_trip():
    symbol, offset, size = icu_data._symbol(_icu_library())
    raw = _icu_library().read_bytes()[offset : offset + size]
    header, items = icu_data.read_package(raw)
    again = icu_data.write_package(header, items)
    assert len(again) == len(raw)
    assert icu_data.read_package(again) == (header, items)


QT_ICU_PROBE = """
import re
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
def order(locale, words):
    return sorted(words, key=QCollator(QLocale(locale)).sortKey)
print(order("ru_RU", ["Яков", "ёж", "Ель", "абв", "Zeta"]))
print(order("zh_CN", ["张", "李", "王", "阿"]), order("de_DE", ["Äpfel", "Zebra", "apfel"]))
print(QLocale("ru").toUpper("ёлка"), QLocale("tr").toUpper("i"))
print(QStringDecoder("GB18030").isValid(), len(QStringDecoder.availableCodecs()))
for name in ("GBK", "Big5", "Shift_JIS", "EUC-KR", "windows-1251", "KOI8-R", "IBM866"):
    print(name, QStringDecoder(name).isValid(), QStringDecoder(name).name())
zone = QTimeZone(b"Asia/Shanghai")
for locale in ("ru_RU", "zh_CN", "en_US"):
    for kind in (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName):
        print(zone.displayName(QTimeZone.TimeType.StandardTime, kind, QLocale(locale)))
print(re.findall(r"\\S*libicudata\\S*", open("/proc/self/maps").read())[0])
"""


def test_qt_behaves_the_same_with_the_smaller_icu_data(tmp_path):
    library = _icu_library()
    small = icu_data.shrink(library, tmp_path / library.name)
    assert small.stat().st_size < library.stat().st_size * 0.6

    def probe(library_dir: Path | None) -> list[str]:
        env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        if library_dir:
            env["LD_LIBRARY_PATH"] = str(library_dir)  # searched before Qt's RUNPATH
        r = subprocess.run(
            [sys.executable, "-c", QT_ICU_PROBE],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        return r.stdout.splitlines()

    full, reduced = probe(None), probe(tmp_path)
    assert reduced[-1] == str(small) and full[-1] == str(library)
    assert reduced[:-1] == full[:-1]
    assert full[0] == "['абв', 'ёж', 'Ель', 'Яков', 'Zeta']"


# The ICU services Qt calls; icu_data.py keeps only the data they read.
QT_ICU_SERVICES = ("u_strToUpper", "u_strToLower", "ucol_", "ucnv_", "ucal_")


def test_qt_calls_only_the_icu_services_whose_data_the_bundle_keeps():
    lib = _icu_library().parent
    called = set()
    for library in sorted(lib.glob("libQt6*.so.*")):
        out = subprocess.run(
            ["nm", "-D", "--undefined-only", str(library)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        called.update(re.findall(r"\b(u[a-z]*_\w+?)_\d+\b", out))
    assert called, "Qt calls no ICU function at all: check the symbol pattern"
    others = sorted(f for f in called if not f.startswith(QT_ICU_SERVICES))
    assert not others, f"Qt calls ICU services whose data icu_data.py drops: {others}"


NO_LIBPQ = """
import ctypes.util, sys
sys.modules["psycopg_binary"] = None  # left out of the Linux bundle
sys.modules["psycopg_c"] = None
ctypes.util.find_library = lambda name: None  # a machine without libpq
from crm_desktop.domain.errors import StorageError
from crm_desktop.storage.database import make_engine
try:
    make_engine("postgresql+psycopg://crm@127.0.0.1/crm")
except StorageError as e:
    print(e)
"""


def test_postgresql_without_libpq_says_what_is_missing():
    """The Linux bundle uses the system's libpq; without one the message names it."""
    pytest.importorskip("psycopg")
    r = subprocess.run(
        [sys.executable, "-c", NO_LIBPQ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (
        "PostgreSQL needs libpq installed (Debian and Ubuntu: libpq5, Fedora: libpq)."
    )


def test_application_imports_nothing_the_bundle_leaves_out():
    left_out = [f"PySide6.{m}" for m in project.QT_UNUSED] + list(project.NOT_BUNDLED)
    offenders = []
    for path in sorted((ROOT / "crm_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in left_out):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert not offenders, "used, but left out of the bundle (packaging/project.py): " + ", ".join(
        offenders
    )

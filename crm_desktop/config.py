"""Paths, settings and environment overrides: the one place that knows where files live."""

from __future__ import annotations

import json
import os
import sys
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from crm_desktop import APP_NAME, ORGANIZATION

ENV_DATABASE_URL = "CRM_DATABASE_URL"
ENV_DATA_DIR = "CRM_DATA_DIR"  # tests and portable setups point everything somewhere else
PORTABLE_MARKER = "portable.txt"


def resources_dir() -> Path:
    """Where fonts, icons, translations and demo data are, in every way the app can run."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here.parent / "resources")  # source checkout or editable install
    candidates.append(here / "resources")  # non-editable install (package-dir mapping)
    for c in candidates:
        if (c / "fonts").is_dir():
            return c
    tried = ", ".join(map(str, candidates))
    raise FileNotFoundError(f"crm-desktop resources not found in: {tried}")


def executable_dir() -> Path:
    if getattr(sys, "frozen", False):
        exe_dir = Path(sys.executable).resolve().parent
        # A macOS bundle runs from X.app/Contents/MacOS; the portable marker and data
        # belong beside X.app, where the user sees them on the stick.
        if exe_dir.name == "MacOS" and exe_dir.parent.parent.suffix == ".app":
            return exe_dir.parent.parent.parent
        return exe_dir
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    portable: bool = False

    @property
    def default_database(self) -> Path:
        return self.data_dir / "crm.sqlite3"

    @property
    def demo_database(self) -> Path:
        return self.data_dir / "demo.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def device_file(self) -> Path:
        return self.config_dir / "device-id"


def resolve_paths(portable: bool = False) -> Paths:
    """Platform directories, or a folder next to the executable in portable mode."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        base = Path(override)
        return Paths(data_dir=base, config_dir=base / "config", portable=portable)
    if portable or (executable_dir() / PORTABLE_MARKER).exists():
        base = executable_dir() / "crm-data"
        return Paths(data_dir=base, config_dir=base / "config", portable=True)
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, ORGANIZATION)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, ORGANIZATION)),
    )


def device_id(paths: Paths) -> str:
    """A stable id of this installation, written once; stamps every row it creates."""
    try:
        value = paths.device_file.read_text(encoding="ascii").strip()
        uuid.UUID(value)
        return value
    except (OSError, ValueError):
        pass
    value = str(uuid.uuid4())
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.device_file.write_text(value, encoding="ascii")
    return value


DOCUMENT_LANGUAGES = ("ru", "en", "zh", "ru+zh")  # ru+zh: the partner's bilingual copy
# Imports read phone numbers written without a country code in the contact's or its
# company's country, else in this region (settings key; most partners are in China).
DEFAULT_REGION_KEY = "exchange.default_region"
DEFAULT_PHONE_REGION = "CN"


@dataclass
class Settings:
    """Per-device preferences (the database holds what the team shares)."""

    language: str = ""  # "" follows the system locale; "ru" or "en"
    current_member_id: str | None = None  # "who am I": owner preset, compiler of memos
    last_view: str = "pipeline"
    document_language: str = "ru"  # memos and reports: one of DOCUMENT_LANGUAGES
    lock_pin_hash: str = ""  # salted hash of the lock-screen PIN (plain databases), never the PIN
    asked_who_am_i: bool = False  # the first-start question was shown (answered or skipped)
    # Conversion rates for the board's total (crm_desktop.domain.money.Rates.to_json())
    # and the currency that total is given in.
    currency_rates: dict[str, object] = field(default_factory=dict)
    total_currency: str = "RUB"
    # also in extra: "lock_after_minutes" (auto-lock, 0 = never), "backups_dir"
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def default_region(self) -> str:
        """The ISO country code of ``exchange.default_region`` (CN when unset or bad)."""
        value = self.extra.get(DEFAULT_REGION_KEY)
        if isinstance(value, str) and len(value.strip()) == 2 and value.strip().isalpha():
            return value.strip().upper()
        return DEFAULT_PHONE_REGION

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        types: dict[str, tuple[type, ...]] = {
            "language": (str,),
            "current_member_id": (str, type(None)),
            "last_view": (str,),
            "document_language": (str,),
            "lock_pin_hash": (str,),
            "asked_who_am_i": (bool,),
            "total_currency": (str,),
            "currency_rates": (dict,),
        }
        known = {k: raw[k] for k, t in types.items() if k in raw and isinstance(raw[k], t)}
        if known.get("document_language") not in (None, *DOCUMENT_LANGUAGES):
            del known["document_language"]
        extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
        return cls(**known, extra=extra)  # type: ignore[arg-type]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)


def database_url(db_path: str | os.PathLike[str] | None, paths: Paths, demo: bool = False) -> str:
    """--db beats CRM_DATABASE_URL beats the default file in the data directory."""
    if db_path:
        text = str(db_path)
        if "://" in text:
            return text
        return "sqlite:///" + str(Path(text).expanduser().resolve())
    if demo:
        return "sqlite:///" + str(paths.demo_database)
    env = os.environ.get(ENV_DATABASE_URL)
    if env:
        return env
    return "sqlite:///" + str(paths.default_database)

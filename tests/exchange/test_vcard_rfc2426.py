"""Our vCard 3.0 files against a strict RFC 2426 validator, written here from the RFC's
grammar (section 4) because vobject is not strict: it reads an unescaped ";" in an
X- property, a bare LF, an overlong line and control characters without a word.

Checked: CRLF line ends only; no physical line over 75 octets; folding is CRLF + one
space; every content line is ``[group.]name *(;param) : value`` with an iana-token or
x-name, parameters of SAFE-CHARs or quoted strings; values of VALUE-CHARs only (no
control characters but tab); text values (every property but the few typed otherwise,
extensions included) use only the escapes \\\\ \\; \\, \\n and have no unescaped ";" or
"," outside the separators of the structured (N, ORG, ADR) and list (CATEGORIES,
NICKNAME) types; each card has BEGIN, VERSION:3.0, FN, N and END.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.exchange.records import ContactRecord, Email, MessengerId, Phone, PhoneKind
from crm_desktop.exchange.records import Messenger as M
from crm_desktop.exchange.vcard_read import read_vcards
from crm_desktop.exchange.vcard_write import card_bytes

NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$")  # [group "."] name
PARAM_NAME = re.compile(r"^[A-Za-z0-9-]+$")
SAFE_CHAR = re.compile(r'^[^\x00-\x08\x0a-\x1f\x7f";:,]*$')  # WSP / %x21 / %x23-2B / ...
QSAFE = re.compile(r'^[^\x00-\x08\x0a-\x1f\x7f"]*$')
VALUE_CHARS = re.compile(r"^[^\x00-\x08\x0a-\x1f\x7f]*$")  # WSP / VCHAR / NON-ASCII
STRUCTURED = {"N", "ORG", "ADR"}  # ";" separates components, "," values in a component
LISTS = {"CATEGORIES", "NICKNAME"}  # "," separates values
NOT_TEXT = {
    "BEGIN",
    "END",
    "VERSION",
    "TEL",
    "EMAIL",
    "UID",
    "URL",
    "IMPP",
    "PHOTO",
    "BDAY",
    "REV",
    "PRODID",
    "GEO",
    "TZ",
    "CLASS",
    "KEY",
    "SOUND",
    "LOGO",
    "AGENT",
}


def _params(text: str) -> list[str]:
    """Split ``;p=v;p=v`` outside quoted strings."""
    out, cur, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _split_head(line: str) -> tuple[str, str] | None:
    """The part before the first ":" outside quoted strings, and the value."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1 :]
    return None


def _text_errors(value: str, separators: str) -> list[str]:
    errors, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            nxt = value[i + 1 : i + 2]
            if nxt not in ("\\", ";", ",", "n", "N"):
                errors.append(f"bad escape \\{nxt}")
            i += 2
            continue
        if ch in ";," and ch not in separators:
            errors.append(f"unescaped {ch!r}")
        i += 1
    return errors


def rfc2426_errors(data: bytes) -> list[str]:
    errors: list[str] = []
    if not data.endswith(b"\r\n"):
        errors.append("the file does not end with CRLF")
    physical = data.split(b"\r\n")
    for n, raw in enumerate(physical, 1):
        if b"\r" in raw or b"\n" in raw:
            errors.append(f"line {n}: a bare CR or LF")
        if len(raw) > 75:
            errors.append(f"line {n}: {len(raw)} octets (more than 75)")
    text = data.decode("utf-8")
    logical = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    if logical and logical[-1] == "":
        logical.pop()
    card: set[str] | None = None
    for n, line in enumerate(logical, 1):
        where = f"content line {n} ({line[:40]!r})"
        split = _split_head(line)
        if split is None:
            errors.append(f"{where}: no ':'")
            continue
        head, value = split
        name_and_params = _params(head)
        m = NAME.match(name_and_params[0])
        if not m:
            errors.append(f"{where}: bad name")
            continue
        name = m.group(1).upper()
        for p in name_and_params[1:]:
            pname, eq, pvalues = p.partition("=")
            if not eq or not PARAM_NAME.match(pname):
                errors.append(f"{where}: bad parameter {p!r}")
                continue
            for v in pvalues.split(",") if not pvalues.startswith('"') else [pvalues]:
                ok = (
                    QSAFE.match(v[1:-1]) and v.endswith('"') and len(v) > 1
                    if v.startswith('"')
                    else SAFE_CHAR.match(v)
                )
                if not ok:
                    errors.append(f"{where}: bad parameter value {v!r}")
        if not VALUE_CHARS.match(value):
            errors.append(f"{where}: a control character in the value")
        if name == "BEGIN":
            if value.upper() != "VCARD" or card is not None:
                errors.append(f"{where}: BEGIN out of place")
            card = set()
            continue
        if card is None:
            errors.append(f"{where}: outside a card")
            continue
        card.add(name)
        if name == "VERSION" and value != "3.0":
            errors.append(f"{where}: VERSION is not 3.0")
        if name == "END":
            missing = {"VERSION", "FN", "N"} - card
            if missing:
                errors.append(f"{where}: card without {sorted(missing)}")
            card = None
            continue
        if name in NOT_TEXT:
            continue
        seps = ";," if name in STRUCTURED else "," if name in LISTS else ""
        errors += [f"{where}: {e}" for e in _text_errors(value, seps)]
    if card is not None:
        errors.append("the last card has no END")
    return errors


def test_the_validator_catches_what_a_strict_reader_refuses():
    good = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\nEND:VCARD\r\n"
    assert rfc2426_errors(good) == []
    bad = {
        "unescaped ;": good.replace(b"FN:A", b"X-CRM-NAME-RU:A;B;\r\nFN:A"),
        "bare LF": good.replace(b"FN:A\r\n", b"FN:A\n"),
        "long line": good.replace(b"FN:A", b"FN:" + b"x" * 80),
        "bad escape": good.replace(b"FN:A", b"FN:a\\tb"),
        "control": good.replace(b"FN:A", b"FN:a\x07b"),
        "no FN": good.replace(b"FN:A\r\n", b""),
        "comma": good.replace(b"FN:A", b"NOTE:a,b\r\nFN:A"),
    }
    for why, data in bad.items():
        assert rfc2426_errors(data), why


def hard_people() -> list[ContactRecord]:
    """Every character a text value must escape, in every kind of field, and long lines
    in three scripts."""
    return [
        ContactRecord(
            family_name="张",
            given_name="伟; 伟,\\",
            family_name_latin="Zhang;",
            given_name_latin="Wei, Jr.\\",
            family_name_ru="Чжан;",
            given_name_ru="Вэй,\nмл.",
            middle_name_ru="a\\b;c",
            organization="华科泵业有限公司; Huake, Pumps\\Motors",
            department="Sales; East",
            title="总经理, General Manager; 董事" * 3,
            country="CN",
            phones=[Phone("+86 138 0013 8000", PhoneKind.MOBILE)],
            emails=[Email("zhang.wei@huake-pumps.example")],
            messengers=[MessengerId(M.WECHAT, "zhang;wei,1")],
            languages=["zh", "en; ru"],
            tags=["VIP, key", "pumps;2026"],
            notes="Met in Shenzhen, 2025;\r\nlikes tea\\green\tand long text " + "汉字" * 60,
            decision_maker=True,
        ),
        ContactRecord(
            family_name_ru="Егоров",
            given_name_ru="Алексей",
            notes="Ctrl\x07char\x1b and DEL\x7f",
            title="Директор\x00",
        ),
    ]


def test_vcard30_of_hard_text_passes_the_strict_validator_and_round_trips():
    people = hard_people()
    data = b"".join(card_bytes(p, "3.0") for p in people)
    assert rfc2426_errors(data) == []
    back = read_vcards(data)
    first = back[0]
    assert (first.family_name, first.given_name) == ("张", "伟; 伟,\\")
    assert (first.family_name_latin, first.given_name_latin) == ("Zhang;", "Wei, Jr.\\")
    assert (first.family_name_ru, first.given_name_ru, first.middle_name_ru) == (
        "Чжан;",
        "Вэй,\nмл.",
        "a\\b;c",
    )
    assert first.organization == "华科泵业有限公司; Huake, Pumps\\Motors"
    assert first.department == "Sales; East"
    assert first.tags == ["VIP, key", "pumps;2026"]
    assert first.languages == ["zh", "en; ru"]
    assert first.notes.startswith("Met in Shenzhen, 2025;\nlikes tea\\green\tand long text")
    assert back[1].notes == "Ctrlchar and DEL" and back[1].title == "Директор"


def test_exported_demo_contacts_pass_the_validator_and_import_as_the_same_people(
    tmp_path: Path, data_dir: Path
):
    env = {**os.environ, "CRM_DATA_DIR": str(data_dir)}
    env.pop("CRM_DATABASE_URL", None)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "crm_desktop", *args],
            env=env,
            text=True,
            capture_output=True,
            timeout=300,
        )

    demo, fresh, vcf = tmp_path / "demo.sqlite3", tmp_path / "fresh.sqlite3", tmp_path / "c.vcf"
    assert cli("demo", "--db", str(demo)).returncode == 0
    r = cli("--db", str(demo), "export", "contacts", "-o", str(vcf))  # the format from .vcf
    assert r.returncode == 0, r.stderr
    data = vcf.read_bytes()
    assert data.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert rfc2426_errors(data) == []
    r = cli("--db", str(fresh), "import", "contacts", str(vcf), "--create")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    people = {}
    for db in (demo, fresh):
        r = cli("--db", str(db), "list", "contacts", "--json")
        import json

        people[db] = sorted(
            (c["name_native"], c["name_latin"], c["name_ru"], c["position"])
            for c in json.loads(r.stdout)
        )
    assert len(people[demo]) >= 25 and people[fresh] == people[demo]


@pytest.mark.parametrize("version", ["3.0"])
def test_every_line_of_a_long_note_stays_within_75_octets(version: str):
    rec = ContactRecord(family_name="王", given_name="建国", notes="Ж汉a" * 300)
    data = card_bytes(rec, version)
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    assert rfc2426_errors(data) == []

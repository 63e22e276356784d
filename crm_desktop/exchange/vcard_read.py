"""vCard 2.1, 3.0 and 4.0 reader (no third-party parser).

Works on bytes because vCard 2.1 lets every property name its own CHARSET and encode
its value as quoted-printable: the bytes of a value are only decoded once its
parameters are known. Handles folded lines, quoted-printable soft line breaks,
several cards per file, property groups (iPhone's ``item1.TEL`` + ``item1.X-ABLabel``),
and skips photos and other binary values without decoding them.
"""

from __future__ import annotations

import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from crm_desktop.exchange.errors import FileFormatError
from crm_desktop.exchange.messengers import handle_from_uri, service_from_name, service_from_uri
from crm_desktop.exchange.records import (
    ContactRecord,
    Email,
    EmailKind,
    Messenger,
    MessengerId,
    Phone,
    PhoneKind,
)
from crm_desktop.exchange.tabular import LIMITS, LimitError, _mb, check_row
from crm_desktop.text.names import finish_names, place_name
from crm_desktop.text.scripts import Script, script_of

SUPPORTED_VERSIONS = ("2.1", "3.0", "4.0")
_NAME = re.compile(rb"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$")
_BINARY_PROPS = {"PHOTO", "LOGO", "SOUND", "KEY"}


@dataclass
class Property:
    group: str
    name: str
    params: dict[str, list[str]]
    raw: bytes
    line: int
    value: str = ""
    types: set[str] = field(default_factory=set)

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0] if values else ""


def _split_unquoted(data: bytes, sep: int) -> list[bytes]:
    parts: list[bytes] = []
    start = 0
    quoted = False
    for i, b in enumerate(data):
        if b == 0x22:  # "
            quoted = not quoted
        elif b == sep and not quoted:
            parts.append(data[start:i])
            start = i + 1
    parts.append(data[start:])
    return parts


def _colon_index(line: bytes) -> int:
    quoted = False
    for i, b in enumerate(line):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x3A and not quoted:  # :
            return i
    return -1


def _split_escaped(text: str, sep: str | None) -> list[str]:
    """Split on ``sep`` not preceded by a backslash (None: no split), then unescape each
    part."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            buf.append({"n": "\n", "N": "\n"}.get(nxt, nxt))
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def unescape(text: str) -> str:
    """A text value with its backslash escapes resolved (``\\n`` is a new line)."""
    if "\\" not in text:
        return text
    return _split_escaped(text, None)[0]


class _Lines:
    """Physical lines -> logical (unfolded) lines, each with its first line number."""

    def __init__(self, data: bytes) -> None:
        self.lines = data.split(b"\n")

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        current: bytearray | None = None
        current_line = 0
        qp = False
        b64 = False
        for index, raw in enumerate(self.lines):
            line = raw[:-1] if raw.endswith(b"\r") else raw
            number = index + 1
            if current is not None:
                if qp and current.endswith(b"="):
                    # Quoted-printable soft line break: the value continues verbatim.
                    del current[-1]
                    current += line.lstrip(b" \t") if not line.strip() else line
                    continue
                if line[:1] in (b" ", b"\t"):
                    current += line[1:]
                    continue
                if b64 and line.strip() and _colon_index(line) < 0:
                    current += line.strip()  # 2.1 base64 data without indentation
                    continue
                yield current_line, bytes(current)
                current = None
            if not line.strip():
                continue
            current = bytearray(line)
            current_line = number
            head = line[: max(_colon_index(line), 0)].upper()
            qp = b"QUOTED-PRINTABLE" in head
            b64 = b"BASE64" in head or b"ENCODING=B" in head
        if current is not None:
            yield current_line, bytes(current)


def _detect_charset(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1251"


def _normalise_bytes(data: bytes) -> bytes:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16").encode("utf-8")
    return data


def _parse_property(line_no: int, line: bytes, charset: str) -> Property:
    colon = _colon_index(line)
    if colon <= 0:
        raise FileFormatError("vcard_no_property", line_no)
    head, raw = line[:colon], line[colon + 1 :]
    pieces = _split_unquoted(head, 0x3B)  # ;
    m = _NAME.match(pieces[0].strip())
    if not m:
        raise FileFormatError("vcard_property_name", line_no, name=repr(pieces[0][:40]))
    group = (m.group(1) or b"").decode("ascii").lower()
    name = m.group(2).decode("ascii").upper()
    params: dict[str, list[str]] = {}
    types: set[str] = set()
    for piece in pieces[1:]:
        text = piece.decode(charset, errors="replace").strip()
        if not text:
            continue
        key, eq, value = text.partition("=")
        if not eq:  # vCard 2.1 bare parameter: TEL;CELL;PREF or ;QUOTED-PRINTABLE
            upper = key.upper()
            if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
                params.setdefault("ENCODING", []).append(upper)
            else:
                types.add(upper)
            continue
        key = key.strip().upper()
        values = [v.decode().strip().strip('"') for v in _split_unquoted(value.encode(), 0x2C)]
        if key == "TYPE":  # TYPE=cell,voice and TYPE="cell,voice" alike
            types.update(t.strip().upper() for v in values for t in v.split(",") if t.strip())
        params.setdefault(key, []).extend(values)
    prop = Property(group, name, params, raw, line_no, types=types)
    encoding = prop.param("ENCODING").upper()
    if encoding in ("B", "BASE64") or name in _BINARY_PROPS:
        return prop  # photos and other binary data: never decoded, never an error
    value_bytes = raw
    if encoding == "QUOTED-PRINTABLE":
        try:
            value_bytes = quopri.decodestring(raw)
        except (ValueError, binascii.Error) as exc:
            raise FileFormatError("vcard_quoted_printable", line_no, name=name) from exc
    prop_charset = prop.param("CHARSET") or charset
    try:
        prop.value = value_bytes.decode(prop_charset)
    except UnicodeDecodeError as exc:
        raise FileFormatError("vcard_not_text", line_no, name=name, charset=prop_charset) from exc
    except (LookupError, ValueError) as exc:  # ValueError: a NUL inside the charset name
        raise FileFormatError(
            "vcard_charset", line_no, name=name, charset=repr(prop_charset)
        ) from exc
    return prop


def _phone_kind(types: set[str], label: str) -> PhoneKind:
    label = label.lower()
    if "FAX" in types or "fax" in label:
        return PhoneKind.FAX
    if (
        types & {"CELL", "MOBILE", "IPHONE"}
        or "mobile" in label
        or "cell" in label
        or "iphone" in label
    ):
        return PhoneKind.MOBILE
    if "WORK" in types or "work" in label or "main" in label:
        return PhoneKind.WORK
    if "HOME" in types or "home" in label:
        return PhoneKind.HOME
    return PhoneKind.OTHER


def _email_kind(types: set[str], label: str) -> EmailKind:
    label = label.lower()
    if "WORK" in types or "work" in label:
        return EmailKind.WORK
    if "HOME" in types or "home" in label:
        return EmailKind.HOME
    return EmailKind.OTHER


_X_MESSENGERS = {
    "X-WECHAT": Messenger.WECHAT,
    "X-WEIXIN": Messenger.WECHAT,
    "X-TELEGRAM": Messenger.TELEGRAM,
    "X-WHATSAPP": Messenger.WHATSAPP,
    "X-QQ": Messenger.QQ,
    "X-SKYPE": Messenger.SKYPE,
    "X-SKYPE-USERNAME": Messenger.SKYPE,
    "X-LINE": Messenger.LINE,
    "X-VIBER": Messenger.VIBER,
}
_X_NAME_RU = {"X-CRM-FAMILY-NAME-RU": 0, "X-CRM-GIVEN-NAME-RU": 1, "X-CRM-MIDDLE-NAME-RU": 2}


def _label(prop: Property, labels: dict[str, str]) -> str:
    text = labels.get(prop.group, "") if prop.group else ""
    # iPhone's built-in labels look like _$!<Mobile>!$_
    return text.removeprefix("_$!<").removesuffix(">!$_")


def _build(props: list[Property], start_line: int, version: str) -> ContactRecord:
    rec = ContactRecord(source_line=start_line)
    labels = {p.group: p.value for p in props if p.name == "X-ABLABEL" and p.group}
    phonetic_family = phonetic_given = ""
    name_ru = ["", "", ""]
    sort_as: list[str] = []
    notes: list[str] = []
    for p in props:
        name = p.name
        if name == "N":
            parts = _split_escaped(p.value, ";") + ["", "", ""]
            force = (
                Script.LATIN
                if p.param("PHONETIC") and script_of(parts[0] + parts[1]) == Script.LATIN
                else None
            )
            place_name(rec, parts[0], parts[1], parts[2], force=force)
            if p.params.get("SORT-AS"):
                sort_as = p.params["SORT-AS"]
        elif name == "FN":
            if not rec.full_name:
                rec.full_name = unescape(p.value).strip()
        elif name == "X-PHONETIC-LAST-NAME":
            phonetic_family = unescape(p.value)
        elif name == "X-PHONETIC-FIRST-NAME":
            phonetic_given = unescape(p.value)
        elif name == "X-CRM-NAME-RU":  # files written before the three properties below
            parts = _split_escaped(p.value, ";") + ["", "", ""]
            place_name(rec, parts[0], parts[1], parts[2], force=Script.CYRILLIC)
        elif name in _X_NAME_RU:
            name_ru[_X_NAME_RU[name]] = unescape(p.value).strip()
        elif name == "ORG":
            parts = [s.strip() for s in _split_escaped(p.value, ";")]
            if not rec.organization:
                rec.organization = parts[0]
                rec.department = ", ".join(s for s in parts[1:] if s)
        elif name == "TITLE":
            rec.title = rec.title or unescape(p.value).strip()
        elif name == "TEL":
            number = p.value.strip()
            if number.lower().startswith("tel:"):
                number = number[4:]
            if number:
                rec.phones.append(Phone(number, _phone_kind(p.types, _label(p, labels))))
        elif name == "EMAIL":
            address = p.value.strip().removeprefix("mailto:")
            if address:
                rec.emails.append(Email(address, _email_kind(p.types, _label(p, labels))))
        elif name in ("IMPP", "X-SOCIALPROFILE"):
            value = unescape(p.value).strip()
            service = (
                service_from_name(p.param("X-SERVICE-TYPE"))
                or service_from_name(_label(p, labels))
                or next((s for t in p.types if (s := service_from_name(t))), None)
                or service_from_uri(value)
            )
            handle = p.param("X-USER") or handle_from_uri(value)
            if handle and (service or name == "IMPP"):
                rec.messengers.append(MessengerId(service or Messenger.OTHER, handle))
        elif name in _X_MESSENGERS:
            handle = unescape(p.value).strip()
            if handle:
                rec.messengers.append(MessengerId(_X_MESSENGERS[name], handle))
        elif name == "NOTE":
            text = unescape(p.value).strip()
            if text:
                notes.append(text)
        elif name == "CATEGORIES":
            rec.tags.extend(t.strip() for t in _split_escaped(p.value, ",") if t.strip())
        elif name == "LANG":
            rec.languages.append(p.value.strip())
        elif name == "X-CRM-LANGUAGES":  # files written before X-CRM-LANGUAGE
            rec.languages.extend(t.strip() for t in p.value.split(",") if t.strip())
        elif name == "X-CRM-LANGUAGE":
            rec.languages.append(unescape(p.value).strip())
        elif name == "X-CRM-COUNTRY":
            rec.country = p.value.strip()
        elif name == "X-CRM-DECISION-MAKER":
            rec.decision_maker = p.value.strip().upper() in ("TRUE", "1", "YES")
        elif name == "UID":
            rec.uid = p.value.strip().removeprefix("urn:uuid:")
    if any(name_ru):
        place_name(rec, *name_ru, force=Script.CYRILLIC)
    if phonetic_family or phonetic_given:
        script = script_of(phonetic_family + phonetic_given)
        if script == Script.LATIN:
            place_name(rec, phonetic_family, phonetic_given)
    if len(sort_as) >= 1 and script_of("".join(sort_as)) == Script.LATIN:
        place_name(rec, sort_as[0], sort_as[1] if len(sort_as) > 1 else "")
    rec.notes = "\n".join(notes)
    finish_names(rec)
    # A messenger recorded twice (IMPP plus X-WECHAT) is one id.
    seen: set[tuple[str, str]] = set()
    unique = []
    for m in rec.messengers:
        key = (m.service, m.handle)
        if key not in seen:
            seen.add(key)
            unique.append(m)
    rec.messengers = unique
    return rec


def iter_vcards(data: bytes, source: str = "") -> Iterator[ContactRecord]:
    """Yield one ``ContactRecord`` per card; ``FileFormatError`` names the line at fault
    (a LimitError for a file, card count or value over the import limits)."""
    if len(data) > LIMITS.file_bytes:
        raise LimitError(
            "limit_file", None, source, size=_mb(len(data)), limit=_mb(LIMITS.file_bytes)
        )
    data = _normalise_bytes(data)
    charset = _detect_charset(data)
    depth = 0
    props: list[Property] = []
    start = 0
    version = ""
    count = 0
    try:
        for line_no, line in _Lines(data):
            upper = line.strip().upper()
            if upper == b"BEGIN:VCARD":
                depth += 1
                if depth == 1:
                    props, start, version = [], line_no, ""
                continue
            if upper == b"END:VCARD":
                if depth == 0:
                    raise FileFormatError("vcard_end_alone", line_no)
                depth -= 1
                if depth == 0:
                    if not version:
                        raise FileFormatError("vcard_no_version", start)
                    count += 1
                    check_row(count, [], start, "")
                    yield _build(props, start, version)
                continue
            if depth == 0:
                raise FileFormatError("vcard_outside", line_no)
            if depth > 1:
                continue  # an embedded card (vCard 2.1 AGENT): not a contact of its own
            if upper.startswith(b"VERSION:"):
                version = line.split(b":", 1)[1].strip().decode("ascii", "replace")
                if version not in SUPPORTED_VERSIONS:
                    raise FileFormatError("vcard_version", line_no, version=repr(version))
                continue
            if len(line) > 4 * LIMITS.cell_chars:  # bytes: up to 4 per character
                raise LimitError(
                    "limit_value", line_no, size=f"{len(line):,}", limit=f"{LIMITS.cell_chars:,}"
                )
            props.append(_parse_property(line_no, line, charset))
        if depth:
            raise FileFormatError("vcard_not_closed", start)
        if count == 0:
            raise FileFormatError("vcard_none", 1)
    except FileFormatError as exc:
        if source:
            raise exc.with_source(source) from None
        raise


def read_vcards(data: bytes, source: str = "") -> list[ContactRecord]:
    return list(iter_vcards(data, source))


def looks_like_vcard(data: bytes) -> bool:
    head = _normalise_bytes(data[:4096]).lstrip().upper()
    return head.startswith(b"BEGIN:VCARD")


__all__ = ["iter_vcards", "read_vcards", "looks_like_vcard", "SUPPORTED_VERSIONS"]

"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) writer, one file with all cards, streamed.

Name forms: the native-script name goes into FN and N. The Latin/pinyin form goes
where phones and address books look for a reading of the name: X-PHONETIC-LAST-NAME /
X-PHONETIC-FIRST-NAME (iPhone, Android, Google), SORT-STRING (3.0) or SORT-AS (4.0).
vCard 4.0 also carries every form as an alternative FN and N (same ALTID, its own
LANGUAGE). The Russian form is kept in X-CRM-FAMILY-NAME-RU / X-CRM-GIVEN-NAME-RU /
X-CRM-MIDDLE-NAME-RU (and the 4.0 alternatives) so our own import gets it back: one
plain text value each, because an extension property's value is text to a strict
RFC 2426 reader, where an unescaped ";" is an error.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import BinaryIO

from crm_desktop import __version__
from crm_desktop.exchange.formulas import looks_like_phone
from crm_desktop.exchange.messengers import SERVICE_LABEL, handle_to_uri
from crm_desktop.exchange.progress import Progress, ensure
from crm_desktop.exchange.records import ContactRecord, EmailKind, PhoneKind
from crm_desktop.text.names import join_name
from crm_desktop.text.scripts import is_cjk, language_tag

PRODID = f"-//crm-desktop//crm-desktop {__version__}//EN"

_TEL_TYPES_30 = {
    PhoneKind.MOBILE: "CELL,VOICE",
    PhoneKind.WORK: "WORK,VOICE",
    PhoneKind.HOME: "HOME,VOICE",
    PhoneKind.FAX: "WORK,FAX",
    PhoneKind.OTHER: "VOICE",
}
_TEL_TYPES_40 = {
    PhoneKind.MOBILE: "cell,voice",
    PhoneKind.WORK: "work,voice",
    PhoneKind.HOME: "home,voice",
    PhoneKind.FAX: "work,fax",
    PhoneKind.OTHER: "voice",
}
_EMAIL_TYPES_30 = {
    EmailKind.WORK: "INTERNET,WORK",
    EmailKind.HOME: "INTERNET,HOME",
    EmailKind.OTHER: "INTERNET",
}
_EMAIL_TYPES_40 = {EmailKind.WORK: "work", EmailKind.HOME: "home", EmailKind.OTHER: ""}

_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})
# RFC 2426 allows no control character in a value but tab: the rest are dropped.
_ESCAPES.update({c: None for c in (*range(0x20), 0x7F) if c not in (0x09, 0x0A, 0x0D)})
_CONTROLS = {c: None for c in (*range(0x20), 0x7F) if c != 0x09}
_PARAM_UNSAFE = re.compile(r'[";:,\r\n]')


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _param_value(text: str) -> str:
    clean = text.replace('"', "'").replace("\r", " ").replace("\n", " ").translate(_CONTROLS)
    return f'"{clean}"' if _PARAM_UNSAFE.search(clean) else clean


def fold(line: str) -> bytes:
    """CRLF-terminated UTF-8, folded at 75 octets without splitting a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out = bytearray()
    limit = 75
    while data:
        if len(data) <= limit:
            out += data
            break
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never inside a UTF-8 sequence
            cut -= 1
        out += data[:cut] + b"\r\n "
        data = data[cut:]
        limit = 74  # the leading space counts
    return bytes(out) + b"\r\n"


def _uid(record: ContactRecord) -> str:
    if not record.uid:
        return ""
    try:
        return "urn:uuid:" + str(uuid.UUID(record.uid))
    except ValueError:
        return record.uid


def _name_forms(rec: ContactRecord) -> list[tuple[str, str, str, str]]:
    """(family, given, middle, language) for every recorded form, primary first."""
    forms: list[tuple[str, str, str, str]] = []
    if rec.family_name or rec.given_name:
        forms.append(
            (
                rec.family_name,
                rec.given_name,
                rec.middle_name,
                language_tag(rec.family_name + rec.given_name),
            )
        )
    if rec.family_name_latin or rec.given_name_latin:
        middle = "" if forms else rec.middle_name
        lang = f"{forms[0][3]}-Latn" if forms and forms[0][3] else ""
        forms.append((rec.family_name_latin, rec.given_name_latin, middle, lang))
    if rec.family_name_ru or rec.given_name_ru:
        forms.append((rec.family_name_ru, rec.given_name_ru, rec.middle_name_ru, "ru"))
    return forms


def _sort_as(family: str, given: str) -> str:
    """RFC 6350 SORT-AS: one sort string per N component, comma-separated."""
    parts = [x.replace('"', "").replace(",", " ") for x in (family, given)]
    return f';SORT-AS="{parts[0]},{parts[1]}"'


def _latin_display(rec: ContactRecord) -> str:
    # Pinyin of a Chinese name keeps the family name first: "Zhang Wei", not "Wei Zhang".
    if is_cjk(rec.family_name + rec.given_name):
        return " ".join(p for p in (rec.family_name_latin, rec.given_name_latin) if p)
    return join_name(rec.family_name_latin, rec.given_name_latin)


def card_lines(rec: ContactRecord, version: str = "3.0") -> list[str]:
    if version not in ("3.0", "4.0"):
        raise ValueError(f"vCard version {version} is not written; use 3.0 or 4.0")
    v4 = version == "4.0"
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"PRODID:{PRODID}"]
    if v4:
        lines.append("KIND:individual")
    uid = _uid(rec)
    if uid:
        lines.append(f"UID:{uid}")
    forms = _name_forms(rec)
    primary = forms[0] if forms else ("", "", "", "")
    fn = join_name(primary[0], primary[1], primary[2]) or rec.full_name or rec.organization or "-"
    has_latin = bool(rec.family_name_latin or rec.given_name_latin)
    latin_is_reading = has_latin and bool(rec.family_name or rec.given_name)
    n_value = ";".join(escape(x) for x in (primary[0], primary[1], primary[2], "", ""))
    if v4 and len(forms) > 1:
        for family, given, middle, lang in forms:
            display = join_name(family, given, middle)
            if lang.endswith("Latn"):
                display = _latin_display(rec)
            lang_param = f";LANGUAGE={lang}" if lang else ""
            lines.append(f"FN;ALTID=1{lang_param}:{escape(display)}")
        for family, given, middle, lang in forms:
            lang_param = f";LANGUAGE={lang}" if lang else ""
            extra = ""
            if (family, given) == (primary[0], primary[1]) and latin_is_reading:
                extra = _sort_as(rec.family_name_latin, rec.given_name_latin)
            value = ";".join(escape(x) for x in (family, given, middle, "", ""))
            lines.append(f"N;ALTID=1{lang_param}{extra}:{value}")
    else:
        lines.append(f"FN:{escape(fn)}")
        lines.append(f"N:{n_value}")
    if latin_is_reading:
        if rec.family_name_latin:
            lines.append(f"X-PHONETIC-LAST-NAME:{escape(rec.family_name_latin)}")
        if rec.given_name_latin:
            lines.append(f"X-PHONETIC-FIRST-NAME:{escape(rec.given_name_latin)}")
        if not v4:
            lines.append(f"SORT-STRING:{escape(_latin_display(rec))}")
    if rec.family_name_ru or rec.given_name_ru:
        for prop, part in (
            ("FAMILY", rec.family_name_ru),
            ("GIVEN", rec.given_name_ru),
            ("MIDDLE", rec.middle_name_ru),
        ):
            if part:
                lines.append(f"X-CRM-{prop}-NAME-RU:{escape(part)}")
    if rec.organization or rec.department:
        org = escape(rec.organization)
        if rec.department:
            org += ";" + escape(rec.department)
        lines.append(f"ORG:{org}")
    if rec.title:
        lines.append(f"TITLE:{escape(rec.title)}")
    for i, phone in enumerate(rec.phones):
        if v4:
            pref = ";PREF=1" if i == 0 else ""
            types = f'TYPE="{_TEL_TYPES_40[phone.kind]}"'
            if looks_like_phone(phone.number):
                uri = "tel:" + re.sub(r"[\s()]", "", phone.number)
                lines.append(f"TEL;VALUE=uri;{types}{pref}:{uri}")
            else:  # not a dialable number: keep the text as the user wrote it
                lines.append(f"TEL;VALUE=text;{types}{pref}:{escape(phone.number)}")
        else:
            types = _TEL_TYPES_30[phone.kind] + (",PREF" if i == 0 else "")
            lines.append(f"TEL;TYPE={types}:{escape(phone.number)}")
    for i, email in enumerate(rec.emails):
        if v4:
            t = _EMAIL_TYPES_40[email.kind]
            params = (f";TYPE={t}" if t else "") + (";PREF=1" if i == 0 else "")
        else:
            params = ";TYPE=" + _EMAIL_TYPES_30[email.kind] + (",PREF" if i == 0 else "")
        lines.append(f"EMAIL{params}:{escape(email.address)}")
    for m in rec.messengers:
        label = _param_value(SERVICE_LABEL[m.service])
        lines.append(f"IMPP;X-SERVICE-TYPE={label}:{handle_to_uri(m.handle)}")
    if rec.languages:
        if v4:
            for i, lang in enumerate(rec.languages, 1):
                lines.append(f"LANG;PREF={i}:{escape(lang)}")
        else:
            lines.extend(f"X-CRM-LANGUAGE:{escape(lang)}" for lang in rec.languages)
    if rec.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in rec.tags))
    if rec.notes:
        lines.append(f"NOTE:{escape(rec.notes)}")
    if rec.country:
        lines.append(f"X-CRM-COUNTRY:{escape(rec.country)}")
    if rec.decision_maker is not None:
        lines.append(f"X-CRM-DECISION-MAKER:{'TRUE' if rec.decision_maker else 'FALSE'}")
    lines.append("END:VCARD")
    return lines


def card_bytes(rec: ContactRecord, version: str = "3.0") -> bytes:
    return b"".join(fold(line) for line in card_lines(rec, version))


def write_vcards(
    records: Iterable[ContactRecord],
    out: BinaryIO,
    version: str = "3.0",
    progress: Progress | None = None,
) -> int:
    """Write every record as a card to ``out``; returns the number of cards."""
    progress = ensure(progress)
    count = 0
    for rec in records:
        out.write(card_bytes(rec, version))
        count += 1
        progress.advance()
    progress.finish()
    return count

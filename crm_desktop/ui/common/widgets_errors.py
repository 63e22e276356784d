"""Service errors as translated, user-facing text (context "errors", English source)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.domain.errors import MESSAGES, CrmError, FieldError, ValidationError
from crm_desktop.exchange.errors import REASONS, WHERE, FileFormatError
from crm_desktop.ui.common.labels import encoding_name, entity_name, field_label

# Every template of crm_desktop.domain.errors.MESSAGES and of crm_desktop.exchange.errors
# (MESSAGES, REASONS, WHERE), listed so lupdate extracts them; a test holds them equal.
_TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "{field} is required."),
    QT_TRANSLATE_NOOP(
        "errors", "The limit of stage {stage} must be a whole number of days from {low} to {high}."
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The probability of stage {stage} must be a whole number from {low} to {high}."
    ),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid email address."),
    QT_TRANSLATE_NOOP(
        "errors",
        "“{value}” is not a valid phone number (use +country code, e.g. +86 10 1234 5678).",
    ),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not an ISO 4217 currency code (e.g. RUB, CNY, USD)."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not an ISO 3166 country code (e.g. CN, RU)."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a known time zone (e.g. Asia/Shanghai)."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a date (use YYYY-MM-DD)."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a date and time (use YYYY-MM-DD HH:MM)."),
    QT_TRANSLATE_NOOP("errors", "The end date is before the start date."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a number."),
    QT_TRANSLATE_NOOP("errors", "{field} cannot be negative."),
    QT_TRANSLATE_NOOP("errors", "{field} must be between {low} and {high}."),
    QT_TRANSLATE_NOOP("errors", "{field} is longer than {limit} characters."),
    QT_TRANSLATE_NOOP("errors", "No {entity} with id {id}."),
    QT_TRANSLATE_NOOP("errors", "The {entity} {id} is in the Trash."),
    QT_TRANSLATE_NOOP("errors", "A {entity} named “{value}” already exists."),
    QT_TRANSLATE_NOOP("errors", "The project is already at this stage."),
    QT_TRANSLATE_NOOP("errors", "The {entity} is still used by {count} records."),
    QT_TRANSLATE_NOOP("errors", "The old value {value} cannot be restored: {detail}."),
    QT_TRANSLATE_NOOP("errors", "The field {field} of a {entity} cannot be restored here."),
    QT_TRANSLATE_NOOP("errors", "“{name}” is larger than {limit} MB."),
    QT_TRANSLATE_NOOP("errors", "Records of type {entity} cannot have attachments."),
    QT_TRANSLATE_NOOP("errors", "The content of “{name}” is missing."),
    QT_TRANSLATE_NOOP("errors", "The content of “{name}” is damaged."),
    QT_TRANSLATE_NOOP("errors", "No stage with code {code}."),
    QT_TRANSLATE_NOOP("errors", "This stage move cannot be undone."),
    QT_TRANSLATE_NOOP(
        "errors",
        "{member} changed this {entity} on device {device} at {at} "
        "(it is now version {current}, you had version {loaded}); "
        "nothing was saved.",
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "This {entity} was changed on device {device} at {at} (it is "
        "now version {current}, you had version {loaded}); nothing "
        "was saved.",
    ),
    # synchronisation
    QT_TRANSLATE_NOOP("errors", "Synchronisation cancelled; nothing was changed."),
    QT_TRANSLATE_NOOP("errors", "Choose the database to synchronise with."),
    QT_TRANSLATE_NOOP("errors", "{path} does not exist."),
    QT_TRANSLATE_NOOP("errors", "Both names lead to the same database; nothing to synchronise."),
    QT_TRANSLATE_NOOP("errors", "A read-only database cannot take part in a sync."),
    QT_TRANSLATE_NOOP(
        "errors", "{name} belongs to another organisation's databases; nothing was changed."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "{path} was made by a newer crm-desktop (schema {schema}); "
        "please update the application. Nothing was changed.",
    ),
    QT_TRANSLATE_NOOP("errors", "{path} was made from this database; nothing to apply."),
    QT_TRANSLATE_NOOP(
        "errors",
        "{path} is not a complete crm-desktop sync packet (damaged or cut "
        "short); nothing was changed.",
    ),
    QT_TRANSLATE_NOOP("errors", "{path} is encrypted; give its passphrase."),
    QT_TRANSLATE_NOOP("errors", "{path} does not open with that passphrase; nothing was changed."),
    QT_TRANSLATE_NOOP("errors", "{path} is not a crm-desktop sync packet."),
    QT_TRANSLATE_NOOP(
        "errors",
        "{path} was made by a newer crm-desktop (packet format {format}); "
        "please update the application.",
    ),
    QT_TRANSLATE_NOOP("errors", "The conflict {id} is already resolved."),
    QT_TRANSLATE_NOOP("errors", "No peer “{text}”: this database has never synchronised with it."),
    QT_TRANSLATE_NOOP("errors", "Several peers match “{text}”; give more of the id."),
    QT_TRANSLATE_NOOP("errors", "Give at least 4 characters of the conflict id."),
    QT_TRANSLATE_NOOP("errors", "No conflict {text}."),
    QT_TRANSLATE_NOOP("errors", "The id {text} matches several conflicts; give more of it."),
    # exchange
    QT_TRANSLATE_NOOP("errors", "Cancelled"),
    QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {detail}."),
    QT_TRANSLATE_NOOP("errors", "{path} is not a regular file."),
    QT_TRANSLATE_NOOP("errors", "No tag named “{tag}”."),
    QT_TRANSLATE_NOOP("errors", "No stage “{stage}”."),
    QT_TRANSLATE_NOOP("errors", "Unknown export format “{format}” (use one of: {formats})."),
    QT_TRANSLATE_NOOP("errors", "unknown time zone {tzid}"),
    QT_TRANSLATE_NOOP("errors", "meeting {title} has a start time without a time zone"),
    QT_TRANSLATE_NOOP("errors", "not valid {encoding} text"),
    QT_TRANSLATE_NOOP("errors", "binary data: this is not a CSV file"),
    QT_TRANSLATE_NOOP("errors", "{count} fields where the header has {expected}"),
    QT_TRANSLATE_NOOP("errors", "malformed CSV ({detail})"),
    QT_TRANSLATE_NOOP("errors", "the file is empty"),
    QT_TRANSLATE_NOOP("errors", "not a readable Excel workbook ({detail})"),
    QT_TRANSLATE_NOOP("errors", "the workbook's first sheet is empty"),
    QT_TRANSLATE_NOOP("errors", "expected a property such as NAME:value"),
    QT_TRANSLATE_NOOP("errors", "invalid property name {name}"),
    QT_TRANSLATE_NOOP("errors", "invalid quoted-printable value in {name}"),
    QT_TRANSLATE_NOOP("errors", "{name} is not valid {charset} text"),
    QT_TRANSLATE_NOOP("errors", "unknown character set {charset} in {name}"),
    QT_TRANSLATE_NOOP("errors", "END:VCARD without BEGIN:VCARD"),
    QT_TRANSLATE_NOOP("errors", "vCard without VERSION"),
    QT_TRANSLATE_NOOP("errors", "text outside a vCard (expected BEGIN:VCARD)"),
    QT_TRANSLATE_NOOP("errors", "unsupported vCard version {version}"),
    QT_TRANSLATE_NOOP("errors", "vCard not closed (no END:VCARD)"),
    QT_TRANSLATE_NOOP("errors", "no vCards found"),
    QT_TRANSLATE_NOOP(
        "errors",
        "the file is {size}; the limit for an import is {limit} (split it into smaller files)",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "more than {limit} rows; the limit for one import is {limit} (split the file)"
    ),
    QT_TRANSLATE_NOOP("errors", "a cell of {size} characters; the limit is {limit}"),
    QT_TRANSLATE_NOOP("errors", "a cell longer than {limit} characters, the limit"),
    QT_TRANSLATE_NOOP("errors", "a value of {size} bytes; the limit is {limit} characters"),
    QT_TRANSLATE_NOOP("errors", "the workbook unpacks to {size}; the limit is {limit}"),
    QT_TRANSLATE_NOOP("errors", "more than {limit} shared strings; the limit is {limit}"),
    QT_TRANSLATE_NOOP("errors", "{source}, line {line}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "line {line}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{source}: {reason}"),
    QT_TRANSLATE_NOOP("errors", "{reason}"),
)


def _fill(template: str, params: dict[str, object]) -> str:
    """The translated template filled in; the English one if a translation lost a placeholder."""
    try:
        return QCoreApplication.translate("errors", template).format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def _shown(params: dict[str, object]) -> dict[str, object]:
    """Parameters as a reader sees them: record types and text encodings by their names."""
    shown = dict(params)
    if "entity" in shown:
        shown["entity"] = entity_name(str(shown["entity"]))
    if "encoding" in shown:
        shown["encoding"] = encoding_name(str(shown["encoding"]))
    return shown


def field_error_text(error: FieldError, label: str | None = None) -> str:
    """The translated message of one field, with the form's own label for {field}
    (without one, the field's usual name in the interface language)."""
    params = {**_shown(error.params), "field": label or field_label(error.field)}
    return _fill(error.template, params)


def crm_error_text(error: CrmError) -> str:
    """A translated message for any service error (one line per field of a ValidationError)."""
    if isinstance(error, ValidationError):
        return "\n".join(field_error_text(fe) for fe in error.errors.values())
    if isinstance(error, FileFormatError):
        reason = _fill(REASONS[error.reason_code], _shown(error.reason_params))
        return _fill(
            WHERE[error.code], {"source": error.source, "line": error.line, "reason": reason}
        )
    template = (error.messages or MESSAGES).get(error.code)
    if template is None:
        return str(error)
    try:
        return _fill(template, _shown(error.params))
    except (KeyError, IndexError, ValueError):
        return str(error)

"""Service errors as translated, user-facing text (context "errors", English source)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.domain.errors import CrmError, FieldError

# The templates of crm_desktop.domain.errors.MESSAGES, listed so lupdate extracts them.
_TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "{field} is required."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid email address."),
    QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid phone number "
                                "(use +country code, e.g. +86 10 1234 5678)."),
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
)


def field_error_text(error: FieldError, label: str) -> str:
    """The translated message of one field, with the form's own label for {field}."""
    template = QCoreApplication.translate("errors", error.template)
    params = {**error.params, "field": label}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return error.template.format(**params)


def crm_error_text(error: CrmError) -> str:
    """A translated message for an error that is not about one field."""
    from crm_desktop.domain.errors import MESSAGES

    template = MESSAGES.get(error.code)
    if template is None:
        return str(error)
    try:
        return QCoreApplication.translate("errors", template).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)

"""Typed errors that carry a user-facing message.

Each error has a stable ``code`` and ``params`` so the GUI can show a translated text;
``str(error)`` is the English message the CLI prints.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, Self

# English templates, keyed by code. The GUI translates these through Qt (context "errors").
MESSAGES: dict[str, str] = {
    "required": "{field} is required.",
    "stage_limit_range": "The limit of stage {stage} must be a whole number of days "
    "from {low} to {high}.",
    "stage_probability_range": "The probability of stage {stage} must be a whole number "
    "from {low} to {high}.",
    "invalid_email": "“{value}” is not a valid email address.",
    "invalid_phone": "“{value}” is not a valid phone number "
    "(use +country code, e.g. +86 10 1234 5678).",
    "invalid_currency": "“{value}” is not an ISO 4217 currency code (e.g. RUB, CNY, USD).",
    "invalid_country": "“{value}” is not an ISO 3166 country code (e.g. CN, RU).",
    "invalid_timezone": "“{value}” is not a known time zone (e.g. Asia/Shanghai).",
    "invalid_date": "“{value}” is not a date (use YYYY-MM-DD).",
    "invalid_datetime": "“{value}” is not a date and time (use YYYY-MM-DD HH:MM).",
    "date_order": "The end date is before the start date.",
    "invalid_number": "“{value}” is not a number.",
    "not_negative": "{field} cannot be negative.",
    "out_of_range": "{field} must be between {low} and {high}.",
    "too_long": "{field} is longer than {limit} characters.",
    "not_found": "No {entity} with id {id}.",
    "deleted": "The {entity} {id} is in the Trash.",
    "duplicate": "A {entity} named “{value}” already exists.",
    "same_stage": "The project is already at this stage.",
    "in_use": "The {entity} is still used by {count} records.",
    "restore_bad_value": "The old value {value} cannot be restored: {detail}.",
    "restore_field": "The field {field} of a {entity} cannot be restored here.",
    "attachment_too_large": "“{name}” is larger than {limit} MB.",
    "attachment_owner": "Records of type {entity} cannot have attachments.",
    "attachment_missing": "The content of “{name}” is missing.",
    "attachment_damaged": "The content of “{name}” is damaged.",
    "unknown_stage_code": "No stage with code {code}.",
    "stage_move_final": "This stage move cannot be undone.",
    "stale": "{member} changed this {entity} on device {device} at {at} (it is now version "
    "{current}, you had version {loaded}); nothing was saved.",
    "stale_no_member": "This {entity} was changed on device {device} at {at} (it is now "
    "version {current}, you had version {loaded}); nothing was saved.",
    # synchronisation (application.sync, storage.sync_store, application.synchronising)
    "sync_cancelled": "Synchronisation cancelled; nothing was changed.",
    "sync_no_other": "Choose the database to synchronise with.",
    "sync_missing_file": "{path} does not exist.",
    "sync_same_database": "Both names lead to the same database; nothing to synchronise.",
    "sync_read_only": "A read-only database cannot take part in a sync.",
    "sync_foreign": "{name} belongs to another organisation's databases; nothing was changed.",
    "sync_newer_schema": "{path} was made by a newer crm-desktop (schema {schema}); "
    "please update the application. Nothing was changed.",
    "sync_own_packet": "{path} was made from this database; nothing to apply.",
    "sync_packet_damaged": "{path} is not a complete crm-desktop sync packet (damaged or cut "
    "short); nothing was changed.",
    "sync_packet_encrypted": "{path} is encrypted; give its passphrase.",
    "sync_packet_passphrase": "{path} does not open with that passphrase; nothing was changed.",
    "sync_not_packet": "{path} is not a crm-desktop sync packet.",
    "sync_newer_packet": "{path} was made by a newer crm-desktop (packet format {format}); "
    "please update the application.",
    "sync_resolved": "The conflict {id} is already resolved.",
    "sync_no_peer": "No peer “{text}”: this database has never synchronised with it.",
    "sync_several_peers": "Several peers match “{text}”; give more of the id.",
    "sync_short_id": "Give at least 4 characters of the conflict id.",
    "sync_no_conflict": "No conflict {text}.",
    "sync_several_conflicts": "The id {text} matches several conflicts; give more of it.",
}


class CrmError(Exception):
    """Base of every error a user can see. Never a bug: a bug is any other exception."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return str(self)

    # the templates ``from_code`` and the GUI look codes up in (subclasses add their own)
    messages: ClassVar[dict[str, str]] = MESSAGES

    @classmethod
    def from_code(cls, code: str, /, **params: Any) -> Self:
        return cls(cls.messages[code].format(**params), code=code, **params)


class ValidationError(CrmError):
    """One or more fields are invalid. ``errors`` maps field name to message."""

    code = "validation"

    def __init__(self, errors: dict[str, FieldError]) -> None:
        self.errors = errors
        text = " ".join(e.message for e in errors.values())
        super().__init__(text)


class FieldError:
    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        self.code = code
        self.params = {"field": field, **params}

    @property
    def template(self) -> str:
        return MESSAGES[self.code]

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.code!r})"


class NotFoundError(CrmError):
    code = "not_found"

    def __init__(self, entity: str, id: str) -> None:
        super().__init__(MESSAGES["not_found"].format(entity=entity, id=id), entity=entity, id=id)


class ConflictError(CrmError):
    """A save found the record changed since it was loaded (optimistic locking).

    Carries who changed it last (``member``, a name, "" when nobody was chosen on that
    device), from which ``device`` (its origin id), ``at`` when (UTC), and the versions
    (``loaded``: what the caller had; ``current``: what the database holds). ``deleted``:
    the other side moved the record to the Trash.
    """

    code = "stale"

    def __init__(
        self,
        entity: str,
        id: str,
        *,
        loaded: int,
        current: int,
        member: str,
        device: str,
        at: datetime | None,
        deleted: bool = False,
    ) -> None:
        when = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if at else "?"
        code = "stale" if member else "stale_no_member"
        params: dict[str, Any] = {
            "entity": entity,
            "id": id,
            "member": member,
            "device": device[:8] or "?",
            "at": when,
            "current": current,
            "loaded": loaded,
        }
        super().__init__(MESSAGES[code].format(**params), code=code, **params)
        self.entity, self.record_id = entity, id
        self.loaded, self.current = loaded, current
        self.member, self.device, self.at = member, device, at
        self.deleted = deleted


class StorageError(CrmError):
    """The database file cannot be opened, read or written."""

    code = "storage"

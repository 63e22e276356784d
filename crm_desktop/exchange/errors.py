"""Typed errors of the exchange package; each carries a message fit for the user.

Like the domain's errors, each has a ``code`` and ``params`` so the GUI can translate it;
``str(error)`` is the English message the CLI prints.
"""

from __future__ import annotations

from typing import Any, ClassVar

from crm_desktop.domain.errors import CrmError

# English templates, keyed by code (translated in the GUI, context "errors").
MESSAGES: dict[str, str] = {
    "cancelled": "Cancelled",
    "cannot_read": "Cannot read {path}: {detail}.",
    "no_tag": "No tag named “{tag}”.",
    "no_stage": "No stage “{stage}”.",
    "unknown_format": "Unknown export format “{format}” (use one of: {formats}).",
    "unknown_timezone": "unknown time zone {tzid}",
    "naive_start": "meeting {title} has a start time without a time zone",
    "not_regular_file": "{path} is not a regular file.",
}

# Why a file could not be read (FileFormatError.reason_code), and where.
REASONS: dict[str, str] = {
    "not_text": "not valid {encoding} text",
    "binary": "binary data: this is not a CSV file",
    "too_many_fields": "{count} fields where the header has {expected}",
    "malformed_csv": "malformed CSV ({detail})",
    "empty_file": "the file is empty",
    "not_workbook": "not a readable Excel workbook ({detail})",
    "empty_sheet": "the workbook's first sheet is empty",
    "vcard_no_property": "expected a property such as NAME:value",
    "vcard_property_name": "invalid property name {name}",
    "vcard_quoted_printable": "invalid quoted-printable value in {name}",
    "vcard_not_text": "{name} is not valid {charset} text",
    "vcard_charset": "unknown character set {charset} in {name}",
    "vcard_end_alone": "END:VCARD without BEGIN:VCARD",
    "vcard_no_version": "vCard without VERSION",
    "vcard_outside": "text outside a vCard (expected BEGIN:VCARD)",
    "vcard_version": "unsupported vCard version {version}",
    "vcard_not_closed": "vCard not closed (no END:VCARD)",
    "vcard_none": "no vCards found",
    # over the import limits (tabular.ImportLimits); nothing was read into the database
    "limit_file": "the file is {size}; the limit for an import is {limit} (split it into "
    "smaller files)",
    "limit_rows": "more than {limit} rows; the limit for one import is {limit} (split the file)",
    "limit_cell": "a cell of {size} characters; the limit is {limit}",
    "limit_cell_csv": "a cell longer than {limit} characters, the limit",
    "limit_value": "a value of {size} bytes; the limit is {limit} characters",
    "limit_unpacked": "the workbook unpacks to {size}; the limit is {limit}",
    "limit_shared_strings": "more than {limit} shared strings; the limit is {limit}",
}
WHERE: dict[str, str] = {
    "source_line": "{source}, line {line}: {reason}",
    "line": "line {line}: {reason}",
    "source": "{source}: {reason}",
    "reason": "{reason}",
}


class ExchangeError(CrmError):
    """Base class: ``str(error)`` is the user-facing message (the CLI prints it)."""

    code = "exchange"
    messages: ClassVar[dict[str, str]] = MESSAGES


class FileFormatError(ExchangeError):
    """A file could not be read. ``line`` is the 1-based line (or spreadsheet row).

    ``reason_code`` and ``reason_params`` name the reason (a key of REASONS); ``code`` is
    the key of WHERE that places it, or "reason" when neither a file nor a line is known.
    """

    def __init__(
        self, reason_code: str, line: int | None = None, source: str = "", **params: Any
    ) -> None:
        self.reason_code = reason_code
        self.reason_params = params
        self.reason = REASONS[reason_code].format(**params)
        self.line = line
        self.source = source
        if source and line is not None:
            where = "source_line"
        elif line is not None:
            where = "line"
        elif source:
            where = "source"
        else:
            where = "reason"
        text = WHERE[where].format(source=source, line=line, reason=self.reason)
        super().__init__(text, code=where, source=source, line=line)

    def with_source(self, source: str) -> FileFormatError:
        return FileFormatError(self.reason_code, self.line, source, **self.reason_params)


class Cancelled(ExchangeError):
    """The user cancelled a long job; nothing was written."""

    def __init__(self) -> None:
        super().__init__(MESSAGES["cancelled"], code="cancelled")

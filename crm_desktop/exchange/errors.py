"""Typed errors of the exchange package; each carries a message fit for the user."""

from __future__ import annotations

from crm_desktop.domain.errors import CrmError


class ExchangeError(CrmError):
    """Base class: ``str(error)`` is the user-facing message (the CLI prints it)."""

    code = "exchange"


class FileFormatError(ExchangeError):
    """A file could not be read. ``line`` is the 1-based line (or spreadsheet row)."""

    def __init__(self, reason: str, line: int | None = None, source: str = "") -> None:
        self.reason = reason
        self.line = line
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.source
        if self.line is not None:
            where = f"{where}, line {self.line}" if where else f"line {self.line}"
        return f"{where}: {self.reason}" if where else self.reason

    def with_source(self, source: str) -> FileFormatError:
        return FileFormatError(self.reason, self.line, source)


class Cancelled(ExchangeError):
    """The user cancelled a long job; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Cancelled")

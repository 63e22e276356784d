"""The contact file formats and their file extensions.

Kept free of heavy imports: the command line builds its ``--format`` choices from here
before it has parsed anything, and ``--version`` must not pay for SQLAlchemy.
"""

from __future__ import annotations

from pathlib import PurePath

CONTACT_FORMATS = ("csv", "csv-excel-ru", "xlsx", "vcf", "vcf4", "pdf")
EXTENSIONS = {
    "csv": ".csv",
    "csv-excel-ru": ".csv",
    "xlsx": ".xlsx",
    "vcf": ".vcf",
    "vcf4": ".vcf",
    "pdf": ".pdf",
}
# What a file name's extension means when no format is given.
FORMAT_OF_EXTENSION = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".vcf": "vcf",
    ".vcard": "vcf",
    ".pdf": "pdf",
}


class FormatChoiceError(ValueError):
    """The format and the file name do not go together; the message says why."""


def contact_format(path: str | PurePath, requested: str | None) -> str:
    """The format to write ``path`` in: ``requested`` when given (refused when the
    extension names another format), else the one the extension names."""
    suffix = PurePath(path).suffix.lower()
    named = FORMAT_OF_EXTENSION.get(suffix)
    if requested is None:
        if named is None:
            known = ", ".join(sorted(FORMAT_OF_EXTENSION))
            shown = f"“{suffix}”" if suffix else "no extension"
            raise FormatChoiceError(
                f"{PurePath(path).name} has {shown}; name the file with one of {known}, "
                f"or give --format ({', '.join(CONTACT_FORMATS)})."
            )
        return named
    if requested not in CONTACT_FORMATS:
        raise FormatChoiceError(
            f"unknown format “{requested}” (one of {', '.join(CONTACT_FORMATS)})."
        )
    if named is not None and EXTENSIONS[requested] != EXTENSIONS[named]:
        raise FormatChoiceError(
            f"--format {requested} writes {EXTENSIONS[requested]} files, but the file is "
            f"named {PurePath(path).name}; change one of them. Nothing was written."
        )
    return requested

"""Shrink the ICU data library that Qt links on Linux to the locales the application speaks.

Qt Core links ICU for case mapping, normalisation, text boundaries, codecs and collation.
The PySide6 wheel ships ICU's complete data, libicudata.so.NN (31 MB), and about 19 MB of
it is per-locale display data (names of time zones, currencies, languages, regions and
units, number spell-out rules, collation tailorings) for some 800 locales, which Qt never
reads: QLocale carries its own CLDR tables. This rebuilds the library with everything that
is not per-locale, plus the per-locale resources of root, English, Russian and Chinese.

Qt Core calls four ICU services and no other (its undefined ICU symbols are u_strToUpper/
u_strToLower, ucol_*, ucnv_* and ucal_* for time zone names): so the data that only other
services read goes as well (15 -> 9 MB): break iterator rules and dictionaries (brkitr,
3.4 MB; Qt finds text boundaries with its own Unicode tables), transliteration, currency,
unit and spell-out names, Unicode character names, StringPrep profiles and the confusables
table. A test checks that list of Qt's ICU calls, and one that Qt behaves the same.

The data is one ICU "common data" package (the icudtNN_dat symbol): a header, a table of
contents sorted by item name, then the items, each 16-byte aligned. It is rewritten
without the dropped items and linked into a shared library of the same soname with the
system assembler and linker (binutils).
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

KEEP_LOCALES = ("root", "en", "ru", "zh")
# Resource trees whose items are one file per locale (the top level included: "").
LOCALE_TREES = ("", "coll", "curr", "lang", "rbnf", "region", "unit", "zone")
LOCALE_ITEM = re.compile(r"(?P<lang>[a-z]{2,3})(_[A-Za-z0-9]+)*\.res")  # sr_Latn_BA.res
# Trees and items that only ICU services Qt does not call read (see above).
UNUSED_TREES = ("brkitr", "translit", "curr", "unit", "rbnf")
UNUSED_ITEM = re.compile(r"unames\.icu|[^/]+\.(spp|cfu)")
MAGIC = b"\xda\x27"
ALIGN = 16


def _symbol(library: Path) -> tuple[str, int, int]:
    """Name, file offset and size of the icudtNN_dat symbol."""
    out = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            vaddr, size = int(fields[0], 16), int(fields[1], 16)
            return fields[3], _file_offset(library, vaddr), size
    raise ValueError(f"{library} has no icudtNN_dat symbol")


def _file_offset(library: Path, vaddr: int) -> int:
    out = subprocess.run(
        ["readelf", "-lW", str(library)], check=True, capture_output=True, text=True
    ).stdout
    for line in out.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, start, size = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if start <= vaddr < start + size:
                return vaddr - start + offset
    raise ValueError(f"address {vaddr:#x} is in no LOAD segment of {library}")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != MAGIC or data[12:16] != b"CmnD":
        raise ValueError("not a little-endian ICU common data package")
    toc = header_size
    count = struct.unpack_from("<I", data, toc)[0]
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    starts = sorted(toc + data_offset for _, data_offset in entries) + [len(data)]
    ends = dict(zip(starts, starts[1:], strict=False))
    items = []
    for name_offset, data_offset in entries:
        name_start = toc + name_offset
        name = data[name_start : data.index(b"\0", name_start)].decode("ascii")
        start = toc + data_offset
        items.append((name, data[start : ends[start]]))
    return data[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    items = sorted(items)  # ICU finds items by binary search over the names
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    data_start = _aligned(len(header) + table_size + len(names)) - len(header)
    table, blobs, offset = [], [], data_start
    name_offset = table_size
    for name, blob in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = blob + b"\0" * (_aligned(len(blob)) - len(blob))
        blobs.append(padded)
        offset += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(table) + names
    toc += b"\0" * (data_start - len(toc))
    return header + toc + b"".join(blobs)


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def wanted(name: str, keep: tuple[str, ...] = KEEP_LOCALES) -> bool:
    """Keep what Qt reads, but not the per-locale resources of locales we do not speak."""
    parts = name.split("/")[1:]  # drop the icudtNNl/ package prefix
    tree, item = "/".join(parts[:-1]), parts[-1]
    if tree in UNUSED_TREES or (tree == "" and UNUSED_ITEM.fullmatch(item)):
        return False
    match = LOCALE_ITEM.fullmatch(item)
    if tree not in LOCALE_TREES or match is None or item == "res_index.res":
        return True
    return match["lang"] in keep


def shrink(library: Path, target: Path, keep: tuple[str, ...] = KEEP_LOCALES) -> Path:
    """Write a smaller copy of libicudata.so.NN to target (a file path) and return it."""
    symbol, offset, size = _symbol(library)
    raw = library.read_bytes()[offset : offset + size]
    header, items = read_package(raw)
    package = write_package(header, [(n, b) for n, b in items if wanted(n, keep)])
    with tempfile.TemporaryDirectory() as tmp:
        dat = Path(tmp) / "icudt.dat"
        dat.write_bytes(package)
        asm = Path(tmp) / "icudt.s"
        asm.write_text(
            f"\t.section .rodata\n\t.balign {ALIGN}\n\t.globl {symbol}\n"
            f'\t.type {symbol}, @object\n{symbol}:\n\t.incbin "{dat}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        obj = Path(tmp) / "icudt.o"
        subprocess.run(["as", "-o", str(obj), str(asm)], check=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["ld", "-shared", "-soname", library.name, "-o", str(target), str(obj)], check=True
        )
    return target

"""The pipeline report as an XLSX workbook: one sheet per table, numbers as numbers."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from crm_desktop.analytics.model import PipelineReport
from crm_desktop.documents.pipeline_tables import SHEETS, report_tables

_FORMATS = {"money": "#,##0.00", "percent": "0%", "number": "0.0", "int": "0", "date": "yyyy-mm-dd"}
_WIDTHS = {"text": 36, "money": 18, "date": 12}


def _value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "money":
        return Decimal(value)
    if kind in ("percent", "number"):
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "text":
        # a text cell is never a formula, whatever it starts with
        return str(value)
    return value


def pipeline_workbook(rep: PipelineReport, lang: str = "ru") -> bytes:
    """The workbook as bytes (the caller writes it, atomically)."""
    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)
    names = SHEETS["ru" if lang.startswith("ru") else "en"]
    bold = Font(bold=True)
    for table in report_tables(rep, lang):
        ws = wb.create_sheet(names[table.key][:31])
        ws.append(table.headers)
        for cell in ws[1]:
            cell.font = bold
        for row in table.rows:
            ws.append([_value(v, k) for v, k in zip(row, table.kinds, strict=True)])
        for i, kind in enumerate(table.kinds, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = _WIDTHS.get(kind, 14)
            fmt = _FORMATS.get(kind)
            for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                if kind == "text":
                    cell.data_type = "s"  # never a formula, even when it starts with "="
                elif fmt and cell.value is not None:
                    cell.number_format = fmt
        ws.freeze_panes = "A2"
        if table.rows:
            ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()

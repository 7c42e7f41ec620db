"""XLSX reader (v0: each sheet's used range with merged ranges)."""
from __future__ import annotations

from pathlib import Path

import openpyxl

from .document import Document, Page, Table


def read_xlsx(path: Path, settings=None) -> Document:
    wb = openpyxl.load_workbook(str(path), data_only=True)
    doc = Document(path=str(path), format="xlsx")
    for n, ws in enumerate(wb.worksheets, 1):
        doc.pages.append(Page(n))
        rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
        doc.blocks.append(Table(rows=rows, page_start=n, page_end=n, merges=merges, row_pages=[n] * len(rows),
                                sheet=ws.title))
    return doc

"""What every blind-set writer does once its reports are made: print each to PDF, write the table
truths beside both copies and one gold file per report."""
from __future__ import annotations

import json
from pathlib import Path

from make_samples import to_pdf, write_gold
from samples_blind_forms import Num, text_of


def write_truth(out: Path, names: list[str], tables: list[dict]) -> None:
    for name in names:
        (out / f"{name}.tables.json").write_text(json.dumps(tables, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")


def publish(out: Path, makers) -> None:
    """Each maker writes its source file into ``out`` and returns (path, gold or [(name, gold)], tables)."""
    out.mkdir(parents=True, exist_ok=True)
    for make in makers:
        src, golds, tables = make(out)
        if isinstance(golds, dict):
            golds = [(src.stem, golds)]
        files = [src.name]
        pdf = to_pdf(src, out)
        if pdf is not None:
            files.append(pdf.name)
        write_truth(out, files, tables)
        for name, gold in golds:
            gold.pop("files", None)
            write_gold(out / "gold", name, {"files": files, **gold})
    print(f"blind samples written to {out}")


def fit_rows(ws, r0: int, rows: list, merges: list, widths: tuple) -> None:
    """Row heights for wrapped text: spreadsheet programs do not grow rows that hold merged cells."""
    span = {(a, b): (c - a + 1, sum(widths[b:d + 1])) for a, b, c, d in merges}
    for r, row in enumerate(rows):
        need = 1
        for c, cell in enumerate(row):
            n_rows, width = span.get((r, c), (1, widths[c]))
            chars = sum(2 if ord(ch) > 127 else 1 for ch in text_of(cell))
            need = max(need, -(-chars // int(width * 0.9)) / n_rows)
        if need > 1:
            ws.row_dimensions[r0 + r].height = 15 * -(-need // 1)


def put_grid(ws, rows: list, merges: list, r0: int, widths: tuple) -> None:
    """A ruled grid from row r0 (1-based): numbers as numeric cells with their formats, wrapped text, merges."""
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            x = ws.cell(row=r0 + r, column=c + 1)
            if isinstance(cell, Num):
                x.value, x.number_format = cell.value, cell.fmt
            elif cell:
                x.value = cell
            x.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            x.alignment = Alignment(wrap_text=True, vertical="center")
    for r1, c1, r2_, c2 in merges:
        ws.merge_cells(start_row=r0 + r1, start_column=c1 + 1, end_row=r0 + r2_, end_column=c2 + 1)
    fit_rows(ws, r0, rows, merges, widths)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0

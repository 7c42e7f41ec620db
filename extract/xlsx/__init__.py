"""XLSX reader: every worksheet's used range as one table, values as the sheet shows them.

Values come from the cached results Excel saved (data_only): a budget form's totals are
formulas, and the figure to compare with the printed report is the saved result. A formula
that was never calculated (files written by scripts) has no saved value; it is left empty
with a warning rather than shown as formula text that would read as data."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from jixiao.extract.document import Document, Page, Table

from jixiao.extract.docx.styles import symbol_fonts

from .numfmt import format_value, general
from .pages import paper_size, sheet_row_pages
from .settings import XlsxSettings
from .split import split_stacked


def _error(msg: str):
    from jixiao.extract import ReadError  # noqa: PLC0415 - the package imports this module lazily

    return ReadError(msg)


def _open(path: Path, data_only: bool, read_only: bool = False):
    import openpyxl  # noqa: PLC0415 - heavy import, only for files that need it

    try:
        # a file object, not the name: openpyxl refuses names not ending in .xlsx, and the format
        # was told from the bytes already
        with path.open("rb") as fh:
            data = io.BytesIO(fh.read())
        return openpyxl.load_workbook(data, data_only=data_only, read_only=read_only)
    except Exception as exc:  # openpyxl raises a zoo of types (KeyError, BadZipFile, ValueError, ...)
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise _error(f"damaged XLSX: {reason}") from None


def _has_formulas(path: Path) -> bool:
    """Cheap test before loading the workbook a second time for formula text."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(b"<f" in zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def _formula_cells(path: Path) -> dict[str, set[tuple[int, int]]]:
    """Sheet title -> (row, col) of cells holding a formula (1-based)."""
    wb = _open(path, data_only=False, read_only=True)
    out: dict[str, set[tuple[int, int]]] = {}
    try:
        for ws in wb.worksheets:
            cells = set()
            for row in ws.iter_rows():
                for c in row:
                    v = getattr(c, "value", None)
                    if isinstance(v, str) and v.startswith("=") or type(v).__name__ in ("ArrayFormula", "DataTableFormula"):
                        cells.add((c.row, c.column))
            out[ws.title] = cells
    finally:
        wb.close()
    return out


def _text(cell, s: XlsxSettings) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, str):
        font = getattr(getattr(cell, "font", None), "name", None)
        table = symbol_fonts().get(font.lower()) if font else None
        # a tick typed as 'R' in Wingdings 2 prints ☑: keep what the sheet shows
        return "".join(table.get(ord(ch), ch) for ch in v) if table else v
    if not s.apply_number_formats:
        return general(v, s.general_digits) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
    if isinstance(v, float) and (cell.number_format or "General") == "General":
        return general(v, s.general_digits)
    return format_value(v, cell.number_format, s.iso_dates)


def _extent(ws) -> tuple[int, int]:
    """Rows and columns up to the last value or merge. ws.max_row counts every formatted cell,
    and a column formatted down to row 1,048,576 would otherwise be read cell by cell."""
    cells = getattr(ws, "_cells", None)
    if not isinstance(cells, dict):
        return ws.max_row or 0, ws.max_column or 0
    rows = [r for (r, _c), cell in cells.items() if cell.value is not None and cell.value != ""]
    cols = [c for (_r, c), cell in cells.items() if cell.value is not None and cell.value != ""]
    for m in ws.merged_cells.ranges:
        rows.append(m.max_row)
        cols.append(m.max_col)
    return max(rows, default=0), max(cols, default=0)


def _read_sheet(ws, first_page: int, s: XlsxSettings, formulas: set, warnings: list) -> Table | None:
    grid: list[list[str]] = []
    missing = 0
    max_r, max_c = _extent(ws)
    if max_r * max_c > s.max_cells:
        max_r = max(s.max_cells // max(max_c, 1), 1)
        warnings.append(f"sheet {ws.title}: used range cut to {max_r} rows")
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_r, max_col=max_c), 1):
        out = []
        for c in row:
            text = _text(c, s)
            if not text and (c.row, c.column) in formulas:
                missing += 1
            out.append(text.strip() if isinstance(text, str) else text)
        grid.append(out)
    if missing:
        warnings.append(f"sheet {ws.title}: {missing} formula cell(s) have no saved value (never recalculated); left empty")
    last_r = max((i for i, row in enumerate(grid) if any(row)), default=-1)
    last_c = max((j for row in grid for j, v in enumerate(row) if v), default=-1)
    if last_r < 0:
        return None
    # a merged region is part of the form's shape even where it holds no text: keep it whole
    for m in ws.merged_cells.ranges:
        if m.min_row - 1 <= last_r and m.min_col - 1 <= last_c:
            last_r = max(last_r, min(m.max_row, len(grid)) - 1)
            last_c = max(last_c, min(m.max_col, max_c) - 1)
    rows = [row[:last_c + 1] + [""] * (last_c + 1 - len(row[:last_c + 1])) for row in grid[:last_r + 1]]
    merges = []
    for m in ws.merged_cells.ranges:
        r1, c1, r2, c2 = m.min_row - 1, m.min_col - 1, min(m.max_row - 1, last_r), min(m.max_col - 1, last_c)
        if r1 > last_r or c1 > last_c or (r1, c1) == (r2, c2):
            continue
        merges.append((r1, c1, r2, c2))
        for r in range(r1, r2 + 1):  # openpyxl leaves MergedCell values None, but be sure
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    rows[r][c] = ""
    merges.sort()
    if s.skip_hidden:
        rows, merges = _drop_hidden(ws, rows, merges, warnings)
    row_pages = [first_page + k for k in sheet_row_pages(ws, len(rows), len(rows[0]) if rows else 0)]
    return Table(rows=rows, page_start=row_pages[0], page_end=row_pages[-1], merges=merges, row_pages=row_pages,
                 sheet=ws.title)


def _hidden(dims) -> set[int]:
    """1-based indices a sheet hides (a dimension may cover a range: min..max)."""
    out: set[int] = set()
    for key, d in dims.items():
        if getattr(d, "hidden", False):
            lo = getattr(d, "min", None) or (key if isinstance(key, int) else None)
            hi = getattr(d, "max", None) or lo
            if lo:
                out.update(range(lo, hi + 1))
    return out


def _drop_hidden(ws, rows: list[list[str]], merges: list, warnings: list) -> tuple[list[list[str]], list]:
    """The grid as the sheet shows and prints it: hidden columns and rows left out (with a warning).

    Hidden columns hold working notes ("原值96.3800", document numbers) whose figures are no part of
    the form; a merged region keeps the columns of it that are shown."""
    hcols = {c - 1 for c in _hidden(ws.column_dimensions)}
    hrows = {r - 1 for r in _hidden(ws.row_dimensions)}
    n_c = len(rows[0]) if rows else 0
    keep_c = [c for c in range(n_c) if c not in hcols]
    keep_r = [r for r in range(len(rows)) if r not in hrows]
    if len(keep_c) == n_c and len(keep_r) == len(rows):
        return rows, merges
    new_c, new_r = {c: i for i, c in enumerate(keep_c)}, {r: i for i, r in enumerate(keep_r)}
    out_merges = []
    for r1, c1, r2, c2 in merges:
        cs = [new_c[c] for c in range(c1, c2 + 1) if c in new_c]
        rs = [new_r[r] for r in range(r1, r2 + 1) if r in new_r]
        if cs and rs and (rows[r1][c1] or len(cs) * len(rs) > 1):
            text = rows[r1][c1]
            out_merges.append((rs[0], cs[0], rs[-1], cs[-1], text))
    grid = [[rows[r][c] for c in keep_c] for r in keep_r]
    fixed = []
    for r1, c1, r2, c2, text in out_merges:
        grid[r1][c1] = text  # the region's text moves to its first shown cell
        if (r1, c1) != (r2, c2):
            fixed.append((r1, c1, r2, c2))
    warnings.append(f"sheet {ws.title}: {n_c - len(keep_c)} hidden column(s) and {len(rows) - len(keep_r)} hidden "
                    "row(s) left out, as the sheet shows and prints it")
    return grid, sorted(fixed)


def read_xlsx(path, settings=None) -> Document:
    path = Path(path)
    s = XlsxSettings.from_settings(settings)
    wb = _open(path, data_only=True)
    formulas = _formula_cells(path) if _has_formulas(path) else {}
    doc = Document(path=str(path), format="xlsx")
    hidden = []
    page = 1
    try:
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                hidden.append(ws.title)
            table = _read_sheet(ws, page, s, formulas.get(ws.title, set()), doc.warnings)
            if table is not None:
                doc.blocks += split_stacked(table, s.stack_gap_rows) if s.split_stacked else [table]
            elif not s.skip_empty_sheets:
                doc.blocks.append(Table(rows=[], page_start=page, page_end=page, sheet=ws.title))
            n = (table.page_end - page + 1) if table is not None else 1
            width, height = paper_size(ws)
            doc.pages += [Page(page + k, width=float(width), height=float(height)) for k in range(n)]
            page += n
    finally:
        wb.close()
    doc.metadata["sheets"] = [ws.title for ws in wb.worksheets]
    if hidden:
        doc.metadata["hidden_sheets"] = hidden
    props = wb.properties
    for key in ("title", "creator", "created", "modified"):
        v = getattr(props, key, None)
        if v:
            doc.metadata[key] = v.isoformat() if hasattr(v, "isoformat") else str(v)
    return doc


__all__ = ["read_xlsx", "XlsxSettings", "format_value"]

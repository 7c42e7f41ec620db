"""Which printed page each sheet row lands on, from the sheet's own print settings.

A sheet has no pages, but the PDF that is published beside it does, and provenance should
point there. The estimate follows what Excel/LibreOffice do when printing: paper size and
orientation minus margins give the printable box, column widths and fit-to-width give the
scale, row heights (or the default height) then fill pages top to bottom; manual row breaks
and repeated title rows are honoured. Wide sheets printed across several pages are counted
down the rows only."""
from __future__ import annotations

import re
from dataclasses import dataclass

# paperSize code -> (width, height) in points, portrait; the codes forms use in practice
PAPER = {1: (612, 792), 5: (612, 1008), 8: (842, 1191), 9: (595, 842), 11: (420, 595), 12: (729, 1032),
         13: (516, 729), 66: (1191, 1684)}
DEFAULT_PAPER = 9  # A4


@dataclass
class PrintBox:
    width: float
    height: float
    scale: float


def _col_points(ws, max_col: int) -> list[float]:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    fmt = ws.sheet_format
    default = fmt.defaultColWidth or ((fmt.baseColWidth or 8) + 0.71)
    out = []
    for c in range(1, max_col + 1):
        dim = ws.column_dimensions.get(get_column_letter(c))
        width = dim.width if dim is not None and dim.width else default
        if dim is not None and dim.hidden:
            width = 0
        out.append((width * 7 + 5) * 0.75 if width else 0.0)  # characters -> pixels -> points
    return out


def row_points(ws, max_row: int) -> list[float]:
    default = ws.sheet_format.defaultRowHeight or 15.0
    out = []
    for r in range(1, max_row + 1):
        dim = ws.row_dimensions.get(r)
        if dim is not None and dim.hidden:
            out.append(0.0)
        else:
            out.append(dim.ht if dim is not None and dim.ht else default)
    return out


def paper_size(ws) -> tuple[float, float]:
    """(width, height) in points of the sheet's paper, orientation applied."""
    setup = ws.page_setup
    try:
        paper = int(setup.paperSize or DEFAULT_PAPER)
    except (TypeError, ValueError):
        paper = DEFAULT_PAPER
    w, h = PAPER.get(paper, PAPER[DEFAULT_PAPER])
    return (h, w) if setup.orientation == "landscape" else (w, h)


def print_box(ws, max_row: int, max_col: int) -> PrintBox:
    setup, margins = ws.page_setup, ws.page_margins
    w, h = paper_size(ws)
    width = w - 72 * ((margins.left or 0.7) + (margins.right or 0.7))
    height = h - 72 * ((margins.top or 0.75) + (margins.bottom or 0.75))
    fit = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    scale = 1.0
    if fit:
        fit_w = int(setup.fitToWidth) if setup.fitToWidth not in (None, "") else 1
        fit_h = int(setup.fitToHeight) if setup.fitToHeight not in (None, "") else 1
        total_w = sum(_col_points(ws, max_col)) or 1.0
        total_h = sum(row_points(ws, max_row)) or 1.0
        if fit_w > 0:
            scale = min(scale, fit_w * width / total_w)
        if fit_h > 0:
            scale = min(scale, fit_h * height / total_h)
    elif setup.scale:
        try:
            scale = int(setup.scale) / 100.0
        except (TypeError, ValueError):
            scale = 1.0
    return PrintBox(width=width, height=height, scale=max(scale, 0.1))


def _title_rows(ws) -> set[int]:
    spec = ws.print_title_rows or ""
    m = re.search(r"(\d+):\$?(\d+)", spec)
    return set(range(int(m.group(1)), int(m.group(2)) + 1)) if m else set()


def sheet_row_pages(ws, n_rows: int, max_col: int) -> list[int]:
    """0-based page offset of each of the first n_rows rows."""
    if n_rows <= 0:
        return []
    box = print_box(ws, n_rows, max_col)
    heights = [h * box.scale for h in row_points(ws, n_rows)]
    titles = _title_rows(ws)
    repeat = sum(heights[r - 1] for r in titles if r <= n_rows)
    breaks = {b.id for b in ws.row_breaks.brk if b.id}
    page, used, out = 0, 0.0, []
    for r, h in enumerate(heights, 1):
        if used > 0 and used + h > box.height + 0.5:
            page += 1
            used = repeat
        out.append(page)
        used += h
        if r in breaks:
            page += 1
            used = repeat
    return out

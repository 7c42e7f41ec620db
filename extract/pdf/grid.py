"""Cell boxes to a grid: rows, columns and merges (r1, c1, r2, c2).

Column boundaries are the union of every cell edge of the table (on all its pages): a boundary
drawn in one row only still splits the grid, exactly as Word's table grid does, so a cell
spanning it is a merge. A merged region's text sits in its top-left cell, the rest stay ""."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Table
from ..geometry import cluster
from .tables import Segment, nearest
from .text import join_pieces


@dataclass
class GCell:
    r1: int
    c1: int
    r2: int
    c2: int
    text: str
    page: int
    open_top: bool = False  # no ruling at its top or bottom: a region cut by the page break
    open_bottom: bool = False
    full_top: bool = False
    full_bottom: bool = False


def union_columns(segments: list[Segment], tol: float) -> list[float]:
    return cluster([x for seg in segments for x in seg.xs], tol)


def grid_cells(seg: Segment, xs: list[float]) -> tuple[list[GCell], int]:
    """The segment's cells on the shared column grid, rows numbered from 0 within the segment."""
    out = []
    for c in seg.cells:
        c1, c2 = nearest(xs, c.x0), nearest(xs, c.x1) - 1
        r1, r2 = nearest(seg.ys, c.top), nearest(seg.ys, c.bottom) - 1
        if c2 < c1 or r2 < r1:
            continue
        out.append(GCell(r1, c1, r2, c2, c.text, seg.page, c.open_top, c.open_bottom, c.full_top, c.full_bottom))
    out.sort(key=lambda g: (g.r1, g.c1))
    return out, len(seg.ys) - 1


def to_table(cells: list[GCell], n_rows: int, n_cols: int, row_pages: list[int]) -> Table:
    rows = [[""] * n_cols for _ in range(n_rows)]
    merges = []
    for g in cells:
        if g.r1 >= n_rows or g.c1 >= n_cols:
            continue
        # two boxes on one grid slot (edges closer than the tolerance): keep both texts
        rows[g.r1][g.c1] = join_pieces(rows[g.r1][g.c1], g.text) if rows[g.r1][g.c1] else g.text
        if g.r2 > g.r1 or g.c2 > g.c1:
            merges.append((g.r1, g.c1, min(g.r2, n_rows - 1), min(g.c2, n_cols - 1)))
    pages = row_pages or [cells[0].page if cells else 1] * n_rows
    return Table(rows=rows, page_start=min(pages), page_end=max(pages), merges=sorted(merges),
                 row_pages=list(pages))

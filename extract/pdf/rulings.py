"""Ruling lines around a table the finder did not use: columns it left out, sides left open.

pdfplumber builds cells from closed rectangles only. Two common layouts break that: a merged
region cut by a page break has no border at the break, and many Word tables have no left and
right outer border (the horizontal rules run past the outermost vertical). Both leave text
outside every cell; these helpers find the missing boundaries from the rulings that are there."""
from __future__ import annotations

from statistics import median

from .settings import PdfSettings


def vertical_edges(page) -> list[tuple[float, float, float]]:
    """(x, top, bottom) of every vertical ruling on the page."""
    out = []
    for e in page.edges:
        if e.get("orientation") == "v" or abs(e["x1"] - e["x0"]) < 1:
            out.append((float(e["x0"] + e["x1"]) / 2, float(e["top"]), float(e["bottom"])))
    return out


def horizontal_edges(page) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of every horizontal ruling on the page."""
    return [(float(e["top"] + e["bottom"]) / 2, float(e["x0"]), float(e["x1"])) for e in page.edges
            if e.get("orientation") == "h" or abs(e["bottom"] - e["top"]) < 1]


def widen(xs: list[float], x0: float, top: float, x1: float, bottom: float, vedges: list, hedges: list,
           s: PdfSettings) -> tuple[float, float]:
    """Take in a column the finder left out because none of its cells is closed on four sides.

    A region merged down to the page break and continued at the top of the next page has its
    left and right rulings and one horizontal ruling reaching the rest of the table: that is
    enough to say the column belongs to the table."""
    tol = s.snap_tolerance
    for x, t, b in sorted(vedges, key=lambda e: abs(e[0] - (x0 + x1) / 2), reverse=True):
        if x0 - tol <= x <= x1 + tol or b - t < 2 * tol:
            continue
        if min(b, bottom) - max(t, top) < 0.8 * (b - t):
            continue
        if x < x0:
            reach = any(top - tol <= y <= bottom + tol and hx0 <= x + tol and hx1 >= x0 - tol for y, hx0, hx1 in hedges)
        else:
            reach = any(top - tol <= y <= bottom + tol and hx1 >= x - tol and hx0 <= x1 + tol for y, hx0, hx1 in hedges)
        if not reach:
            continue
        xs.append(x)
        xs.sort()
        x0, x1 = min(x0, x), max(x1, x)
    return x0, x1


def ruled(x: float, top: float, bottom: float, edges: list, tol: float) -> bool:
    """A vertical ruling at ``x`` covers most of top..bottom."""
    covered = sum(max(0.0, min(b, bottom) - max(t, top)) for ex, t, b in edges if abs(ex - x) <= tol)
    return covered >= 0.8 * (bottom - top)


def open_sides(xs: list[float], ys: list[float], x0: float, x1: float, top: float, bottom: float,
               hedges: list, vedges: list, s: PdfSettings) -> tuple[float, float]:
    """Add a boundary where the table's horizontal rules run on past its outermost vertical.

    Most row rules must agree on the same end point, so one long rule (a heading underline or
    the text column's border) does not make a column. A virtual vertical ruling is added at
    that end, and ``open_cells`` then makes the cells of the new outer column."""
    tol = s.snap_tolerance
    on_rows = [(y, a, b) for y, a, b in hedges if any(abs(y - r) <= tol for r in ys) and b > x0 and a < x1]
    need = max(2, s.open_side_min_share * len(ys))
    left = [a for _, a, b in on_rows if a < x0 - s.open_side_min_width]
    if len(left) >= need and max(left) - min(left) <= 2 * tol and not ruled(min(left), top, bottom, vedges, tol):
        x = median(left)
        xs.insert(0, x)
        vedges.append((x, top, bottom))
        x0 = x
    right = [b for _, a, b in on_rows if b > x1 + s.open_side_min_width]
    if len(right) >= need and max(right) - min(right) <= 2 * tol and not ruled(max(right), top, bottom, vedges, tol):
        x = median(right)
        xs.append(x)
        vedges.append((x, top, bottom))
        x1 = x
    return x0, x1

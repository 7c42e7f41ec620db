"""One table from its parts on consecutive pages.

Word and Excel break a long table at the page end: the next page may repeat the header rows,
a row may be split in two by the break (its text partly on each page, the numbers usually in
the first part), and a cell merged down across the break is drawn twice, empty (Word) or with
its text repeated (Excel). Whether two parts are one table is read from geometry only: the
first part ends the page, the second starts the next one, and their column edges agree."""
from __future__ import annotations

import re

from ..document import Table
from .grid import GCell, grid_cells, to_table, union_columns
from .settings import PdfSettings
from .tables import Segment


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def columns_agree(a: Segment, b: Segment, s: PdfSettings) -> bool:
    """Same outer edges, and most column boundaries of one part are boundaries of the other."""
    tol = s.stitch_x_tolerance
    if abs(a.x0 - b.x0) > tol or abs(a.x1 - b.x1) > tol:
        return False

    def shared(p: list[float], q: list[float]) -> float:
        return sum(1 for x in p if any(abs(x - y) <= tol for y in q)) / max(len(p), 1)

    return max(shared(a.xs, b.xs), shared(b.xs, a.xs)) >= s.stitch_min_shared_cols


def _rows_text(cells: list[GCell], n: int) -> list[tuple]:
    rows = []
    for r in range(n):
        rows.append(tuple((g.c1, g.c2, _key(g.text)) for g in cells if g.r1 == r))
    return rows


def _drop_repeated_header(acc: list[GCell], cells: list[GCell], n: int, s: PdfSettings) -> tuple[list[GCell], int]:
    """Drop the first k rows of a continuation when they repeat the table's first k rows, or
    when its first row repeats a row further down the table (a sheet's print titles repeat the
    indicator header, not the form's first row; a merged label drawn over it may garble a cell)."""
    k = 0
    for j in range(min(s.max_header_rows, n - 1), 0, -1):
        head, rep = _rows_text(acc, j), _rows_text(cells, j)
        if head == rep and any(t for row in head for *_, t in row):
            k = j
            break
    if not k and n > 1:
        first = {(c1, c2): t for c1, c2, t in _rows_text(cells, 1)[0] if t}
        n_acc = max((g.r2 for g in acc), default=-1) + 1
        for row in _rows_text(acc, n_acc):
            mine = {(c1, c2): t for c1, c2, t in row if t}
            if set(mine) != set(first) or len(first) < s.repeat_header_min_cells:
                continue
            same = sum(1 for key, t in first.items() if mine[key] == t)
            # every other cell must be that row's text with a merged label drawn over it
            # ("二级指标" under "质量指标" reads "质二量级指指标标"), not other text ("40/k" for "40/m")
            if same >= s.repeat_header_share * len(first) and all(
                    mine[key] == t or _within(mine[key], t) for key, t in first.items()):
                k = 1
                break
    if not k:
        return cells, n
    kept = []
    for g in cells:
        if g.r2 < k:
            continue
        g.r1, g.r2 = max(g.r1 - k, 0), g.r2 - k
        kept.append(g)
    return kept, n - k


_FIGURE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")


def _figure(text: str) -> bool:
    """A cell holding just a number ('3', '98.14', '1,234.50', '96.40%')."""
    return bool(_FIGURE.match(_key(text)))


def _within(short: str, long_: str) -> bool:
    """``short``'s characters in order inside a longer ``long_``: a cell garbled by text drawn over it."""
    it = iter(long_)
    return len(long_) > len(short) >= 2 and all(ch in it for ch in short)


def _join(a: str, b: str) -> str:
    from .text import join_pieces  # noqa: PLC0415

    if not b or _key(a) == _key(b):
        return a
    return join_pieces(a, b)


def _append(acc: list[GCell], n_acc: int, cells: list[GCell], n: int, s: PdfSettings, may_split: bool = True) -> int:
    """Glue a continuation under the accumulated rows; returns the new row count. ``may_split``:
    False after a repeated header was dropped, where the next row starts afresh (an empty label
    cell there is a merged region's, centred lower down, not a broken row's)."""
    last = n_acc - 1
    above = {(g.c1, g.c2): g for g in acc if g.r2 == last}
    top = [g for g in cells if g.r1 == 0]
    # A row split by the page break: its continuation lacks text where the first part has it
    # (the numbers and short labels fit on the first page), so row 0 is glued to the last row.
    # A merged label cell (二级指标) going on over the break is empty there too; what tells the two
    # apart is the figures: a split row's figures all stay on the first page, while a new row has
    # its own under the figures of the row above (分值 3 under 分值 3).
    split = s.stitch_split_rows and may_split and any(
        g.r2 == 0 and not g.text and not g.open_top and (g.c1, g.c2) in above and above[(g.c1, g.c2)].text
        and above[(g.c1, g.c2)].r1 == last for g in top) and any(g.text for g in top) and not any(
        _figure(g.text) and (g.c1, g.c2) in above and _figure(above[(g.c1, g.c2)].text) for g in top)
    shift = n_acc - 1 if split else n_acc
    merged = set()
    for g in top:
        a = above.get((g.c1, g.c2))
        if a is None:
            continue
        region_goes_on = g.r2 > 0 or a.r2 > a.r1
        repeated = not g.text or _key(g.text) == _key(a.text)
        # Word lets a merged cell's text flow on over the break: the first part is filled to
        # its bottom border and the rest starts at the top of the next page
        flows = a.full_bottom and g.full_top and bool(a.text) and bool(g.text)
        if split or (a.open_bottom and g.open_top) or (region_goes_on and (repeated or flows)):
            a.text = _join(a.text, g.text)
            a.r2 = g.r2 + shift
            merged.add(id(g))
    for g in cells:
        if id(g) in merged:
            continue
        g.r1 += shift
        g.r2 += shift
        acc.append(g)
    return n + shift


def stitch(segments: list[Segment], s: PdfSettings) -> Table:
    """The parts of one table (in page order) as a single Table."""
    xs = union_columns(segments, s.boundary_tolerance)
    n_cols = len(xs) - 1
    acc, n_acc = grid_cells(segments[0], xs)
    row_pages = [segments[0].page] * n_acc
    for seg in segments[1:]:
        cells, n = grid_cells(seg, xs)
        n_before = n
        cells, n = _drop_repeated_header(acc, cells, n, s)
        if n <= 0:
            continue
        before = n_acc
        n_acc = _append(acc, n_acc, cells, n, s, may_split=n == n_before)
        row_pages += [seg.page] * (n_acc - before)
    acc.sort(key=lambda g: (g.r1, g.c1))
    return to_table(acc, n_acc, n_cols, row_pages)

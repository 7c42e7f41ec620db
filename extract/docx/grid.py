"""Lay a w:tbl's rows onto its column grid, recording merges as (r1, c1, r2, c2).

A DOCX row lists cells, not grid positions: a cell spans w:gridSpan columns, a row may skip
columns before its first cell or after its last (w:gridBefore / w:gridAfter), and a vertical
merge is a run of cells marked w:vMerge ("restart" then continuations) in the same grid column.
Positions therefore come from summing spans, never from the cell's index in the row; the
python-docx ``row.cells`` view hides exactly these cases."""
from __future__ import annotations

from dataclasses import dataclass, field

from .ooxml import int_val, local, val, w


@dataclass
class Region:
    r1: int
    c1: int
    r2: int
    c2: int
    text: str
    page: int


@dataclass
class GridBuilder:
    regions: list[Region] = field(default_factory=list)
    owner_rows: list[dict[int, int]] = field(default_factory=list)  # per row: grid column -> region index
    width: int = 0

    def start_row(self, before: int = 0) -> None:
        self.owner_rows.append({})
        self._col = before

    def add_cell(self, text: str, span: int, vmerge: str | None, hmerge: str | None, page: int) -> None:
        """vmerge: None (no merge), 'restart' or 'continue'; hmerge likewise (legacy Word 2003)."""
        r, c = len(self.owner_rows) - 1, self._col
        span = max(1, span)
        owners = self.owner_rows[r]
        target = None
        if vmerge == "continue" and r > 0:
            idx = self.owner_rows[r - 1].get(c)
            if idx is not None and self.regions[idx].c1 == c and self.regions[idx].r2 == r - 1:
                target = idx
                reg = self.regions[idx]
                reg.r2 = r
                reg.c2 = max(reg.c2, c + span - 1)
        if target is None and hmerge == "continue" and c > 0 and owners.get(c - 1) is not None:
            target = owners[c - 1]
            reg = self.regions[target]
            reg.c2 = max(reg.c2, c + span - 1)
        if target is None:
            self.regions.append(Region(r, c, r, c + span - 1, text, page))
            target = len(self.regions) - 1
        elif text:
            # Word shows only the first cell of a merge, but text in a continuation is still content
            reg = self.regions[target]
            reg.text = f"{reg.text}\n{text}" if reg.text else text
        for k in range(c, c + span):
            owners[k] = target
        self._col = c + span
        self.width = max(self.width, self._col)

    def end_row(self, after: int = 0) -> None:
        self.width = max(self.width, self._col + after)

    def build(self, min_width: int = 0) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
        width = max(self.width, min_width)
        rows = [[""] * width for _ in self.owner_rows]
        merges = []
        for reg in self.regions:
            rows[reg.r1][reg.c1] = reg.text
            if reg.r2 > reg.r1 or reg.c2 > reg.c1:
                merges.append((reg.r1, reg.c1, reg.r2, reg.c2))
        merges.sort()
        return rows, merges


def cell_props(tc) -> tuple[int, str | None, str | None]:
    """(gridSpan, vMerge, hMerge) of a w:tc; a bare <w:vMerge/> means 'continue'."""
    pr = tc.find(w("tcPr"))
    if pr is None:
        return 1, None, None
    span = int_val(pr.find(w("gridSpan")), default=1) or 1
    merges = []
    for tag in ("vMerge", "hMerge"):
        el = pr.find(w(tag))
        merges.append(None if el is None else ("restart" if val(el) == "restart" else "continue"))
    return span, merges[0], merges[1]


def row_props(tr) -> tuple[int, int, bool]:
    """(gridBefore, gridAfter, deleted) of a w:tr."""
    pr = tr.find(w("trPr"))
    if pr is None:
        return 0, 0, False
    before = int_val(pr.find(w("gridBefore")), default=0) or 0
    after = int_val(pr.find(w("gridAfter")), default=0) or 0
    return before, after, pr.find(w("del")) is not None


def grid_columns(tbl) -> list[int]:
    """Widths (twips) of the table's declared grid columns."""
    grid = tbl.find(w("tblGrid"))
    if grid is None:
        return []
    return [int_val(gc, "w", default=0) or 0 for gc in grid.findall(w("gridCol"))]


def iter_rows(tbl):
    """w:tr children, looking through content controls and custom XML that may wrap them."""
    for child in tbl:
        name = local(child)
        if name == "tr":
            yield child
        elif name in ("sdt", "customXml", "ins", "moveTo"):
            inner = child.find(w("sdtContent")) if name == "sdt" else child
            if inner is not None:
                yield from iter_rows(inner)


def iter_cells(tr):
    for child in tr:
        name = local(child)
        if name == "tc":
            yield child
        elif name in ("sdt", "customXml", "ins", "moveTo"):
            inner = child.find(w("sdtContent")) if name == "sdt" else child
            if inner is not None:
                yield from iter_cells(inner)


def row_height(tr) -> tuple[float, str]:
    """Declared row height in points and its rule (atLeast / exact / auto)."""
    pr = tr.find(w("trPr"))
    el = pr.find(w("trHeight")) if pr is not None else None
    if el is None:
        return 0.0, "auto"
    return (int_val(el, default=0) or 0) / 20, el.get(w("hRule")) or "atLeast"


__all__ = ["GridBuilder", "cell_props", "row_props", "grid_columns", "iter_rows", "iter_cells", "row_height"]

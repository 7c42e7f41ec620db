"""Forms stacked on one sheet: one table per form.

Finance bureaus often put several 自评表 one below the other on a single sheet, separated by
blank rows. Read as one grid, the second form's rows would continue the first's (its budget block
under the first one's totals, its 总分 summing both forms). A gap of blank rows that no merged
region crosses, followed by a row whose only text is in one cell (a title), starts a new table.
A blank row inside one form (before its 填报说明, between two blocks) is not followed by a
title row and leaves the form whole, and a one-cell note after a gap has no body to be a form."""
from __future__ import annotations

from jixiao.extract.document import Table


def _title_row(row: list[str]) -> bool:
    return sum(1 for v in row if v) == 1


def split_stacked(table: Table, min_gap: int = 1, min_rows: int = 3) -> list[Table]:
    """The table cut at every gap of at least ``min_gap`` blank rows before a title row."""
    rows, n = table.rows, len(table.rows)
    crossing = set()
    for r1, _c1, r2, _c2 in table.merges:
        crossing.update(range(r1, r2 + 1))
    cuts, r = [0], 0
    while r < n:
        if any(rows[r]) or r in crossing:
            r += 1
            continue
        gap_end = r
        while gap_end < n and not any(rows[gap_end]) and gap_end not in crossing:
            gap_end += 1
        if gap_end - r >= min_gap and gap_end < n and r > cuts[-1] and _title_row(rows[gap_end]):
            cuts.append(gap_end)
        r = gap_end
    # a form has a body: a note after a blank row ("注：…", one cell, one line) stays with its form
    bounds = cuts + [n]
    cuts = [a for i, a in enumerate(cuts) if i == 0 or sum(1 for x in rows[a:bounds[i + 1]] if any(x)) >= min_rows]
    if len(cuts) == 1:
        return [table]
    out = []
    for a, b in zip(cuts, cuts[1:] + [n]):
        end = b
        while end > a and not any(rows[end - 1]):
            end -= 1  # the gap belongs to neither form
        pages = table.row_pages[a:end] or [table.page_start]
        merges = [(r1 - a, c1, r2 - a, c2) for r1, c1, r2, c2 in table.merges if a <= r1 and r2 < end]
        out.append(Table(rows=[list(x) for x in rows[a:end]], page_start=pages[0], page_end=pages[-1],
                         merges=merges, row_pages=list(pages), sheet=table.sheet, source=table.source,
                         confidence=table.confidence, kind=table.kind))
    return out

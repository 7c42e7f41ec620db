"""Rows of a borderless table (``unruled``): which bands start a row, and whether the rows can be
trusted at all.

Without rulings the only evidence for a row break is the text itself. A band continues the
row above when every piece of it sits right under a cell line that ran out of room (a full line,
or one whose next unbreakable word did not fit) and numbers are never wrapped unless visibly cut
("1,856,400." / "00"). Word puts no space between rows, so spacing cannot tell. What stays
ambiguous is refused: a table is dropped rather than cut into the wrong rows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .settings import PdfSettings
from .text import first_token_width

if TYPE_CHECKING:
    from .unruled import Band, Piece

_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$")  # 1,234,567.89
_ONE_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?%?$")
_LABEL = re.compile(r"^[^：:\d\s]{1,12}[：:]")  # "单位名称：…", "联系电话："
_LEADER = re.compile(r"[.．·…‥]{4,}")  # a table of contents: "一、概述……………1"


@dataclass(eq=False)
class Row:
    """Bands of one table row, and the pieces that are its cells' lines."""

    bands: list[Band] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)

    def lowest(self) -> dict[int, Piece]:
        """Column -> the row's last cell line in it."""
        return {p.col: p for p in sorted(self.pieces, key=lambda p: p.top)}

    def text(self, col: int) -> str:
        return "".join(p.text for p in sorted(self.pieces, key=lambda p: p.top) if p.col == col)


def _split_number(a: str, b: str) -> bool:
    """``a`` over ``b`` is one amount broken by a narrow column ("1,856,400.0" / "0"): only amounts
    with thousands separators, visibly cut (ends in a separator, a short group, one decimal)."""
    return bool(_GROUPED.match(a + b)) and (a.endswith((".", ",")) or b.startswith((".", ",")) or bool(
        re.search(r",\d{0,2}$", a)) or bool(re.search(r",\d{3}\.\d$", a) and re.match(r"^\d%?$", b)))


def _wraps(q: Piece, p: Piece, col: list[float], s: PdfSettings, numbers: bool = False) -> bool:
    """``p`` goes on with the text of ``q`` right above it: ``q`` starts at the column's left text
    edge and ends where the next character or unbreakable word (a number, "≥95%") did not fit.
    Numbers do not wrap unless visibly cut; ``numbers`` asks about the geometry alone."""
    size = q.size
    if p.top < q.bottom - 1 or p.top - q.bottom > s.unruled_wrap_gap_em * size \
            or q.x0 > col[0] + s.unruled_full_em * size or q.x1 > col[1] + 0.5 * size:
        return False
    room = col[1] - q.x1
    if (p.number or q.number) and not numbers:
        return room <= s.unruled_full_em * size and _split_number(q.text, p.text)
    return room <= s.unruled_full_em * size or room < first_token_width(SimpleNamespace(chars=p.chars)) + 0.5 * size


def _unclosed(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def group_rows(bands: list[Band], cols: list[list[float]], s: PdfSettings) -> list[Row]:
    """Bands grouped into rows. A band filling as many columns as the row's first band starts a
    row (wrapping never reaches every filled cell at once); in a new row, a piece closing a
    bracket left open right above it ("投入（20" / "分）") is the rest of a merged cell's text."""
    rows: list[Row] = []
    for b in bands:
        row = rows[-1] if rows else None
        last = row.lowest() if row else {}
        if row and b.n_cols() < row.bands[0].n_cols() \
                and all(p.col in last and _wraps(last[p.col], p, cols[p.col], s) for p in b.pieces):
            row.bands.append(b)
            row.pieces += b.pieces
            continue
        new = Row([b])
        for p in b.pieces:
            q = last.get(p.col)
            back = q is not None and _unclosed(row.text(p.col)) and not _unclosed(p.text) \
                and ("）" in p.text or ")" in p.text) and -1 <= p.top - q.bottom <= s.unruled_wrap_gap_em * p.size
            (row.pieces if back else new.pieces).append(p)
        if new.pieces:
            rows.append(new)
        else:  # nothing but the end of a merged cell's text
            row.bands.append(b)
    # a table ends with a table-like row or the wrapped lines of one, not with a stray line
    while len(rows) > 1 and len(rows[-1].bands) == 1 and rows[-1].bands[0].n_cols() < s.unruled_min_cols:
        pop_row(rows, len(rows) - 1)
    return rows


def plausible(rows: list[Row], cols: list[list[float]], s: PdfSettings) -> bool:
    """Enough table-like bands, every column used, nothing saying form, contents or prose; no
    number with more text under it in its cell (rows of a vertically centred table swallowed
    into one band), and no row whose every cell runs on into the next row (the first lines of
    cells centred over three or more lines: the rows would be cut in the wrong places)."""
    bands = [b for r in rows for b in r.bands]
    pieces = [p for b in bands for p in b.pieces]
    wide = sum(1 for r in rows if any(b.n_cols() >= s.unruled_min_cols for b in r.bands))
    if len(cols) < s.unruled_min_cols or wide < s.unruled_min_rows:
        return False
    used = [sum(1 for b in bands if any(p.col == k for p in b.pieces)) for k in range(len(cols))]
    if min(used) < s.unruled_col_min_rows:
        return False
    if any(_LEADER.search(p.text) for p in pieces) or \
            sum(1 for p in pieces if _LABEL.match(p.text)) > s.unruled_label_share * len(pieces):
        return False
    if sorted(len(p.text) for p in pieces)[len(pieces) // 2] > s.unruled_max_median_chars:
        return False
    for row in rows:
        for k in range(len(cols)):
            ps = sorted((p for p in row.pieces if p.col == k), key=lambda p: p.top)
            if any(q.number and not _split_number(q.text, p.text) for q, p in zip(ps, ps[1:])):
                return False
    for up, row, down in zip(rows, rows[1:], rows[2:]):
        # a lone label between two full rows that leave its column empty: a merged cell centred
        # over rows (Excel), which rows it spans cannot be read without its borders
        cells = {p.col for p in row.pieces}
        if len(cells) == 1 and all(len({p.col for p in r.pieces}) >= s.unruled_min_cols
                                   and not cells & {p.col for p in r.pieces} for r in (up, down)):
            return False
    for row, nxt in zip(rows, rows[1:]):
        low, first = row.lowest(), {p.col: p for p in nxt.bands[0].pieces if p in nxt.pieces}
        if low and all(not q.number and k in first and _wraps(q, first[k], cols[k], s) for k, q in low.items()):
            return False
        # a band of numbers only, right under full cells and joining the numbers above into one:
        # "25000" / "0" is a figure cut by a narrow column or two rows, no way to tell
        if first and nxt.bands[0].n_cols() < row.bands[0].n_cols() and all(p.number for p in first.values()) \
                and all(k in low and _wraps(low[k], p, cols[k], s, numbers=True) for k, p in first.items()) \
                and any(_ONE_NUMBER.match(low[k].text + p.text) for k, p in first.items()):
            return False
    return True


def pop_row(rows: list[Row], k: int) -> Row:
    """Drop row ``k`` with every piece of its bands (one given back to the row above, too)."""
    gone = rows.pop(k)
    mine = {id(p) for b in gone.bands for p in b.pieces}
    for r in rows:
        r.pieces = [p for p in r.pieces if id(p) not in mine]
    return gone


def trim(rows: list[Row], above: Band | None, below: Band | None, cols: list[list[float]],
         s: PdfSettings) -> list[Row]:
    """Without a first or last row whose cells go on in the lines just around the table: there
    the table begins or ends inside a row (a header spanning columns above, a centred cell below).
    One such row at each end is dropped; a second one means the rows cannot be told apart."""
    edges = [float("-inf")] + [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:])] + [float("inf")]

    def placed(band: Band | None) -> dict[int, Piece]:
        """The band's pieces that stay within one column's share of the page width."""
        return {k: p for p in (band.pieces if band else []) for k in range(len(cols))
                if edges[k] <= p.x0 and p.x1 <= edges[k + 1]}

    def starts_inside(rows: list[Row], above: Band | None) -> bool:
        up = placed(above)
        return bool(rows) and any(p.col in up and _wraps(up[p.col], p, cols[p.col], s)
                                  for p in rows[0].bands[0].pieces)

    def ends_inside(rows: list[Row], below: Band | None) -> bool:
        low = rows[-1].lowest() if rows else {}
        return any(k in low and _wraps(low[k], p, cols[k], s) for k, p in placed(below).items())

    if starts_inside(rows, above):
        above = pop_row(rows, 0).bands[-1]
        if starts_inside(rows, above):
            return []
    if ends_inside(rows, below):
        below = pop_row(rows, len(rows) - 1).bands[0]
        if ends_inside(rows, below):
            return []
    return rows

"""Tables drawn without ruling lines, found from the alignment of the text left over.

A Word table with its borders switched off, or a sheet printed without gridlines, reaches the
PDF as text at aligned positions only: ``tables.find_segments`` (ruling lines) cannot see it and
its cells would be read as lines of prose. This fallback rebuilds a grid from the lines no ruled
table took, and is strict on purpose, because a wrong table is worse than none:

* a line is cut into pieces at gaps far narrower than ``line_split_em`` (the cells of a
  borderless Word table are only the cell padding apart); lines overlapping vertically form
  one band (a cell centred beside a two-line neighbour sits between its two lines);
* columns are the x-extents of the pieces over the bands, and the gutters between them stay
  empty in every band: a piece across a gutter (a paragraph, a title, a spanning header) ends
  the table;
* at least ``unruled_min_rows`` rows fill ``unruled_min_cols`` (≥ 3) columns, so "label ...
  date" lines, "单位名称：…  联系电话：…" lines and two-column key:value layouts are never
  tables; aligned label:value forms, dotted-leader contents and prose columns are refused too;
* rows, and the checks that refuse what cannot be cut into rows safely, are in ``unruled_rows``.

The result is a ``Segment`` like a ruled one (``ruled=False``), so ``Document`` tables need nothing
special. Its parts on two pages are not joined: with no borders, an empty cell atop the next page
cannot tell a row broken by the page break from a new row under a merged cell."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .settings import PdfSettings
from .tables import Cell, Segment, cell_text
from .text import Line, chars_text, is_cjk
from .unruled_rows import Row, group_rows, plausible, trim

_NUMBER = re.compile(r"^[≥≤><＞＜=±+\-−～~]*[\d,，.．]+\s*[%％‰]?$")


@dataclass(eq=False)  # compared by identity: one piece of one page
class Piece:
    """The characters of one line between two wide gaps: one line of one cell."""

    chars: list[dict] = field(repr=False)
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    col: int = -1

    @property
    def number(self) -> bool:
        return bool(_NUMBER.match(self.text))

    @property
    def size(self) -> float:
        return max(c.get("size") or 10.0 for c in self.chars)


@dataclass(eq=False)
class Band:
    """Lines overlapping vertically: one line of a table row."""

    lines: list[Line]
    pieces: list[Piece]
    top: float
    bottom: float
    size: float

    def n_cols(self) -> int:
        """How many x-disjoint groups its pieces form: the columns it fills."""
        n, right = 0, None
        for p in sorted(self.pieces, key=lambda p: p.x0):
            n, right = (n + 1, p.x1) if right is None or p.x0 > right else (n, max(right, p.x1))
        return n


def _ideograph(g: list[dict]) -> bool:
    return len(g) == 1 and is_cjk(g[0]["text"]) and g[0]["text"] not in "，。、；：！？（）《》“”"


def split_line(ln: Line, s: PdfSettings) -> list[Piece]:
    """The line cut at gaps of ``unruled_gap_em``, except inside letter-spaced words ("项  目
    名  称：", "张  三"): lone ideographs at one even spacing are one spaced word, not cells."""
    chars = sorted(ln.chars, key=lambda c: c["x0"])
    cut: list[list[dict]] = [[chars[0]]]
    for c in chars[1:]:
        if c["x0"] - cut[-1][-1]["x1"] > s.unruled_gap_em * max(c.get("size") or 10.0, 1.0):
            cut.append([])
        cut[-1].append(c)
    gaps = [b[0]["x0"] - a[-1]["x1"] for a, b in zip(cut, cut[1:])]
    size = max(chars[0].get("size") or 10.0, 1.0)
    groups, k = [], 0
    while k < len(cut):
        n = 1  # a run of lone ideographs at one even spacing, with the rest of the word after it
        while k + n < len(cut) and _ideograph(cut[k + n - 1]) and is_cjk(cut[k + n][0]["text"]) \
                and gaps[k + n - 1] <= s.unruled_spaced_gap_em * size \
                and abs(gaps[k + n - 1] - gaps[k]) <= 0.25 * size:
            n += 1
        n = n if n >= 3 or n == 2 and _ideograph(cut[k + 1]) else 1
        groups.append([c for g in cut[k:k + n] for c in g])
        k += n
    pieces = [Piece(g, min(c["x0"] for c in g), max(c["x1"] for c in g), min(c["top"] for c in g),
                    max(c["bottom"] for c in g), chars_text(g, s)) for g in groups]
    return [p for p in pieces if p.text]


def make_bands(lines: list[Line], s: PdfSettings) -> list[Band]:
    """Lines top to bottom, those overlapping vertically (at most two lines tall) as one band."""
    bands: list[Band] = []
    for ln in sorted(lines, key=lambda x: (x.top, x.x0)):
        b = bands[-1] if bands else None
        overlap = min(b.bottom, ln.bottom) - max(b.top, ln.top) if b else 0.0
        if b and overlap > s.unruled_band_overlap * min(b.bottom - b.top, ln.height) \
                and max(b.bottom, ln.bottom) - min(b.top, ln.top) <= s.unruled_band_max_em * max(b.size, ln.size):
            b.lines.append(ln)
            b.pieces = sorted(b.pieces + split_line(ln, s), key=lambda p: p.x0)
            b.top, b.bottom = min(b.top, ln.top), max(b.bottom, ln.bottom)
        else:
            bands.append(Band([ln], split_line(ln, s), ln.top, ln.bottom, ln.size))
    return bands


def _fit(cols: list[list[float]], band: Band, seed: bool) -> list[list[float]] | None:
    """The columns widened by the band's pieces, or None when the band does not fit them: a
    piece bridges a gutter, two pieces side by side share a column, or a band that is not
    table-like itself opens a new column."""
    cols = [list(c) for c in cols]
    for p in band.pieces:
        hit = [k for k, (a, b) in enumerate(cols) if p.x0 <= b and p.x1 >= a]
        if len(hit) > 1 or (not hit and not seed):
            return None
        if hit:
            cols[hit[0]] = [min(cols[hit[0]][0], p.x0), max(cols[hit[0]][1], p.x1)]
        else:
            cols.append([p.x0, p.x1])
    cols.sort()
    if any(a[1] >= b[0] for a, b in zip(cols, cols[1:])):
        return None
    for p in band.pieces:
        p.col = next(k for k, (a, b) in enumerate(cols) if p.x0 <= b and p.x1 >= a)
    ps = band.pieces
    if any(p.col == q.col and min(p.bottom, q.bottom) > max(p.top, q.top)
           for i, p in enumerate(ps) for q in ps[i + 1:]):
        return None
    return cols


def _grow(bands: list[Band], i: int, s: PdfSettings, segments: list[Segment]) -> tuple[int, list]:
    """The bands from seed ``i`` on that share one column layout: (end index, columns)."""
    cols, j = _fit([], bands[i], True), i + 1
    if cols is None:  # overlapping pieces on one line (text drawn over text): no layout to follow
        return j, []
    while j < len(bands):
        a, b = bands[j - 1], bands[j]
        size = max(a.size, b.size)
        if b.top - a.bottom > s.unruled_row_gap_em * size or size > s.unruled_size_ratio * min(a.size, b.size) \
                or any(seg.top < b.bottom and seg.bottom > a.top for seg in segments):
            break
        nxt = _fit(cols, b, b.n_cols() >= s.unruled_min_cols)
        if nxt is None:
            break
        cols, j = nxt, j + 1
    for b in bands[i:j]:  # columns only widen as bands join: place every piece once more
        _fit(cols, b, False)
    return j, cols


def _segment(rows: list[Row], cols: list[list[float]], page: int, s: PdfSettings) -> Segment:
    tops = [min(b.top for b in r.bands) for r in rows]
    bottoms = [max(b.bottom for b in r.bands) for r in rows]
    ys = [tops[0] - 1] + [(bottoms[k] + tops[k + 1]) / 2 for k in range(len(rows) - 1)] + [bottoms[-1] + 1]
    xs = [cols[0][0] - 1] + [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:])] + [cols[-1][1] + 1]
    cells, used = [], set()
    for r, row in enumerate(rows):
        for k in range(len(cols)):
            chars = [c for p in row.pieces if p.col == k for c in p.chars]
            text = cell_text(chars, s) if chars else ""
            cells.append(Cell(xs[k], ys[r], xs[k + 1], ys[r + 1], chars=chars, text=text))
            used.update(id(c) for c in chars)
    return Segment(page, xs[0], ys[0], xs[-1], ys[-1], cells, xs, ys, used, ruled=False)


def find_unruled(lines: list[Line], segments: list[Segment], page: int,
                 s: PdfSettings) -> tuple[list[Segment], set[int]]:
    """Borderless tables among a page's leftover ``lines``: (segments, id() of the lines taken).

    Lines inside a ruled table's box (text in a gap without rulings) are left alone."""
    free = [ln for ln in lines if not any(seg.x0 <= ln.xc <= seg.x1 and seg.top <= ln.yc <= seg.bottom
                                          for seg in segments)]
    bands = make_bands(free, s)
    found, taken, i = [], set(), 0
    while i < len(bands):
        if bands[i].n_cols() < s.unruled_min_cols:
            i += 1
            continue
        j, cols = _grow(bands, i, s, segments)
        if not cols:
            i += 1
            continue
        rows = group_rows(bands[i:j], cols, s)
        rows = trim(rows, bands[i - 1] if i else None, bands[j] if j < len(bands) else None, cols, s)
        if not rows:
            i += 1
            continue
        block = [b for r in rows for b in r.bands]
        # the columns' text edges without the bands dropped from the end
        mine = [[p for b in block for p in b.pieces if p.col == k] for k in range(len(cols))]
        cols = [[min((p.x0 for p in ps), default=c[0]), max((p.x1 for p in ps), default=c[1])]
                for ps, c in zip(mine, cols)]
        if plausible(rows, cols, s):
            found.append(_segment(rows, cols, page, s))
            taken.update(id(ln) for b in block for ln in b.lines)
            i = next(k for k, b in enumerate(bands) if b is block[-1]) + 1
        else:
            i += 1
    return found, taken

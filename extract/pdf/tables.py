"""Tables of one page from ruling lines: cell boxes from pdfplumber, cell text assigned by us.

pdfplumber finds the cells (its ``table.cells`` are the boxes bounded by ruling lines, merged
regions included); which characters belong to which cell is decided here, because exported
spreadsheets clip wrapped text at the cell border while the clipped glyphs stay in the file,
outside the cell. Such text is drawn in one go at an even line pitch, so it is followed as a
block (a "run" of lines in content-stream order) and given to the cell the block is centred on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..geometry import cluster
from .rulings import horizontal_edges, open_sides, ruled, vertical_edges, widen
from .settings import PdfSettings
from .text import clean_space, first_token_width, group_lines, join_pieces

# a new numbered item inside a cell ("2.", "（二）", "②") after a finished sentence starts a new line
_ITEM_START = re.compile(r"^(?:\d{1,2}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[①-⑳])")
_SENTENCE_END = tuple("。；;！!？?")


@dataclass
class Cell:
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[dict] = field(default_factory=list, repr=False)
    text: str = ""
    synthetic: bool = False  # made up for a region with a border missing (split by a page break)
    open_top: bool = False  # no ruling along its top: a region that began on the page before
    open_bottom: bool = False  # no ruling along its bottom: it goes on on the next page
    full_top: bool = False  # text starts right at the top border (it may come from the page before)
    full_bottom: bool = False  # text runs down to the bottom border (it may go on on the next page)

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Segment:
    """The part of a table that lies on one page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    cells: list[Cell]
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    used: set[int] = field(default_factory=set, repr=False)  # id() of the chars the cells took
    ruled: bool = True  # False: rebuilt from text alignment alone (unruled.py), no borders to trust

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


def nearest(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def table_settings(s: PdfSettings) -> dict:
    return {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": s.snap_tolerance,
            "join_tolerance": s.join_tolerance, "edge_min_length": s.edge_min_length,
            "intersection_tolerance": s.intersection_tolerance}


def find_segments(page, page_no: int, chars: list[dict], s: PdfSettings) -> list[Segment]:
    """Every ruled table on the page with its cells' text; ``chars`` in content-stream order."""
    segments = []
    for t in page.find_tables(table_settings(s)):
        boxes = [b for b in t.cells if b[2] - b[0] > 1 and b[3] - b[1] > 1]
        if len(boxes) < s.min_table_cells:
            continue
        xs = cluster([b[0] for b in boxes] + [b[2] for b in boxes], s.boundary_tolerance)
        ys = cluster([b[1] for b in boxes] + [b[3] for b in boxes], s.boundary_tolerance)
        cells = [Cell(*map(float, b)) for b in boxes]
        x0, top, x1, bottom = map(float, t.bbox)
        vedges, hedges = vertical_edges(page), horizontal_edges(page)
        x0, x1 = widen(xs, x0, top, x1, bottom, vedges, hedges, s)
        if s.open_sides:
            x0, x1 = open_sides(xs, ys, x0, x1, top, bottom, hedges, vedges, s)
        cells += open_cells(cells, xs, ys, vedges, hedges, s)
        seg = Segment(page_no, x0, top, x1, bottom, cells, xs, ys)
        _assign_text(seg, chars, s)
        segments.append(seg)
    return segments


def _hruled(y: float, x0: float, x1: float, hedges: list, tol: float) -> bool:
    covered = sum(max(0.0, min(b, x1) - max(a, x0)) for hy, a, b in hedges if abs(hy - y) <= tol)
    return covered >= 0.8 * (x1 - x0)


def open_cells(cells: list[Cell], xs: list[float], ys: list[float], edges: list, hedges: list,
               s: PdfSettings) -> list[Cell]:
    """Cells the table finder missed because a border is not drawn.

    A merged region broken by a page break has no border at the break (Excel draws none), so
    the finder, which needs four sides, sees no cell there. A gap in the grid that has ruling
    lines on its left and right is such a cell: uncovered slots are joined down a column and
    then across columns with no ruling between them."""
    nr, nc = len(ys) - 1, len(xs) - 1
    if nr <= 0 or nc <= 0:
        return []
    covered = [[False] * nc for _ in range(nr)]
    for c in cells:
        c1, c2 = nearest(xs, c.x0), nearest(xs, c.x1)
        r1, r2 = nearest(ys, c.top), nearest(ys, c.bottom)
        for r in range(r1, r2):
            for k in range(c1, c2):
                covered[r][k] = True
    strips = []  # (r1, r2, c1, c2) half-open
    for k in range(nc):
        r = 0
        while r < nr:
            if covered[r][k]:
                r += 1
                continue
            r0 = r
            r += 1
            # a strip goes down until a covered slot or a horizontal rule across the column
            while r < nr and not covered[r][k] and not _hruled(ys[r], xs[k], xs[k + 1], hedges, s.snap_tolerance):
                r += 1
            strips.append([r0, r, k, k + 1])
    strips.sort(key=lambda t: (t[0], t[1], t[2]))
    merged: list[list[int]] = []
    for st in strips:
        m = merged[-1] if merged else None
        if m and m[0] == st[0] and m[1] == st[1] and m[3] == st[2] \
                and not ruled(xs[st[2]], ys[st[0]], ys[st[1]], edges, s.snap_tolerance):
            m[3] = st[3]
        else:
            merged.append(st)
    out = []
    for r1, r2, c1, c2 in merged:
        top, bottom = ys[r1], ys[r2]
        if ruled(xs[c1], top, bottom, edges, s.snap_tolerance) and ruled(xs[c2], top, bottom, edges, s.snap_tolerance):
            tol = s.snap_tolerance
            out.append(Cell(xs[c1], top, xs[c2], bottom, synthetic=True,
                            open_top=not _hruled(top, xs[c1], xs[c2], hedges, tol),
                            open_bottom=not _hruled(bottom, xs[c1], xs[c2], hedges, tol)))
    return out


def _cell_at(seg: Segment, x: float, y: float) -> Cell | None:
    for c in seg.cells:
        if c.contains(x, y):
            return c
    return None


def _stream_lines(seg: Segment, chars: list[dict]) -> list[list[dict]]:
    """Pieces of lines in drawing order, cut where the drawing jumps or crosses a column border."""
    pieces: list[list[dict]] = []
    prev = None
    for c in chars:
        xc = (c["x0"] + c["x1"]) / 2
        if not (c.get("text") or "").strip():
            continue  # a space glyph neither joins nor breaks a line
        if not (seg.x0 - 1 <= xc <= seg.x1 + 1):
            prev = None
            continue
        size = c.get("size") or 10.0
        new = prev is None or abs(c["top"] - prev["top"]) > 0.5 * size or c["x0"] < prev["x0"] - 0.5 * size \
            or c["x0"] - prev["x1"] > 1.0 * size \
            or any(prev["x1"] - 1 <= b <= c["x0"] + 1 for b in seg.xs)
        if new:
            pieces.append([c])
        else:
            pieces[-1].append(c)
        prev = c
    return pieces


def _runs(pieces: list[list[dict]], s: PdfSettings) -> list[list[list[dict]]]:
    """Consecutive pieces stacked at a line pitch, overlapping horizontally: one block of text."""
    runs: list[list[list[dict]]] = []
    for p in pieces:
        if runs:
            q = runs[-1][-1]
            size = q[0].get("size") or 10.0
            pitch = p[0]["top"] - q[0]["top"]
            same_size = abs((p[0].get("size") or 10.0) - size) <= 0.1 * size
            overlap = min(max(c["x1"] for c in p), max(c["x1"] for c in q)) - max(p[0]["x0"], q[0]["x0"])
            if same_size and 0.5 * size < pitch <= s.overflow_pitch_em * size and overlap > 0:
                runs[-1].append(p)
                continue
        runs.append([p])
    return runs


def _straddles(run: list[list[dict]], y: float) -> bool:
    """Some line of the run is cut by the horizontal border at ``y``: text that was clipped."""
    return any(min(c["top"] for c in p) < y < max(c["bottom"] for c in p) - 0.5 for p in run)


def _overflow_target(seg: Segment, run: list[list[dict]], owners: list, others: list[dict],
                     s: PdfSettings) -> Cell | None:
    """The one cell a spilling block of text belongs to, or None when the lines are separate texts.

    Two conditions keep separate one-line cells stacked in a column from being glued together:
    the pitch must be even, and a line must be cut by the border the text spills over."""
    if len(run) < 2 or len({id(o) for o in owners}) < 2:
        return None
    size = run[0][0].get("size") or 10.0
    tops = [p[0]["top"] for p in run]
    pitches = [b - a for a, b in zip(tops, tops[1:])]
    if max(pitches) - min(pitches) > s.overflow_pitch_jitter_em * size:
        return None
    top = min(c["top"] for p in run for c in p)
    bottom = max(c["bottom"] for p in run for c in p)
    x0 = min(c["x0"] for p in run for c in p)
    x1 = max(c["x1"] for p in run for c in p)
    xc, yc = (x0 + x1) / 2, (top + bottom) / 2
    if any(o is None for o in owners):  # spills over the table's top or bottom edge
        if not any(o is not None for o in owners):
            return None
        cand = _cell_at(seg, xc, min(max(yc, seg.top + 1), seg.bottom - 1))
        if cand is None or x0 < cand.x0 - 2 or x1 > cand.x1 + 2:
            return None
        if _straddles(run, seg.top) or _straddles(run, seg.bottom):
            return cand
        inside = sum(1 for o in owners if o is not None)
        # no line cut exactly at the edge, but the block runs on across it at its own pitch
        return cand if len(run) >= s.overflow_min_lines and min(inside, len(run) - inside) >= 1 \
            and len(run) - 1 >= 2 else None
    if len(run) < s.overflow_min_lines:
        return None
    cand = _cell_at(seg, xc, yc)
    if cand is None or bottom - top <= cand.height:
        return None
    if _straddles(run, cand.top) or _straddles(run, cand.bottom):
        return cand
    # separate cells stacked in a column each hold their own lines; text that spills into a
    # neighbour cell is drawn over that cell's own text
    return cand if _collides(run, others) else None


def _collides(run: list[list[dict]], others: list[dict]) -> bool:
    mine = {id(c) for p in run for c in p}
    for p in run:
        x0, x1 = min(c["x0"] for c in p), max(c["x1"] for c in p)
        top, bottom = min(c["top"] for c in p), max(c["bottom"] for c in p)
        for c in others:
            if id(c) in mine:
                continue
            w = min(x1, c["x1"]) - max(x0, c["x0"])
            h = min(bottom, c["bottom"]) - max(top, c["top"])
            if w > 0.3 * (c["x1"] - c["x0"]) and h > 0.3 * (c["bottom"] - c["top"]):
                return True
    return False


def _assign_text(seg: Segment, chars: list[dict], s: PdfSettings) -> None:
    pieces = _stream_lines(seg, chars)
    inside = [c for p in pieces for c in p]
    for run in _runs(pieces, s):
        owners = [_cell_at(seg, (p[0]["x0"] + p[-1]["x1"]) / 2,
                           (min(c["top"] for c in p) + max(c["bottom"] for c in p)) / 2) for p in run]
        target = _overflow_target(seg, run, owners, inside, s)
        for p in run:
            for c in p:
                cell = target or _cell_at(seg, (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)
                if cell is not None:
                    cell.chars.append(c)
                    seg.used.add(id(c))
    for cell in seg.cells:
        cell.text = cell_text(cell.chars, s)
        if cell.chars:
            size = max(c.get("size") or 10.0 for c in cell.chars)
            cell.full_top = min(c["top"] for c in cell.chars) - cell.top < s.cell_full_em * size
            cell.full_bottom = cell.bottom - max(c["bottom"] for c in cell.chars) < s.cell_full_em * size


def cell_text(chars: list[dict], s: PdfSettings) -> str:
    """Wrapped lines joined without spaces between CJK; each paragraph of the cell on its own line.

    A paragraph of a cell ends, as in body text, where a line stops short of the cell's text
    edge (and not because the next word was too long to fit) or where a numbered item starts
    after a finished sentence."""
    lines = group_lines(chars, 0, s)
    right = max((ln.x1 for ln in lines), default=0.0)
    text = ""
    for prev, ln in zip([None] + lines, lines):
        if prev is None:
            text = ln.text
            continue
        same_row = abs(ln.top - prev.top) < 0.5 * ln.size
        short = right - prev.x1 > s.short_line_em * prev.size and first_token_width(ln) + 0.5 * ln.size < right - prev.x1
        item = _ITEM_START.match(ln.text) and text.endswith(_SENTENCE_END)
        if not same_row and (short or item):
            text += "\n" + ln.text
        else:
            text = join_pieces(text, ln.text)
    return "\n".join(clean_space(t) for t in text.split("\n"))


def clipped_leftover(seg: Segment, line, s: PdfSettings) -> bool:
    """A line just outside the table in the column of a region cut by the page break.

    Excel draws a merged region's text centred on the whole region, on each page, clipped to
    the part on that page; what falls beyond the table edge is invisible and repeated on the
    other page, so it is neither paragraph text nor a reason to think the table has ended."""
    reach = s.clipped_reach_em * (line.size or 10.0)
    for c in seg.cells:
        if not (c.open_top or c.open_bottom) or line.x0 < c.x0 - 1 or line.x1 > c.x1 + 1:
            continue
        if c.open_bottom and abs(c.bottom - seg.bottom) < 1 and 0 <= line.top - seg.bottom + 1 <= reach:
            return True
        if c.open_top and abs(c.top - seg.top) < 1 and 0 <= seg.top - line.bottom + 1 + (line.bottom - line.top) <= reach:
            return True
    return False

"""Tables on a page image: ruling lines -> cell grid -> merged regions.

Morphological opening with a long thin kernel keeps only strokes longer than a character
(rulings) and drops text. The kernel length follows the page's text height (from the text
boxes), so a one-row-high cell border survives while a glyph's stroke does not. Rulings that
touch no perpendicular ruling (a dash in a cell, an underline) are not table structure.
Between two neighbouring grid cells the edge exists when a ruling covers most of it; where it
is missing the cells belong to one merged region.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..geometry import cluster
from .settings import OcrSettings


@dataclass
class Grid:
    xs: list[float]  # column boundaries, left to right (n_cols + 1)
    ys: list[float]  # row boundaries, top to bottom (n_rows + 1)
    regions: list[tuple[int, int, int, int]] = field(default_factory=list)  # (r1, c1, r2, c2) incl.
    v_edges: np.ndarray | None = None  # [r, c]: ruling between column c and c+1 in row r
    h_edges: np.ndarray | None = None  # [r, c]: ruling between row r and r+1 in column c

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def region_of(self, r: int, c: int) -> tuple[int, int, int, int]:
        for reg in self.regions:
            if reg[0] <= r <= reg[2] and reg[1] <= c <= reg[3]:
                return reg
        return (r, c, r, c)

    def row_at(self, y: float) -> int | None:
        for r in range(self.n_rows):
            if self.ys[r] <= y < self.ys[r + 1]:
                return r
        return None

    def col_at(self, x: float) -> int | None:
        for c in range(self.n_cols):
            if self.xs[c] <= x < self.xs[c + 1]:
                return c
        return None


def binarize(gray: np.ndarray) -> np.ndarray:
    """Ink = 255. Adaptive thresholding copes with uneven scan lighting and grey paper."""
    import cv2  # noqa: PLC0415

    block = max(15, (min(gray.shape) // 60) | 1)
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15)


def _segments(mask: np.ndarray, horizontal: bool, max_thick: int) -> list[tuple[float, float, float]]:
    """(position, start, end) of each stroke: y, x0, x1 for horizontal; x, y0, y1 for vertical."""
    import cv2  # noqa: PLC0415

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if horizontal:
            if h > max_thick:
                continue
            out.append((y + h / 2.0, float(x), float(x + w)))
        else:
            if w > max_thick:
                continue
            out.append((x + w / 2.0, float(y), float(y + h)))
    return out


def _touches(seg, others, tol: float) -> bool:
    """A ruling belongs to a table when one of its ends (or its body) meets a perpendicular one."""
    pos, a, b = seg
    for opos, oa, ob in others:
        if a - tol <= opos <= b + tol and oa - tol <= pos <= ob + tol:
            return True
    return False





def _coverage(mask: np.ndarray, pos: float, a: float, b: float, tol: int, horizontal: bool) -> float:
    """Share of the span a..b where the mask has ink within tol of the ruling position."""
    lo, hi = int(a + tol), int(b - tol)
    if hi <= lo:
        return 1.0
    p0, p1 = max(0, int(pos) - tol), int(pos) + tol + 1
    band = mask[p0:p1, lo:hi] if horizontal else mask[lo:hi, p0:p1]
    if band.size == 0:
        return 0.0
    hits = band.any(axis=0) if horizontal else band.any(axis=1)
    return float(hits.mean())


def find_grids(img: np.ndarray, text_height: float, settings: OcrSettings,
               ink: np.ndarray | None = None) -> list[Grid]:
    """Every ruled table on the page image (BGR or grey), top to bottom."""
    import cv2  # noqa: PLC0415

    gray = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    if ink is None:
        ink = binarize(gray)
    klen = int(max(settings.line_min_frac * min(w, h) * 0.5, text_height))
    max_thick = max(3, int(settings.line_max_thickness * w))
    tol = max(2, int(settings.line_merge_px_frac * w))
    # a 1-pixel bridge closes the gaps that scanning noise leaves inside a printed ruling
    hmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (klen, 1)))
    hmask = cv2.morphologyEx(hmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (tol * 2 + 1, 1)))
    vmask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, klen)))
    vmask = cv2.morphologyEx(vmask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, tol * 2 + 1)))
    hsegs = _segments(hmask, True, max_thick)
    vsegs = _segments(vmask, False, max_thick)
    hsegs = [s for s in hsegs if _touches(s, vsegs, tol * 2)]
    vsegs = [s for s in vsegs if _touches(s, hsegs, tol * 2)]
    if len(hsegs) < 2 or len(vsegs) < 2:
        return []
    # one table = one connected group of touching rulings
    groups = _group(hsegs, vsegs, tol * 2)
    grids = []
    for hs, vs in groups:
        g = _grid(hs, vs, hmask, vmask, tol, settings, w)
        if g is not None:
            grids.append(g)
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _group(hsegs, vsegs, tol):
    parent = list(range(len(hsegs) + len(vsegs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, hs in enumerate(hsegs):
        for j, vs in enumerate(vsegs):
            if hs[1] - tol <= vs[0] <= hs[2] + tol and vs[1] - tol <= hs[0] <= vs[2] + tol:
                parent[find(i)] = find(len(hsegs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, hs in enumerate(hsegs):
        groups.setdefault(find(i), ([], []))[0].append(hs)
    for j, vs in enumerate(vsegs):
        groups.setdefault(find(len(hsegs) + j), ([], []))[1].append(vs)
    return list(groups.values())


def _grid(hs, vs, hmask, vmask, tol, settings: OcrSettings, page_w: int) -> Grid | None:
    min_gap = max(tol + 1, settings.cell_min_px_frac * page_w)
    ys = cluster([s[0] for s in hs], min_gap)
    xs = cluster([s[0] for s in vs], min_gap)
    if len(ys) - 1 < settings.table_min_rows or len(xs) - 1 < settings.table_min_cols:
        return None
    nr, nc = len(ys) - 1, len(xs) - 1
    v_edges = np.zeros((nr, max(nc - 1, 0)), dtype=bool)
    h_edges = np.zeros((max(nr - 1, 0), nc), dtype=bool)
    for r in range(nr):
        for c in range(nc - 1):
            v_edges[r, c] = _coverage(vmask, xs[c + 1], ys[r], ys[r + 1], tol, False) >= settings.edge_cover_min
    for r in range(nr - 1):
        for c in range(nc):
            h_edges[r, c] = _coverage(hmask, ys[r + 1], xs[c], xs[c + 1], tol, True) >= settings.edge_cover_min
    g = Grid(xs=xs, ys=ys, v_edges=v_edges, h_edges=h_edges)
    g.regions = _regions(v_edges, h_edges, nr, nc)
    return g


def _regions(v_edges, h_edges, nr: int, nc: int) -> list[tuple[int, int, int, int]]:
    """Cells joined where no ruling separates them; each group's bounding box is one region."""
    parent = {(r, c): (r, c) for r in range(nr) for c in range(nc)}

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for r in range(nr):
        for c in range(nc - 1):
            if not v_edges[r, c]:
                parent[find((r, c))] = find((r, c + 1))
    for r in range(nr - 1):
        for c in range(nc):
            if not h_edges[r, c]:
                parent[find((r, c))] = find((r + 1, c))
    boxes: dict = {}
    for cell in parent:
        root = find(cell)
        r, c = cell
        b = boxes.get(root)
        boxes[root] = (r, c, r, c) if b is None else (min(b[0], r), min(b[1], c), max(b[2], r), max(b[3], c))
    regions = sorted(set(boxes.values()))
    # an L-shaped group's box may swallow others: keep the outermost
    kept = []
    for reg in sorted(regions, key=lambda b: -(b[2] - b[0] + 1) * (b[3] - b[1] + 1)):
        if not any(k[0] <= reg[0] and reg[2] <= k[2] and k[1] <= reg[1] and reg[3] <= k[3] for k in kept):
            kept.append(reg)
    return sorted(kept)

"""Second looks at table cells: the detector's misses, and dashes read as characters.

Text detection is tuned for lines of text; a lone "8" or "—" in a wide score column is small
and isolated, and is sometimes not found at all. A cell that came out empty but holds
character-sized ink is read again on its own, and kept only when read with high confidence.
"""
from __future__ import annotations

import numpy as np

from .grid import Grid
from .layout import Piece
from .settings import OcrSettings
from .textfix import vocabulary


def _quad(x0, y0, x1, y1) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)


def ink_box(ink: np.ndarray, box: tuple[int, int, int, int], text_h: float,
            settings: OcrSettings) -> tuple[int, int, int, int] | None:
    """Bounding box of the character-like ink inside ``box`` (page coordinates), or None."""
    import cv2  # noqa: PLC0415

    x0, y0, x1, y1 = box
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    crop = ink[y0:y1, x0:x1]
    n, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    min_area = max(4, int(0.01 * text_h * text_h))  # smaller specks are scanner noise
    keep = [stats[i] for i in range(1, n) if stats[i][4] >= min_area]
    if not keep:
        return None
    bx0 = min(s[0] for s in keep)
    by0 = min(s[1] for s in keep)
    bx1 = max(s[0] + s[2] for s in keep)
    by1 = max(s[1] + s[3] for s in keep)
    if by1 - by0 < settings.rescue_min_ink_height * text_h and bx1 - bx0 < settings.rescue_min_ink_height * text_h:
        return None
    return x0 + bx0, y0 + by0, x0 + bx1, y0 + by1


def empty_cell_quads(grid: Grid, filled: set[tuple[int, int]], ink: np.ndarray, text_h: float,
                     settings: OcrSettings) -> list[tuple[tuple[int, int], np.ndarray]]:
    """(region top-left, quad to read) for each region with no text but with ink in it."""
    pad_in = max(4, int(0.2 * text_h))  # stay clear of the rulings
    pad_out = max(2, int(0.25 * text_h))  # the recogniser wants a margin around glyphs
    out = []
    for r1, c1, r2, c2 in grid.regions:
        if (r1, c1) in filled:
            continue
        box = (int(grid.xs[c1]) + pad_in, int(grid.ys[r1]) + pad_in,
               int(grid.xs[c2 + 1]) - pad_in, int(grid.ys[r2 + 1]) - pad_in)
        found = ink_box(ink, box, text_h, settings)
        if found is None:
            continue
        bx0, by0, bx1, by1 = found
        # at least one text line tall and one character wide: a dash's ink alone is a sliver
        # the recogniser cannot read
        half = max(text_h / 2, (by1 - by0) / 2 + pad_out)
        cy = (by0 + by1) / 2
        half_w = max(text_h / 2, (bx1 - bx0) / 2 + pad_out)
        cx = (bx0 + bx1) / 2
        q = _quad(max(box[0] - pad_in // 2, cx - half_w), max(box[1] - pad_in // 2, cy - half),
                  min(box[2] + pad_in // 2, cx + half_w), min(box[3] + pad_in // 2, cy + half))
        out.append(((r1, c1), q))
    return out


def is_dash(text: str) -> bool:
    return text in vocabulary()["table"]["dash_lookalikes"]


def normalize_dash(text: str) -> str:
    return vocabulary()["table"]["dash"] if is_dash(text) else text


def piece_from(q: np.ndarray, text: str, conf: float) -> Piece:
    return Piece(float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max()), text, conf)


def reach_to_border(boxes: list[tuple[float, float, float, float]], grid: Grid, ink: np.ndarray,
                    text_h: float, settings: OcrSettings) -> list[tuple[float, float, float, float]]:
    """Text boxes grown over glyphs the detector left out next to a cell's ruling.

    A character printed against a vertical ruling (一级指标 in a tight first column) merges
    with the line in the detector's eyes and is dropped from the box. The ink between the box
    and the ruling is taken back when it runs on from the box's own ink, never across another
    box and never more than ``settings.border_reach`` characters."""
    margin = max(3, int(0.15 * text_h))
    reach = settings.border_reach * text_h
    gap = 0.5 * text_h
    out = []
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        r = grid.row_at((y0 + y1) / 2)
        c0, c1 = grid.col_at(x0 + 1), grid.col_at(x1 - 1)
        if r is None or c0 is None or c1 is None:
            out.append((x0, y0, x1, y1))
            continue
        lb = grid.xs[grid.region_of(r, c0)[1]] + margin
        rb = grid.xs[grid.region_of(r, c1)[3] + 1] - margin
        ya, yb = int(y0 + 0.2 * (y1 - y0)), int(y1 - 0.2 * (y1 - y0)) + 1
        others = [b for j, b in enumerate(boxes) if j != i and b[1] < y1 and b[3] > y0]
        nx0, nx1 = x0, x1
        if x0 - lb > 1 and not any(b[2] > lb and b[0] < x0 for b in others):
            cols = np.nonzero(ink[ya:yb, int(max(lb, x0 - reach)):int(x0)].any(axis=0))[0]
            start = int(max(lb, x0 - reach))
            run = _run_towards(cols + start, int(x0), gap, leftwards=True)
            if run is not None:
                nx0 = max(lb - margin + 1, run - 2)
        if rb - x1 > 1 and not any(b[0] < rb and b[2] > x1 for b in others):
            start = int(x1)
            cols = np.nonzero(ink[ya:yb, start:int(min(rb, x1 + reach))].any(axis=0))[0]
            run = _run_towards(cols + start, int(x1), gap, leftwards=False)
            if run is not None:
                nx1 = min(rb + margin - 1, run + 2)
        out.append((float(nx0), y0, float(nx1), y1))
    return out


def _run_towards(cols: np.ndarray, edge: int, gap: float, leftwards: bool) -> int | None:
    """The far end of the ink that continues from ``edge`` with no gap wider than ``gap``."""
    if cols.size == 0:
        return None
    seq = sorted(cols.tolist(), reverse=leftwards)
    last = edge
    far = None
    for x in seq:
        if abs(x - last) > gap:
            break
        far, last = x, x
    return far

"""Pages scanned sideways or upside down, turned upright before anything is read.

Wide forms (横版自评表) are often fed to the scanner in portrait and come out rotated by 90°,
and a stack of pages may hold one upside down. The text detector still finds the lines of a
sideways page, but as tall boxes; the direction classifier that ships with the recogniser
tells upright from upside-down lines. Both checks are cheap next to recognition.
"""
from __future__ import annotations

import numpy as np

from .settings import OcrSettings


def _turn(img: np.ndarray, quarter_turns_cw: int) -> np.ndarray:
    import cv2  # noqa: PLC0415

    codes = {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[quarter_turns_cw]) if quarter_turns_cw % 4 else img


def _turn_quads(quads: list[np.ndarray], shape: tuple[int, ...], turns: int) -> list[np.ndarray]:
    """The same boxes on the turned image (180° only: other turns re-detect)."""
    h, w = shape[:2]
    out = []
    for q in quads:
        p = np.empty_like(q)
        p[:, 0] = w - q[:, 0]
        p[:, 1] = h - q[:, 1]
        out.append(p[[2, 3, 0, 1]])  # keep clockwise-from-top-left order
    return out


def sideways(quads: list[np.ndarray], settings: OcrSettings) -> bool:
    """Most text boxes taller than wide: the lines run vertically, the page lies on its side."""
    boxes = [(float(np.ptp(q[:, 0])), float(np.ptp(q[:, 1]))) for q in quads]
    long = [(w, h) for w, h in boxes if max(w, h) > 3 * min(w, h)]  # single glyphs say nothing
    if len(long) < settings.orient_min_lines:
        return False
    tall = sum(h > w for w, h in long)
    return tall > 0.6 * len(long)


def upright(img: np.ndarray, quads: list[np.ndarray], engine, settings: OcrSettings
            ) -> tuple[np.ndarray, list[np.ndarray], int]:
    """(upright image, its text boxes, degrees turned clockwise)."""
    turned = 0
    if settings.orient and sideways(quads, settings):
        img = _turn(img, 1)
        quads = engine.detect(img)
        turned = 90
    if not settings.orient or len(quads) < settings.orient_min_lines:
        return img, quads, turned
    widest = sorted(quads, key=lambda q: -float(np.ptp(q[:, 0])))[:settings.orient_sample]
    votes = engine.upside_down(img, widest)
    if not votes:
        return img, quads, turned
    flipped = sum(s for down, s in votes if down)
    kept = sum(s for down, s in votes if not down)
    if flipped > 2 * kept:  # a clear majority: a few odd glyph boxes do not turn a page
        quads = _turn_quads(quads, img.shape, 2)
        img = _turn(img, 2)
        turned = (turned + 180) % 360
    return img, quads, turned

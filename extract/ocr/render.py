"""Page image in, straightened page image out.

A scanned PDF page is usually one image: rendering it at that image's own pixel density
keeps every pixel the scanner captured without inventing any, so detection neither works on
an upsampled blur nor loses thin strokes. Pages that are not a single image use a fixed DPI.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .settings import OcrSettings


def native_dpi(page) -> float | None:
    """Pixel density of the largest image on the page, if one image covers most of it."""
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    pw, ph = page.get_size()
    best = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        try:
            px_w, px_h = obj.get_px_size()
            x0, y0, x1, y1 = obj.get_bounds()
        except Exception:  # noqa: BLE001 - an unreadable image object just gives no hint
            continue
        w, h = x1 - x0, y1 - y0
        if w <= 0 or h <= 0 or w * h < 0.5 * pw * ph:
            continue
        dpi = min(px_w / w, px_h / h) * 72.0
        if best is None or dpi > best:
            best = dpi
    return best


def render_page(pdf_path: Path, page_number: int, settings: OcrSettings) -> tuple[np.ndarray, float]:
    """(RGB image, dpi) of a 1-based page."""
    import pypdfium2 as pdfium  # noqa: PLC0415

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= page_number <= len(pdf):
            raise ValueError(f"page {page_number} out of range 1..{len(pdf)}")
        page = pdf[page_number - 1]
        native = native_dpi(page) if settings.native_resolution else None
        # a scan is never upsampled (that adds blur, not detail); only capped for speed
        dpi = min(native, settings.max_dpi) if native else settings.dpi
        bitmap = page.render(scale=dpi / 72.0)
        img = np.ascontiguousarray(bitmap.to_numpy()[:, :, :3])
        # pdfium renders BGR(A) by default; the models were trained on what cv2 reads (BGR) too,
        # so the channel order is kept as is
        page.close()
    finally:
        pdf.close()
    return img, dpi


def ruling_skew(img: np.ndarray) -> float | None:
    """The slope of long horizontal rulings (a form's lines), None when the page has none.

    A table page has few long text lines but many long rulings; each ruling's pixels give a
    least-squares slope far more precise than a short text box's rectangle."""
    import cv2  # noqa: PLC0415

    from .grid import binarize  # noqa: PLC0415

    gray = img if img.ndim == 2 else cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    h, w = gray.shape
    ink = binarize(gray)
    # short enough that a tilted ruling still leaves long runs, long enough to drop text
    k = max(15, w // 40)
    mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    angles, weights = [], []
    for i in range(1, n):
        x, y, cw, ch, _ = stats[i]
        if cw > 0.25 * w and ch < 0.05 * cw:
            ys, xs = np.nonzero(labels[y:y + ch, x:x + cw] == i)
            slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
            angles.append(math.degrees(math.atan(slope)))
            weights.append(cw)
    if len(angles) < 2:
        return None
    order = np.argsort(angles)
    cum = np.cumsum(np.asarray(weights, dtype=np.float64)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])  # weighted median


def skew_degrees(quads: list[np.ndarray], settings: OcrSettings, img: np.ndarray | None = None) -> float:
    """The page's skew: from its rulings when it has some, else from long text lines."""
    a = ruling_skew(img) if img is not None else None
    if a is not None:
        return a if settings.deskew_min_degrees <= abs(a) <= settings.deskew_max_degrees else 0.0
    angles = []
    for q in quads:
        dx, dy = float(q[1][0] - q[0][0]), float(q[1][1] - q[0][1])
        h = float(np.linalg.norm(q[3] - q[0]))
        if dx > 4 * max(h, 1.0):
            angles.append(math.degrees(math.atan2(dy, dx)))
    if len(angles) < 3:
        return 0.0
    a = float(np.median(angles))
    if abs(a) < settings.deskew_min_degrees or abs(a) > settings.deskew_max_degrees:
        return 0.0
    return a


def rotate(img: np.ndarray, quads: list[np.ndarray], degrees: float) -> tuple[np.ndarray, list[np.ndarray]]:
    """Rotate the page (white fill) and its text boxes together, so detection need not rerun."""
    import cv2  # noqa: PLC0415

    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), degrees, 1.0)
    out = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=(255, 255, 255))
    moved = []
    for q in quads:
        pts = np.hstack([q, np.ones((4, 1), dtype=np.float32)]) @ m.T
        moved.append(pts.astype(np.float32))
    return out, moved

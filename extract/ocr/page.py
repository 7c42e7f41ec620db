"""One scanned page -> paragraphs and tables, the same blocks a text-layer page gives.

Order of work: render, find text boxes, straighten the page (boxes move with it), find ruled
tables, split boxes that cross a ruling, recognise, then place each piece in a cell or a
paragraph. The result carries source="ocr" and a confidence, so normalize/ needs no OCR code.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from jixiao.extract.document import Block, Paragraph, Table

from .cells import (
    empty_cell_quads,
    is_dash,
    normalize_dash,
    piece_from,
    reach_to_border,
)
from .engine import get_engine
from .grid import Grid, binarize, find_grids
from .layout import (
    Margins,
    Piece,
    cell_text,
    is_page_number,
    opens_paragraph,
    paragraphs,
    visual_lines,
    weighted_confidence,
)
from .orient import upright
from .render import render_page, rotate, skew_degrees
from .settings import OcrSettings
from .textfix import fix_numbers


@dataclass
class OcrPage:
    """What OCR made of one page, with what a caller needs to judge it."""

    page: int
    blocks: list[Block] = field(default_factory=list)
    mean_confidence: float | None = None
    dpi: float = 0.0
    skew_degrees: float = 0.0
    turned_degrees: int = 0  # the page was scanned turned by this much (clockwise) and set upright
    seconds: float = 0.0
    engine: str = ""
    warning: str | None = None
    # the page's first block is a paragraph that does not visibly open (no indent, no heading
    # marker): it most likely continues the previous page's last paragraph
    continues_paragraph: bool = False


def confidence_warning(page: int, mean: float | None, settings: OcrSettings) -> str | None:
    """The document warning for a page OCR read poorly (the pipeline then marks the file partial).

    A page with no text at all (a blank back side, a photo) is not a reading failure: no warning."""
    if mean is None:
        return None
    if mean < settings.warn_mean_confidence:
        return (f"page {page}: low OCR confidence {mean:.2f} (< {settings.warn_mean_confidence:.2f}); "
                "figures read from it may be wrong")
    return None


def _box(q: np.ndarray) -> tuple[float, float, float, float]:
    return float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max())


def _quad(x0, y0, x1, y1) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)


def _in_grid(box, g: Grid) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    gx0, gy0, gx1, gy1 = g.bbox
    return gx0 <= cx <= gx1 and gy0 <= cy <= gy1


def split_at_rulings(quads: list[np.ndarray], grids: list[Grid], page_w: int,
                     settings: OcrSettings) -> list[np.ndarray]:
    """A text box running across a cell border becomes one box per cell.

    Only real borders split (a ruling present in that row); text flowing over a merged
    region's hidden grid line stays whole."""
    min_px = settings.cell_split_min_px_frac * page_w
    out = []
    for q in quads:
        box = _box(q)
        g = next((g for g in grids if _in_grid(box, g)), None)
        if g is None:
            out.append(q)
            continue
        r = g.row_at((box[1] + box[3]) / 2)
        cuts = []
        if r is not None:
            for c in range(g.n_cols - 1):
                xb = g.xs[c + 1]
                if box[0] + min_px < xb < box[2] - min_px and g.v_edges[r, c]:
                    cuts.append(xb)
        if not cuts:
            out.append(q)
            continue
        edges = [box[0]] + cuts + [box[2]]
        for a, b in zip(edges, edges[1:]):
            out.append(_quad(a, box[1], b, box[3]))
    return out


def _piece(q: np.ndarray, text: str, conf: float, min_score: float, s: OcrSettings) -> Piece | None:
    text = text.strip()
    if not text or conf < min_score:
        return None
    if s.fix_numbers:
        text = fix_numbers(text)
    return piece_from(q, text, conf)


def build_table(g: Grid, pieces: list[Piece], page: int, settings: OcrSettings) -> Table:
    cells: dict[tuple[int, int], list[Piece]] = {}
    for p in pieces:
        r, c = g.row_at(p.cy), g.col_at(p.cx)
        if r is None or c is None:
            continue
        r1, c1, _, _ = g.region_of(r, c)
        cells.setdefault((r1, c1), []).append(p)
    rows = [[""] * g.n_cols for _ in range(g.n_rows)]
    for (r, c), ps in cells.items():
        rows[r][c] = normalize_dash(cell_text(ps, settings))
    merges = [reg for reg in g.regions if reg[0] != reg[2] or reg[1] != reg[3]]
    return Table(rows=rows, page_start=page, page_end=page, merges=merges, row_pages=[page] * g.n_rows,
                 source="ocr", confidence=weighted_confidence(pieces))


def _reach(quads: list[np.ndarray], grids: list[Grid], ink, text_h: float, s: OcrSettings) -> list[np.ndarray]:
    """Table boxes grown over glyphs that touch a ruling (see ``cells.reach_to_border``)."""
    out = list(quads)
    for g in grids:
        idx = [i for i, q in enumerate(out) if _in_grid(_box(q), g)]
        old = [_box(out[i]) for i in idx]
        for i, before, after in zip(idx, old, reach_to_border(old, g, ink, text_h, s)):
            if after != before:
                out[i] = _quad(*after)
    return out


def _assign(quads, texts, grids: list[Grid], s: OcrSettings) -> tuple[list[list[Piece]], list[Piece]]:
    """Recognised pieces split into each table's and the running text's."""
    by_grid: list[list[Piece]] = [[] for _ in grids]
    loose: list[Piece] = []
    for q, (text, conf) in zip(quads, texts):
        p = _piece(q, text, conf, s.min_text_score, s)
        if p is None:
            continue
        gi = next((i for i, g in enumerate(grids) if _in_grid(_box(q), g)), None)
        (loose if gi is None else by_grid[gi]).append(p)
    return by_grid, loose


def _rescue(engine, img, ink, text_h: float, grids: list[Grid], by_grid: list[list[Piece]],
            s: OcrSettings) -> None:
    """Read again, one by one, the cells that hold ink but got no text."""
    for g, ps in zip(grids, by_grid):
        filled = set()
        for p in ps:
            r, c = g.row_at(p.cy), g.col_at(p.cx)
            if r is not None and c is not None:
                filled.add(g.region_of(r, c)[:2])
        todo = empty_cell_quads(g, filled, ink, text_h, s)
        for (_, q), (text, conf) in zip(todo, engine.recognize(img, [q for _, q in todo])):
            # a dash stands for "no value" and carries no digits: the usual bar is enough
            p = _piece(q, text, conf, s.min_text_score if is_dash(text.strip()) else s.rescue_min_score, s)
            if p is not None:
                ps.append(p)


def ocr_page_full(pdf_path: Path | str, page_number: int, settings=None) -> OcrPage:
    """``ocr_page`` with the page's confidence, resolution, orientation, skew and timing."""
    import cv2  # noqa: PLC0415 - opencv loads only when a page needs OCR

    s = OcrSettings.from_any(settings)
    started = time.monotonic()
    engine = get_engine(s)
    img, dpi = render_page(Path(pdf_path), page_number, s)
    quads = engine.detect(img)
    img, quads, turned = upright(img, quads, engine, s)
    skew = skew_degrees(quads, s, img) if s.deskew else 0.0
    if skew:
        img, quads = rotate(img, quads, skew)
    h, w = img.shape[:2]
    heights = [_box(q)[3] - _box(q)[1] for q in quads]
    text_h = float(np.median(heights)) if heights else 0.012 * h
    ink = binarize(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    grids = find_grids(img, text_h, s, ink=ink)
    quads = split_at_rulings(quads, grids, w, s)
    quads = _reach(quads, grids, ink, text_h, s)
    by_grid, loose = _assign(quads, engine.recognize(img, quads), grids, s)
    if s.rescue_empty_cells:
        _rescue(engine, img, ink, text_h, grids, by_grid, s)

    placed: list[tuple[float, Block]] = [(g.ys[0], build_table(g, ps, page_number, s))
                                         for g, ps in zip(grids, by_grid)]
    lines = visual_lines(loose, s)
    if s.drop_page_numbers:
        lines = [ln for ln in lines if not is_page_number(ln.text)]
    for text, ps, top in paragraphs(lines, s):
        # a table between two lines leaves a gap taller than a line, so no paragraph spans it
        placed.append((top, Paragraph(text=text, page=page_number, source="ocr",
                                      confidence=weighted_confidence(ps))))
    placed.sort(key=lambda t: t[0])
    continues = bool(lines) and bool(placed) and isinstance(placed[0][1], Paragraph) \
        and not opens_paragraph(lines[0], Margins.of(lines), s)
    mean = weighted_confidence(loose + [p for ps in by_grid for p in ps])
    return OcrPage(page=page_number, blocks=[b for _, b in placed], mean_confidence=mean, dpi=dpi,
                   skew_degrees=round(skew, 3), turned_degrees=turned, engine=engine.name,
                   warning=confidence_warning(page_number, mean, s), continues_paragraph=continues,
                   seconds=round(time.monotonic() - started, 2))

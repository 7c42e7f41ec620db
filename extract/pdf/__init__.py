"""PDF reader: pdfplumber pages to the format-neutral ``Document``.

Per page: tables from ruling lines (``tables``), the remaining characters as lines (``text``),
borderless tables found among those lines by their alignment (``unruled``);
then over the whole file: running headers/footers dropped (``furniture``), tables continued
across pages joined (``stitch``), lines reflowed into paragraphs across page breaks
(``paragraphs``), and pages without a text layer handed to OCR. Blocks keep reading order:
paragraphs and tables interleaved by their position on the page."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from ..document import Document, Page
from .furniture import find_furniture
from .open import open_pdf
from .paragraphs import Layout, build_paragraph, measure, starts_paragraph
from .settings import PdfSettings
from .stitch import columns_agree, stitch
from .tables import Segment, clipped_leftover, find_segments
from .text import Line, group_lines
from .unruled import find_unruled

__all__ = ["read_pdf", "PdfSettings"]


@dataclass
class PageScan:
    number: int
    width: float
    height: float
    text_layer: bool = True
    lines: list[Line] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def items(self) -> list[tuple[float, object]]:
        """Lines and table parts by their top, the page's reading order."""
        out = [(ln.top, ln) for ln in self.lines] + [(seg.top, seg) for seg in self.segments]
        return [x for x in sorted(out, key=lambda t: t[0])]


def dedupe(chars: list[dict], tol: float = 1.0) -> list[dict]:
    """Drop a glyph drawn again over itself (fake bold, shadow), keeping content-stream order.

    pdfplumber's own ``dedupe_chars`` does the same but in quadratic time."""
    seen: set[tuple] = set()
    out = []
    for c in chars:
        key = (c["text"], round(c["x0"] / tol), round(c["top"] / tol))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def slanted(c: dict) -> bool:
    """Text drawn at an angle that is not a multiple of 90 degrees: a watermark, not content."""
    a, b = (c.get("matrix") or (1, 0))[:2]
    return abs(a) > 0.1 * abs(b) and abs(b) > 0.1 * abs(a)


def _has_image_cover(page, share: float) -> bool:
    area = float(page.width) * float(page.height) or 1.0
    return any((i["x1"] - i["x0"]) * (i["bottom"] - i["top"]) >= share * area for i in page.images)


def scan_page(page, number: int, s: PdfSettings) -> PageScan:
    """One page's table parts and text lines, before anything is decided across pages.

    Characters are taken in content-stream order because the table code follows a cell's text
    as it was drawn; the lines are what is left once the cells have taken their characters."""
    scan = PageScan(number, float(page.width), float(page.height))
    w, h = float(page.width), float(page.height)
    # glyphs off the page are not part of what a reader sees
    chars = dedupe([c for c in page.chars if c.get("text") and c["x1"] > 0 and c["x0"] < w and c["bottom"] > 0
                    and c["top"] < h and not slanted(c)])
    visible = [c for c in chars if c["text"].strip()]
    # a scan is an image over most of the page; a blank page or a short table tail is not one
    if len(visible) < s.min_text_chars and _has_image_cover(page, s.scan_image_share):
        scan.text_layer = False  # OCR decides; the few characters are kept in case it cannot run
    scan.segments = find_segments(page, number, chars, s)
    used = set().union(*(seg.used for seg in scan.segments)) if scan.segments else set()

    # text in a table's box but in no cell (a gap without rulings) stays as text: never lost
    scan.lines = [ln for ln in group_lines([c for c in visible if id(c) not in used], number, s)
                  if not any(clipped_leftover(seg, ln, s) for seg in scan.segments)]
    if s.unruled_tables:  # tables drawn without borders, from the alignment of what is left
        try:
            found, taken = find_unruled(scan.lines, scan.segments, number, s)
        except Exception as exc:  # noqa: BLE001 - a fallback must not cost the page its text
            found, taken = [], set()
            scan.warnings.append(f"page {number}: borderless-table search failed: {type(exc).__name__}: {exc}")
        scan.segments += found
        scan.lines = [ln for ln in scan.lines if id(ln) not in taken]
    return scan


def _text_area(scans: list[PageScan]) -> dict[tuple, tuple[float, float]]:
    """Top and bottom of the content per page format, over all pages of that format."""
    area: dict[tuple, tuple[float, float]] = {}
    for sc in scans:
        tops = [ln.top for ln in sc.lines] + [seg.top for seg in sc.segments]
        bottoms = [ln.bottom for ln in sc.lines] + [seg.bottom for seg in sc.segments]
        if not tops:
            continue
        key = (round(sc.width), round(sc.height))
        t, b = area.get(key, (min(tops), max(bottoms)))
        area[key] = (min(t, min(tops)), max(b, max(bottoms)))
    return area


def _continues(a: Segment, sa: PageScan, b: Segment, sb: PageScan, area: dict, s: PdfSettings) -> bool:
    """``b`` (first thing on its page) continues ``a`` (last thing on the previous page)."""
    if sb.number != sa.number + 1 or not (a.ruled and b.ruled) or not columns_agree(a, b, s):
        return False
    ta, ba = area.get((round(sa.width), round(sa.height)), (0.0, sa.height))
    tb, bb = area.get((round(sb.width), round(sb.height)), (0.0, sb.height))
    ends_low = a.bottom >= ba - s.stitch_bottom_share * (ba - ta)
    starts_high = b.top <= tb + s.stitch_top_share * (bb - tb)
    return ends_low and starts_high


def _last_table(items: list[tuple[float, object]]) -> object:
    """The page's last item, where a line that starts inside the last table's box does not count:
    a merged cell's label drawn across the page break ("预算执行过程" centred on a region that goes
    on over the page) is the table's own text, not text after it."""
    k = max((i for i, (_, it) in enumerate(items) if isinstance(it, Segment)), default=None)
    if k is not None and all(it.top < items[k][1].bottom for _, it in items[k + 1:]):
        return items[k][1]
    return items[-1][1]


def _first_table(items: list[tuple[float, object]], before: Segment) -> object:
    """The page's first item, where a line repeating a cell of the table on the page before does
    not count: a merged label ("产出指标") over a region that goes on over the break is drawn again
    above the continuation, clipped, and is that table's text, not a caption of a new one."""
    k = next((i for i, (_, it) in enumerate(items) if isinstance(it, Segment)), None)
    if k is None or k == 0:
        return items[0][1]
    cells = {_squash(c.text) for c in before.cells if c.text}
    if all(_squash(it.text) in cells for _, it in items[:k]):
        return items[k][1]
    return items[0][1]


def _squash(text: str) -> str:
    return "".join((text or "").split())


def _group_tables(scans: list[PageScan], area: dict, s: PdfSettings) -> dict[int, list[Segment]]:
    """id(first segment) -> all parts of that table; continuation parts map to nothing."""
    groups: dict[int, list[Segment]] = {}
    owner: dict[int, int] = {}
    for sa, sb in zip(scans, scans[1:]):
        ia, ib = sa.items(), sb.items()
        if not s.stitch or not ia or not ib:
            continue
        a = _last_table(ia)
        b = _first_table(ib, a) if isinstance(a, Segment) else ib[0][1]
        if isinstance(a, Segment) and isinstance(b, Segment) and _continues(a, sa, b, sb, area, s):
            root = owner.get(id(a), id(a))
            groups.setdefault(root, [a]).append(b)
            owner[id(b)] = root
    for sc in scans:
        for seg in sc.segments:
            if id(seg) not in owner:
                groups.setdefault(id(seg), [seg])
    return {k: v for k, v in groups.items() if k not in owner}


def _ocr(path: Path, sc: PageScan, doc: Document, settings, s: PdfSettings) -> list:
    """The page's blocks read by OCR; without an OCR engine, a warning and nothing."""
    if not s.ocr:
        doc.warnings.append(f"page {sc.number} has no text layer; OCR unavailable: switched off in settings")
        return []
    try:
        ocr_mod = import_module("jixiao.extract.ocr")  # optional and heavy: only for scanned pages
        full = getattr(ocr_mod, "ocr_page_full", None)
        if full is not None:
            res = full(path, sc.number, settings)
            if getattr(res, "warning", None):
                doc.warnings.append(res.warning)
            blocks = list(res.blocks)
        else:
            blocks = list(ocr_mod.ocr_page(path, sc.number, settings))
    except Exception as exc:  # noqa: BLE001 - OcrUnavailable, ImportError, or an engine failure
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        unavailable = isinstance(exc, ImportError) or "Unavailable" in type(exc).__name__
        what = "OCR unavailable" if unavailable else f"OCR failed ({type(exc).__name__})"
        doc.warnings.append(f"page {sc.number} has no text layer; {what}: {reason}")
        return []
    for page in doc.pages:
        if page.number == sc.number:
            page.ocr = True
    return blocks


def read_pdf(path, settings=None) -> Document:
    s = PdfSettings.from_settings(settings)
    path = Path(path)
    doc = Document(path=str(path), format="pdf")
    with open_pdf(path) as pdf:
        doc.metadata.update({k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, (str, int, float))})
        scans = []
        for i, page in enumerate(pdf.pages, 1):
            try:
                sc = scan_page(page, i, s)
            except Exception as exc:  # noqa: BLE001 - one damaged page must not lose the others
                sc = PageScan(i, float(page.width or 0), float(page.height or 0))
                doc.warnings.append(f"page {i} could not be read: {type(exc).__name__}: {str(exc)[:160]}")
            finally:
                page.close()  # free the page's parsed objects: long files stay small in memory
            scans.append(sc)
            doc.warnings += sc.warnings
            doc.pages.append(Page(i, sc.width, sc.height, text_layer=sc.text_layer))
    furniture = find_furniture({sc.number: sc.lines for sc in scans},
                               {sc.number: sc.height for sc in scans}, s)
    for sc in scans:
        sc.lines = [ln for ln in sc.lines if id(ln) not in furniture]
    area = _text_area(scans)
    groups = _group_tables(scans, area, s)
    layouts: dict[tuple, Layout] = {}
    for sc in scans:
        key = (round(sc.width), round(sc.height))
        layouts.setdefault(key, None)
    for key in layouts:
        layouts[key] = measure([ln for sc in scans if (round(sc.width), round(sc.height)) == key for ln in sc.lines])

    current: list[Line] = []

    def flush() -> None:
        if current:
            lay = layouts[(round(scans[current[0].page - 1].width), round(scans[current[0].page - 1].height))]
            doc.blocks.append(build_paragraph(list(current), lay, s))
            current.clear()

    for sc in scans:
        if not sc.text_layer:
            flush()
            ocr_blocks = _ocr(path, sc, doc, settings, s)
            if ocr_blocks or doc.pages[sc.number - 1].ocr:
                doc.blocks.extend(ocr_blocks)
                continue
        lay = layouts[(round(sc.width), round(sc.height))]
        for _, item in sc.items():
            if isinstance(item, Segment):
                flush()
                if id(item) in groups:
                    doc.blocks.append(stitch(groups[id(item)], s))
                continue
            if current and starts_paragraph(current[-1], item, lay, s):
                flush()
            current.append(item)
    flush()
    return doc

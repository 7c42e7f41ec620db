"""Running headers, footers and page numbers: layout, not content.

A line is furniture when it sits in the top or bottom zone of its page and either looks like a
page number (patterns in ``furniture.txt``, which users may extend) or repeats, digits aside,
at about the same height on many pages (a running header such as the report's short title).
Running headers are set in body type or smaller: a repeated line in larger type is the title of
each of several forms printed one per page, and dropping it would join their tables."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .settings import PdfSettings
from .text import Line

PATTERNS_FILE = Path(__file__).with_name("furniture.txt")


@lru_cache(maxsize=4)
def patterns(path: str = str(PATTERNS_FILE)) -> tuple[re.Pattern, ...]:
    out = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            out.append(re.compile(raw))
    return tuple(out)


def looks_like_page_number(text: str) -> bool:
    t = re.sub(r"\s+", "", text)
    return bool(t) and any(p.fullmatch(t) for p in patterns())


def _zone(line: Line, height: float, s: PdfSettings) -> str | None:
    if line.bottom <= height * s.furniture_zone:
        return "top"
    if line.top >= height * (1 - s.furniture_zone):
        return "bottom"
    return None


def _body_size(pages: dict[int, list[Line]]) -> float | None:
    """The median type size of the text lines (tables' text aside): what body lines are set in."""
    sizes = sorted(ln.size for lines in pages.values() for ln in lines)
    return sizes[len(sizes) // 2] if sizes else None


def find_furniture(pages: dict[int, list[Line]], heights: dict[int, float], s: PdfSettings) -> set[int]:
    """id() of every furniture line among the pages' lines (tables' text is not passed in)."""
    out: set[int] = set()
    seen: dict[tuple, list[tuple[int, Line]]] = defaultdict(list)
    for page, lines in pages.items():
        h = heights.get(page) or 842.0
        for ln in lines:
            zone = _zone(ln, h, s)
            if zone is None:
                continue
            if looks_like_page_number(ln.text):
                out.add(id(ln))
                continue
            key = (zone, re.sub(r"\d+", "#", re.sub(r"\s+", "", ln.text)))
            seen[key].append((page, ln))
    n_pages = len(pages)
    body = _body_size(pages)
    for (zone, _), hits in seen.items():
        pages_hit = {p for p, _ in hits}
        if len(pages_hit) < max(s.repeat_min_pages, s.repeat_min_share * n_pages):
            continue
        if body and min(ln.size for _, ln in hits) >= s.title_size_ratio * body:
            continue  # a title in large type atop each of several forms, not a running header
        ys = sorted(ln.top if zone == "top" else heights.get(p, 842.0) - ln.bottom for p, ln in hits)
        mid = ys[len(ys) // 2]
        for p, ln in hits:
            y = ln.top if zone == "top" else heights.get(p, 842.0) - ln.bottom
            if abs(y - mid) <= s.repeat_y_tolerance:
                out.add(id(ln))
    if body:
        out -= _title_blocks(pages, out, body, s)
    return out


def _title_blocks(pages: dict[int, list[Line]], furniture: set[int], body: float, s: PdfSettings) -> set[int]:
    """Lines right under a kept large-type title ("（2023年度）" under "项目支出绩效自评表"): part of
    the title block, repeated with it on every form, not a running header."""
    keep: set[int] = set()
    for lines in pages.values():
        above = None
        for ln in sorted(lines, key=lambda x: x.top):
            is_title = id(ln) not in furniture and ln.size >= s.title_size_ratio * body
            if above is not None and id(ln) in furniture and ln.top - above.bottom <= s.title_block_gap_em * above.size:
                keep.add(id(ln))
                continue
            above = ln if is_title or (above is not None and id(ln) in keep) else None
    return keep

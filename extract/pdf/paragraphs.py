"""Lines to paragraphs: reflow across line and page breaks, and tell headings from body text.

A PDF only has lines. A paragraph ends where the next line is indented (Chinese body text
indents its first line by two characters), where a line stops short of the right edge, where
the gap above a line is wider than the usual line pitch, or where the font changes. A page
break alone does not end a paragraph: the last line of a page that runs to the right edge
continues on the next page, and the paragraph is cited at the page where it starts."""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from statistics import median

from ..document import Paragraph
from .settings import PdfSettings
from .text import Line, first_token_width, join_pieces

HEADINGS_FILE = Path(__file__).with_name("headings.toml")
_SENTENCE_END = tuple("。！？!?；;…")
_NO_HEADING_END = tuple("。，,；;：:、")
_LABEL = re.compile(r"[：:]\s*\S")  # "项目名称：..." on a cover page is a field, not a title


@lru_cache(maxsize=4)
def heading_patterns(path: str = str(HEADINGS_FILE)) -> tuple[tuple[re.Pattern, int], ...]:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return tuple((re.compile(h["pattern"]), int(h["level"])) for h in data.get("heading", []))


@dataclass
class Layout:
    """The text area of one page format: where body lines start and end, the body font size."""

    left: float
    right: float
    size: float
    pitch: float


def measure(lines: list[Line]) -> Layout:
    """Most common left edge, a high percentile of right edges, median size and line pitch."""
    if not lines:
        return Layout(0.0, 0.0, 10.0, 14.0)
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    size = median(ln.size for ln in lines for _ in range(max(len(ln.text), 1)))
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:])
               if a.page == b.page and 0 < b.top - a.top < 3 * size and abs(a.size - b.size) < 0.5]
    pitch = median(pitches) if pitches else 1.5 * size
    return Layout(float(left), float(right), float(size), float(pitch))


def is_centred(ln: Line, lay: Layout, s: PdfSettings) -> bool:
    left_gap, right_gap = ln.x0 - lay.left, lay.right - ln.x1
    return left_gap > 2 * ln.size and abs(left_gap - right_gap) <= s.centre_tolerance_em * ln.size


def starts_paragraph(prev: Line, cur: Line, lay: Layout, s: PdfSettings) -> bool:
    size = max(prev.size, cur.size)
    if abs(prev.size - cur.size) > s.para_size_change * size or prev.bold != cur.bold:
        return True
    if cur.page == prev.page and cur.top - prev.top > lay.pitch + s.para_gap_em * size:
        return True
    if prev.x1 < lay.right - s.short_line_em * prev.size and not _forced_wrap(prev, cur, lay):
        return True  # the previous line stopped short, and not for want of room
    if is_centred(cur, lay, s) and not prev.text.endswith(_SENTENCE_END):
        # a centred title (bold or large) wrapped onto a second line: its first line is full
        return not ((cur.bold or cur.size >= lay.size * s.title_size_ratio)
                    and prev.x1 - prev.x0 >= s.title_wrap_share * (lay.right - lay.left))
    if cur.x0 - lay.left >= s.indent_em * cur.size and cur.x0 > prev.x0 + 0.5 * cur.size:
        return True
    if is_centred(prev, lay, s):
        return True
    return any(p.match(cur.text) for p, _ in heading_patterns()) and prev.text.endswith(_SENTENCE_END)


def _forced_wrap(prev: Line, cur: Line, lay: Layout) -> bool:
    """The previous line ends short only because the next line's first word did not fit."""
    if prev.text.endswith(_SENTENCE_END):
        return False
    room = lay.right - prev.x1
    width = first_token_width(cur)
    return width > 0 and width + 0.5 * cur.size >= room


def heading_level(lines: list[Line], text: str, lay: Layout, s: PdfSettings) -> int | None:
    """1 for a title (centred and larger or bold), else the level its numbering implies."""
    if len(text) > s.heading_max_chars or len(lines) > 2 or text.endswith(_NO_HEADING_END) or _LABEL.search(text):
        return None
    first = lines[0]
    big = first.size >= lay.size * s.title_size_ratio
    if is_centred(first, lay, s) and (big or first.bold):
        return 1
    for pat, level in heading_patterns():
        if pat.match(text):
            body_like = len(lines) == 1 and first.x1 >= lay.right - s.short_line_em * first.size
            return None if body_like and not (big or first.bold) else level
    return 1 if big else None


def build_paragraph(lines: list[Line], lay: Layout, s: PdfSettings) -> Paragraph:
    text = ""
    for ln in lines:
        text = join_pieces(text, ln.text)
    return Paragraph(text=text, page=lines[0].page, heading_level=heading_level(lines, text, lay, s))

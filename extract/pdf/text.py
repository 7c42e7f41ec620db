"""Characters to lines, and lines to text, the CJK way.

Chinese text has no spaces between words, so a PDF's gaps between CJK glyphs are layout
(justification, tab stops), not word breaks; between Latin letters and digits a gap is a
space. Joining wrapped lines follows the same rule: no separator unless two Latin words meet."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from statistics import median

from .settings import PdfSettings

# CJK ideographs, CJK punctuation and full-width forms: characters between which a gap means
# nothing. Latin letters and digits (half- or full-width) are not in this set.
_CJK_RANGES = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF01, 0xFF0F),
               (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65), (0x3000, 0x303F),
               (0x20000, 0x2FA1F))
_WIDE_PUNCT = set("“”‘’—…·、。，；：？！（）《》【】〔〕")
BOLD_FONT = re.compile(r"bold|heavy|black|semibold|demi|hei|黑体|粗", re.I)


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    if ch in _WIDE_PUNCT:
        return True
    o = ord(ch)
    return any(a <= o <= b for a, b in _CJK_RANGES)


def is_latin(ch: str) -> bool:
    return bool(ch) and (ch.isascii() and ch.isalnum() or unicodedata.category(ch)[0] in "LN" and not is_cjk(ch))


def join_pieces(left: str, right: str) -> str:
    """Join two pieces of one logical text (wrapped lines): a space only between Latin words."""
    if not left:
        return right
    if not right:
        return left
    if left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return left + " " + right
    return left + right


def clean_space(text: str) -> str:
    """Drop whitespace between CJK characters, collapse the rest to one space."""
    return _drop_cjk_spaces(re.sub(r"\s+", " ", text).strip())


def _drop_cjk_spaces(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and is_cjk(text[i - 1]) and is_cjk(text[i + 1]):
            continue
        out.append(ch)
    return "".join(out)


@dataclass
class Line:
    """One visual line of text: the unit paragraphs, furniture and cells are built from."""

    chars: list[dict] = field(repr=False)
    page: int = 0
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 10.0
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def yc(self) -> float:
        return (self.top + self.bottom) / 2


_OPENING = set("（(“‘《〈【[")
_CLOSING = set("）)”’》〉】]，。、；：！？,.;:!?")


def _ideograph(ch: str) -> bool:
    return is_cjk(ch) and ch not in _OPENING and ch not in _CLOSING and ch not in _WIDE_PUNCT


def first_token_width(ln: Line) -> float:
    """Width of the start of a line up to its first break opportunity.

    Line breaking may not split a Latin word or number, nor separate an opening bracket or
    quote from what follows, nor start a line with closing punctuation; so a line can end
    early when this unit did not fit. Only a break between two ideographs (or after closing
    punctuation) is taken as certain: spreadsheets also keep "X“7×24”" together."""
    chars = [c for c in sorted(ln.chars, key=lambda c: c["x0"]) if (c.get("text") or "").strip()]
    for i, c in enumerate(chars[:-1]):
        t, nxt = c["text"], chars[i + 1]["text"]
        if (_ideograph(t) or t in _CLOSING) and _ideograph(nxt):  # conservative: joining is the safe error
            return c["x1"] - chars[0]["x0"]
    return (chars[-1]["x1"] - chars[0]["x0"]) if chars else 0.0


def chars_text(chars: list[dict], s: PdfSettings) -> str:
    """Text of chars already on one line, left to right, with spaces where a reader sees them."""
    out: list[str] = []
    prev = None
    for c in sorted(chars, key=lambda c: c["x0"]):
        t = c.get("text") or ""
        if not t:
            continue
        if t.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = None if not out else prev
            continue
        if prev is not None and out and out[-1] != " ":
            gap = c["x0"] - prev["x1"]
            size = max(c.get("size") or 10.0, 1.0)
            both_cjk = is_cjk(prev["text"][-1]) and is_cjk(t[0])
            if gap > (s.cjk_space_gap_em if both_cjk else s.space_gap_em) * size:
                out.append(" ")
        out.append(t)
        prev = c
    return _drop_cjk_spaces("".join(out).strip())


def make_line(chars: list[dict], page: int, s: PdfSettings) -> Line:
    sizes = [c.get("size") or 10.0 for c in chars]
    bold = sum(1 for c in chars if BOLD_FONT.search(c.get("fontname") or "")) > len(chars) / 2
    return Line(chars=chars, page=page, text=chars_text(chars, s), x0=min(c["x0"] for c in chars),
                x1=max(c["x1"] for c in chars), top=min(c["top"] for c in chars),
                bottom=max(c["bottom"] for c in chars), size=median(sizes), bold=bold)


def group_lines(chars: list[dict], page: int, s: PdfSettings) -> list[Line]:
    """Visual lines by vertical overlap, top to bottom (reading order of single-column text)."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if rows:
            cur = rows[-1]
            top = min(x["top"] for x in cur)
            bottom = max(x["bottom"] for x in cur)
            h = min(bottom - top, c["bottom"] - c["top"]) or 1.0
            overlap = min(bottom, c["bottom"]) - max(top, c["top"])
            if overlap >= s.line_overlap * h:
                cur.append(c)
                continue
        rows.append([c])
    pieces = []
    for r in rows:
        r.sort(key=lambda c: c["x0"])
        cur = [r[0]]
        for c in r[1:]:
            if c["x0"] - cur[-1]["x1"] > s.line_split_em * max(c.get("size") or 10.0, 1.0):
                pieces.append(cur)
                cur = []
            cur.append(c)
        pieces.append(cur)
    lines = [make_line(r, page, s) for r in pieces]
    return [ln for ln in lines if ln.text]

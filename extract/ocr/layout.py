"""Recognised text pieces -> visual lines -> paragraphs (or a cell's text).

OCR returns one box per stretch of text. A paragraph of a Chinese report is rebuilt the way a
reader sees it: lines joined without spaces (CJK has none), a new paragraph where the next
line is indented (首行缩进), where a heading or list marker starts it, after a wide vertical
gap, or after a line that stops short of the margin on closing punctuation.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from .settings import OcrSettings
from .textfix import vocabulary


@dataclass
class Piece:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    conf: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def h(self) -> float:
        return self.y1 - self.y0


@dataclass
class Line:
    pieces: list[Piece]
    text: str

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.pieces)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.pieces)

    @property
    def y0(self) -> float:
        return min(p.y0 for p in self.pieces)

    @property
    def y1(self) -> float:
        return max(p.y1 for p in self.pieces)


def weighted_confidence(pieces: list[Piece]) -> float | None:
    """Mean confidence weighted by characters: a long line read well outweighs a stray mark."""
    n = sum(max(len(p.text), 1) for p in pieces)
    if not n:
        return None
    return round(sum(p.conf * max(len(p.text), 1) for p in pieces) / n, 4)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def join_texts(a: str, b: str) -> str:
    """Two pieces of one text: a space only between two Latin words (never around CJK or digits)."""
    if not a:
        return b
    if not b:
        return a
    return a + (" " if _ascii_word(a[-1]) and _ascii_word(b[0]) else "") + b


def visual_lines(pieces: list[Piece], settings: OcrSettings) -> list[Line]:
    """Pieces sharing most of their height form one line, read left to right."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.cy, p.x0)):
        placed = False
        for line in reversed(lines[-3:]):
            top = min(q.y0 for q in line)
            bottom = max(q.y1 for q in line)
            overlap = min(bottom, p.y1) - max(top, p.y0)
            if overlap >= settings.same_line_overlap * min(p.h, bottom - top):
                line.append(p)
                placed = True
                break
        if not placed:
            lines.append([p])
    out = []
    for line in lines:
        line.sort(key=lambda p: p.x0)
        out.append(Line(line, _line_text(line, settings)))
    return out


def _line_text(pieces: list[Piece], settings: OcrSettings) -> str:
    h = float(np.median([p.h for p in pieces]))
    text = ""
    for prev, p in zip([None] + pieces[:-1], pieces):
        if prev is not None and p.x0 - prev.x1 > settings.word_gap_factor * h:
            text = text + " " + p.text  # a visible gap: two fields on one line
        else:
            text = join_texts(text, p.text)
    return text.strip()


def cell_text(pieces: list[Piece], settings: OcrSettings) -> str:
    """A table cell's text: its lines joined like a reflowed paragraph."""
    text = ""
    for line in visual_lines(pieces, settings):
        text = join_texts(text, line.text)
    return text


def is_page_number(text: str) -> bool:
    t = regex.sub(r"\s+", "", text)
    return any(regex.match(p, t) for p in vocabulary()["layout"]["page_number_patterns"])


def _starts_paragraph(text: str) -> bool:
    return any(regex.match(p, text) for p in vocabulary()["layout"]["paragraph_start_patterns"])


def _field_line(text: str) -> bool:
    return regex.match(vocabulary()["layout"]["field_line_pattern"], text) is not None


def char_width(lines: list[Line], default: float) -> float:
    """Typical glyph advance, from lines long enough that punctuation widths average out."""
    widths = [(ln.x1 - ln.x0) / len(ln.text) for ln in lines if len(ln.text) >= 8]
    return float(np.median(widths)) if widths else default


@dataclass
class Margins:
    left: float
    right: float
    line_h: float
    char_w: float

    @classmethod
    def of(cls, lines: list[Line]) -> "Margins":
        line_h = float(np.median([ln.y1 - ln.y0 for ln in lines]))
        return cls(left=float(np.percentile([ln.x0 for ln in lines], 10)),
                   right=float(np.percentile([ln.x1 for ln in lines], 90)),
                   line_h=line_h, char_w=char_width(lines, line_h * 0.75))


def opens_paragraph(line: Line, m: Margins, settings: OcrSettings) -> bool:
    """Whether a line visibly starts a paragraph: indented, or a heading or list item."""
    return line.x0 - m.left > settings.indent_factor * m.char_w or _starts_paragraph(line.text)


def paragraphs(lines: list[Line], settings: OcrSettings) -> list[tuple[str, list[Piece], float]]:
    """(text, pieces, top y) of each paragraph, in reading order."""
    if not lines:
        return []
    m = Margins.of(lines)
    line_h, cw, left, right = m.line_h, m.char_w, m.left, m.right
    enders = vocabulary()["layout"]["paragraph_end_chars"]
    out: list[tuple[str, list[Piece], float]] = []
    cur_text, cur_pieces, cur_top, prev = "", [], 0.0, None
    for ln in lines:
        new = prev is None
        if prev is not None:
            gap = ln.y0 - prev.y1
            short = right - prev.x1
            new = (gap > settings.para_gap_factor * line_h
                   or opens_paragraph(ln, m, settings)
                   or (_field_line(prev.text) and _field_line(ln.text))
                   or (short > settings.short_line_factor * cw and prev.text[-1:] in enders)
                   or short > 0.5 * (right - left))
        if new and cur_text:
            out.append((cur_text, cur_pieces, cur_top))
            cur_text, cur_pieces = "", []
        if not cur_text:
            cur_top = ln.y0
        cur_text = join_texts(cur_text, ln.text)
        cur_pieces = cur_pieces + ln.pieces
        prev = ln
    if cur_text:
        out.append((cur_text, cur_pieces, cur_top))
    return out

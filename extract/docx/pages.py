"""Page numbers for a format that has none: DOCX is laid out only when displayed.

Two sources, best first. Word records where its last layout broke pages
(w:lastRenderedPageBreak), and explicit breaks (w:br type=page, pageBreakBefore, section
breaks) always start a page. Files written by tools rather than by Word carry no rendered
breaks; for those the text height is estimated from the section's page size, font size and
line pitch, so that provenance pages land near the pages of the PDF export."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .ooxml import int_val, val, w

TWIP = 20.0  # twips per point


@dataclass
class Section:
    text_width: float = 453.6  # points: A4 portrait with 2.6 cm margins
    text_height: float = 650.0
    width: float = 595.3
    height: float = 841.9
    line_pitch: float | None = None  # docGrid pitch when lines snap to a grid
    starts_page: bool = True  # w:type other than continuous

    @classmethod
    def from_xml(cls, sect) -> "Section":
        s = cls()
        if sect is None:
            return s
        sz, mar = sect.find(w("pgSz")), sect.find(w("pgMar"))
        if sz is not None:
            s.width = (int_val(sz, "w", default=11906) or 11906) / TWIP
            s.height = (int_val(sz, "h", default=16838) or 16838) / TWIP
        top = bottom = 1440
        left = right = 1800
        if mar is not None:
            top = abs(int_val(mar, "top", default=1440) or 0)
            bottom = abs(int_val(mar, "bottom", default=1440) or 0)
            left = int_val(mar, "left", default=1800) or 0
            right = int_val(mar, "right", default=1800) or 0
        s.text_width = max(s.width - (left + right) / TWIP, 72.0)
        s.text_height = max(s.height - (top + bottom) / TWIP, 72.0)
        grid = sect.find(w("docGrid"))
        if grid is not None and grid.get(w("type")) in ("lines", "linesAndChars", "snapToChars"):
            pitch = int_val(grid, "linePitch")
            s.line_pitch = pitch / TWIP if pitch else None
        s.starts_page = val(sect.find(w("type"))) != "continuous"
        return s


def text_units(text: str) -> float:
    """Width of text in em: CJK and full-width characters take a full em, the rest about half."""
    units = 0.0
    for ch in text:
        o = ord(ch)
        units += 1.0 if (o >= 0x2E80 or 0xFF00 <= o <= 0xFFEF) else 0.5
    return units


def line_count(text: str, width_pt: float, font_pt: float) -> int:
    per_line = max(width_pt / max(font_pt, 1.0), 1.0)
    return sum(max(1, math.ceil(text_units(part) / per_line)) for part in text.split("\n"))


class Pager:
    """The current page while the body is read in order.

    ``fresh`` is true until something is printed on the page, so that an explicit break
    followed by Word's own rendered break for the same page is counted once."""

    def __init__(self, settings, sections: list[Section], estimate: bool):
        self.settings = settings
        self.sections = sections or [Section()]
        self.index = 0
        self.page = 1
        self.fresh = True
        self.used = 0.0
        self.estimate = estimate and settings.estimate_pages

    @property
    def section(self) -> Section:
        return self.sections[min(self.index, len(self.sections) - 1)]

    def new_page(self) -> None:
        self.page += 1
        self.fresh = True
        self.used = 0.0

    def explicit_break(self, skip_if_fresh: bool = False) -> None:
        if skip_if_fresh and self.fresh:
            return
        self.new_page()

    def rendered_break(self) -> None:
        if not self.fresh:
            self.new_page()

    def content(self) -> None:
        self.fresh = False

    def end_section(self) -> None:
        """A paragraph holding a sectPr ends its section; the next section says how it starts."""
        self.index += 1
        if self.section.starts_page and not self.fresh:
            self.new_page()

    def pitch(self, font_pt: float) -> float:
        natural = font_pt * self.settings.line_spacing
        grid = self.section.line_pitch
        if grid:
            return math.ceil(natural / grid - 0.05) * grid
        return natural

    def place(self, height: float, split: bool, first_line: float = 24.0) -> int:
        """Put a block of estimated height on the page; returns the page it starts on.

        A paragraph may split across pages once its first line fits; a table row moves whole
        to the next page when it does not fit (Word's default for short rows)."""
        if not self.estimate or height <= 0:
            return self.page
        limit = self.section.text_height
        room = limit - self.used
        if self.used > 0 and (room < min(height, first_line) if split else height > room):
            self.new_page()
        start = self.page
        self.used += height
        self.fresh = False
        while self.used > limit + 0.5:
            self.page += 1
            self.used -= limit
        return start

    def line_pitch(self, font_pt: float, spacing: dict) -> float:
        """Height of one line: w:spacing line is 240ths of a line (auto) or twips (exact/atLeast)."""
        natural = self.pitch(font_pt)
        try:
            line = float(spacing.get("line", 240))
        except ValueError:
            line = 240.0
        rule = spacing.get("lineRule", "auto")
        if rule == "exact":
            return line / TWIP
        if rule == "atLeast":
            return max(line / TWIP, natural)
        return natural * line / 240.0

    def paragraph_height(self, m: "Metrics", width: float | None = None) -> float:
        width = (width if width is not None else self.section.text_width) - m.indent
        lines = line_count(m.text, max(width, m.font * 2), m.font)
        return (lines + self.settings.paragraph_gap_lines) * self.line_pitch(m.font, m.spacing) + m.gap()

    def row_height(self, cells: list[tuple[list["Metrics"], float]], declared: float, rule: str) -> float:
        """cells: (paragraph metrics, width in points); the tallest cell sets the row."""
        if rule == "exact" and declared:
            return declared
        tallest = 0.0
        for metrics, width in cells:
            inner = max(width - self.settings.cell_margin_pt, 12.0)
            tallest = max(tallest, sum(self.paragraph_height(m, inner) for m in metrics))
        pad = (self.settings.table_row_lines - 1.0) * self.pitch(self.settings.default_font_pt)
        return max(tallest + pad, declared)


@dataclass
class Metrics:
    """What the height of one paragraph depends on."""

    text: str
    font: float
    spacing: dict
    indent: float = 0.0

    def gap(self) -> float:
        total = 0.0
        for key in ("before", "after"):
            try:
                total += float(self.spacing.get(key, 0)) / TWIP
            except ValueError:
                pass
        return total

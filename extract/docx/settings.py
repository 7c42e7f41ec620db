"""Thresholds and switches of the DOCX reader, overridable from ``[extract.docx]`` in a settings TOML."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class DocxSettings:
    tab_text: str = " "  # what a w:tab becomes: PDFs show a gap, not a tab character
    keep_hidden_text: bool = False  # w:vanish runs are not printed, so the PDF export lacks them
    text_boxes: bool = True  # read text boxes (wps:txbx / v:textbox) after their anchor paragraph
    list_labels: bool = True  # prefix computed list labels ("1." / "（一）") to numbered paragraphs
    max_heading_level: int = 9  # Word has nine outline levels
    # Page estimate for files without w:lastRenderedPageBreak (written by tools, not by Word):
    # lines per page and characters per line are derived from the section's page size and the
    # body font size; these are the fallbacks when the file does not state them.
    estimate_pages: bool = True
    default_font_pt: float = 16.0  # 三号 is the usual body size of Chinese official documents
    line_spacing: float = 1.4  # line pitch / font size for "single" spacing of CJK fonts
    paragraph_gap_lines: float = 0.0  # extra lines per paragraph (space before/after)
    table_row_lines: float = 1.1  # lines one table row with one line of text takes, borders included
    cell_margin_pt: float = 10.8  # left + right cell margins (Word's default 0.19 cm each)

    @classmethod
    def from_settings(cls, settings) -> "DocxSettings":
        return stage_settings(cls, settings, "extract", "docx")

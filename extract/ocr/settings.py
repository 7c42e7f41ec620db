"""Thresholds of the OCR stage, in one dataclass a user can override.

Scans differ (resolution, noise, skew, ruling thickness); every number that decides what
counts as a line, a cell or a paragraph break lives here so it can be tuned from the
``[extract.ocr]`` table of a settings TOML instead of in code."""
from __future__ import annotations

import os
from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class OcrSettings:
    # rendering ---------------------------------------------------------------------------
    dpi: float = 200.0  # render resolution for a page that is not a single scanned image
    native_resolution: bool = True  # a page that is one image: render at the image's own density
    max_dpi: float = 300.0  # above this detection gets slow without reading better
    # engine --------------------------------------------------------------------------------
    engine: str = "auto"  # auto | rapidocr | tesseract
    threads: int = 0  # onnxruntime intra-op threads; 0 = the machine's cores (at most 4)
    det_max_side: int = 2400  # longer image sides are scaled down before text detection
    min_text_score: float = 0.5  # recognised pieces below this confidence are dropped
    tesseract_lang: str = "chi_sim+eng"
    # quality -------------------------------------------------------------------------------
    warn_mean_confidence: float = 0.85  # a page whose mean confidence is lower adds a warning
    fix_numbers: bool = True  # repair O/0, l/1, 〇/0 and decimal-comma confusions inside numbers
    # orientation ---------------------------------------------------------------------------
    orient: bool = True  # turn sideways (90°) and upside-down (180°) pages upright
    orient_min_lines: int = 3  # fewer long text boxes than this: leave the page as it is
    orient_sample: int = 12  # this many of the widest boxes vote on upside-down
    # deskew --------------------------------------------------------------------------------
    deskew: bool = True
    deskew_min_degrees: float = 0.15  # smaller skews are left alone (rotation blurs)
    deskew_max_degrees: float = 5.0  # larger estimates are distrusted (probably not skew)
    # ruling lines and tables ---------------------------------------------------------------
    line_min_frac: float = 0.025  # a ruling is at least this fraction of the page's width/height
    line_max_thickness: float = 0.006  # thicker strokes (fraction of page width) are not rulings
    line_merge_px_frac: float = 0.004  # rulings closer than this (fraction of width) are one
    edge_cover_min: float = 0.6  # share of a cell edge a ruling must cover for the edge to exist
    table_min_rows: int = 2
    table_min_cols: int = 2
    cell_min_px_frac: float = 0.006  # grid gaps narrower than this are line doubling, not cells
    cell_piece_min_overlap: float = 0.5  # a text box goes to a cell holding this share of it
    cell_split_min_px_frac: float = 0.008  # a text box crossing a ruling by more is split at it
    border_reach: float = 1.5  # a box grows over at most this many characters toward a ruling
    rescue_empty_cells: bool = True  # read a cell the detector found empty when it holds ink
    rescue_min_ink_height: float = 0.35  # ink this tall (× text height) in an empty cell is read
    rescue_min_score: float = 0.7  # a rescued cell's text must be read at least this surely
    # paragraphs ----------------------------------------------------------------------------
    same_line_overlap: float = 0.5  # vertical overlap (share of the lower box) for one visual line
    para_gap_factor: float = 0.9  # a vertical gap above this × line height starts a paragraph
    indent_factor: float = 1.2  # a first-line indent above this × char height starts one
    short_line_factor: float = 2.5  # a line ending this × char height before the margin ends one
    word_gap_factor: float = 1.5  # a horizontal gap above this × char height is a space
    drop_page_numbers: bool = True  # page-number footers (— 2 —) are not text

    @property
    def n_threads(self) -> int:
        return self.threads if self.threads > 0 else max(1, min(os.cpu_count() or 1, 4))

    @classmethod
    def from_any(cls, settings=None) -> "OcrSettings":
        return stage_settings(cls, settings, "extract", "ocr")

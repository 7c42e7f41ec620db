"""Thresholds of the PDF reader, overridable from ``[extract.pdf]`` in a settings TOML.

Distances are in PDF points unless the name says otherwise; ``*_em`` values are multiples of
the font size of the text concerned, so that they hold for 9 pt table text and 16 pt body text
alike."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class PdfSettings:
    # --- text layer -------------------------------------------------------------------------
    # A page with fewer visible characters than this has no usable text layer: a scanned page
    # often carries a few characters from a stamp or a page number, which must not count.
    min_text_chars: int = 30
    scan_image_share: float = 0.3  # ...and an image covering this share of the page makes it a scan
    ocr: bool = True  # hand pages without a text layer to jixiao.extract.ocr when it is installed

    # --- lines ------------------------------------------------------------------------------
    line_overlap: float = 0.5  # chars whose vertical extents overlap by this share sit on one line
    space_gap_em: float = 0.25  # a gap this wide between Latin/digit characters is a space
    cjk_space_gap_em: float = 1.5  # between CJK characters only a gap this wide (tab stops) is one
    line_split_em: float = 4.0  # a gap this wide splits a line into pieces (label ... date, footer ... page)

    # --- running headers and footers --------------------------------------------------------
    furniture_zone: float = 0.12  # top/bottom share of the page height where headers/footers live
    repeat_min_share: float = 0.5  # text repeated at the same place on this share of pages...
    repeat_min_pages: int = 2  # ...and on at least this many pages is a running header/footer
    repeat_y_tolerance: float = 6.0
    title_block_gap_em: float = 1.5  # a line this close under a large title ("（2023年度）") belongs to it

    # --- paragraphs -------------------------------------------------------------------------
    para_gap_em: float = 0.8  # a vertical gap above a line larger than this starts a paragraph
    # lines of one paragraph share a type size: a change by more than this share (三号 16 pt title
    # over 四号 14 pt body is 12.5 %) starts a new one; a line's size is its characters' median
    para_size_change: float = 0.06
    indent_em: float = 1.2  # a first-line indent of this many characters starts a paragraph
    short_line_em: float = 2.0  # a line ending this far before the right edge ends its paragraph
    heading_max_chars: int = 40  # headings are short
    title_size_ratio: float = 1.15  # a line this much larger than the body text is a title/heading
    title_wrap_share: float = 0.8  # a centred line this wide that is followed by one more is wrapped
    centre_tolerance_em: float = 2.0  # |left margin - right margin| under this is a centred line

    # --- tables -----------------------------------------------------------------------------
    snap_tolerance: float = 3.0  # ruling lines closer than this are one line
    join_tolerance: float = 3.0
    edge_min_length: float = 3.0
    intersection_tolerance: float = 3.0
    boundary_tolerance: float = 2.5  # cell edges closer than this are one column/row boundary
    open_sides: bool = True  # tables without left/right outer borders keep their outer columns
    open_side_min_share: float = 0.6  # share of row rules that must run past the outer vertical
    open_side_min_width: float = 8.0  # ...by at least this much
    min_table_cells: int = 2  # a single framed box is text, not a table
    # Excel exports clip wrapped text at cell borders but keep every character: a block of
    # lines drawn in one go with an even line pitch belongs to one cell even where it spills.
    overflow_min_lines: int = 3
    overflow_pitch_em: float = 1.8  # largest line pitch (in font sizes) inside one text block
    overflow_pitch_jitter_em: float = 0.25
    clipped_reach_em: float = 6.0  # how far beyond a cut region clipped text may still lie

    # --- tables without ruling lines (unruled.py) -------------------------------------------
    unruled_tables: bool = True  # look for borderless tables among the lines no ruled table took
    # cells of a borderless Word table are only the cell padding apart (0.19 cm each side, about
    # 1 em at 10.5 pt); justified prose never opens a gap this wide between characters
    unruled_gap_em: float = 0.8
    unruled_spaced_gap_em: float = 3.0  # ...but lone ideographs evenly this far apart are one letter-spaced word
    unruled_band_overlap: float = 0.2  # lines overlapping by this share of a height are one band
    unruled_band_max_em: float = 2.6  # ...up to this height: two lines with a cell centred between
    unruled_min_cols: int = 3  # a table has this many columns: label ... value lines have two
    unruled_min_rows: int = 3  # ...filled in at least this many rows
    unruled_col_min_rows: int = 2  # every column holds text in at least this many bands
    unruled_row_gap_em: float = 2.0  # a larger vertical gap between two lines ends the table
    unruled_size_ratio: float = 1.25  # a line this much larger or smaller ends it too (a title)
    unruled_wrap_gap_em: float = 1.0  # a wrapped cell line lies at most this far below the one above
    unruled_full_em: float = 1.2  # a cell line within this of its column's both text edges is full (wraps on)
    unruled_label_share: float = 0.4  # more "名称：…" pieces than this share: a form, not a table
    unruled_max_median_chars: int = 16  # table cells are short; longer pieces are columns of prose

    # --- tables continued across pages ------------------------------------------------------
    stitch: bool = True
    stitch_bottom_share: float = 0.3  # a table ending in the lowest share of the text area...
    stitch_top_share: float = 0.3  # ...and one starting in the top share of the next page
    stitch_x_tolerance: float = 4.0  # outer edges and column boundaries must agree this well
    stitch_min_shared_cols: float = 0.5  # share of column boundaries the two parts must share
    cell_full_em: float = 1.0  # text this close to a cell border fills the cell up to it
    stitch_split_rows: bool = True  # join a row broken by the page break into one row
    max_header_rows: int = 3  # a continuation may repeat up to this many header rows
    # ...or repeat one row from further down (print titles): this share of its cells, and at
    # least this many, the same as that row's
    repeat_header_share: float = 0.8
    repeat_header_min_cells: int = 4

    @classmethod
    def from_settings(cls, settings) -> "PdfSettings":
        return stage_settings(cls, settings, "extract", "pdf")

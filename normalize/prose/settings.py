"""Thresholds of the prose reader, overridable from ``[normalize.prose]`` in a settings TOML."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class ProseSettings:
    # reflow: a printed line at least this share of a full line (the quantile below of all line
    # lengths) and not ending a sentence continues on the next line
    full_line_quantile: float = 0.9
    full_line_ratio: float = 0.85
    min_full_line: int = 20  # below this the "full line" estimate is noise (a document of headings)
    heading_max_chars: int = 40
    unnumbered_head_max: int = 12  # "论证充分性：……" opens an item paragraph without a list number
    read_cell_prose: bool = False  # read long table cells here; off: the table stage hands them over (tables/narrative)
    cell_prose_min_chars: int = 60
    group_max_level: int = 3  # a numbered heading down to "1." (not "（1）") groups the items below it  # a numbered paragraph this short names the item its body is about
    # indicator names: longer is a sentence fragment, shorter is a bare head word (率, 量)
    name_max_chars: int = 30
    name_min_chars: int = 2
    headless_name_min: int = 4  # a target whose name has no indicator head (率, 人数) needs this many chars
    # a spend stated for a line whose name differs from a declared budget line ("政务服务便民热线"
    # against "政府服务热线") is linked when the names are this similar and no other line comes close
    line_link_ratio: float = 0.8
    line_link_margin: float = 0.1
    # a breakdown ("其中 A x 万元、B y 万元") that adds up to a figure of the sentence within this
    # many yuan is that figure's breakdown
    sum_tolerance_yuan: float = 1.0
    max_points: float = 100.0  # a score above this is not a score of a 100-point report
    # two indicator rows for the same item (a target sentence and an actual sentence) merge when
    # their names share a suffix of at least this many characters and their units agree
    merge_suffix_chars: int = 4

    @classmethod
    def from_settings(cls, settings) -> "ProseSettings":
        return stage_settings(cls, settings, "normalize", "prose")

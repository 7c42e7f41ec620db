"""Thresholds of the table reader, in one place so a user can tune them (Settings.normalize["tables"])."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class TablesSettings:
    # a row is a header row when this many of its cells map to a column role and none is a number
    header_min_roles: int = 2
    # how many paragraphs before a table are searched for "金额单位：万元"
    unit_search_paragraphs: int = 4
    # a money figure above this (yuan) is implausible for one report: the unit was misread
    max_plausible_yuan: float = 1e11
    # a table's total differs from the sum of its rows by more than this (yuan) -> disputed
    sum_tolerance_yuan: float = 1.0
    # a stated rate agrees with a recomputed one within this many percent points
    rate_tolerance_pct: float = 0.011
    # a list item name longer than this is prose, not an indicator name
    max_item_name_len: int = 40
    # an indicator name longer than this is a description, not a name
    max_name_len: int = 80
    # tables without a header row whose cells hold sentences are read as prose (two-column report forms)
    read_text_cells: bool = True
    # a cell this long (characters) is text, not a label
    narrative_min_chars: int = 40
    # optional user vocabulary (TOML, same layout as normalize/data/headers.toml), merged on top
    vocab_path: str | None = None

    @classmethod
    def from_settings(cls, settings) -> "TablesSettings":
        return stage_settings(cls, settings, "normalize", "tables")

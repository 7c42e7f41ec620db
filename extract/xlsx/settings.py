"""Switches of the XLSX reader, overridable from ``[extract.xlsx]`` in a settings TOML."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class XlsxSettings:
    apply_number_formats: bool = True  # show numbers as the sheet shows them (17,160,681.00)
    iso_dates: bool = True  # numeric date patterns (m/d/yy: locale-dependent) -> 2023-04-28
    general_digits: int = 15  # significant digits of General numbers (noise like 0.30000000000000004 cut)
    skip_empty_sheets: bool = True  # a sheet without any value yields no table (its page still counts)
    max_cells: int = 2_000_000  # a sheet's used range beyond this is cut, with a warning
    skip_hidden: bool = True  # hidden columns and rows are left out, as the sheet shows and prints them
    split_stacked: bool = True  # forms stacked on one sheet (blank rows, then a title row) become separate tables
    stack_gap_rows: int = 1  # blank rows that must separate two stacked forms

    @classmethod
    def from_settings(cls, settings) -> "XlsxSettings":
        return stage_settings(cls, settings, "extract", "xlsx")

"""Rows out as a terminal table, CSV or JSON: the three formats every workbench command takes.

CSV and JSON are for pipes and spreadsheets, so they carry every row and full-precision
numbers; the table is for eyes, so it shortens long cells and says how many rows it left out."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Sequence

FORMATS = ("table", "csv", "json")


def to_csv(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def to_json(columns: Sequence[str], rows: Iterable[Sequence]) -> str:
    return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=1, default=str)


def _cell(v, width: int) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        s = f"{v:,.2f}" if abs(v) >= 1000 else f"{v:g}"
    else:
        s = str(v).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def render_table(columns: Sequence[str], rows: Sequence[Sequence], title: str | None = None,
                 max_rows: int = 500, cell_width: int = 40):
    """A rich Table (print it with a Console); numbers right-aligned."""
    from rich.table import Table  # noqa: PLC0415 - only the table format needs rich

    t = Table(title=title, show_lines=False)
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) or r[i] is None for r in rows)
               for i in range(len(columns))]
    for c, num in zip(columns, numeric):
        t.add_column(c, justify="right" if num else "left", overflow="fold")
    for r in rows[:max_rows]:
        t.add_row(*[_cell(v, cell_width) for v in r])
    if len(rows) > max_rows:
        t.caption = f"{len(rows) - max_rows} more rows not shown (use --format csv or json for all)"
    return t

"""Tables that are text containers: a report form laid out as "（三）简述… | long text" rows.

Such a table has no header row to map; its cells are the report's prose (自评4分, 资金支出率达
99.6%). They are handed, line by line, to the prose reader as paragraphs under their label, so
the sentence patterns live in one place; what it finds keeps ``source="prose"``.
"""
from __future__ import annotations

from jixiao.extract.document import Paragraph

from ..facts import Facts
from ..numbers import clean
from .grid import View, is_number_cell


def text_rows(v: View, min_chars: int, whole: bool) -> list[int]:
    """Rows holding sentences: every row with a long cell when the table has no header block,
    else only such rows with no figure cell (a form's 完成情况 text, not an indicator row whose
    scoring rule happens to be long)."""
    out = []
    for r, row in enumerate(v.rows):
        if not any(len(clean(c)) >= min_chars for c in row if c):
            continue
        if whole or not any(is_number_cell(c) for c in row if c):
            out.append(r)
    return out


def narrative_paragraphs(v: View, min_chars: int, rows: list[int] | None = None) -> list[Paragraph]:
    """The view's long text cells as paragraphs, each preceded by its row's short label."""
    out: list[Paragraph] = []
    src = v.raw or v.rows
    for r in (rows if rows is not None else text_rows(v, min_chars, True)):
        row = src[r]
        cells = [c for i, c in enumerate(row) if c and (i == 0 or c != row[i - 1])]
        if not any(len(clean(c)) >= min_chars for c in cells):
            continue
        page = v.pages[r] if r < len(v.pages) else v.first.page_start
        for c in cells:
            if len(clean(c)) < min_chars:
                out.append(Paragraph(text=c.strip(), page=page, heading_level=3))
                continue
            for line in c.splitlines():
                if line.strip():
                    out.append(Paragraph(text=line.strip(), page=page))
    return out


def read_narrative(views: list[tuple[View, list[int]]], seg, doc, settings, min_chars: int) -> Facts:
    paras = [p for v, rows in views for p in narrative_paragraphs(v, min_chars, rows)]
    if not paras:
        return Facts()
    try:
        from ..prose import read_prose  # noqa: PLC0415 - another stage; absent or broken must not stop tables
        from ..segment import Segment  # noqa: PLC0415
    except ImportError:
        return Facts()
    sub = Segment(blocks=paras, page_start=min(p.page for p in paras), page_end=max(p.page for p in paras))
    try:
        return read_prose(sub, doc, settings)
    except Exception as exc:  # the prose reader's failure on a cell is that cell's loss only
        f = Facts()
        f.problems.append(f"text in table cells not read: {type(exc).__name__}: {exc}")
        return f

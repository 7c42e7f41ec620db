"""Tables that are text containers: a report form laid out as "（三）简述… | long text" rows.

Such a table has no header row to map; its cells are the report's prose (自评4分, 资金支出率达
99.6%). They are handed, line by line, to the prose reader as paragraphs under their label, so
the sentence patterns live in one place; what it finds keeps ``source="prose"``.
"""
from __future__ import annotations

from jixiao.extract.document import Paragraph

from ..facts import Facts
from ..numbers import clean
from .grid import View


def narrative_paragraphs(v: View, min_chars: int) -> list[Paragraph]:
    """The view's long text cells as paragraphs, each preceded by its row's short label."""
    out: list[Paragraph] = []
    for r, row in enumerate(v.raw or v.rows):
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


def read_narrative(views: list[View], seg, doc, settings, min_chars: int) -> Facts:
    paras = [p for v in views for p in narrative_paragraphs(v, min_chars)]
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

"""DOCX reader (v0: body order, gridSpan/vMerge merges via python-docx cell identity)."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from .document import Document, Page, Paragraph, Table


def _table(t: DocxTable, page: int) -> Table:
    grid = []
    ids = []
    for row in t.rows:
        cells = row.cells
        grid.append([c.text.strip() for c in cells])
        ids.append([id(c._tc) for c in cells])
    n = max((len(r) for r in grid), default=0)
    seen = {}
    rows = [[""] * n for _ in grid]
    merges = []
    for r, row in enumerate(ids):
        for c, tc in enumerate(row):
            if tc in seen:
                continue
            seen[tc] = (r, c)
            r2, c2 = r, c
            while c2 + 1 < len(row) and row[c2 + 1] == tc:
                c2 += 1
            while r2 + 1 < len(ids) and c < len(ids[r2 + 1]) and ids[r2 + 1][c] == tc:
                r2 += 1
            rows[r][c] = grid[r][c]
            if (r2, c2) != (r, c):
                merges.append((r, c, r2, c2))
    return Table(rows=rows, page_start=page, page_end=page, merges=merges, row_pages=[page] * len(rows))


def read_docx(path: Path, settings=None) -> Document:
    d = docx.Document(str(path))
    doc = Document(path=str(path), format="docx", pages=[Page(1)])
    page = 1
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = DocxParagraph(child, d)
            if 'w:br w:type="page"' in child.xml or "lastRenderedPageBreak" in child.xml:
                pass
            text = p.text.strip()
            if text:
                style = p.style.name if p.style is not None else None
                level = None
                if style and style.lower().startswith("heading"):
                    try:
                        level = int(style.split()[-1])
                    except ValueError:
                        level = 1
                elif style == "Title":
                    level = 1
                doc.blocks.append(Paragraph(text=text, page=page, heading_level=level, style=style))
        elif tag == "tbl":
            doc.blocks.append(_table(DocxTable(child, d), page))
    return doc

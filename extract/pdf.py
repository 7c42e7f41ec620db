"""PDF reader (v0: pdfplumber tables from ruling lines and page text outside them)."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from .document import Document, Page, Paragraph, Table


def read_pdf(path: Path, settings=None) -> Document:
    doc = Document(path=str(path), format="pdf")
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages, 1):
            doc.pages.append(Page(i, float(page.width), float(page.height)))
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            for t in found:
                data = t.extract()
                rows = [[(c or "").strip() for c in r] for r in data]
                doc.blocks.append(Table(rows=rows, page_start=i, page_end=i, row_pages=[i] * len(rows)))

            def outside(obj):
                return not any(b[0] <= obj["x0"] and obj["x1"] <= b[2] and b[1] <= obj["top"] and obj["bottom"] <= b[3]
                               for b in boxes)

            text = page.filter(outside).extract_text() or ""
            for line in text.splitlines():
                if line.strip():
                    doc.blocks.append(Paragraph(text=line.strip(), page=i))
    return doc

"""Which money unit a table's figures are in.

Reports declare it in many places: the money column's header ("批复金额（元）"), the block's
label ("项目资金（万元）"), a caption line before the table ("金额单位：万元") or, in a PDF whose
text is read after its tables, anywhere on the same page. The nearest declaration wins; with
none the figures are not read (a wrong unit is a ×10,000 error).
"""
from __future__ import annotations

import regex as re

from jixiao.extract.document import Document, Paragraph, Table

from ..numbers import clean

_UNITS = "百万元|亿元|千元|万元|元"
_declared = re.compile(rf"(?:金额|资金|货币|计量)?单位[:：]\s*(?:人民币)?({_UNITS})")
_bracket = re.compile(rf"[（(]\s*(?:单位[:：])?\s*(?:人民币)?({_UNITS})\s*[）)]")


def unit_in(text: str) -> str | None:
    """The money unit a header or caption declares, if any."""
    t = clean(text)  # NFKC: full-width brackets and colons become ASCII, both patterns take either
    m = _declared.search(t) or _bracket.search(t)
    return m.group(1) if m else None


def _paragraphs_near(doc: Document, table: Table, n: int) -> list[str]:
    """Paragraph texts closest to the table first: the n before it, then the rest of its page."""
    blocks = doc.blocks
    idx = next((i for i, b in enumerate(blocks) if b is table), None)
    out: list[str] = []
    if idx is not None:
        k = idx - 1
        while k >= 0 and len(out) < n:
            b = blocks[k]
            if isinstance(b, Table):
                break
            out.append(b.text)
            k -= 1
    out += [b.text for b in blocks if isinstance(b, Paragraph) and b.page == table.page_start and b.text not in out]
    return out


def table_unit(doc: Document, table: Table, rows: list[list[str]], n_paragraphs: int,
               max_label_len: int = 16) -> str | None:
    """The unit declared for a whole table: a caption near it, else a cell of the table itself."""
    for text in _paragraphs_near(doc, table, n_paragraphs):
        u = unit_in(text)
        if u:
            return u
    for row in rows:
        for c in row:  # only label-sized cells: a long cell is a description that may quote other units
            u = unit_in(c) if c and len(clean(c)) <= max_label_len else None
            if u:
                return u
    return None

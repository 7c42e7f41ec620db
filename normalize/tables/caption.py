"""What a table's caption says about it: "表3-1 决策类指标评分表" names the 一级指标 of a scoring
table that has no 一级指标 column of its own (third-party reports often give each section its
own table)."""
from __future__ import annotations

import regex as re

from jixiao.extract.document import Document, Paragraph, Table

from ..prose.scores import section_name

_NUMBER = re.compile(r"^(?:续?表|附表)\s*[\d一二三四五六七八九十]+(?:[-－—.．]\d+)*\s*[:：、.．]?\s*")
_SUFFIX = re.compile(r"(?:指标)?(?:评分|得分|打分|评价)?(?:情况|结果|明细)?(?:表|一览表)$")


def caption_of(doc: Document, table: Table) -> str | None:
    """The short paragraph right before the table, when there is one."""
    idx = next((i for i, b in enumerate(doc.blocks) if b is table), None)
    if not idx or not isinstance(doc.blocks[idx - 1], Paragraph):
        return None
    text = (doc.blocks[idx - 1].text or "").strip()
    return text if text and len(text) <= 40 else None


def caption_section(doc: Document, table: Table) -> str | None:
    """The section a table's caption names ("表3-1 决策类指标评分表" -> "决策"), or None."""
    text = caption_of(doc, table)
    if not text or not _NUMBER.match(text):
        return None  # only a numbered caption: a heading above a table may be about anything
    core = _SUFFIX.sub("", _NUMBER.sub("", text)).strip()
    return section_name(core) if core else None

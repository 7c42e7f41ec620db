"""Where each report of a file starts and ends.  (v0: the whole file is one report)"""
from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.document import Block, Document, Paragraph, Table


@dataclass
class Segment:
    """A run of a document's blocks that forms one report."""

    blocks: list[Block]
    page_start: int
    page_end: int
    table_seqs: list[int] = field(default_factory=list)  # indices into doc.tables
    kind_hint: str | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def split_reports(doc: Document, settings=None) -> list[Segment]:
    tables = doc.tables
    return [Segment(blocks=list(doc.blocks), page_start=1, page_end=max(doc.n_pages, 1),
                    table_seqs=list(range(len(tables))))]

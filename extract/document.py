"""The format-neutral intermediate every reader produces and normalize/ consumes.

Readers differ in what they can see (a PDF has pages and ruling lines, a DOCX has styles and
merges but no pages, a sheet has cells only), so the model keeps just what all of them can
fill, plus provenance: every block knows its page, every table its page span and merges.
Plain dataclasses keep it cheap to pickle across worker processes and to dump as JSON for
``jixiao extract FILE --json``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Iterator, Union


@dataclass
class Paragraph:
    """One paragraph of running text, already reflowed (no line breaks inside CJK text)."""

    text: str
    page: int  # 1-based; DOCX/XLSX readers estimate it (page breaks, sheet order)
    heading_level: int | None = None  # 1 = title/heading 1; None = body text
    style: str | None = None  # the source's style name or list label, when it has one
    source: str = "text"  # text | ocr
    confidence: float | None = None  # OCR confidence 0..1, None for a text layer
    kind: str = "paragraph"


@dataclass
class Table:
    """A cell grid: a merged region's text sits in its top-left cell, covered cells are "".

    ``merges`` holds (row1, col1, row2, col2), inclusive and 0-based, for every region spanning
    more than one cell. ``row_pages`` gives each row's page so that a value read from row r
    cites the right page of a table continued across pages.
    """

    rows: list[list[str]]
    page_start: int
    page_end: int
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    row_pages: list[int] = field(default_factory=list)
    sheet: str | None = None  # XLSX sheet name
    source: str = "text"  # text | ocr
    confidence: float | None = None
    nested: list["Table"] = field(default_factory=list)  # tables found inside cells (DOCX)
    kind: str = "table"

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def page_of_row(self, r: int) -> int:
        if 0 <= r < len(self.row_pages):
            return self.row_pages[r]
        return self.page_start

    def covered(self) -> set[tuple[int, int]]:
        """Cells hidden under a merge (every cell of a region but its top-left)."""
        out = set()
        for r1, c1, r2, c2 in self.merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        out.add((r, c))
        return out

    def merge_at(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        for m in self.merges:
            if m[0] <= r <= m[2] and m[1] <= c <= m[3]:
                return m
        return None

    def filled(self) -> list[list[str]]:
        """The grid with each merged region's text copied into every cell it covers.

        Normalizers read a row at a time; a 一级指标 merged down five rows must be seen on each."""
        grid = [list(r) + [""] * (self.n_cols - len(r)) for r in self.rows]
        for r1, c1, r2, c2 in self.merges:
            if r1 >= len(grid) or c1 >= len(grid[r1]):
                continue
            text = grid[r1][c1]
            for r in range(r1, min(r2, len(grid) - 1) + 1):
                for c in range(c1, min(c2, self.n_cols - 1) + 1):
                    grid[r][c] = text
        return grid


Block = Union[Paragraph, Table]


@dataclass
class Page:
    number: int  # 1-based
    width: float | None = None
    height: float | None = None
    text_layer: bool = True  # False: scanned, read by OCR (or not at all)
    ocr: bool = False


@dataclass
class Document:
    """One file as read: pages, then blocks (paragraphs and tables) in reading order."""

    path: str
    format: str  # pdf | docx | xlsx | doc | xls | ...
    pages: list[Page] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the reader could not fully read
    metadata: dict = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        """Top-level tables, then the nested ones, each once, in reading order."""
        out: list[Table] = []

        def walk(t: Table) -> None:
            out.append(t)
            for n in t.nested:
                walk(n)

        for b in self.blocks:
            if isinstance(b, Table):
                walk(b)
        return out

    @property
    def n_pages(self) -> int:
        return len(self.pages) or max((getattr(b, "page_end", getattr(b, "page", 1)) for b in self.blocks), default=0)

    def iter_text(self) -> Iterator[tuple[int, str]]:
        """(page, text) for every paragraph and every table row, in reading order."""
        for b in self.blocks:
            if isinstance(b, Paragraph):
                yield b.page, b.text
            else:
                for i, row in enumerate(b.rows):
                    yield b.page_of_row(i), " ".join(c for c in row if c)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        def table(t: dict) -> Table:
            t = dict(t)
            t["merges"] = [tuple(m) for m in t.get("merges", [])]
            t["nested"] = [table(n) for n in t.get("nested", [])]
            t.pop("kind", None)
            return Table(**t)

        blocks: list[Block] = []
        for b in d.get("blocks", []):
            if b.get("kind") == "table":
                blocks.append(table(b))
            else:
                b = dict(b)
                b.pop("kind", None)
                blocks.append(Paragraph(**b))
        return cls(path=d["path"], format=d["format"], pages=[Page(**p) for p in d.get("pages", [])],
                   blocks=blocks, warnings=list(d.get("warnings", [])), metadata=dict(d.get("metadata", {})))

"""Tables drawn without borders (extract/pdf/unruled.py), on PDFs written by
tests/data/pdf/make_unruled.py: Word tables with every border switched off, exported by
LibreOffice. The cells must come out exactly; prose, form lines and contents must not."""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from jixiao.extract.document import Document, Paragraph, Table
from jixiao.extract.pdf import PdfSettings, read_pdf

sys.path.insert(0, str(Path(__file__).parent / "data" / "pdf"))
from make_unruled import BUDGET_ROWS, INDICATOR_ROWS  # noqa: E402 - the cells the PDFs were written with

DATA = Path(__file__).resolve().parent / "data" / "pdf"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@lru_cache(maxsize=None)
def doc(name: str, unruled: bool = True) -> Document:
    return read_pdf(DATA / name, settings=PdfSettings(unruled_tables=unruled))


def glyphs(d: Document) -> Counter:
    """Every visible character the document holds, in paragraphs and cells alike."""
    text = "".join(b.text if isinstance(b, Paragraph) else "".join(c for r in b.rows for c in r) for b in d.blocks)
    return Counter(re.sub(r"\s", "", text))


def test_indicator_table_cells_row_by_row():
    d = doc("unruled-indicators.pdf")
    assert len(d.tables) == 1
    t = d.tables[0]
    assert t.rows == INDICATOR_ROWS
    assert (t.page_start, t.page_end) == (1, 1) and t.row_pages == [1] * 6 and t.merges == []


def test_budget_table_cells_row_by_row():
    d = doc("unruled-budget.pdf")
    assert len(d.tables) == 1
    assert d.tables[0].rows == BUDGET_ROWS


def test_text_around_the_table_stays_in_reading_order():
    d = doc("unruled-budget.pdf")
    kinds = [("T" if isinstance(b, Table) else b.text[:4]) for b in d.blocks]
    assert kinds == ["二、预算", "本年度部", "金额单位", "T", "预算执行"]
    d = doc("unruled-indicators.pdf")
    assert [type(b).__name__ for b in d.blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]


@pytest.mark.parametrize("name", ["unruled-indicators.pdf", "unruled-budget.pdf", "unruled-prose.pdf"])
def test_no_character_lost_or_doubled(name):
    assert glyphs(doc(name)) == glyphs(doc(name, unruled=False))


def test_prose_page_has_no_table():
    # a right-aligned date, "单位名称：…   联系电话：…", dotted-leader contents, label:value lines
    # in two and three aligned columns, letter-spaced cover labels, a running header and footer
    d = doc("unruled-prose.pdf")
    assert d.tables == []
    assert [p.text for p in d.paragraphs] == [p.text for p in doc("unruled-prose.pdf", unruled=False).paragraphs]
    texts = [p.text for p in d.paragraphs]
    assert "2024年3月15日" in texts and "单位名称：临沧市政务服务管理局" in texts
    assert "项目名称：12345政务服务便民热线运行经费" in texts


def test_switched_off_gives_lines():
    d = doc("unruled-indicators.pdf", unruled=False)
    assert d.tables == []
    assert any("一级指标" in p.text for p in d.paragraphs)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.pdf") if "scanned" not in p.name))
def test_corpus_pdfs_gain_no_table(name):
    """The corpus tables are all ruled: the fallback must not add one anywhere."""
    on = read_pdf(CORPUS / name)
    off = read_pdf(CORPUS / name, settings=PdfSettings(unruled_tables=False))
    assert [t.rows for t in on.tables] == [t.rows for t in off.tables]

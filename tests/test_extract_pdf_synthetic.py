"""The PDF reader on small PDFs written here: a ruled table continued on the next page with a
repeated header row, running headers and page numbers, and a paragraph across a page break.

The writer below emits plain PDF operators (Courier, ruling lines), enough to pin down the
geometry rules without depending on any PDF-producing package."""
from __future__ import annotations

from pathlib import Path

from jixiao.extract.document import Paragraph, Table
from jixiao.extract.pdf import read_pdf

W, H = 595.0, 842.0


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class Canvas:
    """Top-left coordinates, like pdfplumber reports them."""

    def __init__(self, scan: bool = False) -> None:
        self.ops: list[str] = []
        if scan:  # a page-size picture, as a scanner makes (one grey pixel, stretched)
            self.ops.append(f"q {W:.0f} 0 0 {H:.0f} 0 0 cm /Im1 Do Q")

    def text(self, x: float, top: float, s: str, size: float = 10.0) -> None:
        self.ops.append(f"BT /F1 {size} Tf {x:.2f} {H - top - size * 0.8:.2f} Td ({_esc(s)}) Tj ET")

    def watermark(self, s: str) -> None:
        self.ops.append(f"BT /F1 60 Tf 0.7071 0.7071 -0.7071 0.7071 150 300 Tm ({_esc(s)}) Tj ET")

    def line(self, x0: float, t0: float, x1: float, t1: float) -> None:
        self.ops.append(f"0.5 w {x0:.2f} {H - t0:.2f} m {x1:.2f} {H - t1:.2f} l S")

    def grid(self, xs: list[float], top: float, rows: list[list[str]], row_h: float = 20.0) -> float:
        """A fully ruled table; returns its bottom."""
        bottom = top + row_h * len(rows)
        for k in range(len(rows) + 1):
            self.line(xs[0], top + k * row_h, xs[-1], top + k * row_h)
        for x in xs:
            self.line(x, top, x, bottom)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                self.text(xs[c] + 4, top + r * row_h + 5, cell)
        return bottom


def write_pdf(path: Path, pages: list[Canvas]) -> Path:
    objs: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
    image = len(objs) + 1 + 2 * n
    for i, page in enumerate(pages):
        stream = "\n".join(page.ops).encode("latin-1")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {W:.0f} {H:.0f}] /Resources << /Font << /F1 3 0 R >> "
                    f"/XObject << /Im1 {image} 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


XS = [72.0, 200.0, 330.0, 460.0]
HEADER = ["Item", "Budget", "Spent"]
BODY_LINE = "The project budget was spent on schedule and the service targets were"


def two_page_report(tmp_path: Path, repeat_header: bool = True) -> Path:
    p1, p2 = Canvas(), Canvas()
    for i, c in enumerate((p1, p2), 1):
        c.text(72, 30, "Performance Report 2022", size=9)  # running header
        c.text(290, 800, f"- {i} -", size=9)  # page number
    p1.text(72, 80, "1. Budget", size=10)
    p1.watermark("DRAFT COPY")
    rows1 = [HEADER] + [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(1, 30)]
    bottom = p1.grid(XS, 110, rows1)
    assert bottom > 700  # the table runs to the foot of page 1
    rows2 = ([HEADER] if repeat_header else []) + [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(30, 35)]
    bottom = p2.grid(XS, 70, rows2)
    # a paragraph that breaks over the page: page 2 ends with a full line, page 3 goes on
    p3 = Canvas()
    p3.text(72, 30, "Performance Report 2022", size=9)
    p3.text(290, 800, "- 3 -", size=9)
    top = bottom + 30
    p2.text(72, top, "2. Results", size=10)
    p2.text(96, top + 25, BODY_LINE[:66])  # Courier: 6 pt a character, so both lines end at 492
    y = top + 39
    while y < 760:
        p2.text(72, y, BODY_LINE[:70])
        y += 14
    p3.text(72, 70, "met in full.")
    p3.text(96, 90, "A new paragraph starts here with an indent.")
    return write_pdf(tmp_path / "report.pdf", [p1, p2, p3])


def test_table_continued_with_repeated_header_is_one_table(tmp_path):
    d = read_pdf(two_page_report(tmp_path))
    tables = [b for b in d.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert (t.page_start, t.page_end) == (1, 2)
    assert t.rows[0] == HEADER
    assert sum(1 for r in t.rows if r == HEADER) == 1  # the repeat on page 2 is dropped
    assert t.n_rows == 1 + 34 and t.n_cols == 3
    assert t.rows[29] == ["line 29", "129.00", "119.50"] and t.rows[30] == ["line 30", "130.00", "120.50"]
    assert t.row_pages[29] == 1 and t.row_pages[30] == 2
    assert t.merges == []


def test_table_continued_without_header(tmp_path):
    t = next(b for b in read_pdf(two_page_report(tmp_path, repeat_header=False)).blocks if isinstance(b, Table))
    assert t.n_rows == 35 and t.page_end == 2 and t.rows[30][0] == "line 30"


def test_running_header_and_page_numbers_dropped(tmp_path):
    d = read_pdf(two_page_report(tmp_path))
    texts = [p.text for p in d.paragraphs]
    assert not any("Performance Report" in t for t in texts)
    assert not any(t.startswith("- ") for t in texts)
    assert texts[0] == "1. Budget"
    assert not any("DRAFT" in t or "D R" in t for t in texts)  # the slanted watermark is not text
    assert not any("DRAFT" in c for t in d.tables for row in t.rows for c in row)


def test_paragraph_across_page_break_and_reading_order(tmp_path):
    d = read_pdf(two_page_report(tmp_path))
    kinds = [b.kind for b in d.blocks]
    assert kinds[:2] == ["paragraph", "table"]
    paras = [b for b in d.blocks if isinstance(b, Paragraph)]
    body = next(p for p in paras if p.text.startswith(BODY_LINE[:20]))
    assert body.page == 2
    assert body.text.endswith("were met in full.")  # Latin words joined with a space
    assert paras[-1].text == "A new paragraph starts here with an indent." and paras[-1].page == 3
    heading = next(p for p in paras if p.text == "2. Results")
    assert heading.heading_level == 3


def test_blank_page_is_not_sent_to_ocr(tmp_path):
    page = Canvas()
    page.text(72, 100, "Only page one has text.")
    d = read_pdf(write_pdf(tmp_path / "blank.pdf", [page, Canvas()]))
    assert [p.text_layer for p in d.pages] == [True, True]
    assert not d.warnings
    assert [p.text for p in d.paragraphs] == ["Only page one has text."]


def test_scan_with_a_few_text_characters(tmp_path, monkeypatch):
    """A scanned page carrying a stamped page number: OCR is asked; without OCR the stamp's
    text is kept rather than nothing."""
    import sys
    import types

    fake = types.ModuleType("jixiao.extract.ocr")

    class OcrUnavailable(Exception):
        pass

    def ocr_page(pdf_path, page_number, settings=None):
        raise OcrUnavailable("engine not installed")

    fake.OcrUnavailable, fake.ocr_page = OcrUnavailable, ocr_page
    monkeypatch.setitem(sys.modules, "jixiao.extract.ocr", fake)
    page = Canvas(scan=True)
    page.text(72, 100, "Stamp 2022")
    d = read_pdf(write_pdf(tmp_path / "scan.pdf", [page]))
    assert d.pages[0].text_layer is False and d.pages[0].ocr is False
    assert d.warnings == ["page 1 has no text layer; OCR unavailable: engine not installed"]
    assert [p.text for p in d.paragraphs] == ["Stamp 2022"]


def test_table_without_outer_side_borders_keeps_outer_columns(tmp_path):
    page = Canvas()
    rows = [HEADER] + [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(1, 5)]
    top, row_h = 100.0, 20.0
    for k in range(len(rows) + 1):
        page.line(XS[0], top + k * row_h, XS[-1], top + k * row_h)
    for x in XS[1:-1]:  # inner verticals only, as Word's "no left/right border" style draws
        page.line(x, top, x, top + row_h * len(rows))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.text(XS[c] + 4, top + r * row_h + 5, cell)
    page.text(72, 250, "Text after the table.")
    d = read_pdf(write_pdf(tmp_path / "open.pdf", [page]))
    assert len(d.tables) == 1
    assert d.tables[0].rows == rows
    assert [p.text for p in d.paragraphs] == ["Text after the table."]


def test_forms_one_per_page_keep_their_titles_and_tables_apart(tmp_path):
    """Three forms, one per page, each under the same large title: the repeated title is not a
    running header (it is set larger than the body), nor is the line under it; so both stay and
    the tables are not joined."""
    pages = []
    for i in range(3):
        c = Canvas()
        c.text(72, 30, "Performance Report 2022", size=9)  # a real running header: small type
        c.text(150, 48, "Project Self-Evaluation Form", size=16)
        c.text(250, 72, "(2023)", size=10)  # the title block's second line: body type, repeated too
        c.text(72, 90, f"Unit: {('north', 'south', 'east')[i]} office", size=10)
        rows = [HEADER] + [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(1, 32)]
        assert c.grid(XS, 110, rows) > 700  # each table runs to the foot of its page
        pages.append(c)
    d = read_pdf(write_pdf(tmp_path / "forms.pdf", pages))
    tables = [b for b in d.blocks if isinstance(b, Table)]
    assert [(t.page_start, t.page_end, t.n_rows) for t in tables] == [(1, 1, 32), (2, 2, 32), (3, 3, 32)]
    texts = [p.text for p in d.paragraphs]
    assert texts.count("Project Self-Evaluation Form") == 3 and texts.count("(2023)") == 3
    assert not any("Performance Report" in t for t in texts)


def test_text_beside_the_last_rows_does_not_stop_the_join(tmp_path):
    """A label drawn in the table's band at the page foot (a merged cell's text centred across the
    break, clipped outside its cell) is the table's, not text after it: the parts still join."""
    p1, p2 = Canvas(), Canvas()
    rows1 = [HEADER] + [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(1, 30)]
    bottom = p1.grid(XS, 110, rows1)
    p1.text(20, bottom - 15, "Sect")  # left of the table, inside its last row's band
    p2.grid(XS, 70, [[f"line {k}", f"{100 + k}.00", f"{90 + k}.50"] for k in range(30, 35)])
    d = read_pdf(write_pdf(tmp_path / "band.pdf", [p1, p2]))
    tables = [b for b in d.blocks if isinstance(b, Table)]
    assert [(t.page_start, t.page_end, t.n_rows) for t in tables] == [(1, 2, 35)]
    assert "Sect" in [p.text for p in d.paragraphs]  # nothing lost


def test_print_titles_and_a_label_drawn_again_above_the_continuation(tmp_path):
    """A sheet printed with title rows repeats its indicator header (not the form's first row) on
    each page, and a merged label going on over the break is drawn again above the next part:
    the parts still join, the repeated header is dropped, the label stays as text."""
    head = ["Level", "Item", "Points", "Score"]
    xs = [72.0, 170.0, 300.0, 400.0, 500.0]
    p1, p2 = Canvas(), Canvas()
    rows1 = [["Project", "Hotline", "", ""], head] + [["Output", f"item {k}", "2", "2"] for k in range(1, 29)]
    assert p1.grid(xs, 110, rows1) > 700
    p2.text(80, 30, "Output")  # the merged label again, above the table
    p2.grid(xs, 70, [head] + [["", f"item {k}", "2", "2"] for k in range(29, 33)])
    d = read_pdf(write_pdf(tmp_path / "titles.pdf", [p1, p2]))
    tables = [b for b in d.blocks if isinstance(b, Table)]
    assert [(t.page_start, t.page_end, t.n_rows) for t in tables] == [(1, 2, 34)]
    assert sum(1 for r in tables[0].rows if r == head) == 1 and tables[0].rows[30][1] == "item 29"
    assert "Output" in [p.text for p in d.paragraphs]


def test_a_new_header_like_the_old_one_is_not_a_repeat(tmp_path):
    """A section's own header row that starts the next page ("权重 40/k" where the last one said
    "权重 40/m") is a row of the table, not a repeated title row."""
    xs = [72.0, 170.0, 300.0, 400.0, 500.0]
    p1, p2 = Canvas(), Canvas()
    rows1 = [["Level", "Item", "Weight 40/m", "Score"]] + [["Output", f"item {k}", "2", "2"] for k in range(1, 30)]
    assert p1.grid(xs, 110, rows1) > 700
    p2.grid(xs, 70, [["Level", "Item", "Weight 40/k", "Score"], ["Effect", "item 30", "20", "20"]])
    t = next(b for b in read_pdf(write_pdf(tmp_path / "heads.pdf", [p1, p2])).blocks if isinstance(b, Table))
    assert t.n_rows == 32 and t.rows[30] == ["Level", "Item", "Weight 40/k", "Score"]

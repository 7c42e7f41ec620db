"""The PDF reader on the corpus PDFs: merged cells, tables across pages, page furniture,
paragraph reflow, text-layer detection, encrypted and damaged files."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from jixiao.extract import ReadError, read_document
from jixiao.extract.document import Document, Paragraph, Table
from jixiao.extract.pdf import PdfSettings, read_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DATA = Path(__file__).resolve().parent / "data" / "pdf"
CJK_SPACE = re.compile(r"[\u4e00-\u9fff，。；：、（）] [\u4e00-\u9fff，。；：、（）]")


@lru_cache(maxsize=None)
def doc(name: str) -> Document:
    return read_pdf(CORPUS / name)


def table_with(d: Document, text: str) -> Table:
    for t in d.tables:
        if any(text in c for row in t.rows for c in row):
            return t
    raise AssertionError(f"no table holds {text!r}")


def find(t: Table, text: str) -> tuple[int, int]:
    for r, row in enumerate(t.rows):
        for c, v in enumerate(row):
            if v.replace("\n", "") == text:
                return r, c
    raise AssertionError(f"no cell is {text!r}")


# --- tables ---------------------------------------------------------------------------------

def test_scoring_table_across_pages_is_one_table():
    d = doc("xiuyu-2021-third-party.pdf")
    t = table_with(d, "评分标准")
    assert (t.page_start, t.page_end) == (10, 11)
    assert (t.n_rows, t.n_cols) == (23, 7)
    assert len(t.row_pages) == t.n_rows and t.row_pages[0] == 10 and t.row_pages[-1] == 11
    assert sum(1 for x in d.tables if any("评分标准" in c for row in x.rows for c in row)) == 1


def test_row_split_by_page_break_is_one_row():
    t = table_with(doc("xiuyu-2021-third-party.pdf"), "评分标准")
    r, c = find(t, "资金使用合规性")
    row = t.rows[r]
    assert row[3] == "4" and row[6] == "3"
    assert "专项资金管理办法规定" in row[4] and row[4].startswith("1.符合财务管理制度")
    assert "服务记录汇总表代替逐人" in row[5]
    assert t.rows[r + 1][2] == "管理制度健全性"


def test_merged_cells_both_directions():
    t = table_with(doc("xiuyu-2021-third-party.pdf"), "评分标准")
    r, c = find(t, "项目决策（20分）")
    assert (r, c) == (1, 0)
    assert (1, 0, 6, 0) in t.merges  # down six rows
    assert all(t.rows[k][0] == "" for k in range(2, 7))
    r, _ = find(t, "合计")
    assert (r, 0, r, 2) in t.merges  # across three columns
    assert t.rows[r][1] == t.rows[r][2] == ""
    assert t.rows[r][3] == "100" and t.rows[r][6] == "87.84"


def test_vertical_region_continued_across_page_keeps_text_once():
    # 项目过程 runs down from page 10 onto page 11: one region, text in its top-left cell
    t = table_with(doc("xiuyu-2021-third-party.pdf"), "评分标准")
    r, _ = find(t, "项目过程（20分）")
    m = t.merge_at(r, 0)
    assert m is not None and m[:2] == (r, 0)
    assert t.rows[m[2]][2] == "制度执行有效性"
    assert t.row_pages[m[2]] == 11


def test_word_cell_text_flowing_over_the_break():
    t = table_with(doc("hunan-yueyang-2018-dept-and-project.pdf"), "过程（25分）")
    r, _ = find(t, "过程（25分）")
    assert t.merge_at(r, 0)[2] >= r + 5
    assert not any(row[0] == "分）" for row in t.rows)


def test_excel_form_over_four_pages_with_cut_regions():
    d = doc("zhongshan-2022-project-self.pdf")
    assert len(d.tables) == 1
    t = d.tables[0]
    assert (t.page_start, t.page_end, t.n_rows, t.n_cols) == (1, 4, 42, 10)
    r, c = find(t, "预算执行过程（20分）")
    assert t.merge_at(r, c) == (r, c, r + 1, c)
    assert t.rows[r + 1][c] == ""
    # text clipped at the cell border in the export belongs to its own cell, not the one above
    r, c = find(t, "主管部门")
    assert t.rows[r + 1][c] == "预算调整额（调减金额用“负数”表示，调增金额用“正数”表示）"
    assert t.rows[-4][0] == "主管部门审核意见"


def test_region_cut_by_page_break_without_border():
    t = doc("yunnan-lincang-2023-department-form.pdf").tables[0]
    r, c = find(t, "政务服务中心受理办件量")
    assert t.rows[r][0] == "产出指标" and t.rows[r][1] == "数量指标"
    assert t.merge_at(r, 0) == (r, 0, r + 4, 0)
    assert t.rows[r + 1][2] == "12345热线受理诉求量" and t.rows[r + 1][1] == ""
    assert t.row_pages[r] == 1 and t.row_pages[r + 1] == 2


def test_cell_text_joins_wrapped_cjk_lines_without_spaces():
    t = table_with(doc("xiuyu-2021-third-party.pdf"), "评分标准")
    for row in t.rows:
        for cell in row:
            assert not CJK_SPACE.search(cell), cell
    r, _ = find(t, "立项依据充分性")
    assert t.rows[r][4] == "1.符合国家法律法规、国民经济发展规划和相关政策，得1分；\n2.与部门职责范围相符，属于部门履职所需，得1分。"


def test_table_text_is_not_repeated_as_paragraphs():
    d = doc("xiuyu-2021-third-party.pdf")
    texts = [p.text for p in d.paragraphs]
    assert not any("上门服务单价不超过合同约定" in t for t in texts)
    assert not any(t == "居家养老政府购买服务经费项目" for t in texts)


def test_blocks_in_reading_order():
    d = doc("xiuyu-2021-third-party.pdf")
    kinds = [(b.kind, b.text if isinstance(b, Paragraph) else b.rows[0][0]) for b in d.blocks if
             (b.page if isinstance(b, Paragraph) else b.page_start) == 4]
    i = next(k for k, (kind, text) in enumerate(kinds) if kind == "table")
    assert kinds[i][1] == "序号"
    assert any("表1" in text for _, text in kinds[:i])
    assert kinds[i + 1][1].startswith("（二）项目绩效目标")


def test_table_cells_score_on_corpus():
    """The structure truth beside each corpus PDF, scored cell by cell like tools/score.py."""
    total = hit = 0
    for truth_file in sorted(CORPUS.glob("*.pdf.tables.json")):
        if "scanned" in truth_file.name:
            continue
        import json

        grids = [t.rows for t in doc(truth_file.name[: -len(".tables.json")]).tables]
        for table in json.loads(truth_file.read_text(encoding="utf-8")):
            cells = [(r, c, _norm(v)) for r, row in enumerate(table["cells"]) for c, v in enumerate(row) if _norm(v)]
            cells += [(r, c, "") for r1, c1, r2, c2 in table.get("merges", []) for r in range(r1, r2 + 1)
                      for c in range(c1, c2 + 1) if (r, c) != (r1, c1)]
            best = max((sum(1 for r, c, v in cells if r < len(g) and c < len(g[r]) and _norm(g[r][c]) == v)
                        for g in grids), default=0)
            total, hit = total + len(cells), hit + best
    assert total > 2000
    assert hit / total >= 0.97


def _norm(text: str) -> str:
    return re.sub(r"[\s,，。.、:：;；\"“”'‘’()（）\[\]【】《》<>·/\\\-—]+", "", text or "")


# --- text -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["jiangmen-2022-project-self.pdf", "xiuyu-2021-third-party.pdf",
                                  "zhongshan-2022-project-self.pdf", "lechang-2022-department-self.pdf"])
def test_page_numbers_and_footers_dropped(name):
    d = doc(name)
    for p in d.paragraphs:
        assert not re.fullmatch(r"[—–\-\s]*\d+[—–\-\s]*", p.text), p.text
        assert not re.search(r"第\s*\d+\s*页\s*共\s*\d+\s*页", p.text), p.text


def test_furniture_patterns():
    from jixiao.extract.pdf.furniture import looks_like_page_number

    for text in ("— 1 —", "- 12 -", "第 1 页 共 3 页", "第3页", "3 / 11", "Page 2 of 9", "—7 —", "12"):
        assert looks_like_page_number(text), text
    for text in ("2022年", "一、项目概况", "合计 100", "第一章", "100%"):
        assert not looks_like_page_number(text), text


def test_paragraph_continues_across_page_break():
    d = doc("xiuyu-2021-third-party.pdf")
    para = next(p for p in d.paragraphs if p.text.startswith("评价组于2022年8月"))
    assert para.page == 5
    assert "有效回收率" in para.text and para.text.endswith("并与项目单位交换了意见。")
    assert not any(p.text.startswith("共发放问卷") for p in d.paragraphs)


def test_paragraphs_have_no_spaces_between_cjk():
    for name in ("xiuyu-2021-third-party.pdf", "jiangmen-2022-project-self.pdf"):
        for p in doc(name).paragraphs:
            assert not CJK_SPACE.search(p.text), p.text
            assert "\n" not in p.text


def test_headings():
    d = doc("xiuyu-2021-third-party.pdf")
    level = {p.text: p.heading_level for p in d.paragraphs}
    assert level["二、绩效评价工作开展情况"] == 1
    assert level["（一）绩效评价目的、对象和范围"] == 2
    assert level["1.项目背景"] == 3
    assert next(p for p in d.paragraphs if p.text.startswith("评价组于")).heading_level is None


def test_little_text_is_still_a_text_layer():
    # page 3 of this form holds one table row only: few characters, but no image to OCR
    d = doc("shaoguan-2020-project-self.pdf")
    assert all(p.text_layer for p in d.pages)
    assert not d.warnings


# --- pages without a text layer ---------------------------------------------------------------

def _image_pdf(path: Path, pages: int = 2) -> Path:
    from PIL import Image, ImageDraw

    imgs = []
    for i in range(pages):
        img = Image.new("RGB", (620, 877), "white")
        ImageDraw.Draw(img).rectangle((80, 80 + 40 * i, 540, 160 + 40 * i), outline="black", width=3)
        imgs.append(img)
    imgs[0].save(path, save_all=True, append_images=imgs[1:], resolution=72)
    return path


def test_scanned_pages_without_ocr_warn(tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("jixiao.extract.ocr")

    class OcrUnavailable(Exception):
        pass

    def ocr_page(pdf_path, page_number, settings=None):
        raise OcrUnavailable("no OCR engine installed")

    fake.OcrUnavailable, fake.ocr_page = OcrUnavailable, ocr_page
    monkeypatch.setitem(sys.modules, "jixiao.extract.ocr", fake)
    d = read_pdf(_image_pdf(tmp_path / "scan.pdf"))
    assert [p.text_layer for p in d.pages] == [False, False]
    assert d.warnings == [f"page {n} has no text layer; OCR unavailable: no OCR engine installed" for n in (1, 2)]
    assert d.blocks == []


def test_scanned_pages_go_to_ocr(tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("jixiao.extract.ocr")
    calls = []

    def ocr_page(pdf_path, page_number, settings=None):
        calls.append(page_number)
        return [Paragraph(text=f"第{page_number}页识别文字", page=page_number, source="ocr", confidence=0.9)]

    fake.ocr_page = ocr_page
    monkeypatch.setitem(sys.modules, "jixiao.extract.ocr", fake)
    d = read_pdf(_image_pdf(tmp_path / "scan.pdf"))
    assert calls == [1, 2]
    assert [p.text for p in d.paragraphs] == ["第1页识别文字", "第2页识别文字"]
    assert all(p.ocr and not p.text_layer for p in d.pages)
    assert not d.warnings


# --- opening ----------------------------------------------------------------------------------

def test_encrypted_with_empty_password_opens():
    d = read_document(DATA / "encrypted-empty-password.pdf")
    plain = doc("anhui-chizhou-guichi-2022-xmzpb.pdf")
    assert d.format == "pdf" and len(d.pages) == 2
    assert [t.rows for t in d.tables] == [t.rows for t in plain.tables]


def test_encrypted_with_password_is_a_read_error():
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_document(DATA / "encrypted-password.pdf")


def test_corrupt_files_are_read_errors(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + b"not a pdf body\n" * 20)
    with pytest.raises(ReadError, match="damaged or unreadable PDF"):
        read_pdf(junk)
    data = (CORPUS / "anhui-chizhou-guichi-2022-xmzpb.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError) as info:
        read_pdf(cut)
    assert "\n" not in str(info.value)


def test_settings_override_from_run_settings():
    from jixiao.settings import Settings

    s = Settings()
    s.extract["pdf"] = {"stitch": False, "min_text_chars": 5}
    ps = PdfSettings.from_settings(s)
    assert ps.stitch is False and ps.min_text_chars == 5
    d = read_pdf(CORPUS / "xiuyu-2021-third-party.pdf", settings=s)
    parts = [t for t in d.tables if t.page_start >= 10]
    assert [(t.page_start, t.page_end) for t in parts] == [(10, 10), (11, 11)]


def test_cell_paragraphs_on_their_own_lines():
    t = table_with(doc("shaoguan-2020-project-self.pdf"), "论证充分性")
    cell = next(c for row in t.rows for c in row if "论证充分性" in c)
    lines = cell.split("\n")
    assert "(一) 论证决策" in lines
    assert any(ln.startswith("论证充分性：") and ln.endswith("自评4分。") for ln in lines)
    # a line ending early because "实“7×24”" could not be split is not a paragraph end
    t = doc("zhongshan-2022-project-self.pdf").tables[0]
    cell = next(c for row in t.rows for c in row if "7×24" in c)
    assert "3. 落实“7×24”小时" in cell

"""OCR machinery that needs no OCR engine: number repairs, paragraph rebuilding, ruling-line
grids on drawn tables, settings, and the unavailable-engine error. Fast."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from jixiao.extract.ocr import OcrSettings, OcrUnavailable, fix_numbers
from jixiao.extract.ocr.cells import normalize_dash
from jixiao.extract.ocr.grid import find_grids
from jixiao.extract.ocr.layout import Piece, cell_text, is_page_number, join_texts, paragraphs, visual_lines
from jixiao.extract.ocr.page import confidence_warning
from jixiao.extract.ocr.render import rotate, skew_degrees


@pytest.mark.parametrize("raw, fixed", [
    ("2O20年度", "2020年度"),
    ("完成率l00%", "完成率100%"),
    ("2〇21年8月", "2021年8月"),
    ("执行率97，90%", "执行率97.90%"),
    ("预算完成率97。90%", "预算完成率97.90%"),
    ("合计9，870，900元", "合计9,870,900元"),
    ("共I2个", "共12个"),
])
def test_number_confusions_are_repaired(raw, fixed):
    assert fix_numbers(raw) == fixed


@pytest.mark.parametrize("text", [
    "二〇二〇年",  # a year in characters is not a number to repair
    "OA系统", "PM2.5", "COVID-19", "第1，2项",  # a list, not a decimal: no unit follows
    "1，000%",  # may be a thousands separator: left for the number parser, not made a point
    "Office 2016",
])
def test_words_and_ambiguous_marks_are_left_alone(text):
    out = fix_numbers(text)
    assert out.replace(",", "，") == text.replace(",", "，")
    assert "." not in out or "." in text


def test_fixes_never_change_the_digits():
    import random

    rnd = random.Random(3)
    alphabet = "0123456789Ol〇，,。%万元年 "
    for _ in range(500):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
        digits = [c for c in s if c.isdigit()]
        out = fix_numbers(s)
        assert len(out) == len(s)
        assert [c for c in out if c.isdigit() and c not in "01"] == [c for c in digits if c not in "01"]


def test_dash_lookalikes_in_cells():
    assert normalize_dash("一") == "—"
    assert normalize_dash("-") == "—"
    assert normalize_dash("一级指标") == "一级指标"


def _line(x0, y, x1, text, h=30, conf=0.99):
    return Piece(x0, y, x1, y + h, text, conf)


def test_lines_join_without_spaces_and_paragraphs_break_on_indent():
    s = OcrSettings()
    pieces = [
        _line(160, 100, 420, "一、项目基本情况"),
        _line(210, 150, 1080, "市行政服务中心成立于1997年2月，是省内首家综合行政事务的管理服务机"),
        _line(150, 200, 1085, "构。市行政服务中心于2020年5月完成机构改革调整，成为江门市政务服务"),
        _line(150, 250, 700, "数据管理局局属事业单位。"),
        _line(210, 300, 1080, "市12345政府服务热线是江门市政府为了推进服务型政府建设、拓宽政府与"),
        _line(150, 350, 1082, "市民之间的沟通渠道于2003年7月开通。"),
    ]
    paras = [t for t, _, _ in paragraphs(visual_lines(pieces, s), s)]
    assert paras[0] == "一、项目基本情况"
    assert paras[1].startswith("市行政服务中心成立于1997年2月，是省内首家综合行政事务的管理服务机构。市行政")
    assert paras[1].endswith("数据管理局局属事业单位。")
    assert " " not in paras[1]
    assert paras[2].startswith("市12345政府") and len(paras) == 3


def test_stacked_label_lines_stay_apart():
    s = OcrSettings()
    pieces = [_line(300, 100, 700, "项目单位：江门市行政服务中心"),
              _line(300, 140, 900, "评价机构：广东省公共事务与社会治理研究会")]
    assert [t for t, _, _ in paragraphs(visual_lines(pieces, s), s)] == [p.text for p in pieces]


def test_latin_words_keep_a_space_but_cjk_and_digits_do_not():
    assert join_texts("PPP", "project") == "PPP project"
    assert join_texts("2020", "年") == "2020年"
    assert join_texts("预算", "987.09万元") == "预算987.09万元"


def test_fields_on_one_line_are_kept_apart():
    s = OcrSettings()
    lines = visual_lines([_line(100, 100, 400, "项目单位：江门市"), _line(700, 102, 1000, "评价机构：研究会")], s)
    assert len(lines) == 1 and lines[0].text == "项目单位：江门市 评价机构：研究会"
    assert cell_text([_line(10, 10, 100, "项目资金"), _line(20, 45, 90, "（万元）")], s) == "项目资金（万元）"


@pytest.mark.parametrize("text, yes", [("— 2 —", True), ("一2一", True), ("-12-", True), ("第3页", True),
                                       ("3/12", True), ("2021年8月", False), ("100", True), ("一、概况", False)])
def test_page_numbers(text, yes):
    assert is_page_number(text) is yes


def _draw_form(skew: float = 0.0):
    """A 4x3 ruled form with a cell merged across the top row and one down the first column."""
    import cv2

    img = np.full((900, 1200, 3), 255, np.uint8)
    xs, ys = [100, 400, 700, 1100], [100, 180, 260, 340, 420]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), (0, 0, 0), 2)
    for x in (xs[0], xs[-1]):
        cv2.line(img, (x, ys[0]), (x, ys[-1]), (0, 0, 0), 2)
    cv2.line(img, (400, 180), (400, 420), (0, 0, 0), 2)  # column 0|1 below the title row
    cv2.line(img, (700, 180), (700, 420), (0, 0, 0), 2)
    cv2.rectangle(img, (101, 181), (399, 339), (255, 255, 255), -1)  # rows 1-2 of column 0 merged
    cv2.line(img, (100, 180), (400, 180), (0, 0, 0), 2)
    cv2.line(img, (100, 340), (400, 340), (0, 0, 0), 2)
    cv2.line(img, (100, 180), (100, 340), (0, 0, 0), 2)
    cv2.line(img, (400, 180), (400, 340), (0, 0, 0), 2)
    cv2.putText(img, "a dash line", (750, 300), cv2.FONT_HERSHEY_SIMPLEX, 1, (0, 0, 0), 2)
    cv2.line(img, (150, 600), (1000, 600), (0, 0, 0), 2)  # a lone rule under text: not a table
    if skew:
        img, _ = rotate(img, [], skew)
    return img


def test_grid_from_ruling_lines_with_merges():
    grids = find_grids(_draw_form(), 30, OcrSettings())
    assert len(grids) == 1
    g = grids[0]
    assert (g.n_rows, g.n_cols) == (4, 3)
    assert [round(x) for x in g.xs] == [100, 400, 700, 1100]
    assert (0, 0, 0, 2) in g.regions  # the title row spans all columns
    assert (1, 0, 2, 0) in g.regions  # two rows merged in the first column
    assert (1, 1, 1, 1) in g.regions and (3, 2, 3, 2) in g.regions


def test_skewed_form_is_straightened_from_its_rulings():
    s = OcrSettings()
    img = _draw_form(skew=-0.8)
    a = skew_degrees([], s, img)
    assert a == pytest.approx(0.8, abs=0.1)
    straight, _ = rotate(img, [], a)
    g = find_grids(straight, 30, s)[0]
    assert (g.n_rows, g.n_cols) == (4, 3)


def test_rotating_moves_boxes_with_the_page():
    img = np.full((200, 400, 3), 255, np.uint8)
    q = np.array([[100, 50], [300, 50], [300, 80], [100, 80]], np.float32)
    _, (moved,) = rotate(img, [q], 90)
    assert moved.shape == (4, 2) and not np.allclose(moved, q)
    _, (same,) = rotate(img, [q], 0)
    assert np.allclose(same, q, atol=1e-3)


def test_settings_from_the_run_settings():
    from jixiao.settings import Settings

    run = Settings()
    run.extract["ocr"] = {"dpi": 300, "warn_mean_confidence": 0.9}
    s = OcrSettings.from_any(run)
    assert s.dpi == 300 and s.warn_mean_confidence == 0.9
    run.extract["ocr"]["unknown"] = 1
    with pytest.raises(ValueError, match=r"unknown setting in \[extract.ocr\]: unknown"):
        OcrSettings.from_any(run)
    assert OcrSettings.from_any(None) == OcrSettings()
    assert OcrSettings.from_any(s) is s


def test_low_confidence_page_warns():
    s = OcrSettings(warn_mean_confidence=0.85)
    assert confidence_warning(3, 0.6, s).startswith("page 3: low OCR confidence 0.60")
    assert confidence_warning(3, 0.97, s) is None
    assert confidence_warning(3, None, s) is None  # a blank page is not a reading failure


def test_missing_engine_says_what_to_install(monkeypatch, tmp_path):
    from jixiao.extract.ocr import engine, ocr_page

    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
    monkeypatch.setattr(engine, "_ENGINES", {})
    monkeypatch.setattr(engine.shutil, "which", lambda name: None)
    with pytest.raises(OcrUnavailable, match="pip install"):
        ocr_page(tmp_path / "x.pdf", 1, OcrSettings(engine="auto"))


def test_ocr_into_joins_a_paragraph_broken_by_the_page_and_records_warnings(monkeypatch):
    import jixiao.extract.ocr as ocr
    from jixiao.extract.document import Document, Page, Paragraph
    from jixiao.extract.ocr.page import OcrPage

    pages = {
        1: OcrPage(page=1, blocks=[Paragraph("一、概况", 1, source="ocr", confidence=0.99),
                                   Paragraph("年初预算987.09万元，年中追减", 1, source="ocr", confidence=0.98)],
                   mean_confidence=0.98),
        2: OcrPage(page=2, blocks=[Paragraph("57.08万元。", 2, source="ocr", confidence=0.9),
                                   Paragraph("（二）目标。", 2, source="ocr", confidence=0.97)],
                   mean_confidence=0.7, warning="page 2: low OCR confidence 0.70", continues_paragraph=True),
        3: OcrPage(page=3, blocks=[Paragraph("另起一段。", 3, source="ocr", confidence=0.9)],
                   mean_confidence=0.9, continues_paragraph=True),
    }
    monkeypatch.setattr(ocr, "ocr_page_full", lambda path, n, settings=None: pages[n])
    doc = Document(path="x.pdf", format="pdf", pages=[Page(1), Page(2), Page(3)])
    for n in (1, 2, 3):
        ocr.ocr_into(doc, "x.pdf", n)
    texts = [(b.page, b.text) for b in doc.blocks]
    assert texts == [(1, "一、概况"), (1, "年初预算987.09万元，年中追减57.08万元。"), (2, "（二）目标。"),
                     (3, "另起一段。")]  # page 2 ended its paragraph with 。: page 3 starts anew
    assert doc.blocks[1].confidence == 0.9
    assert doc.warnings == ["page 2: low OCR confidence 0.70"]
    assert all(p.ocr and not p.text_layer for p in doc.pages)
    assert set(doc.metadata["ocr"]) == {"1", "2", "3"}


def test_a_glyph_against_a_ruling_is_taken_back_into_its_box():
    from jixiao.extract.ocr.cells import reach_to_border
    from jixiao.extract.ocr.grid import Grid

    ink = np.zeros((200, 600), np.uint8)
    ink[:, 100:102] = 255  # the cell's left ruling
    ink[60:64, 102:122] = 255  # 一, printed against it and left out by the detector
    ink[50:75, 130:260] = 255  # the rest of the text, which the detector boxed
    ink[50:75, 420:440] = 255  # ink in the same cell but far away: not part of this text
    g = Grid(xs=[100, 500], ys=[40, 90], regions=[(0, 0, 0, 0)])
    (box,) = reach_to_border([(128.0, 48.0, 262.0, 77.0)], g, ink, 25.0, OcrSettings())
    assert 100 <= box[0] <= 104  # grown to the ruling, not past it
    assert box[2] == 262.0  # nothing next to the right end: unchanged

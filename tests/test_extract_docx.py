"""DOCX reader: merges, grid offsets, nested tables, headings, list labels, pages, lost text."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from jixiao.extract import Paragraph, ReadError, read_document
from jixiao.extract.docx import read_docx
from jixiao.extract.docx.numbering import chinese_counting, format_number

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""


def make_docx(path: Path, body: str, styles: str = "", numbering: str = "") -> Path:
    """A minimal DOCX from raw WordprocessingML, for the markup python-docx cannot write."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           f'<w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
        zf.writestr("word/document.xml", doc)
        if styles:
            zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
        if numbering:
            zf.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
    return path


def p(text: str, ppr: str = "", run_extra: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{run_extra}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{p(text)}</w:tc>"


# -- corpus ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(f.name for f in CORPUS.glob("*.docx")))
def test_corpus_tables_match_truth(name):
    """Every table's grid and merges equal the hand-checked truth beside the file."""
    truth = json.loads((CORPUS / f"{name}.tables.json").read_text(encoding="utf-8"))
    truth = truth if isinstance(truth, list) else truth["tables"]
    got = read_document(CORPUS / name).tables
    assert len(got) == len(truth)
    for t, g in zip(truth, got):
        assert g.rows == t["cells"]
        assert sorted(g.merges) == sorted(tuple(m) for m in t["merges"])


def test_corpus_gridspan_merge():
    t = read_document(CORPUS / "zhongshan-2022-project-self.docx").tables[0]
    horizontal = [m for m in t.merges if m[0] == m[2] and m[3] > m[1]]
    assert horizontal
    r, c1, _, c2 = horizontal[0]
    assert t.rows[r][c1]
    assert all(t.rows[r][c] == "" for c in range(c1 + 1, c2 + 1))


def test_corpus_vmerge_merge():
    t = read_document(CORPUS / "hunan-yueyang-2018-dept-and-project.docx").tables[2]
    vertical = [m for m in t.merges if m[2] > m[0]]
    assert vertical
    r1, c, r2, _ = vertical[0]
    assert t.rows[r1][c]
    assert all(t.rows[r][c] == "" for r in range(r1 + 1, r2 + 1))
    assert t.filled()[r2][c] == t.rows[r1][c]


def test_corpus_headings():
    doc = read_document(CORPUS / "lechang-2022-department-self.docx")
    levels = {b.text: b.heading_level for b in doc.paragraphs}
    assert levels["一、部门的基本情况"] == 1
    assert levels["(一)部门整体概况"] == 2
    assert any(b.heading_level is None for b in doc.paragraphs)


def test_corpus_pages_follow_breaks_and_length():
    doc = read_document(CORPUS / "xiuyu-2021-third-party.docx")
    pages = [b.page for b in doc.paragraphs]
    assert pages == sorted(pages)  # reading order never goes back a page
    assert pages[0] == 1 and doc.n_pages >= 5  # four explicit breaks plus long prose


def test_extension_lies(tmp_path):
    fake = tmp_path / "report.pdf"
    fake.write_bytes((CORPUS / "jiangmen-2022-project-self.docx").read_bytes())
    doc = read_document(fake)
    assert doc.format == "docx" and len(doc.tables) == 1


# -- structures made here ------------------------------------------------------------------
def test_vmerge_and_gridspan_synthetic(tmp_path):
    restart, cont, span2 = "<w:vMerge w:val='restart'/>", "<w:vMerge/>", "<w:gridSpan w:val='2'/>"
    body = ("<w:tbl><w:tblGrid><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/></w:tblGrid>"
            + f"<w:tr>{tc('产出指标', restart)}{tc('数量', span2)}</w:tr>"
            + f"<w:tr>{tc('', cont)}{tc('a')}{tc('b')}</w:tr>"
            + f"<w:tr>{tc('', cont)}{tc('c')}{tc('d')}</w:tr></w:tbl>")
    t = read_docx(make_docx(tmp_path / "m.docx", body)).tables[0]
    assert t.rows == [["产出指标", "数量", ""], ["", "a", "b"], ["", "c", "d"]]
    assert sorted(t.merges) == [(0, 0, 2, 0), (0, 1, 0, 2)]


def test_grid_before_after_keeps_columns_aligned(tmp_path):
    grid = "<w:tblGrid>" + "<w:gridCol w:w='1000'/>" * 4 + "</w:tblGrid>"
    body = (f"<w:tbl>{grid}<w:tr>{tc('A')}{tc('B')}{tc('C')}{tc('D')}</w:tr>"
            f"<w:tr><w:trPr><w:gridBefore w:val='2'/></w:trPr>{tc('c2')}{tc('d2')}</w:tr>"
            + "<w:tr><w:trPr><w:gridAfter w:val='1'/></w:trPr>" + tc("a3") + tc("bc3", "<w:gridSpan w:val='2'/>")
            + "</w:tr></w:tbl>")
    t = read_docx(make_docx(tmp_path / "g.docx", body)).tables[0]
    assert t.rows[1] == ["", "", "c2", "d2"]
    assert t.rows[2] == ["a3", "bc3", "", ""]
    assert (2, 1, 2, 2) in t.merges


def test_nested_table_python_docx(tmp_path):
    d = python_docx.Document()
    outer = d.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(1, 1).add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "内层A"
    inner.cell(1, 1).text = "内层D"
    d.add_paragraph("表后文字")
    path = tmp_path / "nested.docx"
    d.save(path)
    doc = read_docx(path)
    top = [b for b in doc.blocks if not isinstance(b, Paragraph)]
    assert len(top) == 1 and top[0].rows[0][0] == "外层"
    assert len(top[0].nested) == 1
    assert top[0].nested[0].rows == [["内层A", ""], ["", "内层D"]]
    assert [t.rows[0][0] for t in doc.tables] == ["外层", "内层A"]
    assert "内层A" not in top[0].rows[1][1]  # the nested grid is kept apart, not flattened into the cell


def test_cell_paragraphs_joined_with_newline(tmp_path):
    body = f"<w:tbl><w:tr><w:tc>{p('第一行')}{p('')}{p('第二行')}</w:tc></w:tr></w:tbl>"
    t = read_docx(make_docx(tmp_path / "c.docx", body)).tables[0]
    assert t.rows == [["第一行\n第二行"]]


STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="Report Head"/>
  <w:pPr><w:outlineLvl w:val="2"/><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="MyHead"/></w:style>
<w:style w:type="character" w:styleId="Hidden"><w:name w:val="Hidden"/><w:rPr><w:vanish/></w:rPr></w:style>
"""
NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
"""


def numbered(text, num, lvl, style=""):
    pstyle = f"<w:pStyle w:val='{style}'/>" if style else ""
    return p(text, f"{pstyle}<w:numPr><w:ilvl w:val='{lvl}'/><w:numId w:val='{num}'/></w:numPr>")


def test_heading_levels_from_names_outline_and_chain(tmp_path):
    body = (p("年度报告", "<w:pStyle w:val='Title'/>") + p("中文标题二", "<w:pStyle w:val='2'/>")
            + p("大纲级别", "<w:outlineLvl w:val='3'/>") + p("继承大纲", "<w:pStyle w:val='Sub'/>") + p("正文"))
    doc = read_docx(make_docx(tmp_path / "h.docx", body, STYLES, NUMBERING))
    levels = {b.text.split("、")[-1]: b.heading_level for b in doc.paragraphs}
    assert levels == {"年度报告": 1, "中文标题二": 2, "大纲级别": 4, "继承大纲": 3, "正文": None}


def test_list_labels_rendered(tmp_path):
    body = (numbered("项目概况", 1, 0) + numbered("项目基本情况", 1, 1) + numbered("资金情况", 1, 2)
            + numbered("资金到位", 1, 2) + numbered("项目绩效目标", 1, 1) + numbered("绩效分析", 1, 0)
            + numbered("要点", 2, 0) + numbered("重新开始", 3, 0) + p("样式编号", "<w:pStyle w:val='MyHead'/>"))
    doc = read_docx(make_docx(tmp_path / "n.docx", body, STYLES, NUMBERING))
    texts = [b.text for b in doc.paragraphs]
    assert texts[:6] == ["一、项目概况", "（一）项目基本情况", "1. 资金情况", "2. 资金到位", "（二）项目绩效目标", "二、绩效分析"]
    assert texts[6] == "要点" and "bullet" in doc.paragraphs[6].style
    assert texts[7] == "一、重新开始"  # a startOverride restarts the shared list
    assert texts[8] == "二、样式编号"  # numbering inherited from the paragraph style


def test_list_without_definitions_keeps_level_in_style(tmp_path):
    doc = read_docx(make_docx(tmp_path / "nn.docx", numbered("无定义编号", 7, 1)))
    para = doc.paragraphs[0]
    assert para.text == "无定义编号" and "level 1" in para.style


def test_number_formats():
    assert [chinese_counting(n) for n in (1, 10, 11, 20, 21, 100, 105)] == ["一", "十", "十一", "二十", "二十一", "一百", "一百零五"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(2, "ideographTraditional") == "乙"


def test_pages_from_explicit_and_rendered_breaks(tmp_path):
    body = (p("第一页") + "<w:p><w:r><w:br w:type='page'/></w:r></w:p>"
            + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r></w:p>"  # same page as the break
            + "<w:p><w:r><w:t>仍在第二页</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>跨到第三页</w:t></w:r></w:p>"
            + p("第四页", "<w:pageBreakBefore/>")
            + p("节末", "<w:sectPr><w:type w:val='continuous'/></w:sectPr>") + p("下一节")
            + "<w:sectPr/>")
    doc = read_docx(make_docx(tmp_path / "pg.docx", body))
    pages = {b.text: b.page for b in doc.paragraphs}
    assert pages["第一页"] == 1 and pages["第二页"] == 2
    assert pages["仍在第二页跨到第三页"] == 2
    assert pages["第四页"] == 4 and pages["节末"] == 4
    assert pages["下一节"] == 5  # the next section starts a new page (its type is nextPage)
    assert doc.metadata["page_source"] == "rendered"


def test_text_boxes_and_content_controls_kept(tmp_path):
    box = ("<mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:anchor><a:graphic><a:graphicData>"
           "<wps:wsp><wps:txbx><w:txbxContent>" + p("文本框内容") + "</w:txbxContent></wps:txbx></wps:wsp>"
           "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
           "<w:txbxContent>" + p("文本框内容") + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>")
    body = (f"<w:p><w:r><w:t>锚点</w:t></w:r><w:r>{box}</w:r></w:p>"
            "<w:sdt><w:sdtPr/><w:sdtContent>" + p("控件段落") + "</w:sdtContent></w:sdt>"
            "<w:p><w:r><w:t>填报单位：</w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>某某局</w:t></w:r></w:sdtContent></w:sdt></w:p>"
            "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
            "<w:r><w:rPr><w:rStyle w:val='Hidden'/></w:rPr><w:t>样式隐藏</w:t></w:r></w:p>")
    doc = read_docx(make_docx(tmp_path / "box.docx", body, STYLES))
    texts = [b.text for b in doc.paragraphs]
    assert texts == ["锚点", "文本框内容", "控件段落", "填报单位：某某局", "保留插入"]


def test_soft_breaks_reflowed_but_list_lines_kept(tmp_path):
    body = ("<w:p><w:r><w:t>项目资金共计</w:t><w:br/><w:t>100万元。</w:t><w:br/><w:t>1、第一项</w:t></w:r></w:p>")
    doc = read_docx(make_docx(tmp_path / "soft.docx", body))
    assert doc.paragraphs[0].text == "项目资金共计100万元。\n1、第一项"


@pytest.mark.parametrize("payload", [b"", b"PK\x03\x04garbage", b"\x00" * 100])
def test_broken_docx_is_a_clear_failure(tmp_path, payload):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(payload)
    with pytest.raises(ReadError) as err:
        read_document(bad)
    assert "\n" not in str(err.value)


def test_truncated_docx(tmp_path):
    data = (CORPUS / "shaoguan-2020-project-self.docx").read_bytes()
    bad = tmp_path / "cut.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="DOCX"):
        read_docx(bad)


def test_docx_without_body_part(tmp_path):
    bad = tmp_path / "nobody.docx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/styles.xml", "<x/>")
    with pytest.raises(ReadError, match="missing"):
        read_docx(bad)


def test_python_docx_merges_round_trip(tmp_path):
    """Rectangles merged with python-docx's own API come back as the same merges."""
    d = python_docx.Document()
    d.add_heading("绩效自评表", level=1)
    d.add_paragraph("一级", style="List Number")
    table = d.add_table(rows=6, cols=5)
    for r in range(6):
        for c in range(5):
            table.cell(r, c).text = f"{r}{c}"
    wanted = [(0, 0, 2, 0), (0, 1, 0, 4), (3, 2, 5, 4), (4, 0, 4, 1)]
    for r1, c1, r2, c2 in wanted:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    path = tmp_path / "merged.docx"
    d.save(path)
    doc = read_docx(path)
    t = doc.tables[0]
    assert sorted(t.merges) == sorted(wanted)
    assert t.rows[0][0].split("\n")[0] == "00" and t.rows[1][0] == "" and t.rows[5][4] == ""
    assert t.rows[1][1] == "11"
    assert doc.paragraphs[0].heading_level == 1
    assert doc.paragraphs[1].text.startswith("1") and doc.paragraphs[1].text.endswith("一级")


def test_rendered_break_marked_in_every_cell_counts_once(tmp_path):
    lrpb = "<w:p><w:r><w:lastRenderedPageBreak/><w:t>{}</w:t></w:r></w:p>"
    row = "<w:tr><w:tc>" + lrpb.format("续表甲") + "</w:tc><w:tc>" + lrpb.format("续表乙") + "</w:tc></w:tr>"
    body = (p("前文") + "<w:tbl><w:tr>" + tc("表头甲") + tc("表头乙") + "</w:tr>" + row
            + "<w:tr>" + tc("末行甲") + tc("末行乙") + "</w:tr></w:tbl>" + p("表后"))
    doc = read_docx(make_docx(tmp_path / "rows.docx", body))
    t = doc.tables[0]
    assert t.row_pages == [1, 2, 2] and (t.page_start, t.page_end) == (1, 2)
    assert doc.paragraphs[-1].page == 2


def test_symbol_font_ticks_and_signs(tmp_path):
    wd2 = "<w:rPr><w:rFonts w:ascii='Wingdings 2' w:hAnsi='Wingdings 2'/></w:rPr>"
    body = ("<w:p><w:r><w:t>建议：</w:t></w:r><w:r>" + wd2 + "<w:t>R</w:t></w:r><w:r><w:t>增加</w:t></w:r>"
            "<w:r>" + wd2 + "<w:t>£</w:t></w:r><w:r><w:t>维持</w:t></w:r></w:p>"
            "<w:p><w:r><w:sym w:font='Symbol' w:char='F0B3'/><w:t>95%</w:t>"
            "<w:sym w:font='Wingdings' w:char='F0FE'/><w:sym w:font='Webdings' w:char='F061'/></w:r></w:p>")
    doc = read_docx(make_docx(tmp_path / "sym.docx", body))
    assert [b.text for b in doc.paragraphs] == ["建议：☑增加□维持", "≥95%☑"]

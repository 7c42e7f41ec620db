"""Report segmentation: one report per report, its own attachments included, never a spurious one."""
from functools import lru_cache

import pytest

from jixiao.extract import read_document
from jixiao.extract.document import Document, Paragraph, Table
from jixiao.normalize.segment import is_title, kind_of, split_reports
from jixiao.settings import Settings


@lru_cache(maxsize=None)
def _doc(path):
    return read_document(path, settings=Settings())


def doc_of(corpus, name):
    return _doc(str(corpus / name))


def P(text, page=1):
    return Paragraph(text=text, page=page)


def T(rows, page=1, nested=None):
    return Table(rows=rows, page_start=page, page_end=page, nested=nested or [])


def _check_partition(doc, segs):
    """Every table in exactly one report, in order; segments cover the blocks without overlap."""
    seqs = [q for s in segs for q in s.table_seqs]
    assert seqs == list(range(len(doc.tables)))
    assert sum(len(s.blocks) for s in segs) == len(doc.blocks)


@pytest.mark.parametrize("name", ["hunan-yueyang-2018-dept-and-project.docx", "hunan-yueyang-2018-dept-and-project.pdf"])
def test_department_then_project_report(corpus, name):
    doc = doc_of(corpus, name)
    segs = split_reports(doc)
    assert [s.kind_hint for s in segs] == ["department_self", "project_self"]
    assert "部门整体" in segs[0].title and "项目支出" in segs[1].title
    _check_partition(doc, segs)
    # each report keeps its own 评分表: the department's stays with the department
    assert segs[0].table_seqs and segs[1].table_seqs
    # the project report begins at its title, not at the department's 评分表 printed just before it
    assert isinstance(segs[1].blocks[0], Paragraph) and "项目支出" in segs[1].blocks[0].text.replace(" ", "") + \
        "".join(b.text for b in segs[1].blocks[:2] if isinstance(b, Paragraph))
    if name.endswith(".pdf"):
        assert segs[0].page_end < segs[1].page_start


@pytest.mark.parametrize("name", ["yunnan-lincang-2023-department-self.docx", "yunnan-lincang-2023-department-self.pdf",
                                  "shaoguan-2020-project-self.docx", "xiuyu-2021-third-party.docx",
                                  "anhui-chizhou-guichi-2022-xmzpb.xlsx", "zhongshan-2022-project-self.xlsx"])
def test_attached_form_stays_with_its_report(corpus, name):
    doc = doc_of(corpus, name)
    segs = split_reports(doc)
    assert len(segs) == 1
    _check_partition(doc, segs)


def test_two_project_forms_are_two_reports():
    form = lambda name: T([["项目支出绩效自评表", "", ""], ["（2022年度）", "", ""], ["项目名称", name, ""],
                           ["主管部门", "某市财政局", ""], ["总分", "100", "90"]])
    doc = Document(path="x.docx", format="docx", blocks=[form("城市道路维护经费"), form("农村饮水安全补助资金")])
    segs = split_reports(doc)
    assert len(segs) == 2
    assert [s.table_seqs for s in segs] == [[0], [1]]


def test_running_header_does_not_split():
    blocks = []
    for page in (1, 2, 3):
        blocks += [P("2021年度某某项目绩效评价报告", page), P(f"第{page}页正文，评价组认为项目实施良好。", page)]
    segs = split_reports(Document(path="x.pdf", format="pdf", blocks=blocks))
    assert len(segs) == 1 and segs[0].page_start == 1 and segs[0].page_end == 3


def test_title_broken_over_lines_and_attachment():
    doc = Document(path="x.pdf", format="pdf", blocks=[
        P("岳阳市 2018 年度部门整体支出"), P("绩效评价自评报告"), P("部门（单位）名称：岳阳市某中心"),
        P("一、基本情况"), P("附件：部门整体支出绩效评价评分表", 2), T([["一级指标", "分值", "得分"], ["合计", "100", "95"]], 2),
    ])
    segs = split_reports(doc)
    assert len(segs) == 1
    assert segs[0].title == "岳阳市2018年度部门整体支出绩效评价自评报告"
    assert segs[0].kind_hint == "department_self"


def test_empty_document_still_has_one_report():
    segs = split_reports(Document(path="scan.pdf", format="pdf", blocks=[]))
    assert len(segs) == 1 and segs[0].table_seqs == []


def test_nested_tables_keep_doc_table_indices():
    inner = T([["a", "b"]])
    doc = Document(path="x.docx", format="docx", blocks=[
        P("项目支出绩效自评表"), T([["项目名称", "道路维护"]], nested=[inner]),
        P("部门整体支出绩效自评报告"), P("部门名称：某某局"), T([["x"]])])
    segs = split_reports(doc)
    assert len(segs) == 2
    assert segs[0].table_seqs == [0, 1] and segs[1].table_seqs == [2]
    assert doc.tables[1] is inner


@pytest.mark.parametrize("text,ok", [
    ("项目支出绩效自评表", True), ("中山市2022年度市级财政支出绩效自评表-非信息化项目", True),
    ("临沧市政务服务管理局2023年度部门整体支出绩效自评情况", True), ("2020 年度行政中心运作经费绩效评价报告", True),
    ("二、绩效自评工作情况", False), ("附件：项目支出绩效评价评分表", False),
    ("对照《部门整体支出绩效评价评分表》，我中心自评得分95.5分。", False),
])
def test_is_title(text, ok):
    assert is_title(text) is ok


@pytest.mark.parametrize("text,kind", [
    ("部门整体支出绩效自评表", "department_self"), ("项目支出绩效自评表", "project_self"),
    ("2020年度行政中心运作经费绩效评价报告", "third_party"), ("岳阳市2018年度项目支出绩效评价自评报告", "project_self"),
    ("市级财政支出项目绩效自评基础信息表", "project_self"),
])
def test_kind_of(text, kind):
    assert kind_of(text) == kind


def test_pdf_pages_with_tables_before_their_title():
    """A reader that emits a page's tables before its text must not shift each form's 项目名称 onto
    the previous form's title."""
    form = lambda name, page: [T([["项目名称", name], ["主管部门", "某市财政局"]], page), P("项目支出绩效自评表", page)]
    doc = Document(path="x.pdf", format="pdf", blocks=form("城市道路维护经费", 1) + form("农村饮水安全补助资金", 2))
    segs = split_reports(doc)
    assert [s.table_seqs for s in segs] == [[0], [1]]
    assert [(s.page_start, s.page_end) for s in segs] == [(1, 1), (2, 2)]


def test_a_summary_sheet_is_not_merged_with_the_form_it_summarises():
    summary = T([["某县农业农村局2023年度项目支出绩效自评结果汇总表"], ["序号", "项目名称", "预算数", "执行数", "自评得分"],
                 ["1", "甲项目", "100.00", "98.00", "95"], ["2", "乙项目", "50.00", "45.00", "88"],
                 ["合计", "", "150.00", "143.00", ""]], page=1)
    form = T([["项目支出绩效自评表"], ["项目名称", "乙项目"], ["年度资金总额", "50.00", "45.00"]], page=2)
    doc = Document(path="x.xlsx", format="xlsx", blocks=[summary, form])
    segs = split_reports(doc)
    assert [(s.page_start, len(s.blocks)) for s in segs] == [(1, 1), (2, 1)]
    _check_partition(doc, segs)
    # a report's own score summary stays with it
    scores = T([["绩效评价指标评分汇总表"], ["一级指标", "分值", "得分"], ["决策", "20", "18"]], page=3)
    report = [P("某项目绩效评价报告"), P("项目名称：乙项目"), scores]
    assert len(split_reports(Document(path="y.docx", format="docx", blocks=report))) == 1

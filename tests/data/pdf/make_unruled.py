"""Write the PDFs with tables drawn WITHOUT borders that tests/test_extract_pdf_unruled.py reads.

Word tables whose borders are switched off come out of a PDF export as plain text at aligned
positions: nothing for a ruling-line table finder to see. Each case is built with python-docx
(every border of the table set to nil) and exported by LibreOffice with a private profile:

    .venv/bin/python tests/data/pdf/make_unruled.py

The PDFs are committed beside this script; run it again only to change a case (the export
depends on the installed fonts, so the expected cells in the test may need a look after)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
FONT = "宋体"


# the cells written; tests/test_extract_pdf_unruled.py expects exactly these back
INDICATOR_ROWS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "热线接通量（万次）", "≥120", "125.6", "10", "10"],
    ["", "质量指标", "群众诉求按时办结率达到规定标准", "≥95%", "97.3%", "10", "10"],
    ["", "时效指标", "工单按时转办率", "100%", "", "10", "8"],
    ["效益指标", "社会效益指标", "提升群众对政府工作的认可程度", "明显提升", "有所提升", "20", "18"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "10"],
]

BUDGET_ROWS = [
    ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
    ["合计", "1,234.56", "1,500.00", "1,477.50", "98.50%"],
    ["基本支出", "834.56", "900.00", "899.10", "99.90%"],
    ["项目支出", "400.00", "600.00", "578.40", "96.40%"],
    ["其中：政府购买服务支出", "", "120.00", "118.20", "98.50%"],
]


def new_doc() -> Document:
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    st.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.5)
    return doc


def no_borders(table) -> None:
    """Every border of the table (outer and inner) set to nil: nothing is drawn."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tbl_pr.append(borders)


def add_table(doc: Document, rows: list[list[str]], widths_cm: list[float], right_cols=()) -> object:
    table = doc.add_table(rows=len(rows), cols=len(widths_cm))
    table.style = None
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    for k, w in enumerate(widths_cm):
        table.columns[k].width = Cm(w)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            cell = table.cell(r, k)
            cell.width = Cm(widths_cm[k])
            p = cell.paragraphs[0]
            p.text = text
            if k in right_cols and r > 0:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def prose(doc: Document, text: str, indent: bool = True) -> None:
    p = doc.add_paragraph(text)
    if indent:
        p.paragraph_format.first_line_indent = Pt(21)


def indicators() -> Document:
    doc = new_doc()
    h = doc.add_paragraph("项目支出绩效自评表")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    prose(doc, "根据年初设定的绩效目标，项目单位对本年度各项绩效指标的完成情况逐项进行了自评，"
               "自评结果如下表所示，其中部分指标因统计口径调整未能取得实际完成值。")
    rows = INDICATOR_ROWS
    add_table(doc, rows, [2.2, 2.4, 3.6, 2.2, 2.2, 1.4, 1.4])
    prose(doc, "综上，项目总体完成情况良好，自评得分为九十五分，评价等级为优。")
    return doc


def budget() -> Document:
    doc = new_doc()
    h = doc.add_paragraph("二、预算执行情况")
    prose(doc, "本年度部门预算执行情况如下，执行率按全年执行数除以全年预算数计算。")
    unit = doc.add_paragraph("金额单位：万元")
    unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    rows = BUDGET_ROWS
    add_table(doc, rows, [3.4, 2.8, 2.8, 2.8, 2.4], right_cols=(1, 2, 3, 4))
    h.runs[0].bold = True
    prose(doc, "预算执行总体较好，项目支出执行率偏低的原因是部分采购项目于年末才完成验收。")
    return doc


def plain() -> Document:
    doc = new_doc()
    doc.sections[0].header.paragraphs[0].text = "临沧市政务服务管理局\t\t2023年度部门整体支出绩效自评报告"
    doc.sections[0].footer.paragraphs[0].text = "— 1 —"
    doc.sections[0].footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    h = doc.add_paragraph("2023年度部门整体支出绩效自评报告")
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d = doc.add_paragraph("2024年3月15日")
    d.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("单位名称：临沧市政务服务管理局\t\t\t联系电话：0883-2123456")
    for title, page in (("一、部门基本情况", "1"), ("二、绩效目标完成情况", "3"), ("三、存在的问题及改进措施", "5")):
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(15.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.add_run(f"{title}\t{page}")
    prose(doc, "按照《中华人民共和国预算法》及市财政局关于开展二〇二三年度部门整体支出绩效自评工作的通知要求，"
               "我局对本部门整体支出情况开展了绩效自评，现将自评情况报告如下。")
    prose(doc, "我局主要职责是贯彻执行国家和省、市关于政务服务工作的方针政策和法律法规，"
               "负责全市政务服务体系建设、政务服务事项标准化管理、12345政务服务便民热线运行管理等工作。"
               "2023年全年预算数1,500.00万元，全年执行数1,477.50万元，预算执行率98.50%。")
    for left, right in (("填报单位：临沧市政务服务管理局", "联系人：张明"),
                        ("财务负责人：李华", "联系电话：0883-2123457"),
                        ("单位负责人：王强", "填报日期：2024年3月15日")):
        doc.add_paragraph(f"{left}\t\t\t{right}")
    for a, b, c in (("填报单位：政务服务管理局", "联系人：张明", "电话：2123456"),
                    ("审核单位：市财政局", "审核人：赵刚", "电话：2123458"),
                    ("复核单位：市审计局", "复核人：钱伟", "电话：2123459")):
        p = doc.add_paragraph()
        fmt = p.paragraph_format.tab_stops
        fmt.add_tab_stop(Cm(6.5))
        fmt.add_tab_stop(Cm(11.5))
        p.add_run(f"{a}\t{b}\t{c}")
    for label, value in (("项目名称", "12345政务服务便民热线运行经费"), ("项目单位", "临沧市政务服务管理局"),
                         ("评价机构", "云南某某会计师事务所")):
        p = doc.add_paragraph()
        spaced = p.add_run(label)  # letter-spaced label, as on report covers
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), "300")  # 15 pt between characters
        spaced._r.get_or_add_rPr().append(spacing)
        p.add_run(f"：{value}")
    doc.add_paragraph("单位负责人：王强\t\t财务负责人：李华\t\t填表人：张明")
    prose(doc, "下一步，我局将进一步加强预算绩效管理，提高财政资金使用效益。")
    return doc


CASES = {"unruled-indicators": indicators, "unruled-budget": budget, "unruled-prose": plain}


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("LibreOffice (soffice) is needed to export the PDFs")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, build in CASES.items():
            build().save(tmp / f"{name}.docx")
        profile = (tmp / "profile").as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), *[str(tmp / f"{n}.docx") for n in CASES]],
                       check=True, capture_output=True, timeout=300)
        for name in CASES:
            shutil.copy(tmp / f"{name}.pdf", HERE / f"{name}.pdf")
            print(HERE / f"{name}.pdf")


if __name__ == "__main__":
    main()

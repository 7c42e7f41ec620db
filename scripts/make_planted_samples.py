#!/usr/bin/env python3
"""Write small, realistic project self-evaluation reports (DOCX) with one planted discrepancy each.

    python scripts/make_planted_samples.py [OUT_DIR]     (default: tests/data/planted)

``base.docx`` is fully consistent; every other file differs from it in one figure, named in
``planted.json`` with the rule that must flag it. The spot-check tests ingest each file and
expect exactly that one mismatch, so the samples pin both the rules' reach and their restraint.
"""
from __future__ import annotations

import json
import sys
from copy import deepcopy
from pathlib import Path

from docx import Document

BASE = {
    "score": "94", "grade": "优", "ratio": "99.00",
    "budget": [["运行维护费", "120.00", "30.00", "150.00", "149.00", "99.33%"],
               ["设备购置费", "80.00", "20.00", "100.00", "99.00", "99.00%"],
               ["合计", "200.00", "50.00", "250.00", "248.00", "99.20%"]],
    "quarters": [["第一季度", "280", "277"], ["第二季度", "310", "307"], ["第三季度", "305", "302"],
                 ["第四季度", "305", "302"], ["合计", "1200", "1188"]],
    "scores": [["投入（20分）", "预算执行率", "10", "比率≥98%的，得10分；90%≤比率<98%的，得8分；比率<90%的，得5分", "99.20%", "10"],
               ["", "资金到位率", "10", "资金全部按时到位的得满分", "100%", "10"],
               ["投入小计", "", "20", "", "", "20"],
               ["产出（40分）", "事项办结数量", "20", "完成年度目标得满分，每低1个百分点扣1分", "1188件", "19"],
               ["", "按时办结率", "20", "达到目标值得满分，未达到的按比例计分", "99%", "18"],
               ["产出小计", "", "40", "", "", "37"],
               ["效益（40分）", "社会效益", "20", "服务质量明显提升得满分", "明显提升", "19"],
               ["", "服务对象满意度", "20", "满意度≥95%得满分", "96.5%", "18"],
               ["效益小计", "", "40", "", "", "37"],
               ["合计", "", "100", "", "", "94"]],
}

# file -> (rule that must flag it, what is wrong, how to change the base)
PLANTS = {
    "wrong-subtotal": ("section_total", "产出小计 得分 38 but its items add up to 37",
                       lambda d: d["scores"][5].__setitem__(5, "38")),
    "wrong-total": ("total_score", "合计 得分 96 but the sections add up to 94",
                    lambda d: (d["scores"][9].__setitem__(5, "96"), d.__setitem__("score", "96"))),
    "wrong-grade": ("grade_band", "total 94 stated as 良", lambda d: d.__setitem__("grade", "良")),
    "wrong-rate": ("execution_rate", "合计 执行率 98.20% but 248 / 250 = 99.20%",
                   lambda d: d["budget"][2].__setitem__(5, "98.20%")),
    "over-max": ("item_cap", "资金到位率 得分 12 over its 分值 10",
                 lambda d: (d["scores"][1].__setitem__(5, "12"), d["scores"][2].__setitem__(5, "22"),
                            d["scores"][9].__setitem__(5, "96"), d.__setitem__("score", "96"))),
    "wrong-table-total": ("table_total", "受理件数 合计 1210 but the quarters add up to 1200",
                          lambda d: d["quarters"][4].__setitem__(1, "1210")),
    "misapplied-band": ("band_rule", "预算执行率 99.20% earns 10 by the stated band, given 8",
                        lambda d: (d["scores"][0].__setitem__(5, "8"), d["scores"][2].__setitem__(5, "18"),
                                   d["scores"][9].__setitem__(5, "92"), d.__setitem__("score", "92"))),
    "wrong-prose-ratio": ("prose_ratio", "按时办结率 stated 98.00% but 1188 / 1200 = 99.00%",
                          lambda d: d.__setitem__("ratio", "98.00")),
}


def table(doc, rows):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    return t


def build(d: dict, path: Path) -> None:
    doc = Document()
    doc.add_heading("2023年度项目支出绩效自评报告", level=0)
    doc.add_paragraph("项目名称：政务服务大厅运行保障经费")
    doc.add_paragraph("主管部门：示例市政务服务数据管理局")
    doc.add_paragraph("项目单位：示例市行政服务中心")
    doc.add_heading("一、项目基本情况", level=1)
    doc.add_paragraph("该项目2023年年初预算200.00万元，年中追加50.00万元，调整后预算250.00万元，"
                      "全年实际支出248.00万元，资金全部用于大厅运行维护和设备购置。")
    doc.add_paragraph("表1 项目资金安排及使用情况")
    doc.add_paragraph("金额单位：万元")
    table(doc, [["项目", "年初预算数", "调整数", "调整后预算数", "实际支出数", "执行率"]] + d["budget"])
    doc.add_heading("二、绩效目标完成情况", level=1)
    doc.add_paragraph(f"全年共受理群众办事事项1,200件，其中按时办结1,188件，按时办结率{d['ratio']}%，"
                      "各季度受理情况见表2。")
    doc.add_paragraph("表2 各季度事项受理情况")
    table(doc, [["季度", "受理件数", "按时办结件数"]] + d["quarters"])
    doc.add_heading("三、自评结论", level=1)
    doc.add_paragraph(f"对照项目支出绩效评价指标体系逐项评分，项目自评得分{d['score']}分，评价等级为“{d['grade']}”。")
    doc.add_paragraph("附件：项目支出绩效自评评分表")
    table(doc, [["一级指标", "三级指标", "分值", "评分标准", "完成值", "得分"]] + d["scores"])
    doc.core_properties.author = "jixiao"
    doc.save(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    build(deepcopy(BASE), out / "base.docx")
    manifest = {"base.docx": None}
    for name, (rule, what, change) in PLANTS.items():
        d = deepcopy(BASE)
        change(d)
        build(d, out / f"{name}.docx")
        manifest[f"{name}.docx"] = {"rule": rule, "what": what}
    (out / "planted.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "tests" / "data" / "planted")

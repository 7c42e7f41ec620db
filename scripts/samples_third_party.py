"""A third-party 绩效评价报告 (Shandong county-level city) with a scoring table and prose.

What it varies from the corpus: a scoring table where 一级, 二级 and 三级 指标 each carry their
own 分值 column, a summary table per 一级指标 headed 权重/得分/得分率, money in prose as "2,360.00万元" with 年中调减,
the evaluator named in the opening paragraph.  Planted: the summary table states one
section's 得分率 wrongly (its 得分/分值 is another figure).
"""
from __future__ import annotations

from pathlib import Path

from samples_common import docx_table, grade_of, grade_word, num, pct, r2

S = {
    "province": "山东省", "city": "潍坊市", "county": "寿光市",
    "department": "寿光市住房和城乡建设局", "project": "农村生活污水治理专项资金", "year": 2022,
    "evaluator": "潍坊恒信工程咨询有限公司", "date_text": "2023年5月", "date": "2023-05",
    "initial": 2360.00, "cut": -140.00, "spent": 2104.56,
    "sources": [("中央水污染防治资金", 1200.00), ("省级财政资金", 540.36), ("市级配套资金", 364.20)],
    "sections": [
        ("决策", [("项目立项", "立项依据充分性", 3, 3), ("项目立项", "立项程序规范性", 3, 3),
                  ("绩效目标", "绩效目标合理性", 4, 3), ("绩效目标", "绩效指标明确性", 4, 3),
                  ("资金投入", "预算编制科学性", 3, 2.5), ("资金投入", "资金分配合理性", 3, 3)]),
        ("过程", [("资金管理", "资金到位率", 4, 4), ("资金管理", "预算执行率", 4, 3.6),
                  ("资金管理", "资金使用合规性", 4, 3.5), ("组织实施", "管理制度健全性", 4, 4),
                  ("组织实施", "制度执行有效性", 4, 3)]),
        ("产出", [("产出数量", "污水治理行政村数量", 8, 8, "计划完成60个行政村，实际完成60个，完成率100%"),
                  ("产出数量", "污水管网建设长度", 6, 5, "计划新建管网85公里，实际建成78.6公里，完成率92.47%"),
                  ("产出质量", "工程验收合格率", 6, 6, "已完工工程均通过竣工验收，验收合格率100%"),
                  ("产出时效", "工程按期完工率", 5, 3.5, "60个村中有42个村按期完工，按期完工率70%"),
                  ("产出成本", "成本控制情况", 5, 4.5)]),
        ("效益", [("项目效益", "污水处理设施正常运行率", 8, 7), ("项目效益", "农村生活污水治理率提升", 8, 7.5),
                  ("项目效益", "群众环境卫生意识提升", 6, 5), ("满意度", "受益群众满意度", 8, 7.5)]),
    ],
    # what the one-by-one paragraphs state as figures, for the gold
    "prose_values": {
        "污水治理行政村数量": dict(target_value=60, actual_value=60, unit="个"),
        "污水管网建设长度": dict(target_value=85, actual_value=78.6, unit="公里"),
        "工程验收合格率": dict(actual_value=100, unit="%"),
        "工程按期完工率": dict(actual_value=70, unit="%"),
    },
    "rate_typo_section": "产出",  # planted: this section's 得分率 is stated 6 points too high
    "rate_typo": 6.00,
}


def make_third_party(out: Path) -> tuple[Path, dict]:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    s = S
    final = r2(s["initial"] + s["cut"])
    rate = r2(s["spent"] / final * 100)
    sec = [(name, sum(i[2] for i in items), r2(sum(i[3] for i in items))) for name, items in s["sections"]]
    total = r2(sum(p for _, _, p in sec))
    grade = grade_of(total)

    doc = Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(f"寿光市{s['year']}年度{s['project']}绩效评价报告").bold = True
    doc.add_paragraph(f"受寿光市财政局委托，{s['evaluator']}（以下简称“评价组”）对{s['department']}"
                      f"{s['year']}年度{s['project']}开展了财政重点绩效评价。现将评价情况报告如下：")
    doc.add_paragraph("一、项目基本情况")
    doc.add_paragraph("（一）项目概况")
    doc.add_paragraph("为改善农村人居环境，寿光市实施农村生活污水治理工程，当年计划完成60个行政村的生活污水治理，"
                      f"新建污水管网85公里。项目主管部门为{s['department']}，由各镇（街道）负责组织实施。")
    doc.add_paragraph("（二）资金安排及使用情况")
    doc.add_paragraph(f"{s['year']}年该项目年初预算安排{s['initial']:,.2f}万元，年中调减{-s['cut']:,.2f}万元，"
                      f"调整后预算{final:,.2f}万元。截至{s['year']}年12月31日，项目实际支出{s['spent']:,.2f}万元，"
                      f"预算执行率为{pct(rate)}。其中，" + "，".join(f"{n}支出{x:,.2f}万元" for n, x in s["sources"]) + "。")
    doc.add_paragraph("二、综合评价结论")
    doc.add_paragraph(f"评价组按照决策、过程、产出、效益四个维度设置评价指标体系，经综合评价，"
                      f"该项目综合得分为{num(total)}分，绩效等级为“{grade_word(total)}”。各一级指标得分情况如下：")
    rows = [["一级指标", "权重", "得分", "得分率"]]
    for name, mx, pts in sec:
        stated = r2(pts / mx * 100) + (s["rate_typo"] if name == s["rate_typo_section"] else 0)
        rows.append([name, num(mx), num(pts), pct(stated)])
    rows.append(["合计", "100", num(total), pct(total)])
    docx_table(doc, rows, [], font_pt=10.5)
    doc.add_paragraph("三、绩效评价指标分析")
    for name, items in s["sections"]:
        mx = sum(i[2] for i in items)
        pts = r2(sum(i[3] for i in items))
        lost = [f"{i[1]}扣{num(i[2] - i[3])}分" for i in items if i[3] < i[2]]
        doc.add_paragraph(f"{name}指标满分{num(mx)}分，评价得分{num(pts)}分。"
                          + ("其中" + "，".join(lost) + "。" if lost else ""))
        for k, (_, level3, imx, ipts, *facts) in enumerate(items, 1):
            if facts:  # indicators discussed one by one, as evaluators write them
                doc.add_paragraph(f"{k}.{level3}（分值{num(imx)}分）：{facts[0]}，得{num(ipts)}分。")
    doc.add_paragraph("四、存在的问题及建议")
    doc.add_paragraph("部分工程未按期完工，项目预算编制精细化程度有待提高。建议加强项目前期论证，强化建设进度管理。")
    doc.add_paragraph("附件：绩效评价指标评分表")
    # each level carries its own 分值 column, as many evaluators lay the table out
    grid = [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"]]
    merges = []
    for name, items in s["sections"]:
        start = len(grid)
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(item[0], []).append(item)
        for level2, its in groups.items():
            start2 = len(grid)
            for k, (_, level3, mx, pts, *_) in enumerate(its):
                first1, first2 = len(grid) == start, k == 0
                grid.append([name if first1 else "", num(sum(i[2] for i in items)) if first1 else "",
                             level2 if first2 else "", num(sum(i[2] for i in its)) if first2 else "",
                             level3, num(mx), num(pts)])
            if len(grid) - 1 > start2:
                merges += [(start2, 2, len(grid) - 1, 2), (start2, 3, len(grid) - 1, 3)]
        merges += [(start, 0, len(grid) - 1, 0), (start, 1, len(grid) - 1, 1)]
    grid.append(["合计", "100", "", "", "", "", num(total)])
    merges.append((len(grid) - 1, 1, len(grid) - 1, 5))
    docx_table(doc, grid, merges)
    doc.add_paragraph(s["evaluator"])
    doc.add_paragraph(s["date_text"])
    path = out / "shandong-shouguang-2022-third-party.docx"
    doc.save(path)

    bad = next(x for x in sec if x[0] == s["rate_typo_section"])
    gold = {
        "files": [path.name],
        "report": {"kind": "third_party", "province": s["province"], "city": s["city"], "county": s["county"],
                   "department": s["department"], "project": s["project"], "fiscal_year": s["year"],
                   "report_date": s["date"], "reported_score": total, "reported_grade": grade,
                   "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": r2(s["initial"] * 10000), "adjusted_yuan": r2(s["cut"] * 10000),
                     "budget_yuan": r2(final * 10000), "spent_yuan": r2(s["spent"] * 10000),
                     "reported_rate_pct": rate}]
        + [{"line": n, "spent_yuan": r2(x * 10000)} for n, x in s["sources"]],
        "scores": [{"section": name, "max_points": mx, "points": pts} for name, mx, pts in sec],
        "indicators": [{"tier": 2, "level1": name, "level2": l2, "name": l3, **s["prose_values"].get(l3, {}),
                        "weight": mx, "score": pts}
                       for name, items in s["sections"] for l2, l3, mx, pts, *_ in items],
        "tables": [],
        "checks": [{"what": f"{bad[0]} 得分率 stated {pct(r2(bad[2] / bad[1] * 100) + s['rate_typo'])}, "
                            f"but 得分 {num(bad[2])} / 分值 {num(bad[1])} = {pct(r2(bad[2] / bad[1] * 100))}",
                    "reported": r2(bad[2] / bad[1] * 100 + s["rate_typo"]), "recomputed": r2(bad[2] / bad[1] * 100),
                    "expect": "mismatch"}],
    }
    return path, gold

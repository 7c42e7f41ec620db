"""Project self-evaluation forms (项目支出绩效自评表) in two templates the corpus lacks.

* a Zhejiang county form in DOCX: money in 元 with cents, headers 预算数/执行数/完成率 and
  指标值/实际值/权重/评分, targets in words (不低于, 以上, 不高于), 自评等级 spelt out (优秀);
  planted: the stated 完成率 is off by one point.
* a Jiangxi department workbook (XLSX): the 部门整体 form, then one project form per sheet;
  money in 万元 as numeric cells with number formats, rates as percent-formatted fractions, 中央/省级/区级 source lines;
  planted: the 部门整体 form's 总分 (see samples_department) and, on the second project sheet, source
  lines whose 实际支出数 do not add up to the total; the first project sheet is consistent.
"""
from __future__ import annotations

from pathlib import Path

from samples_common import docx_table, grade_of, grade_word, indicator_gold, money, num, pct, r2, style_sheet
from samples_department import write_department_sheet

# ---------------------------------------------------------------- Zhejiang county form (DOCX)
COUNTY = {
    "province": "浙江省", "city": "湖州市", "county": "长兴县",
    "department": "长兴县农业农村局", "unit": "长兴县农业技术推广中心",
    "project": "水稻绿色高质高效创建项目", "year": 2023, "date": "2024-03-15", "date_text": "2024年3月15日",
    "lines": [("财政拨款", 1085600.00, 1036287.36), ("其他资金", 200000.00, 187200.00)],
    "budget_weight": 10,
    "goal": ("建设水稻绿色高质高效示范方1万亩以上，集成推广绿色高产技术模式，开展技术培训800人次以上，"
             "示范区化学农药使用量减少5%以上，亩均增产30公斤以上。"),
    "done": ("建成示范方10520亩，培训农户865人次，示范区亩均增产36.5公斤；化学农药使用量减少4.2%，"
             "未达到年度目标。"),
    "groups": [
        ("产出指标", [
            ("数量指标", dict(name="绿色高产示范方建设面积", target="不低于10000亩", actual="10520亩", target_op=">=",
                         target_value=10000, unit="亩", actual_value=10520, weight=10, score=10)),
            ("数量指标", dict(name="技术培训人次", target="800人次以上", actual="865人次", target_op=">=",
                         target_value=800, unit="人次", actual_value=865, weight=5, score=5)),
            ("质量指标", dict(name="统防统治覆盖率", target="≥90%", actual="92.6%", target_op=">=",
                         target_value=90, unit="%", actual_value=92.6, weight=10, score=10)),
            ("质量指标", dict(name="化学农药使用量减少比例", target="5%以上", actual="4.2%", target_op=">=",
                         target_value=5, unit="%", actual_value=4.2, weight=10, score=8.4)),
            ("时效指标", dict(name="项目完成时间", target="2023年12月底前", actual="2023年11月完成", weight=5, score=5)),
            ("成本指标", dict(name="亩均补助标准", target="不高于120元", actual="116.30元", target_op="<=",
                         target_value=120, unit="元", actual_value=116.3, weight=10, score=10)),
        ]),
        ("效益指标", [
            ("经济效益指标", dict(name="示范区亩均增产", target="≥30公斤", actual="36.5公斤", target_op=">=",
                            target_value=30, unit="公斤", actual_value=36.5, weight=10, score=10)),
            ("社会效益指标", dict(name="带动农户数", target="不少于1500户", actual="1620户", target_op=">=",
                            target_value=1500, unit="户", actual_value=1620, weight=10, score=10)),
            ("生态效益指标", dict(name="秸秆综合利用率", target="≥95%", actual="96.8%", target_op=">=",
                            target_value=95, unit="%", actual_value=96.8, weight=5, score=5)),
            ("可持续影响指标", dict(name="绿色生产技术推广持续性", target="长期", actual="长期", weight=5, score=4.5)),
        ]),
        ("满意度指标", [
            ("服务对象满意度指标", dict(name="参与农户满意度", target="≥90%", actual="94.3%", target_op=">=",
                               target_value=90, unit="%", actual_value=94.3, weight=10, score=10)),
        ]),
    ],
    "rate_typo": 1.00,  # planted: the stated 完成率 is this many points above the true one
}


def make_county_form(out: Path) -> tuple[Path, dict]:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    s = COUNTY
    budget = sum(b for _, b, _ in s["lines"])
    spent = r2(sum(x for _, _, x in s["lines"]))
    true_rate = r2(spent / budget * 100)
    stated_rate = r2(true_rate + s["rate_typo"])
    budget_score = r2(s["budget_weight"] * spent / budget)
    ind_total = sum(i["score"] for _, items in s["groups"] for _, i in items)
    total = r2(budget_score + ind_total)

    rows = [["项目名称", s["project"]] + [""] * 6,
            ["主管部门", s["department"], "", "", "实施单位", s["unit"], "", ""],
            ["项目资金（元）", "", "预算数", "执行数", "完成率", "分值", "得分", ""],
            ["", "年度资金总额", money(budget), money(spent), pct(stated_rate), str(s["budget_weight"]),
             num(budget_score), ""]]
    for i, (label, b, x) in enumerate(s["lines"]):
        rows.append(["", ("其中：" if i == 0 else "") + label, money(b), money(x), "—", "—", "—", ""])
    money_end = len(rows) - 1
    merges = [(0, 1, 0, 7), (1, 1, 1, 3), (1, 5, 1, 7), (2, 0, money_end, 0)]
    merges += [(r, 6, r, 7) for r in range(2, money_end + 1)]
    g0 = len(rows)
    rows += [["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", ""],
             ["", s["goal"], "", "", "", s["done"], "", ""]]
    merges += [(g0, 0, g0 + 1, 0), (g0, 1, g0, 4), (g0, 5, g0, 7), (g0 + 1, 1, g0 + 1, 4), (g0 + 1, 5, g0 + 1, 7)]
    h = len(rows)
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际值", "权重", "评分"])
    gold_ind = [{"tier": 2, "name": "完成率", "weight": s["budget_weight"], "score": budget_score,
                 "actual_value": stated_rate, "unit": "%"}]
    for level1, items in s["groups"]:
        start = len(rows)
        prev2, start2 = None, None
        for level2, ind in items:
            r = len(rows)
            rows.append(["", level1 if r == start else "", level2 if level2 != prev2 else "", ind["name"],
                         ind["target"], ind["actual"], num(ind["weight"]), num(ind["score"])])
            if level2 != prev2:
                if prev2 is not None and r - 1 > start2:
                    merges.append((start2, 2, r - 1, 2))
                prev2, start2 = level2, r
            gold_ind.append(indicator_gold(level1, level2, ind))
        if len(rows) - 1 > start2:
            merges.append((start2, 2, len(rows) - 1, 2))
        if len(rows) - 1 > start:
            merges.append((start, 1, len(rows) - 1, 1))
    merges.append((h, 0, len(rows) - 1, 0))
    t = len(rows)
    rows.append(["总分", "", "", "", "", "", "100", num(total)])
    rows.append(["自评等级", "", "", "", "", "", grade_word(total), ""])
    merges += [(t, 0, t, 5), (t + 1, 0, t + 1, 5), (t + 1, 6, t + 1, 7)]

    doc = Document()
    for text, size in (("项目支出绩效自评表", 16), (f"（{s['year']}年度）", 11)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = size > 12
    docx_table(doc, rows, merges)
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}        填报人：沈建华        联系电话：0572-6021587")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "zhejiang-changxing-2023-project-form.docx"
    doc.save(path)

    gold = {
        "files": [path.name],
        "report": {"kind": "project_self", "province": s["province"], "city": s["city"], "county": s["county"],
                   "department": s["department"], "unit": s["unit"], "project": s["project"],
                   "fiscal_year": s["year"], "report_date": s["date"], "reported_score": total,
                   "reported_grade": grade_of(total), "evaluator": None},
        "budgets": [{"line": "total", "budget_yuan": budget, "spent_yuan": spent, "reported_rate_pct": stated_rate}]
        + [{"line": name, "budget_yuan": b, "spent_yuan": x} for name, b, x in s["lines"]],
        "scores": [],  # the form states no section subtotals
        "indicators": gold_ind,
        "tables": [],
        "checks": [{"what": f"年度资金总额 完成率 {pct(stated_rate)}, but 执行数 {money(spent)} / 预算数 "
                            f"{money(budget)} = {pct(true_rate)}",
                    "reported": stated_rate, "recomputed": true_rate, "expect": "mismatch"}],
    }
    return path, gold


# ---------------------------------------------------------------- Jiangxi workbook (XLSX)
DEPT = "赣州市南康区教育科技体育局"
SHEETS = [
    {
        "sheet": "表1-学前资助", "project": "学前教育幼儿资助资金", "unit": "赣州市南康区学生资助管理中心",
        "lines": [("财政拨款", 312.00, 348.50, 346.85), ("其他资金", None, None, None)],
        "groups": [
            ("产出指标", [
                ("数量指标", dict(name="资助幼儿人数", target="≥2900人", actual="3012人", target_op=">=",
                             target_value=2900, unit="人", actual_value=3012, weight=15, score=15)),
                ("数量指标", dict(name="资助标准", target="1000元/生·年", actual="1000元/生·年", weight=10, score=10)),
                ("质量指标", dict(name="资助对象认定准确率", target="100%", actual="100%",
                             target_value=100, unit="%", actual_value=100, weight=15, score=15)),
                ("时效指标", dict(name="资金发放及时率", target="≥95%", actual="98.6%", target_op=">=",
                             target_value=95, unit="%", actual_value=98.6, weight=10, score=10)),
            ]),
            ("效益指标", [
                ("社会效益指标", dict(name="家庭经济困难幼儿入园保障率", target="100%", actual="100%",
                                target_value=100, unit="%", actual_value=100, weight=20, score=20)),
                ("可持续影响指标", dict(name="资助政策知晓率", target="≥90%", actual="91.2%", target_op=">=",
                                 target_value=90, unit="%", actual_value=91.2, weight=10, score=9)),
            ]),
            ("满意度指标", [
                ("服务对象满意度指标", dict(name="受助幼儿家长满意度", target="≥90%", actual="96.5%", target_op=">=",
                                   target_value=90, unit="%", actual_value=96.5, weight=10, score=10)),
            ]),
        ],
        "spent_typo": None,
    },
    {
        "sheet": "表2-校舍维修", "project": "农村学校校舍维修改造资金", "unit": DEPT,
        "lines": [("中央资金", 400.00, 400.00, 392.60), ("省级资金", 120.00, 150.00, 147.30),
                  ("区级资金", 60.00, 70.00, 63.82)],
        "groups": [
            ("产出指标", [
                ("数量指标", dict(name="维修改造校舍面积", target="≥12000平方米", actual="12650平方米", target_op=">=",
                             target_value=12000, unit="平方米", actual_value=12650, weight=15, score=15)),
                ("数量指标", dict(name="受益学校数量", target="≥28所", actual="28所", target_op=">=",
                             target_value=28, unit="所", actual_value=28, weight=10, score=10)),
                ("质量指标", dict(name="工程验收合格率", target="100%", actual="100%",
                             target_value=100, unit="%", actual_value=100, weight=15, score=15)),
                ("时效指标", dict(name="项目按期完工率", target="≥90%", actual="85.7%", target_op=">=",
                             target_value=90, unit="%", actual_value=85.7, weight=10, score=9)),
                ("成本指标", dict(name="每平方米维修成本", target="≤500元", actual="477.25元", target_op="<=",
                             target_value=500, unit="元", actual_value=477.25, weight=10, score=10)),
            ]),
            ("效益指标", [
                ("社会效益指标", dict(name="校舍安全隐患消除率", target="100%", actual="100%",
                                target_value=100, unit="%", actual_value=100, weight=15, score=15)),
                ("可持续影响指标", dict(name="校舍使用年限延长", target="≥10年", actual="15年", target_op=">=",
                                 target_value=10, unit="年", actual_value=15, weight=5, score=5)),
            ]),
            ("满意度指标", [
                ("服务对象满意度指标", dict(name="师生满意度", target="≥90%", actual="93.8%", target_op=">=",
                                   target_value=90, unit="%", actual_value=93.8, weight=10, score=10)),
            ]),
        ],
        # planted: the last source line's 实际支出数 is 5.00 万元 more than the figure that adds up
        "spent_typo": 5.00,
    },
]


def _write_sheet(ws, s: dict, year: int) -> dict:
    lines = s["lines"]
    initial = r2(sum(x[1] or 0 for x in lines))
    final = r2(sum(x[2] or 0 for x in lines))
    spent = r2(sum(x[3] or 0 for x in lines))
    rate = r2(spent / final * 100)
    budget_score = r2(10 * spent / final)
    ind_total = sum(i["score"] for _, items in s["groups"] for _, i in items)
    total = r2(budget_score + ind_total)
    shown = [list(x) for x in lines]
    if s["spent_typo"]:
        shown[-1][3] = r2(shown[-1][3] + s["spent_typo"])

    ws.append(["项目支出绩效自评表"] + [None] * 8)
    ws.append([f"（{year}年度）"] + [None] * 8)
    ws.append(["项目名称", s["project"]] + [None] * 7)
    ws.append(["主管部门", DEPT, None, None, "实施单位", s["unit"], None, None, None])
    m0 = ws.max_row + 1
    ws.append(["项目资金（万元）", None, "年初预算数", "调整后预算数", "实际支出数", "分值", "执行率", "得分", None])
    ws.append([None, "年度资金总额", initial, final, spent, 10, rate / 100, budget_score, None])
    for i, (name, a, b, c) in enumerate(shown):
        ws.append([None, ("其中：" if i == 0 else "") + name, a, b, c, "—", "—", "—", None])
    m1 = ws.max_row
    for r in range(m0 + 1, m1 + 1):
        for col in "CDE":
            ws[f"{col}{r}"].number_format = "#,##0.00"
        ws[f"G{r}"].number_format = "0.00%"
    g0 = ws.max_row + 1
    ws.append(["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None])
    ws.append([None, "按时足额落实资助政策，保障资金安全规范使用。", None, None, None,
               "资助政策全面落实，资金拨付及时，各项指标基本完成。", None, None, None])
    h = ws.max_row + 1
    ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"])
    gold_ind = [{"tier": 2, "name": "执行率", "weight": 10, "score": budget_score, "actual_value": rate, "unit": "%"}]
    merges = [f"A1:I1", f"A2:I2", "B3:I3", "B4:D4", "F4:I4", f"A{m0}:A{m1}", f"A{g0}:A{g0 + 1}",
              f"B{g0}:E{g0}", f"F{g0}:I{g0}", f"B{g0 + 1}:E{g0 + 1}", f"F{g0 + 1}:I{g0 + 1}"]
    merges += [f"H{r}:I{r}" for r in range(m0, m1 + 1)]
    for level1, items in s["groups"]:
        start = ws.max_row + 1
        for k, (level2, ind) in enumerate(items):
            ws.append([None, level1 if k == 0 else None, level2, ind["name"], ind["target"], ind["actual"],
                       ind["weight"], ind["score"], "未达到目标值，下年度加强进度管理" if ind["score"] < ind["weight"] else None])
            gold_ind.append(indicator_gold(level1, level2, ind))
        if ws.max_row > start:
            merges.append(f"B{start}:B{ws.max_row}")
    merges.append(f"A{h}:A{ws.max_row}")
    t = ws.max_row + 1
    ws.append(["总分", None, None, None, None, None, 100, total, None])
    ws.append(["自评等级", None, None, None, None, None, grade_of(total), None, None])
    merges += [f"A{t}:F{t}", f"A{t + 1}:F{t + 1}", f"G{t + 1}:H{t + 1}"]
    for m in merges:
        ws.merge_cells(m)
    style_sheet(ws, 3, (12, 14, 20, 22, 14, 14, 10, 10, 24))

    checks = []
    if s["spent_typo"]:
        shown_sum = r2(sum(x[3] or 0 for x in shown))
        checks.append({"what": f"年度资金总额 实际支出数 {spent:.2f}万元, but the source lines add up to {shown_sum:.2f}万元",
                       "reported": r2(spent * 10000), "recomputed": r2(shown_sum * 10000), "expect": "mismatch"})
    budgets = [{"line": "total", "initial_yuan": r2(initial * 10000), "budget_yuan": r2(final * 10000),
                "spent_yuan": r2(spent * 10000), "reported_rate_pct": rate}]
    for name, a, b, c in shown:
        if a is not None:
            budgets.append({"line": name, "initial_yuan": r2(a * 10000), "budget_yuan": r2(b * 10000),
                            "spent_yuan": r2(c * 10000)})
    return {
        "report": {"kind": "project_self", "province": "江西省", "city": "赣州市", "county": "南康区",
                   "department": DEPT, "unit": s["unit"], "project": s["project"], "fiscal_year": year,
                   "report_date": None, "reported_score": total, "reported_grade": grade_of(total), "evaluator": None},
        "budgets": budgets,
        "scores": [],  # the form states no section subtotals
        "indicators": gold_ind,
        "tables": [],
        "checks": checks,
    }


def make_workbook(out: Path) -> tuple[Path, list[tuple[str, dict]]]:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    path = out / "jiangxi-nankang-2023-department-forms.xlsx"
    golds = [(f"{path.stem}-0", {"files": [path.name], **write_department_sheet(wb.create_sheet("部门整体"), 2023)})]
    for i, s in enumerate(SHEETS, 1):
        g = _write_sheet(wb.create_sheet(s["sheet"]), s, 2023)
        golds.append((f"{path.stem}-{i}", {"files": [path.name], **g}))
    wb.save(path)
    return path, golds

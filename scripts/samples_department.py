"""A 部门整体支出绩效自评表 sheet (Jiangxi district bureau), first sheet of the workbook.

What it varies: 部门（单位）名称 instead of 项目名称, 年度主要任务 rows, 基本支出/项目支出 lines in
万元 numeric cells, two 满意度 indicators.  Planted: the stated 总分 is one point above the
budget score plus the indicator scores.
"""
from __future__ import annotations

from samples_common import grade_of, indicator_gold, r2, style_sheet

DEPT = "赣州市南康区教育科技体育局"
LINES = [("基本支出", 39520.35, 40118.60, 40102.30), ("项目支出", 9100.00, 12200.00, 11104.17)]
GROUPS = [
    ("产出指标", [
        ("数量指标", dict(name="义务教育巩固率", target="≥98%", actual="99.2%", target_op=">=", target_value=98,
                     unit="%", actual_value=99.2, weight=10, score=10)),
        ("数量指标", dict(name="新增学位数", target="≥2000个", actual="2150个", target_op=">=", target_value=2000,
                     unit="个", actual_value=2150, weight=10, score=10)),
        ("质量指标", dict(name="高中阶段毛入学率", target="≥92%", actual="93.5%", target_op=">=", target_value=92,
                     unit="%", actual_value=93.5, weight=10, score=10)),
        ("质量指标", dict(name="教师培训合格率", target="≥95%", actual="97.1%", target_op=">=", target_value=95,
                     unit="%", actual_value=97.1, weight=10, score=10)),
        ("时效指标", dict(name="资金拨付及时率", target="≥95%", actual="96%", target_op=">=", target_value=95,
                     unit="%", actual_value=96, weight=10, score=10)),
    ]),
    ("效益指标", [
        ("社会效益指标", dict(name="学生资助应助尽助率", target="100%", actual="100%", target_value=100,
                        unit="%", actual_value=100, weight=10, score=10)),
        ("可持续影响指标", dict(name="教育信息化覆盖率", target="≥90%", actual="88.6%", target_op=">=", target_value=90,
                         unit="%", actual_value=88.6, weight=10, score=9)),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", dict(name="学生家长满意度", target="≥90%", actual="92.7%", target_op=">=",
                           target_value=90, unit="%", actual_value=92.7, weight=10, score=10)),
        ("服务对象满意度指标", dict(name="教师满意度", target="≥85%", actual="90.3%", target_op=">=",
                           target_value=85, unit="%", actual_value=90.3, weight=10, score=10)),
    ]),
]
TOTAL_TYPO = 1.0  # planted: 总分 stated this many points above the sum of its parts


def write_department_sheet(ws, year: int) -> dict:
    initial = r2(sum(x[1] for x in LINES))
    final = r2(sum(x[2] for x in LINES))
    spent = r2(sum(x[3] for x in LINES))
    rate = r2(spent / final * 100)
    budget_score = r2(10 * spent / final)
    true_total = r2(budget_score + sum(i["score"] for _, items in GROUPS for _, i in items))
    stated_total = r2(true_total + TOTAL_TYPO)

    ws.append(["部门整体支出绩效自评表"] + [None] * 8)
    ws.append([f"（{year}年度）"] + [None] * 8)
    ws.append(["部门（单位）名称", DEPT] + [None] * 7)
    t0 = ws.max_row + 1
    ws.append(["年度主要任务", "任务名称", None, "主要内容"] + [None] * 5)
    ws.append([None, "学生资助", None, "落实学前教育至高中阶段家庭经济困难学生资助政策"] + [None] * 5)
    ws.append([None, "校舍建设", None, "新建、改扩建城区学校，新增学位2000个以上"] + [None] * 5)
    m0 = ws.max_row + 1
    ws.append(["年度部门整体支出预算执行情况（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
               "得分", None])
    ws.append([None, "年度资金总额", initial, final, spent, 10, rate / 100, budget_score, None])
    for i, (name, a, b, c) in enumerate(LINES):
        ws.append([None, ("其中：" if i == 0 else "") + name, a, b, c, "—", "—", "—", None])
    m1 = ws.max_row
    for r in range(m0 + 1, m1 + 1):
        for col in "CDE":
            ws[f"{col}{r}"].number_format = "#,##0.00"
        ws[f"G{r}"].number_format = "0.00%"
    g0 = ws.max_row + 1
    ws.append(["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None])
    ws.append([None, "巩固义务教育成果，扩大优质教育资源供给，落实学生资助政策。", None, None, None,
               "各项教育事业稳步发展，新增学位2150个，资助政策全面落实。", None, None, None])
    h = ws.max_row + 1
    ws.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施"])
    merges = ["A1:I1", "A2:I2", "B3:I3", f"A{t0}:A{t0 + 2}", f"A{m0}:A{m1}", f"A{g0}:A{g0 + 1}",
              f"B{g0}:E{g0}", f"F{g0}:I{g0}", f"B{g0 + 1}:E{g0 + 1}", f"F{g0 + 1}:I{g0 + 1}"]
    merges += [f"B{r}:C{r}" for r in range(t0, t0 + 3)] + [f"D{r}:I{r}" for r in range(t0, t0 + 3)]
    merges += [f"H{r}:I{r}" for r in range(m0, m1 + 1)]
    gold_ind = [{"tier": 2, "name": "执行率", "weight": 10, "score": budget_score, "actual_value": rate, "unit": "%"}]
    for level1, items in GROUPS:
        start = ws.max_row + 1
        for k, (level2, ind) in enumerate(items):
            ws.append([None, level1 if k == 0 else None, level2, ind["name"], ind["target"], ind["actual"],
                       ind["weight"], ind["score"], "农村学校网络改造未全部完工" if ind["score"] < ind["weight"] else None])
            gold_ind.append(indicator_gold(level1, level2, ind))
        if ws.max_row > start:
            merges.append(f"B{start}:B{ws.max_row}")
    merges.append(f"A{h}:A{ws.max_row}")
    t = ws.max_row + 1
    ws.append(["总分", None, None, None, None, None, 100, stated_total, None])
    ws.append(["自评等级", None, None, None, None, None, grade_of(stated_total), None, None])
    merges += [f"A{t}:F{t}", f"A{t + 1}:F{t + 1}", f"G{t + 1}:H{t + 1}"]
    for m in merges:
        ws.merge_cells(m)
    style_sheet(ws, 3, (14, 14, 20, 22, 14, 14, 10, 10, 24))
    return {
        "report": {"kind": "department_self", "province": "江西省", "city": "赣州市", "county": "南康区",
                   "unit": DEPT, "project": None, "fiscal_year": year, "reported_score": stated_total,
                   "reported_grade": grade_of(stated_total), "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": r2(initial * 10000), "budget_yuan": r2(final * 10000),
                     "spent_yuan": r2(spent * 10000), "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": r2(a * 10000), "budget_yuan": r2(b * 10000), "spent_yuan": r2(c * 10000)}
           for n, a, b, c in LINES],
        "scores": [],
        "indicators": gold_ind,
        "tables": [],
        "checks": [{"what": f"总分 {stated_total:g}, but 执行率得分 {budget_score:g} + indicator 得分 "
                            f"{true_total - budget_score:g} = {true_total:g}",
                    "reported": stated_total, "recomputed": true_total, "expect": "mismatch"}],
    }

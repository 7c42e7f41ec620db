"""Blind samples, forms: a Sichuan county 部门整体支出绩效自评表 (DOCX) and the grids of a Hubei city workbook with
two 项目支出绩效自评表 stacked on one sheet (XLSX).  Written without looking at the reader's code.

Both follow the national form: a money block (年初预算数/全年预算数/全年执行数/分值/执行率/得分), 年度总体目标
(预期目标 / 实际完成情况), then 一级/二级/三级指标 with merged 一级 and 二级 cells and a 总分 row.
Each form is built once as a grid (rows, merges); the document, its table truth and its gold come from it.
"""
from __future__ import annotations

from pathlib import Path

from samples_common import docx_table, indicator_gold, money, num, pct, r2


class Num:
    """A numeric spreadsheet cell: the value, its number format and the text it displays."""

    def __init__(self, value, fmt: str, text: str):
        self.value, self.fmt, self.text = value, fmt, text


def text_of(cell) -> str:
    return cell.text if isinstance(cell, Num) else (cell or "")


def national_form(head: list, money_label: str, lines: list, fm, fr, fs, ind_header: list, goal: str, done: str,
                  items: list, total_text, grade_text: str | None) -> tuple[list, list, dict]:
    """The grid of a national form (9 columns).

    head: rows above the money block, each [(text, span), ...]; lines: the total line first as
    (label, initial, final, spent, rate_cell, score_cell), then (label, initial, final, spent) or a
    label-only heading (label,); items: (level1, level2, indicator dict)."""
    rows, merges = [], []
    for spec in head:
        row, c = [], 0
        for text, span in spec:
            row += [text] + [""] * (span - 1)
            if span > 1:
                merges.append((len(rows), c, len(rows), c + span - 1))
            c += span
        rows.append(row)
    m0 = len(rows)
    rows.append([money_label, "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
    for line in lines:
        r = len(rows)
        if len(line) == 1:
            rows.append(["", line[0], "", "", "", "", "", "", ""])
        elif len(line) == 6:
            label, a, b, x, rate_cell, score_cell = line
            rows.append(["", label, "", fm(a), fm(b), fm(x), fs(10), rate_cell, score_cell])
        else:
            label, a, b, x = line
            rows.append(["", label, "", fm(a) if a is not None else "", fm(b) if b is not None else "",
                         fm(x) if x is not None else "", "—", "—", "—"])
        merges.append((r, 1, r, 2))
    merges.append((m0, 0, len(rows) - 1, 0))
    g0 = len(rows)
    rows += [["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""],
             ["", goal, "", "", "", done, "", "", ""]]
    merges += [(g0, 0, g0 + 1, 0), (g0, 1, g0, 4), (g0, 5, g0, 8), (g0 + 1, 1, g0 + 1, 4), (g0 + 1, 5, g0 + 1, 8)]
    h = len(rows)
    rows.append(ind_header)
    gold_ind = []
    s1 = s2 = None
    for k, (level1, level2, ind) in enumerate(items):
        r = len(rows)
        new1 = k == 0 or level1 != items[k - 1][0]
        new2 = new1 or level2 != items[k - 1][1]
        if new1:
            if s1 is not None and r - 1 > s1:
                merges.append((s1, 1, r - 1, 1))
            s1 = r
        if new2:
            if s2 is not None and r - 1 > s2:
                merges.append((s2, 2, r - 1, 2))
            s2 = r
        rows.append(["", level1 if new1 else "", level2 if new2 else "", ind["name"], ind["target"], ind["actual"],
                     fs(ind["weight"]), fs(ind["score"]), ind.get("dev", "")])
        gold_ind.append(indicator_gold(level1, level2, ind))
    end = len(rows) - 1
    merges += [m for m in ((s1, 1, end, 1), (s2, 2, end, 2)) if m[2] > m[0]]
    merges.append((h + 1, 0, end, 0))
    t = len(rows)
    rows.append(["总分", "", "", "", "", "", fs(100), total_text, ""])
    merges += [(t, 0, t, 5), (t, 7, t, 8)]
    if grade_text is not None:
        rows.append(["自评等级", "", "", "", "", "", grade_text, "", ""])
        merges += [(t + 1, 0, t + 1, 5), (t + 1, 6, t + 1, 8)]
    return rows, merges, gold_ind


def truth(rows: list, merges: list) -> dict:
    cells = [[text_of(c) for c in row] for row in rows]
    return {"caption_or_first_cell": cells[0][0], "cells": cells, "merges": [list(m) for m in merges]}


# ---------------------------------------------------------------- Sichuan county 部门整体 form (DOCX)
def _i(name, target, actual, weight, score, op=None, tv=None, unit=None, av=None, dev=""):
    d = dict(name=name, target=target, actual=actual, weight=weight, score=score, dev=dev)
    d.update({k: v for k, v in (("target_op", op), ("target_value", tv), ("unit", unit), ("actual_value", av))
              if v is not None})
    return d


SICHUAN = {
    "unit": "营山县农业农村局", "year": 2023, "date": "2024-03-08", "date_text": "2024年3月8日",
    # 万元: (label, 年初预算数, 全年预算数, 全年执行数)
    "income": [("财政拨款", 4126.35, 4802.48, 4701.26), ("其他资金", 160.00, 210.00, 195.90)],
    "spending": [("基本支出", 1826.40, 1874.62, 1874.62), ("项目支出", 2459.95, 3137.86, 3022.54)],
    "spent_typo": 10.00,  # planted: 项目支出 全年执行数 shown 10.00 万元 high, so 基本+项目 ≠ 年度资金总额
    "goal": "落实粮食安全党政同责，稳定粮食播种面积95万亩以上；新建高标准农田2.5万亩；做好动物疫病防控和农产品质量安全监管；"
            "巩固拓展脱贫攻坚成果，推进农村人居环境整治。",
    "done": "全年粮食播种面积96.12万亩，新建高标准农田2.62万亩，农产品质量安全抽检合格率99.2%，未发生规模性返贫；"
            "畜禽粪污综合利用率78.5%，未达到年度目标。",
    "items": [
        ("产出指标", "数量指标", _i("高标准农田建设面积", "≥2.5万亩", "2.62万亩", 10, 10, ">=", 2.5, "万亩", 2.62)),
        ("产出指标", "数量指标", _i("农作物病虫害统防统治面积", "≥15万亩", "16.3万亩", 5, 5, ">=", 15, "万亩", 16.3)),
        ("产出指标", "数量指标", _i("动物强制免疫密度", "≥90%", "95.6%", 5, 5, ">=", 90, "%", 95.6)),
        ("产出指标", "质量指标", _i("高标准农田工程验收合格率", "100%", "100%", 10, 10, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("农产品质量安全抽检合格率", "≥98%", "99.2%", 5, 5, ">=", 98, "%", 99.2)),
        ("产出指标", "时效指标", _i("惠农补贴资金兑付及时率", "≥95%", "100%", 5, 5, ">=", 95, "%", 100)),
        ("产出指标", "成本指标", _i("高标准农田亩均财政投入", "≤1500元", "1486元", 5, 5, "<=", 1500, "元", 1486)),
        ("效益指标", "经济效益指标", _i("农村居民人均可支配收入增长率", "≥6%", "6.8%", 10, 10, ">=", 6, "%", 6.8)),
        ("效益指标", "社会效益指标", _i("粮食播种面积", "≥95万亩", "96.12万亩", 10, 10, ">=", 95, "万亩", 96.12)),
        ("效益指标", "社会效益指标", _i("脱贫人口返贫情况", "不发生规模性返贫", "未发生规模性返贫", 5, 5)),
        ("效益指标", "生态效益指标", _i("畜禽粪污综合利用率", "≥80%", "78.5%", 5, 4, ">=", 80, "%", 78.5,
                                 "部分规模养殖场粪污处理设施建设滞后；下年度督促完成设施配套")),
        ("效益指标", "可持续影响指标", _i("农业面源污染防治长效机制", "持续发挥作用", "持续发挥作用", 5, 5)),
        ("满意度指标", "服务对象满意度指标", _i("农户满意度", "≥90%", "93.4%", 10, 10, ">=", 90, "%", 93.4)),
    ],
}


def make_sichuan(out: Path) -> tuple[Path, dict, list]:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    s = SICHUAN
    shown = {name: [a, b, x] for name, a, b, x in s["income"] + s["spending"]}
    shown["项目支出"][2] = r2(shown["项目支出"][2] + s["spent_typo"])
    initial, final, spent = (r2(sum(x[k] for x in s["income"])) for k in (1, 2, 3))
    rate = r2(spent / final * 100)
    bscore = r2(10 * spent / final)
    total = r2(bscore + sum(i["score"] for _, _, i in s["items"]))
    lines = [("年度资金总额", initial, final, spent, pct(rate), num(bscore)), ("按收入性质分：",)]
    lines += [(("其中：" if k == 0 else "") + n, *shown[n]) for k, (n, *_) in enumerate(s["income"])]
    lines += [("按支出性质分：",)]
    lines += [(("其中：" if k == 0 else "") + n, *shown[n]) for k, (n, *_) in enumerate(s["spending"])]
    rows, merges, gold_ind = national_form(
        [[("部门（单位）名称", 1), (s["unit"], 8)]], "年度预算申请（万元）", lines, lambda x: f"{x:,.2f}",
        pct, num, ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                   "偏差原因分析及改进措施"], s["goal"], s["done"], s["items"], num(total), "优")

    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(1.8)
    for text, bold in (("部门整体支出绩效自评表", True), (f"（{s['year']}年度）", False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    docx_table(doc, [[text_of(c) for c in row] for row in rows], merges, font_pt=8)
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}    单位负责人：何志勇    填报人：罗丽    联系电话：0817-8222415")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "sichuan-yingshan-2023-department-form.docx"
    doc.save(path)

    sum_shown = r2(shown["基本支出"][2] + shown["项目支出"][2])
    gold = {
        "files": [path.name],
        "note": "Money block lists the total twice over: 按收入性质分 (财政拨款/其他资金) and 按支出性质分 (基本支出/项目支出), "
                "each group on its own summing to 年度资金总额 (bar the planted error); place must be resolved from 营山县 alone.",
        "report": {"kind": "department_self", "province": "四川省", "city": "南充市", "county": "营山县",
                   "unit": s["unit"], "project": None, "fiscal_year": s["year"], "report_date": s["date"],
                   "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": r2(initial * 1e4), "budget_yuan": r2(final * 1e4),
                     "spent_yuan": r2(spent * 1e4), "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": r2(v[0] * 1e4), "budget_yuan": r2(v[1] * 1e4), "spent_yuan": r2(v[2] * 1e4)}
           for n, v in shown.items()],
        "scores": [],  # the form states no section subtotals
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": rate, "unit": "%"}]
        + gold_ind,
        "tables": [],
        "checks": [{"what": f"年度资金总额 全年执行数 {spent:,.2f}万元, but 按支出性质分 基本支出 {shown['基本支出'][2]:,.2f} + "
                            f"项目支出 {shown['项目支出'][2]:,.2f} = {sum_shown:,.2f}万元 (按收入性质分 lines do add up)",
                    "reported": r2(spent * 1e4), "recomputed": r2(sum_shown * 1e4), "expect": "mismatch"}],
    }
    return path, gold, [truth(rows, merges)]


# ---------------------------------------------------------------- Hubei city workbook, two forms on one sheet
HUBEI_DEPT = "宜昌市民政局"
HUBEI = [
    {"project": "困难残疾人两项补贴市级配套资金", "unit": "宜昌市民政局", "as_text": True, "total_typo": 0,
     "lines": [("当年财政拨款", 3600000.00, 3600000.00, 3568936.50), ("上年结转资金", None, 250000.00, 243500.00)],
     "goal": "按时足额发放困难残疾人生活补贴和重度残疾人护理补贴，保障困难残疾人基本生活，提高重度残疾人照护水平。",
     "done": "全年为5346名困难残疾人发放生活补贴，为6912名重度残疾人发放护理补贴，补贴按月发放到位。",
     "items": [
         ("产出指标", "数量指标", _i("困难残疾人生活补贴发放人数", "≥5200人", "5346人", 15, 15, ">=", 5200, "人", 5346)),
         ("产出指标", "数量指标", _i("重度残疾人护理补贴发放人数", "≥6800人", "6912人", 15, 15, ">=", 6800, "人", 6912)),
         ("产出指标", "质量指标", _i("补贴对象认定准确率", "100%", "100%", 10, 10, None, 100, "%", 100)),
         ("产出指标", "时效指标", _i("补贴按月发放及时率", "≥95%", "100%", 5, 5, ">=", 95, "%", 100)),
         ("产出指标", "时效指标", _i("新申请审核办理时限", "≤5个工作日", "4个工作日", 5, 5, "<=", 5, "工作日", 4)),
         ("产出指标", "成本指标", _i("生活补贴标准", "≥80元/人·月", "80元/人·月", 5, 5, ">=", 80, "元/人·月", 80)),
         ("效益指标", "社会效益指标", _i("困难残疾人基本生活保障水平", "有效提升", "有所提升", 10, 9,
                                  dev="部分补贴对象家庭仍较困难；加强与低保等政策衔接")),
         ("效益指标", "社会效益指标", _i("补贴政策知晓率", "≥90%", "88%", 10, 8, ">=", 90, "%", 88,
                                  "农村地区宣传不到位；下年度加大村级宣传力度")),
         ("效益指标", "可持续影响指标", _i("补贴制度长效运行", "长期", "长期", 5, 5)),
         ("满意度指标", "服务对象满意度指标", _i("补贴对象满意度", "≥90%", "95.2%", 10, 10, ">=", 90, "%", 95.2)),
     ]},
    {"project": "社会福利院适老化改造项目", "unit": "宜昌市社会福利院", "as_text": False,
     "total_typo": -1.00,  # planted: the 总分 shown is one point below the sum of the 得分 column
     "lines": [("当年财政拨款", 1200000.00, 1400000.00, 1361575.80), ("其他资金", None, 50000.00, 50000.00)],
     "goal": "完成福利院120张以上床位及配套设施适老化改造，消除安全隐患，提升入住老人生活照料质量。",
     "done": "完成126张床位适老化改造，新增适老化设施设备48台（套），工程通过竣工验收并按时投入使用。",
     "items": [
         ("产出指标", "数量指标", _i("改造床位数", "≥120张", "126张", 15, 15, ">=", 120, "张", 126)),
         ("产出指标", "数量指标", _i("新增适老化设施设备", "≥45台（套）", "48台（套）", 10, 10, ">=", 45, "台（套）", 48)),
         ("产出指标", "质量指标", _i("改造工程验收合格率", "100%", "100%", 15, 15, None, 100, "%", 100)),
         ("产出指标", "时效指标", _i("项目完工时间", "按时完成", "按时完成", 10, 10)),
         ("产出指标", "成本指标", _i("每张床位改造成本", "≤10000元", "9650元", 10, 10, "<=", 10000, "元", 9650)),
         ("效益指标", "社会效益指标", _i("入住老人安全事故发生率", "≤1%", "0.5%", 10, 10, "<=", 1, "%", 0.5)),
         ("效益指标", "可持续影响指标", _i("改造设施使用年限", "≥8年", "8年", 10, 10, ">=", 8, "年", 8)),
         ("满意度指标", "服务对象满意度指标", _i("入住老人及家属满意度", "≥90%", "89.6%", 10, 9, ">=", 90, "%", 89.6,
                                        "部分老人对改造期间临时安置不满意；今后分批施工减少干扰")),
     ]},
]


def hubei_form(s: dict, year: int) -> tuple[list, list, dict]:
    final = r2(sum(b for _, _, b, _ in s["lines"]))
    initial = r2(sum(a or 0 for _, a, _, _ in s["lines"]))
    spent = r2(sum(x for _, _, _, x in s["lines"]))
    rate = r2(spent / final * 100)
    bscore = r2(10 * spent / final)
    true_total = r2(bscore + sum(i["score"] for _, _, i in s["items"]))
    shown_total = r2(true_total + s["total_typo"])
    if s["as_text"]:  # money and rates typed in as text with thousand separators
        fm, fr, fs = money, pct, (lambda x: Num(x, "General", num(x)))
    else:  # numeric cells with number formats
        fm = lambda x: Num(x, "#,##0.00", money(x))  # noqa: E731
        fr = lambda p: Num(p / 100, "0.00%", pct(p))  # noqa: E731
        fs = lambda x: Num(x, "0.00" if x != int(x) else "General", num(x))  # noqa: E731
    lines = [("年度资金总额", initial, final, spent, fr(rate), fs(bscore))]
    lines += [(("其中：" if k == 0 else "") + n, a, b, x) for k, (n, a, b, x) in enumerate(s["lines"])]
    head = [[("项目支出绩效自评表", 9)], [(f"（{year}年度）", 9)], [("项目名称", 1), (s["project"], 8)],
            [("主管部门", 1), (HUBEI_DEPT, 3), ("实施单位", 1), (s["unit"], 4)]]
    rows, merges, gold_ind = national_form(
        head, "项目资金（元）", lines, fm, fr, fs,
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度目标值", "实际完成值", "分值", "自评得分", "偏差原因分析及改进措施"],
        s["goal"], s["done"], s["items"], fs(shown_total), None)
    checks = []
    if s["total_typo"]:
        checks.append({"what": f"总分 {num(shown_total)}, but 执行率得分 {num(bscore)} + indicator 自评得分 "
                               f"{num(r2(true_total - bscore))} = {num(true_total)}",
                       "reported": shown_total, "recomputed": true_total, "expect": "mismatch"})
    budgets = [{"line": "total", "initial_yuan": initial, "budget_yuan": final, "spent_yuan": spent,
                "reported_rate_pct": rate}]
    budgets += [{"line": n, **({"initial_yuan": a} if a is not None else {}), "budget_yuan": b, "spent_yuan": x}
                for n, a, b, x in s["lines"]]
    gold = {
        "note": "Two forms stacked on one sheet (three blank rows between); the first types money and rates as text "
                "with thousand separators, the second as numeric cells with number formats. In the PDF the second form "
                "is cut by the page break inside its money block. The forms state no 自评等级: reported_grade is null.",
        "report": {"kind": "project_self", "province": "湖北省", "city": "宜昌市", "county": None,
                   "department": HUBEI_DEPT, "unit": s["unit"], "project": s["project"], "fiscal_year": year,
                   "report_date": "2024-03-12", "reported_score": shown_total, "reported_grade": None,
                   "evaluator": None},
        "budgets": budgets,
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": rate, "unit": "%"}]
        + gold_ind,
        "tables": [],
        "checks": checks,
    }
    return rows, merges, gold

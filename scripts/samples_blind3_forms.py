"""Third blind batch, forms: a Shanxi county 部门整体支出绩效自评表 (2021+ national department-wide form, grid only),
a Jilin workbook's 汇总表 and 项目支出绩效自评表 grids, and a Heilongjiang landscape form whose 11-column indicator
table carries 指标性质 and 计量单位 columns (DOCX). Written without looking at the reader's code.
The workbooks themselves are written by make_blind_samples3 from the grids built here.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import Num, _i, national_form, truth
from samples_blind_reports import _layout, _para
from samples_common import docx_table, grade_of, money, num, pct, r2

IND_HEADER = ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
fm = lambda x: Num(x, "#,##0.00", money(x))  # noqa: E731  numeric money cells
fr = lambda p: Num(round(p / 100, 6), "0.00%", pct(p))  # noqa: E731
fw = lambda x: Num(x, "0", num(x))  # noqa: E731  分值
fs = lambda x: Num(x, "0.00", f"{x:.2f}")  # noqa: E731  得分 shown with two decimals


def totals(lines):
    """(label, 年初, 全年预算, 全年执行) lines → their sums and the stated rate and its 10-point score."""
    a, b, x = (r2(sum((ln[k] or 0) for ln in lines)) for k in (1, 2, 3))
    rate = r2(x / b * 100)
    bscore = r2(rate / 10)
    assert bscore == r2(10 * x / b), "the rate's score must not depend on when it is rounded"
    return a, b, x, rate, bscore


def project_gold(place: tuple, s: dict, t: tuple, gold_ind: list, total, grade, checks: list, note: str,
                 mult: float = 1e4) -> dict:
    """The gold of a national-form project: report card, money lines (in 元), the 执行率 row and the indicators."""
    a, b, x, rate, bscore = t
    y = lambda v: r2(v * mult)  # noqa: E731
    return {
        "note": note,
        "report": {"kind": "project_self", **dict(zip(("province", "city", "county"), place)),
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": grade, "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(a), "budget_yuan": y(b), "spent_yuan": y(x), "reported_rate_pct": rate}]
        + [{"line": n, **({"initial_yuan": y(ia)} if ia is not None else {}), "budget_yuan": y(fb), "spent_yuan": y(sx)}
           for n, ia, fb, sx in s["lines"]],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": rate, "unit": "%"}]
        + gold_ind,
        "tables": [],
        "checks": checks,
    }


# ---------------------------------------------------------------- Shanxi: 忻州市定襄县, department-wide form (XLSX)
SHANXI = {
    "unit": "定襄县市场监督管理局", "date": "2024-03-18", "date_text": "2024年3月18日",
    "tasks": [("市场主体登记注册", "深化企业开办“一网通办”，压缩开办时间，全年新登记市场主体2600户以上", "市场主体登记注册工作经费"),
              ("食品药品安全监管", "完成食品安全监督抽检1000批次以上，开展药品、医疗器械经营使用环节监督检查", "食品安全监督抽检经费"),
              ("特种设备安全监察", "对全县在用特种设备开展定期检验和隐患排查治理", "特种设备安全监察经费"),
              ("计量与质量发展", "开展计量器具强制检定，推进商标品牌建设", "计量检定及质量提升经费")],
    "lines": [("基本支出", 1102.36, 1148.90, 1148.90), ("项目支出", 384.16, 463.48, 431.31)],  # 万元
    "goal": "持续优化营商环境，全年新登记市场主体2600户以上；守住食品药品和特种设备安全底线，不发生重大安全事故；"
            "完成食品安全监督抽检1000批次以上，投诉举报按时办结率95%以上。",
    "done": "全年新登记市场主体2748户，完成食品安全监督抽检1126批次，特种设备定期检验率99.3%，未发生重大食品安全"
            "和特种设备安全事故；新登记市场主体一年存活率83.6%，未达到目标。",
    "items": [
        ("产出指标", "数量指标", _i("新登记市场主体户数", "≥2600户", Num(2748, "0", "2748"), 10, 10, ">=", 2600, "户", 2748)),
        ("产出指标", "数量指标", _i("食品安全监督抽检批次", "≥1000批次", "1126批次", 10, 10, ">=", 1000, "批次", 1126)),
        ("产出指标", "数量指标", _i("特种设备定期检验率", "≥98%", Num(0.993, "0.0%", "99.3%"), 6, 6, ">=", 98, "%", 99.3)),
        ("产出指标", "质量指标", _i("抽检不合格食品核查处置率", "100%", "100%", 6, 6, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("计量器具强制检定覆盖率", "≥95%", "96.8%", 6, 6, ">=", 95, "%", 96.8)),
        # planted: 得分 6 above its 分值 5 (the 总分 adds the 6)
        ("产出指标", "时效指标", _i("投诉举报按时办结率", "≥95%", Num(0.982, "0.0%", "98.2%"), 5, 6, ">=", 95, "%", 98.2)),
        ("产出指标", "时效指标", _i("企业开办时间", "≤1个工作日", "0.5个工作日", 6, 6, "<=", 1, "个工作日", 0.5)),
        ("产出指标", "成本指标", _i("单批次食品抽检成本", "≤1500元", "1420元", 6, 6, "<=", 1500, "元", 1420)),
        ("效益指标", "社会效益指标", _i("重大食品安全事故发生数", "0起", "0起", 8, 8, None, 0, "起", 0)),
        ("效益指标", "社会效益指标", _i("新登记市场主体一年存活率", "≥85%", "83.6%", 6, 4.5, ">=", 85, "%", 83.6,
                                 "部分小微个体工商户经营困难注销；加强开办后跟踪帮扶")),
        ("效益指标", "经济效益指标", _i("为消费者挽回经济损失", "≥50万元", "62.5万元", 5, 5, ">=", 50, "万元", 62.5)),
        ("效益指标", "可持续影响指标", _i("特种设备安全监管长效机制", "健全", "基本健全", 6, 5,
                                  dev="乡镇监管力量薄弱；充实基层特种设备安全员队伍")),
        ("满意度指标", "服务对象满意度指标", _i("市场主体和群众满意度", "≥90%", "95.4%", 10, 9.5, ">=", 90, "%", 95.4)),
    ],
    "planted": "投诉举报按时办结率",
}


def shanxi_grid() -> tuple[list, list, dict]:
    s = SHANXI
    a, b, x, rate, bscore = totals(s["lines"])
    items_sum = r2(sum(i["score"] for _, _, i in s["items"]))
    total = r2(bscore + items_sum)
    assert sum(i["weight"] for _, _, i in s["items"]) == 90 and grade_of(total) == "优"
    head = [[("部门（单位）名称", 2), (s["unit"], 7)], [("年度主要任务", 1), ("任务名称", 2), ("主要内容", 4), ("对应项目", 2)]]
    head += [[("", 1), (f"{k + 1}.{n}", 2), (c, 4), (p, 2)] for k, (n, c, p) in enumerate(s["tasks"])]
    lines = [("资金总额", a, b, x, fr(rate), fs(bscore))] + [(("其中：" if k == 0 else "") + n, ia, fb, sx)
                                                            for k, (n, ia, fb, sx) in enumerate(s["lines"])]
    rows, merges, gold_ind = national_form(head, "年度部门整体支出预算（万元）", lines, fm, fr, fs, IND_HEADER,
                                           s["goal"], s["done"], s["items"], fs(total), "优")
    merges.append((1, 0, 1 + len(s["tasks"]), 0))
    m0 = len(head)
    rows[m0 + 1][6] = fw(10)
    for k, (_, _, fb, sx) in enumerate(s["lines"]):  # the two lines state their own 执行率
        rows[m0 + 2 + k][7] = fr(r2(sx / fb * 100))
    g0 = next(r for r, row in enumerate(rows) if row[0] == "年度总体目标")
    rows[g0][1], rows[g0][5] = "年初设定目标", "全年实际完成情况"
    for row in rows[g0 + 3:]:  # 分值 column: whole numbers
        if isinstance(row[6], Num):
            row[6] = fw(row[6].value)
    planted = next(i for _, _, i in s["items"] if i["name"] == s["planted"])
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "note": "2021+ national 部门整体支出绩效自评表 on one sheet: 年度主要任务 block (任务名称/主要内容/对应项目), "
                "money block 资金总额/基本支出/项目支出 in 万元 with each line's own 执行率, 年初设定目标/全年实际完成情况. "
                "Money, rates, 分值 and 得分 are numeric cells with number formats (#,##0.00 / 0.00% / 0 / 0.00); two "
                "实际完成值 cells are numbers too (2748; 0.993 shown as 99.3%). Place resolved from 定襄县 alone "
                "(忻州市). Planted: 投诉举报按时办结率 得分 6 above its 分值 5; 总分 includes the 6.",
        "report": {"kind": "department_self", "province": "山西省", "city": "忻州市", "county": "定襄县",
                   "unit": s["unit"], "project": None, "fiscal_year": 2023, "report_date": s["date"],
                   "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(a), "budget_yuan": y(b), "spent_yuan": y(x), "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": y(ia), "budget_yuan": y(fb), "spent_yuan": y(sx), "reported_rate_pct": r2(sx / fb * 100)}
           for n, ia, fb, sx in s["lines"]],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": rate, "unit": "%"}]
        + gold_ind,
        "tables": [],
        "checks": [{"what": f"{planted['name']} 得分 {num(planted['score'])} exceeds its 分值 {num(planted['weight'])} "
                            f"(总分 {total:.2f} = 资金总额得分 {bscore:.2f} + indicator 得分 {items_sum:.2f} includes it)",
                    "reported": planted["score"], "recomputed": planted["weight"], "expect": "mismatch"}],
    }
    return rows, merges, gold


# ---------------------------------------------------------------- Jilin: 延边州敦化市, 汇总表 + one project form (XLSX)
JILIN_DEPT = "敦化市农业农村局"
JILIN = {
    "project": "黑土地保护利用项目", "unit": "敦化市农业技术推广中心", "date": "2024-04-10", "date_text": "2024年4月10日",
    "lines": [("中央财政资金", 11000000.00, 11000000.00, 10653200.00), ("省级财政资金", None, 1864000.00, 1722000.00)],
    "goal": "在项目区实施黑土地保护利用10万亩，推广秸秆还田、增施有机肥等综合技术模式，遏制黑土地退化，提升耕地质量。",
    "done": "完成黑土地保护利用10.3万亩，其中秸秆还田8.6万亩、增施有机肥2.1万亩，项目区耕地质量平均提升0.25个等级；"
            "土壤有机质含量提高未达到预期。",
    "items": [
        ("产出指标", "数量指标", _i("黑土地保护利用面积", "≥10万亩", "10.3万亩", 10, 10, ">=", 10, "万亩", 10.3)),
        ("产出指标", "数量指标", _i("秸秆还田面积", "≥8万亩", "8.6万亩", 10, 10, ">=", 8, "万亩", 8.6)),
        ("产出指标", "数量指标", _i("增施有机肥面积", "≥2万亩", "2.1万亩", 8, 8, ">=", 2, "万亩", 2.1)),
        ("产出指标", "质量指标", _i("项目区耕地质量等级提升", "≥0.2个等级", "0.25个等级", 4, 4, ">=", 0.2, "个等级", 0.25)),
        ("产出指标", "质量指标", _i("项目验收合格率", "100%", "100%", 8, 8, None, 100, "%", 100)),
        ("产出指标", "时效指标", _i("项目完成时间", "2023年11月底前", "2023年11月20日", 8, 8)),
        ("产出指标", "成本指标", _i("亩均补助标准", "≤120元/亩", "115元/亩", 8, 8, "<=", 120, "元/亩", 115)),
        ("效益指标", "经济效益指标", _i("项目区玉米亩均增产", "≥30公斤", "34公斤", 8, 8, ">=", 30, "公斤", 34)),
        ("效益指标", "生态效益指标", _i("土壤有机质含量提高", "≥0.5克/千克", "0.4克/千克", 8, 6, ">=", 0.5, "克/千克", 0.4,
                                 "有机质提升需多年累积；延续实施并加大有机肥投入")),
        ("效益指标", "可持续影响指标", _i("保护性耕作技术持续推广", "持续推进", "持续推进", 8, 8)),
        ("满意度指标", "服务对象满意度指标", _i("项目区农户满意度", "≥90%", "93.8%", 10, 9.5, ">=", 90, "%", 93.8,
                                        "部分农户对有机肥到货时间不满意；提前组织物资采购")),
    ],
}


def jilin_form() -> tuple[list, list, dict, tuple]:
    """The sheet-2 form grid, its gold (the 汇总表 check is added by the workbook writer) and its 汇总表 row (万元)."""
    s = {**JILIN, "department": JILIN_DEPT}
    a, b, x, rate, bscore = totals(s["lines"])
    total = r2(bscore + sum(i["score"] for _, _, i in s["items"]))
    grade = grade_of(total)
    assert sum(i["weight"] for _, _, i in s["items"]) == 90 and b % 100 == 0 and x % 100 == 0
    head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (JILIN_DEPT, 3), ("实施单位", 1), (s["unit"], 4)]]
    lines = [("年度资金总额", a, b, x, fr(rate), Num(bscore, "General", num(bscore)))]
    lines += [(("其中：" if k == 0 else "") + n, ia, fb, sx) for k, (n, ia, fb, sx) in enumerate(s["lines"])]
    gen = lambda v: Num(v, "General", num(v))  # noqa: E731
    rows, merges, gold_ind = national_form(head, "项目资金（元）", lines, fm, fr, gen, ["绩效指标"] + IND_HEADER[1:],
                                           s["goal"], s["done"], s["items"], gen(total), grade)
    gold = project_gold(("吉林省", "延边朝鲜族自治州", "敦化市"), s, (a, b, x, rate, bscore), gold_ind, total, grade, [],
                        "Workbook of two sheets. Sheet 1 汇总表 (万元) lists five projects' 预算数/执行数/执行率/自评得分/"
                        "等级 with a 合计 row; sheet 2 is the full 项目支出绩效自评表 (元) of one of them, and the "
                        "summary's row for it agrees with sheet 2. Choice: the summary sheet is NOT a report of its own "
                        "(it evaluates nothing: no score, target or indicator of the department as a whole, and its "
                        "other rows have no form), so the file holds one report, the sheet-2 project form; the summary's "
                        "rows are not gold. The planted error sits in the summary's 合计 row (执行数 leaves out the last "
                        "project) and is listed under this, the file's only report. The 合计 执行率 follows the wrong "
                        "执行数, so it is no second discrepancy. Place: 敦化市 is a county-level city of 延边朝鲜族自治州.",
                        mult=1)
    return rows, merges, gold, (s["project"], r2(b / 1e4), r2(x / 1e4), total, grade)


# ---------------------------------------------------------------- Heilongjiang: 齐齐哈尔市依安县, landscape 11 columns
HLJ = {
    "project": "农村卫生户厕改造项目", "department": "依安县农业农村局", "unit": "依安县农村人居环境整治服务中心",
    "date": "2024-03-26", "date_text": "2024年3月26日",
    "lines": [("中央财政资金", 504.00, 504.00, 495.60), ("省级财政资金", 180.00, 180.00, 168.40),
              ("县级配套资金", 120.00, 96.00, 92.80)],  # 万元
    "goal": "完成1200户农村卫生户厕改造，配套建设粪污收集处理站6个，全县农村卫生厕所普及率达到85%，建立户厕长效管护机制。",
    "done": "完成农村卫生户厕改造1176户，建成粪污收集处理站6个，农村卫生厕所普及率86.4%，45个行政村建立长效管护机制。",
    # level1, level2, name, 指标性质, 计量单位, 年度指标值, 实际完成值, 分值, 得分, stated 完成率 (None: actual/target), 偏差原因
    "items": [
        ("产出指标", "数量指标", "改造农村卫生户厕数量", "正向", "户", "1200", "1176", 10, 9.8, 96.00,
         "部分农户常年外出务工，未能入户施工；已纳入下年度改造计划"),  # planted: 1176 / 1200 = 98.00%
        ("产出指标", "数量指标", "建设粪污收集处理站", "正向", "个", "6", "6", 8, 8, None, ""),
        ("产出指标", "质量指标", "改厕工程验收合格率", "正向", "%", "95", "98.6", 8, 8, None, ""),
        ("产出指标", "质量指标", "户厕冬季防冻达标率", "正向", "%", "≥90", "92.5", 6, 6, None, ""),
        ("产出指标", "质量指标", "改厕质量问题有效投诉", "反向", "起", "≤2", "1", 6, 6, 100.00, ""),
        ("产出指标", "时效指标", "改造任务按期完成率", "正向", "%", "100", "100", 8, 8, None, ""),
        ("效益指标", "社会效益指标", "农村卫生厕所普及率", "正向", "%", "85", "86.4", 10, 10, None, ""),
        ("效益指标", "社会效益指标", "受益农村人口", "正向", "人", "3500", "3528", 8, 8, None, ""),
        ("效益指标", "生态效益指标", "粪污资源化利用率", "正向", "%", "70", "72.3", 8, 8, None, ""),
        ("效益指标", "可持续影响指标", "建立长效管护机制行政村数", "正向", "个", "45", "45", 8, 8, None, ""),
        ("满意度指标", "服务对象满意度指标", "改厕农户满意度", "正向", "%", "≥90", "94.2", 10, 10, None, ""),
    ],
}
HLJ_WIDTHS = (1.7, 2.1, 3.8, 1.3, 1.3, 1.9, 1.9, 1.7, 1.5, 1.9, 7.0)


def run_merges(keys: list, col: int, r0: int) -> list:
    """Vertical merges over runs of equal keys in rows r0…, as forms merge their 一级/二级 labels."""
    out, start = [], 0
    for k in range(1, len(keys) + 1):
        if k == len(keys) or keys[k] != keys[start]:
            out += [(r0 + start, col, r0 + k - 1, col)] if k - 1 > start else []
            start = k
    return out


def _value(text):
    """'≥90' → ('>=', 90.0); '1200' → (None, 1200.0)."""
    for sign, op in (("≥", ">="), ("≤", "<=")):
        if text.startswith(sign):
            return op, float(text[1:])
    return None, float(text)


def make_heilongjiang(out: Path) -> tuple[Path, dict, list]:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    s = HLJ
    a, b, x, rate, bscore = totals(s["lines"])
    total = r2(bscore + sum(i[8] for i in s["items"]))
    assert sum(i[7] for i in s["items"]) == 90 and grade_of(total) == "优"
    rows = [["项目名称", "", f"{s['project']}", "", "", "", "", "", "", "", ""],
            ["主管部门", "", s["department"], "", "", "", "实施单位", "", s["unit"], "", ""],
            ["项目资金（万元）", "", "", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]]
    merges = [(0, 0, 0, 1), (0, 2, 0, 10), (1, 0, 1, 1), (1, 2, 1, 5), (1, 6, 1, 7), (1, 8, 1, 10), (2, 2, 2, 4)]
    for label, ia, fb, sx, tail in [("年度资金总额", a, b, x, ["10", pct(rate), num(bscore)])] + [
            (("其中：" if k == 0 else "") + n, ia, fb, sx, ["—", "—", "—"]) for k, (n, ia, fb, sx) in enumerate(s["lines"])]:
        merges.append((len(rows), 2, len(rows), 4))
        rows.append(["", "", label, "", "", f"{ia:.2f}", f"{fb:.2f}", f"{sx:.2f}"] + tail)
    merges.append((2, 0, len(rows) - 1, 1))
    g0 = len(rows)
    rows += [["年度总体目标", "", "预期目标", "", "", "", "", "实际完成情况", "", "", ""],
             ["", "", s["goal"], "", "", "", "", s["done"], "", "", ""]]
    merges += [(g0, 0, g0 + 1, 1), (g0, 2, g0, 6), (g0, 7, g0, 10), (g0 + 1, 2, g0 + 1, 6), (g0 + 1, 7, g0 + 1, 10)]
    rows.append(["一级指标", "二级指标", "三级指标", "指标性质", "计量单位", "年度指标值", "实际完成值", "分值", "得分",
                 "完成率", "偏差原因分析及改进措施"])
    gold_ind, checks, items, r0 = [], [], s["items"], len(rows)
    for k, (l1, l2, name, nature, unit, tv, av, wt, sc, stated, dev) in enumerate(items):
        op, target = _value(tv)
        actual = float(av)
        shown = stated  # 反向: the target is met (1 起 against ≤2 起), stated as 100%; no actual/target ratio applies
        if nature == "正向":
            true_rate = r2(actual / target * 100)
            shown = true_rate if stated is None else stated
            if stated is not None:
                checks.append({"what": f"{name} 完成率 {pct(stated)}, but 实际完成值 {av} / 年度指标值 {tv} {unit} = "
                                       f"{pct(true_rate)}", "reported": stated, "recomputed": true_rate,
                               "expect": "mismatch"})
        new1 = k == 0 or l1 != items[k - 1][0]
        new2 = new1 or l2 != items[k - 1][1]
        rows.append([l1 if new1 else "", l2 if new2 else "", name, nature, unit, tv, av, num(wt), num(sc), pct(shown), dev])
        gold_ind.append({"tier": 2, "level1": l1, "level2": l2, "name": name, **({"target_op": op} if op else {}),
                         "target_value": target, "unit": unit, "actual_value": actual, "weight": wt, "score": sc})
    merges += run_merges([i[0] for i in items], 0, r0) + run_merges([i[:2] for i in items], 1, r0)
    rows.append(["总分", "", "", "", "", "", "", "100", num(total), "", ""])
    merges += [(len(rows) - 1, 0, len(rows) - 1, 6), (len(rows) - 1, 9, len(rows) - 1, 10)]
    rows.append(["自评等级", "", "", "", "", "", "", "优", "", "", ""])
    merges += [(len(rows) - 1, 0, len(rows) - 1, 6), (len(rows) - 1, 7, len(rows) - 1, 10)]
    assert len(checks) == 1

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(1.6)
    sec.top_margin = sec.bottom_margin = Cm(1.4)
    _para(doc, "项目支出绩效自评表", True, True, 16)
    _para(doc, "（2023年度）", center=True)
    _layout(docx_table(doc, rows, merges, font_pt=8.5), HLJ_WIDTHS)
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}        单位负责人：孙立军        填报人：韩雪        "
                      f"联系电话：0452-4321586")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "heilongjiang-yian-2023-project-form.docx"
    doc.save(path)
    gold = project_gold(("黑龙江省", "齐齐哈尔市", "依安县"), s, (a, b, x, rate, bscore), gold_ind, total, "优", checks,
                        "Landscape A4, one 11-column table: 指标性质 (正向/反向) and 计量单位 are their own columns, so 年度指标值 "
                "and 实际完成值 are bare numbers (95 | %, 1200 | 户); a target written with its sign (≥90, ≤2) gives "
                "target_op, a bare 正向 value states none. The one 反向 indicator (≤2 起, actual 1) states 完成率 100% "
                "(met): not recomputable as actual/target. Every other 完成率 = 实际/指标值 (uncapped) except the planted "
                "one. Place resolved from 依安县 alone (齐齐哈尔市).")
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]


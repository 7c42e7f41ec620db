"""Sixth blind batch, forms: a Fujian county 项目支出绩效自评表 (DOCX) whose 年度指标值 cells use many notations and
full-width digits, a Zhejiang county 部门整体支出绩效自评表 (XLSX, money in 元, indicators only 一级/二级), and an Anhui
county 项目支出绩效自评表 (XLSX) whose money block is horizontal with two header rows (合计/财政拨款/其他资金 under
全年预算数 and 全年执行数). Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from blind_common import put_grid
from make_blind_samples3 import titles
from samples_blind_forms import Num, _i, truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import NATIONAL_MONEY, a4, figures, form, form_gold
from samples_blind3_forms import run_merges
from samples_blind3_reports import w
from samples_common import docx_table, grade_of, money, num, pct, r2

FW = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
fm = lambda x: Num(x, "#,##0.00", money(x))  # noqa: E731
fr = lambda p: Num(round(p / 100, 6), "0.00%", pct(p))  # noqa: E731
gen = lambda v: Num(v, "General", num(v))  # noqa: E731


def blank_covered(rows: list, merges: list) -> list:
    """A merged region shows its top-left text only: empty the cells it covers (labels repeated per row before)."""
    for r1, c1, r2_, c2 in merges:
        for r in range(r1, r2_ + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    rows[r][c] = ""
    return rows


IND_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]

# ---------------------------------------------------------------- Fujian: 三明市尤溪县, notations and full-width digits
YX = {
    "project": "油茶产业提质增效项目", "department": "尤溪县林业局", "unit": "尤溪县林业技术推广中心",
    "date": "2024-03-22", "date_text": "2024年3月22日",
    "lines": [("中央财政资金", 1234.56, 1234.56, 1198.40), ("省级财政资金", 500.00, 520.00, 506.85),
              ("县级财政资金", 300.00, 280.00, 252.31)],  # 万元; 中央 line's 年初/全年预算 printed in full-width digits
    "stated_rate": 97.22,  # planted: 1,957.56 / 2,034.56 = 96.22%
    "goal": "新造和改造提升油茶林3000亩以上，开展油茶丰产栽培技术培训，带动参与农户增收，改造林分挂果率达到90%-95%。",
    "done": "完成新造油茶林3120亩，开展技术培训4次，参与农户户均增收1.35万元，改造林分挂果率92.6%；带动脱贫人口参与未达目标。",
    "items": [
        ("产出指标", "数量指标", _i("新造油茶林面积", "≥3000亩", "3120亩", 10, 10, ">=", 3000, "亩", 3120)),
        ("产出指标", "数量指标", _i("丰产栽培技术培训", "≥3次/年", "4次", 5, 5, ">=", 3, "次/年", 4)),
        ("产出指标", "质量指标", _i("造林成活率", "≥95%（含）", "９８．５％", 10, 10, ">=", 95, "%", 98.5)),
        ("产出指标", "质量指标", _i("苗木质量合格率", "不低于95%", "97.2%", 5, 5, ">=", 95, "%", 97.2)),
        ("产出指标", "时效指标", _i("年度建设任务完成率", "100%以上", "102.6%", 10, 10, ">=", 100, "%", 102.6)),
        ("产出指标", "成本指标", _i("亩均建设成本控制偏差率", "≤±5%", "3.2%", 10, 10, "<=", 5, "%", 3.2)),
        ("效益指标", "经济效益指标", _i("参与农户户均增收", "≥1.2万元/户", "1.35万元/户", 10, 10, ">=", 1.2, "万元/户", 1.35)),
        ("效益指标", "社会效益指标", _i("带动脱贫人口参与", "≥600人", "586人", 10, 8.5, ">=", 600, "人", 586,
                                  "部分脱贫户外出务工，下年度加强组织动员")),
        ("效益指标", "可持续影响指标", _i("改造林分挂果率", "90%-95%", "92.6%", 10, 9, None, None, "%", 92.6,
                                   "部分林分处于初挂果期")),
        ("满意度指标", "服务对象满意度指标", _i("种植户满意度", "≥９０％", "９４．２％", 10, 10, ">=", 90, "%", 94.2)),
    ],
}


def make_youxi(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = YX
    f = figures(s["lines"], s["stated_rate"], items=s["items"])
    assert f["rate"] == 96.22 and f["rate"] != f["stated_rate"] and grade_of(f["total"]) == "优"
    assert sum(i["weight"] for _, _, i in s["items"]) == 90
    head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (s["department"], 3), ("实施单位", 1), (s["unit"], 4)]]
    rows, merges, gold_ind = form(head, "项目资金（万元）", NATIONAL_MONEY, s["lines"], f, w, pct, num, s["goal"],
                                  s["done"], IND_HEADER, s["items"], "总分", ("自评等级", "优"))
    r = next(k for k, row in enumerate(rows) if row[1] == "其中：中央财政资金")
    rows[r][3], rows[r][4] = rows[r][3].translate(FW), rows[r][4].translate(FW)
    assert rows[r][3] == "１，２３４．５６"
    doc = Document()
    a4(doc, 1.6)
    _para(doc, "项目支出绩效自评表", True, True, 16)
    _para(doc, "（2023年度）", center=True)
    _layout(docx_table(doc, rows, merges, font_pt=8.5), (1.7, 1.3, 1.5, 2.8, 2.9, 2.0, 1.0, 1.6, 3.0))
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}        填报人：林秀华        联系电话：0598-6322517")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "fujian-youxi-2023-project-form.docx"
    doc.save(path)
    check = {"what": f"执行率 {pct(f['stated_rate'])} stated, but 全年执行数 {w(f['spent'])} / 全年预算数 {w(f['final'])} "
                     f"万元 = {pct(f['rate'])} (the 执行率 得分 {num(f['bscore'])} follows the stated rate)",
             "reported": f["stated_rate"], "recomputed": f["rate"], "expect": "mismatch"}
    gold = form_gold({"province": "福建省", "city": "三明市", "county": "尤溪县"}, s, f, gold_ind, 1e4, "优", [check],
                     "National 项目支出绩效自评表 (DOCX) whose 年度指标值 cells use many notations: ≥3000亩, ≥3次/年 "
                     "(unit 次/年), ≥95%（含）, 不低于95%, 100%以上 (>=), ≤±5% (gold: <= 5), ≥1.2万元/户, 90%-95% (a "
                     "range: no target_op/target_value), and full-width digits (≥９０％, ９８．５％, ９４．２％; the "
                     "中央财政资金 年初/全年预算数 cells read １，２３４．５６). Place: 尤溪县 of 三明市. Planted: 执行率 97.22% "
                     "stated, 1,957.56/2,034.56 = 96.22%; the 执行率 得分 9.72 follows the stated rate.")
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]


# ---------------------------------------------------------------- Zhejiang: 丽水市缙云县, department form, 元, 一级/二级
JY_UNIT = "缙云县市场监督管理局"
JY = {
    "date": "2024-03-12", "date_text": "2024年3月12日",
    "lines": [("基本支出", 18652300.00, 19245816.52, 19108443.27), ("项目支出", 9860000.00, 12437650.00, 11826915.64)],
    "goal": "强化食品药品、特种设备和工业产品质量安全监管，优化市场主体登记服务，保护消费者合法权益，营造公平竞争的市场环境。",
    "done": "完成食品安全监督抽检3126批次，特种设备定期检验率99.6%，新增市场主体4563户，全年未发生食品安全事故。",
    "typo": 1.0,  # planted: 总分 stated one point above the sum of 得分
    # (一级, 二级 (the item), 指标值, 完成值, 分值, 得分, op, target, unit, actual); 预算执行率 actual = the money rate
    "items": [
        ("预算执行", "预算执行率", "≥95%", None, 10, 10, ">=", 95, "%", None),
        ("预算执行", "“三公”经费控制率", "≤100%", "86.4%", 5, 5, "<=", 100, "%", 86.4),
        ("预算执行", "政府采购执行率", "100%", "100%", 5, 5, None, 100, "%", 100),
        ("产出指标", "食品安全监督抽检批次", "≥2800批次", "3126批次", 10, 10, ">=", 2800, "批次", 3126),
        ("产出指标", "特种设备定期检验率", "≥99%", "99.6%", 10, 9.5, ">=", 99, "%", 99.6),
        ("产出指标", "市场主体登记即办率", "≥90%", "93.5%", 10, 8.5, ">=", 90, "%", 93.5),
        ("产出指标", "消费投诉按期办结率", "100%", "98.7%", 10, 9, None, 100, "%", 98.7),
        ("产出指标", "重点工业产品质量抽查批次", "≥150批次", "162批次", 5, 5, ">=", 150, "批次", 162),
        ("效益指标", "新增市场主体数量", "≥4000户", "4563户", 10, 9, ">=", 4000, "户", 4563),
        ("效益指标", "食品安全事故发生数", "0起", "0起", 10, 10, None, 0, "起", 0),
        ("效益指标", "知识产权质押融资额", "≥3亿元", "3.26亿元", 5, 4, ">=", 3, "亿元", 3.26),
        ("满意度指标", "企业群众满意度", "≥90%", "92.8%", 10, 8, ">=", 90, "%", 92.8),
    ],
}
JY_WIDTHS = (16, 26, 18, 18, 18, 14)


def jy_grid() -> tuple[list, list, dict]:
    s = JY
    a, b, x = (r2(sum(ln[k] for ln in s["lines"])) for k in (1, 2, 3))
    rate = r2(x / b * 100)
    rows = [["部门（单位）名称", JY_UNIT, "", "", "", ""],
            ["年度预算执行情况（元）", "资金类别", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["", "年度资金总额", fm(a), fm(b), fm(x), fr(rate)]]
    rows += [["", ("其中：" if k == 0 else "") + n, fm(ia), fm(fb), fm(sx), fr(r2(sx / fb * 100))]
             for k, (n, ia, fb, sx) in enumerate(s["lines"])]
    merges = [(0, 1, 0, 5), (1, 0, len(rows) - 1, 0)]
    g0 = len(rows)
    rows += [["年度总体目标", "预期目标", "", "实际完成情况", "", ""], ["", s["goal"], "", s["done"], "", ""]]
    merges += [(g0, 0, g0 + 1, 0), (g0, 1, g0, 2), (g0, 3, g0, 5), (g0 + 1, 1, g0 + 1, 2), (g0 + 1, 3, g0 + 1, 5)]
    rows.append(["一级指标", "二级指标", "指标值", "完成值", "分值", "得分"])
    r0, ind = len(rows), []
    for l1, name, tv, av, wt, sc, op, target, unit, actual in s["items"]:
        actual = rate if actual is None else actual
        av = pct(rate) if av is None else av
        rows.append([l1, name, tv, av, gen(wt), gen(sc)])
        g = {"tier": 2, "level1": l1, "name": name, **({"target_op": op} if op else {}), "target_value": target,
             "unit": unit, "actual_value": actual, "weight": wt, "score": sc}
        ind.append(g)
    merges += run_merges([i[0] for i in s["items"]], 0, r0)
    true = r2(sum(i[5] for i in s["items"]))
    stated = r2(true + s["typo"])
    assert sum(i[4] for i in s["items"]) == 100 and grade_of(true) == grade_of(stated) == "优"
    t = len(rows)
    rows += [["总分", "", "", "", gen(100), gen(stated)], ["自评等级", "优", "", "", "", ""]]
    merges += [(t, 0, t, 3), (t + 1, 1, t + 1, 5)]
    blank_covered(rows, merges)
    return rows, merges, {"money": (a, b, x, rate), "true": true, "stated": stated, "ind": ind}


def make_jinyun(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    titles(ws, ["部门整体支出绩效自评表", "（2023年度）"], 6)
    rows, merges, d = jy_grid()
    put_grid(ws, rows, merges, 3, JY_WIDTHS)
    foot = 3 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{JY_UNIT}")
    ws.cell(row=foot, column=4, value=f"填报日期：{JY['date_text']}")
    ws.page_setup.orientation = "portrait"
    path = out / "zhejiang-jinyun-2023-department-form.xlsx"
    wb.save(path)
    a, b, x, rate = d["money"]
    gold = {
        "files": [path.name],
        "note": "部门整体支出绩效自评表 (XLSX) with money in 元 as numeric cells (#,##0.00; 执行率 0.00%) under "
                "'年度预算执行情况（元）' (年度资金总额 / 其中：基本支出 / 项目支出, with each line's 执行率), then an indicator "
                "block with only two levels: 一级指标 | 二级指标 | 指标值 | 完成值 | 分值 | 得分, the 二级指标 cell being the "
                "item (name); 一级 cells merged down. The 预算执行率 item's 完成值 is the money block's rate. 自评等级 "
                "written in one cell merged over five columns. Place: 缙云县 of 丽水市. Planted: 总分 stated "
                f"{num(d['stated'])} but the 得分 add up to {num(d['true'])} (reported_score is the stated figure).",
        "report": {"kind": "department_self", "province": "浙江省", "city": "丽水市", "county": "缙云县", "unit": JY_UNIT,
                   "project": None, "fiscal_year": 2023, "report_date": JY["date"], "reported_score": d["stated"],
                   "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": a, "budget_yuan": b, "spent_yuan": x, "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": ia, "budget_yuan": fb, "spent_yuan": sx, "reported_rate_pct": r2(sx / fb * 100)}
           for n, ia, fb, sx in JY["lines"]],
        "scores": [],
        "indicators": d["ind"],
        "tables": [],
        "checks": [{"what": f"总分 {num(d['stated'])} stated, but the twelve 得分 add up to {num(d['true'])}",
                    "reported": d["stated"], "recomputed": d["true"], "expect": "mismatch"}],
    }
    return path, gold, [truth(rows, merges)]


# ---------------------------------------------------------------- Anhui: 六安市霍山县, horizontal money block
HS = {
    "project": "县中医院医疗设备购置项目", "department": "霍山县卫生健康委员会", "unit": "霍山县中医院",
    "date": "2024-04-08", "date_text": "2024年4月8日",
    "budget": (586.00, 264.50), "spent": (571.36, 241.80), "typo": 10.00,  # 万元: 财政拨款, 其他资金; planted 合计
    "goal": "购置CT、彩色多普勒超声诊断仪等医疗设备32台（套），提升县域医疗服务能力，提高县域内就诊率。",
    "done": "完成32台（套）医疗设备采购和安装调试，年门急诊检查6.84万人次，县域内就诊率91.2%；设备采购完成时间晚于计划。",
    "items": [
        ("产出指标", "数量指标", _i("购置医疗设备数量", "≥32台（套）", "32台（套）", 10, 10, ">=", 32, "台（套）", 32)),
        ("产出指标", "数量指标", _i("设备安装调试完成率", "100%", "100%", 10, 10, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("设备验收合格率", "100%", "100%", 10, 10, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("大型设备开机率", "≥95%", "97.4%", 10, 9, ">=", 95, "%", 97.4)),
        ("产出指标", "时效指标", _i("设备采购完成时间", "2023年10月底前", "2023年11月15日", 5, 3,
                                dev="招标流标一次，重新招标后延期完成")),
        ("产出指标", "成本指标", _i("设备采购成本节约率", "≥3%", "4.6%", 5, 5, ">=", 3, "%", 4.6)),
        ("效益指标", "社会效益指标", _i("年门急诊检查人次", "≥6万人次", "6.84万人次", 10, 10, ">=", 6, "万人次", 6.84)),
        ("效益指标", "社会效益指标", _i("县域内就诊率", "≥90%", "91.2%", 10, 10, ">=", 90, "%", 91.2)),
        ("效益指标", "可持续影响指标", _i("设备使用年限", "≥8年", "8年", 10, 10, ">=", 8, "年", 8)),
        ("满意度指标", "服务对象满意度指标", _i("患者满意度", "≥90%", "95.3%", 10, 10, ">=", 90, "%", 95.3)),
    ],
}
HS_WIDTHS = (12, 12, 12, 12, 12, 12, 12, 10, 8, 14)


def hs_grid() -> tuple[list, list, dict]:
    s = HS
    (bf, bo), (xf, xo) = s["budget"], s["spent"]
    b, true_x = r2(bf + bo), r2(xf + xo)
    x = r2(true_x + s["typo"])
    rate = r2(x / b * 100)
    bscore = r2(rate / 10)
    rows = [["项目名称", s["project"]] + [""] * 8,
            ["主管部门", s["department"], "", "", "", "实施单位", s["unit"], "", "", ""],
            ["项目资金（万元）", "全年预算数", "", "", "全年执行数", "", "", "执行率", "分值", "得分"],
            ["", "合计", "财政拨款", "其他资金", "合计", "财政拨款", "其他资金", "", "", ""],
            ["年度资金总额", fm(b), fm(bf), fm(bo), fm(x), fm(xf), fm(xo), fr(rate), gen(10), gen(bscore)]]
    merges = [(0, 1, 0, 9), (1, 1, 1, 4), (1, 6, 1, 9), (2, 0, 3, 0), (2, 1, 2, 3), (2, 4, 2, 6), (2, 7, 3, 7),
              (2, 8, 3, 8), (2, 9, 3, 9)]
    rows += [["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", "", ""],
             ["", s["goal"], "", "", "", s["done"], "", "", "", ""]]
    merges += [(5, 0, 6, 0), (5, 1, 5, 4), (5, 5, 5, 9), (6, 1, 6, 4), (6, 5, 6, 9)]
    rows.append(["一级指标", "二级指标", "三级指标", "", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""])
    merges += [(7, 2, 7, 3), (7, 8, 7, 9)]
    r0, gold_ind = len(rows), []
    for l1, l2, i in s["items"]:
        r = len(rows)
        rows.append([l1, l2, i["name"], "", i["target"], i["actual"], gen(i["weight"]), gen(i["score"]), i["dev"], ""])
        merges += [(r, 2, r, 3), (r, 8, r, 9)]
        g = {"tier": 2, "level1": l1, "level2": l2, "name": i["name"]}
        g.update({k: i[k] for k in ("target_op", "target_value", "unit", "actual_value") if k in i})
        gold_ind.append({**g, "weight": i["weight"], "score": i["score"]})
    merges += run_merges([i[0] for i in s["items"]], 0, r0) + run_merges([i[:2] for i in s["items"]], 1, r0)
    total = r2(bscore + sum(i["score"] for _, _, i in s["items"]))
    assert sum(i["weight"] for _, _, i in s["items"]) == 90 and grade_of(total) == "优"
    t = len(rows)
    rows += [["总分"] + [""] * 5 + [gen(100), gen(total), "", ""], ["自评等级"] + [""] * 5 + ["优", "", "", ""]]
    merges += [(t, 0, t, 5), (t, 7, t, 9), (t + 1, 0, t + 1, 5), (t + 1, 6, t + 1, 9)]
    blank_covered(rows, merges)
    return rows, merges, {"b": b, "x": x, "true_x": true_x, "rate": rate, "bscore": bscore, "total": total,
                          "ind": gold_ind}


def make_huoshan(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook

    s = HS
    wb = Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    titles(ws, ["项目支出绩效自评表", "（2023年度）"], 10)
    rows, merges, d = hs_grid()
    put_grid(ws, rows, merges, 3, HS_WIDTHS)
    foot = 3 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{s['unit']}")
    ws.cell(row=foot, column=7, value=f"填报日期：{s['date_text']}")
    ws.page_setup.orientation = "landscape"
    path = out / "anhui-huoshan-2023-project-form.xlsx"
    wb.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    (bf, bo), (xf, xo) = s["budget"], s["spent"]
    gold = {
        "files": [path.name],
        "note": "项目支出绩效自评表 (XLSX, 10 columns) whose money block is HORIZONTAL with two header rows: "
                "全年预算数 and 全年执行数 each spanning 合计 / 财政拨款 / 其他资金, then 执行率, 分值, 得分 merged over both "
                "header rows; one data row 年度资金总额 (no 年初预算数). Budget lines in gold: the two funding sources as "
                "columns (财政拨款, 其他资金). Indicator block 一级/二级/三级 (三级 and 偏差原因 cells merged over two "
                "columns). Place: 霍山县 of 六安市. Planted: 全年执行数 合计 823.16 万元 but 财政拨款 571.36 + 其他资金 "
                "241.80 = 813.16; 执行率 96.79% and its 得分 follow the stated 合计.",
        "report": {"kind": "project_self", "province": "安徽省", "city": "六安市", "county": "霍山县",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": d["total"], "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "budget_yuan": y(d["b"]), "spent_yuan": y(d["x"]), "reported_rate_pct": d["rate"]},
                    {"line": "财政拨款", "budget_yuan": y(bf), "spent_yuan": y(xf)},
                    {"line": "其他资金", "budget_yuan": y(bo), "spent_yuan": y(xo)}],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": d["bscore"], "actual_value": d["rate"],
                        "unit": "%"}] + d["ind"],
        "tables": [],
        "checks": [{"what": f"全年执行数 合计 {w(d['x'])} 万元 stated, but 财政拨款 {w(xf)} + 其他资金 {w(xo)} = "
                            f"{w(d['true_x'])}", "reported": y(d["x"]), "recomputed": y(d["true_x"]),
                    "expect": "mismatch"}],
    }
    return path, gold, [truth(rows, merges)]

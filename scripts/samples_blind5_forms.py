"""Fifth blind batch, forms: a Hainan district workbook (部门整体支出绩效自评表 sheet + three project sheets named by
short names, one only a title) and a Tibet county 项目支出绩效自评表 (DOCX) whose indicator header carries the unit
(年度指标值（%）) over bare numbers and 完成/未完成, with a 备注 column of sentences. Written without looking at the
reader's code.
"""
from __future__ import annotations

from pathlib import Path

from make_blind_samples3 import put_grid, titles
from samples_blind_forms import Num, _i, truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import NATIONAL_MONEY, a4, figures, form, form_gold
from samples_blind3_forms import run_merges, totals
from samples_blind3_reports import w
from samples_blind4_sheets import gen
from samples_common import docx_table, grade_of, money, num, pct, r2

fm = lambda x: Num(x, "#,##0.00", money(x))  # noqa: E731
fr = lambda p: Num(round(p / 100, 6), "0.00%", pct(p))  # noqa: E731
IND_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]

# ---------------------------------------------------------------- Hainan: 海口市琼山区, a department's workbook
HN_DEPT = "海口市琼山区农业农村局"
HN = {
    "date": "2024-03-18", "date_text": "2024年3月18日",
    "lines": [("基本支出", 2615.40, 2702.18, 2702.18), ("项目支出", 6840.00, 8256.35, 7961.42)],  # 万元
    "goal": "稳定粮食和冬季瓜菜生产，保障生猪等重要农产品供给，推进高标准农田建设和农产品质量安全监管，"
            "落实各项惠农补贴政策，促进农民持续增收。",
    "done": "粮食播种面积13.82万亩，冬季瓜菜9.36万亩，农产品质量安全抽检合格率99.3%，农村居民人均可支配收入增长7.9%；"
            "生猪出栏量未达目标。",
    # (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, op, target, unit, actual, 偏差原因)
    "items": [
        ("产出指标", "数量指标", "粮食播种面积", "≥13.5万亩", "13.82万亩", 8, 8, ">=", 13.5, "万亩", 13.82, ""),
        ("产出指标", "数量指标", "冬季瓜菜种植面积", "≥9万亩", "9.36万亩", 8, 8, ">=", 9, "万亩", 9.36, ""),
        ("产出指标", "数量指标", "生猪出栏量", "≥18万头", "17.2万头", 6, 5, ">=", 18, "万头", 17.2,
         "生猪价格持续低迷，部分养殖场减栏"),
        ("产出指标", "质量指标", "农产品质量安全抽检合格率", "≥98%", "99.3%", 8, 8, ">=", 98, "%", 99.3, ""),
        ("产出指标", "质量指标", "高标准农田建设验收合格率", "100%", "100%", 6, 6, None, 100, "%", 100, ""),
        ("产出指标", "时效指标", "惠农补贴资金发放及时率", "100%", "100%", 6, 6, None, 100, "%", 100, ""),
        ("产出指标", "成本指标", "“三公”经费支出", "≤28.5万元", "26.74万元", 6, 6, "<=", 28.5, "万元", 26.74, ""),
        ("效益指标", "经济效益指标", "农村居民人均可支配收入增长率", "≥7%", "7.9%", 10, 10, ">=", 7, "%", 7.9, ""),
        ("效益指标", "社会效益指标", "带动农民就业人数", "≥3500人", "3680人", 8, 8, ">=", 3500, "人", 3680, ""),
        ("效益指标", "生态效益指标", "化学农药使用量减少率", "≥3%", "3.6%", 6, 6, ">=", 3, "%", 3.6, ""),
        ("效益指标", "可持续影响指标", "新型农业经营主体培育机制", "健全", "基本健全", 8, 6.5, None, None, None, None,
         "家庭农场辅导员制度尚未覆盖全部镇"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "93.6%", 10, 9.5, ">=", 90, "%", 93.6, ""),
    ],
    # sheet name, project, unit, lines (万元: 来源, 年初, 全年预算, 全年执行), stated 执行率 or None, goal, done, items
    "projects": [
        {"sheet": "贷款贴息", "project": "农业产业化龙头企业贷款贴息项目", "unit": "海口市琼山区农业产业化服务中心",
         "slug": "loan-subsidy", "stated_rate": None,
         "lines": [("省级补助资金", 200.00, 200.00, 196.80), ("区级财政资金", 150.00, 150.00, 138.62)],
         "goal": "对符合条件的农业产业化龙头企业流动资金贷款给予贴息，支持企业扩大生产、带动农户就业增收。",
         "done": "对27家龙头企业1.26亿元贷款给予贴息，带动企业新增产值3.42亿元，带动农户就业1135人。",
         "items": [("产出指标", "数量指标", _i("贴息企业数量", "≥25家", "27家", 10, 10, ">=", 25, "家", 27)),
                   ("产出指标", "数量指标", _i("贴息贷款规模", "≥1.2亿元", "1.26亿元", 10, 10, ">=", 1.2, "亿元", 1.26)),
                   ("产出指标", "质量指标", _i("贴息资金审核准确率", "100%", "100%", 10, 10, None, 100, "%", 100)),
                   ("产出指标", "时效指标", _i("贴息资金拨付及时率", "≥95%", "97.5%", 10, 10, ">=", 95, "%", 97.5)),
                   ("产出指标", "成本指标", _i("平均贴息率", "≤3%", "2.85%", 10, 10, "<=", 3, "%", 2.85)),
                   ("效益指标", "经济效益指标", _i("带动企业新增产值", "≥3亿元", "3.42亿元", 10, 10, ">=", 3, "亿元", 3.42)),
                   ("效益指标", "社会效益指标", _i("带动农户就业", "≥1200人", "1135人", 10, 8.5, ">=", 1200, "人", 1135,
                                               "2家企业扩产计划推迟；督促企业落实联农带农承诺")),
                   ("效益指标", "可持续影响指标", _i("龙头企业联农带农机制", "健全", "健全", 10, 10)),
                   ("满意度指标", "服务对象满意度指标", _i("企业满意度", "≥90%", "96.3%", 10, 10, ">=", 90, "%", 96.3))]},
        {"sheet": "橡胶保险", "empty": True},  # the template copied but never filled: only its title
        {"sheet": "动物防疫", "project": "动物疫病强制免疫补助项目", "unit": "海口市琼山区动物疫病预防控制中心",
         "slug": "animal-immunisation", "stated_rate": 96.81,  # planted: 167.36 / 174.00 = 96.18%
         "lines": [("中央财政资金", 86.00, 86.00, 84.12), ("省级财政资金", 52.00, 52.00, 49.76),
                   ("区级配套资金", 40.00, 36.00, 33.48)],
         "goal": "对口蹄疫、高致病性禽流感等重大动物疫病实施强制免疫，应免畜禽免疫密度保持在90%以上，"
                 "确保不发生区域性重大动物疫情。",
         "done": "完成生猪口蹄疫免疫29.6万头、家禽禽流感免疫271.5万羽，免疫密度95.2%，全年未发生重大动物疫情。",
         "items": [("产出指标", "数量指标", _i("生猪口蹄疫免疫数量", "≥28万头", "29.6万头", 10, 10, ">=", 28, "万头", 29.6)),
                   ("产出指标", "数量指标", _i("家禽禽流感免疫数量", "≥260万羽", "271.5万羽", 10, 10, ">=", 260, "万羽",
                                             271.5)),
                   ("产出指标", "质量指标", _i("应免畜禽免疫密度", "≥90%", "95.2%", 8, 8, ">=", 90, "%", 95.2)),
                   ("产出指标", "质量指标", _i("免疫抗体合格率", "≥70%", "82.6%", 8, 8, ">=", 70, "%", 82.6)),
                   ("产出指标", "时效指标", _i("春秋两季集中免疫完成时限", "按期完成", "按期完成", 6, 6)),
                   ("产出指标", "成本指标", _i("疫苗损耗率", "≤5%", "3.8%", 6, 6, "<=", 5, "%", 3.8)),
                   ("效益指标", "社会效益指标", _i("重大动物疫情发生", "0起", "0起", 12, 12, None, 0, "起", 0)),
                   ("效益指标", "经济效益指标", _i("畜禽因病死亡率", "≤5%", "4.2%", 10, 10, "<=", 5, "%", 4.2)),
                   ("效益指标", "可持续影响指标", _i("基层动物防疫体系", "健全", "基本健全", 10, 8.5, dev="村级防疫员老龄化，"
                                                                                     "补充招聘村级防疫员")),
                   ("满意度指标", "服务对象满意度指标", _i("养殖户满意度", "≥90%", "91.8%", 10, 9.5, ">=", 90, "%", 91.8))]},
    ],
}


def hn_dept_grid() -> tuple[list, list, dict]:
    s = HN
    a, b, x, rate, bscore = totals(s["lines"])
    rows = [["部门（单位）名称", "", HN_DEPT, "", "", "", "", ""],
            ["年度预算执行情况（万元）", "资金类别", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", fm(a), fm(b), fm(x), gen(10), fr(rate), gen(bscore)]]
    rows += [["", ("其中：" if k == 0 else "") + n, fm(ia), fm(fb), fm(sx), "—", "—", "—"]
             for k, (n, ia, fb, sx) in enumerate(s["lines"])]
    g0 = len(rows)
    rows += [["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""], ["", s["goal"], "", "", s["done"], "", "", ""]]
    merges = [(0, 0, 0, 1), (0, 2, 0, 7), (1, 0, g0 - 1, 0), (g0, 0, g0 + 1, 0), (g0, 1, g0, 3), (g0, 4, g0, 7),
              (g0 + 1, 1, g0 + 1, 3), (g0 + 1, 4, g0 + 1, 7)]
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    r0, items, ind = len(rows), s["items"], []
    for k, (l1, l2, name, tv, av, wt, sc, op, target, unit, actual, dev) in enumerate(items):
        new1 = k == 0 or l1 != items[k - 1][0]
        rows.append([l1 if new1 else "", l2 if new1 or l2 != items[k - 1][1] else "", name, tv, av, gen(wt), gen(sc),
                     dev])
        g = {"tier": 2, "level1": l1, "level2": l2, "name": name, **({"target_op": op} if op else {})}
        g.update({k_: v for k_, v in (("target_value", target), ("unit", unit), ("actual_value", actual))
                  if v is not None})
        ind.append({**g, "weight": wt, "score": sc})
    merges += run_merges([i[0] for i in items], 0, r0) + run_merges([i[:2] for i in items], 1, r0)
    total = r2(bscore + sum(i[6] for i in items))
    assert sum(i[5] for i in items) == 90 and grade_of(total) == "优"
    t = len(rows)
    rows += [["总分", "", "", "", "", gen(100), gen(total), ""], ["自评等级", "", "", "", "", "优", "", ""]]
    merges += [(t, 0, t, 4), (t + 1, 0, t + 1, 4), (t + 1, 5, t + 1, 7)]
    return rows, merges, {"t": (a, b, x, rate, bscore), "total": total, "ind": ind}


def hn_project(p: dict) -> tuple[list, list, dict]:
    f = figures(p["lines"], p["stated_rate"], items=p["items"])
    head = [[("项目名称", 1), (p["project"], 8)], [("主管部门", 1), (HN_DEPT, 3), ("实施单位", 1), (p["unit"], 4)]]
    rows, merges, gold_ind = form(head, "项目资金（万元）", NATIONAL_MONEY, p["lines"], f, fm, fr, gen, p["goal"],
                                  p["done"], IND_HEADER, p["items"], "总分", ("自评等级", grade_of(f["total"])))
    checks = []
    if p["stated_rate"] is not None:
        checks.append({"what": f"执行率 {pct(f['stated_rate'])} stated, but 全年执行数 {w(f['spent'])} / 全年预算数 "
                               f"{w(f['final'])} 万元 = {pct(f['rate'])} (得分 {num(f['bscore'])} follows the stated rate)",
                       "reported": f["stated_rate"], "recomputed": f["rate"], "expect": "mismatch"})
    note = (f"Project sheet '{p['sheet']}' of the 琼山区 workbook (sheets: 部门整体, 贷款贴息, 橡胶保险 (title only, never "
            "filled: no report), 动物防疫): a national 项目支出绩效自评表 in 万元, numeric cells (money #,##0.00, 执行率 "
            "0.00%). " + ("Planted: 执行率 96.81% stated, 167.36/174.00 = 96.18%; the 执行率 得分 9.68 follows the "
                          "stated rate (no second discrepancy)." if checks else "Consistent."))
    gold = form_gold({"province": "海南省", "city": "海口市", "county": "琼山区"},
                     {**p, "department": HN_DEPT, "date": HN["date"]}, f, gold_ind, 1e4, grade_of(f["total"]), checks,
                     note)
    return rows, merges, gold


def make_hainan(out: Path) -> tuple[Path, list, list]:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "部门整体"
    titles(ws, ["部门整体支出绩效自评表", "（2023年度）"], 8)
    drows, dmerges, d = hn_dept_grid()
    put_grid(ws, drows, dmerges, 3, (10, 12, 22, 14, 14, 8, 9, 24))
    foot = 3 + len(drows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{HN_DEPT}")
    ws.cell(row=foot, column=5, value=f"填报日期：{HN['date_text']}")
    ws.page_setup.orientation = "portrait"
    golds, truths = [], [truth(drows, dmerges)]
    for p in HN["projects"]:
        ws = wb.create_sheet(p["sheet"])
        if p.get("empty"):  # printed as one page holding the title
            titles(ws, ["项目支出绩效自评表"], 9)
            ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
            continue
        titles(ws, ["项目支出绩效自评表", "（2023年度）"], 9)
        rows, merges, gold = hn_project(p)
        put_grid(ws, rows, merges, 3, (8, 11, 13, 24, 14, 14, 8, 10, 24))
        foot = 3 + len(rows) + 1
        ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{p['unit']}")
        ws.cell(row=foot, column=6, value=f"填报日期：{HN['date_text']}")
        ws.page_setup.orientation = "landscape"
        truths.append(truth(rows, merges))
        golds.append((f"hainan-qiongshan-2023-project-{p['slug']}", gold))
    path = out / "hainan-qiongshan-2023-workbook.xlsx"
    wb.save(path)
    a, b, x, rate, bscore = d["t"]
    y = lambda v: r2(v * 1e4)  # noqa: E731
    dept = {
        "note": "First sheet '部门整体' of a four-sheet workbook: the national 部门整体支出绩效自评表 (部门（单位）名称, money "
                "block 年度资金总额 / 其中：基本支出 / 项目支出 with 分值/执行率/得分, 年度总体目标, 一级/二级/三级 indicators, "
                "总分, 自评等级). The other sheets are project forms named by short names (贷款贴息, 动物防疫) and one "
                "(橡胶保险) holding only the title '项目支出绩效自评表': a template never filled, which is no report. "
                "Place: 琼山区 of 海口市 (district names written 海口市琼山区…). No discrepancy in this sheet.",
        "report": {"kind": "department_self", "province": "海南省", "city": "海口市", "county": "琼山区", "unit": HN_DEPT,
                   "project": None, "fiscal_year": 2023, "report_date": HN["date"], "reported_score": d["total"],
                   "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(a), "budget_yuan": y(b), "spent_yuan": y(x),
                     "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": y(ia), "budget_yuan": y(fb), "spent_yuan": y(sx)}
           for n, ia, fb, sx in HN["lines"]],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": rate, "unit": "%"}]
        + d["ind"],
        "tables": [], "checks": [],
    }
    return path, [("hainan-qiongshan-2023-department-self", dept)] + golds, truths


# ---------------------------------------------------------------- Tibet: 日喀则市江孜县, units in the header
XZ = {
    "project": "青稞良种推广补贴项目", "department": "江孜县农业农村局", "unit": "江孜县农牧综合服务中心",
    "date": "2024-03-26", "date_text": "2024年3月26日",
    "lines": [("中央财政资金", 1890.00, 1890.00, 1872.35), ("自治区财政资金", 420.00, 420.00, 398.60)],  # 万元
    "goal": "在全县19个乡（镇）推广藏青2000等青稞良种12.5万亩，良种纯度和发芽率达标，按时兑付补贴资金，"
            "青稞单产提高5%以上。",
    "done": "推广青稞良种12.6万亩，补贴资金覆盖2.36万户农牧户，项目区青稞平均亩产392公斤；良种繁育基地建设未全部完成。",
    "planted": "农牧民满意度",  # 分值 8, 得分 10
    "items": [
        ("产出指标", "数量指标", _i("青稞良种推广计划完成率", "100", "100.8", 10, 10, None, 100, "%", 100.8,
                                "推广藏青2000等良种12.6万亩，计划12.5万亩")),
        ("产出指标", "数量指标", _i("农技培训计划完成率", "100", "104.2", 7, 7, None, 100, "%", 104.2,
                                "培训农牧民2,084人次，计划2,000人次")),
        ("产出指标", "数量指标", _i("良种补贴发放到户率", "100", "100", 8, 8, None, 100, "%", 100, "涉及19个乡（镇）2.36万户")),
        ("产出指标", "质量指标", _i("良种纯度达标率", "98", "99.2", 8, 8, None, 98, "%", 99.2, "抽检种子样品125份，纯度达标124份")),
        ("产出指标", "质量指标", _i("种子发芽率", "85", "91.6", 6, 6, None, 85, "%", 91.6, "县农技站抽检发芽率在88.5%至94.0%之间")),
        ("产出指标", "时效指标", _i("春播前种子调运到位", "完成", "完成", 6, 6, dev="4月10日前全部调运到乡（镇）")),
        ("产出指标", "时效指标", _i("补贴资金兑付及时率", "100", "96.5", 6, 5, None, 100, "%", 96.5,
                                "2个乡补贴资金因账户信息核对延迟兑付15天")),
        ("产出指标", "成本指标", _i("超标准补贴发放率", "0", "0", 6, 6, None, 0, "%", 0, "按每亩15元标准发放，未超标准")),
        ("效益指标", "经济效益指标", _i("青稞单产提高率", "5", "6.8", 10, 10, None, 5, "%", 6.8,
                                  "项目区平均亩产392公斤，较上年367公斤提高6.8%")),
        ("效益指标", "社会效益指标", _i("受益农牧户覆盖率", "95", "97.1", 8, 8, None, 95, "%", 97.1,
                                  "受益2.36万户，占全县农牧户2.43万户的97.1%")),
        ("效益指标", "可持续影响指标", _i("良种繁育基地建设", "完成", "未完成", 7, 5,
                                   dev="江热乡繁育基地200亩因灌溉设施未完工，顺延至2024年")),
        ("满意度指标", "服务对象满意度指标", _i("农牧民满意度", "90", "95.4", 8, 10, None, 90, "%", 95.4,
                                     "发放问卷320份，收回305份，满意291份")),
    ],
}


def make_xizang(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = XZ
    f = figures(s["lines"], items=s["items"])
    assert sum(i["weight"] for _, _, i in s["items"]) == 90 and grade_of(f["total"]) == "优" and f["total"] <= 100
    bad = next(i for _, _, i in s["items"] if i["name"] == s["planted"])
    assert bad["score"] > bad["weight"] and all(i["score"] <= i["weight"] for _, _, i in s["items"] if i is not bad)
    assert r2(291 / 305 * 100) == 95.41 and r2(2.36 / 2.43 * 100) == 97.12 and r2(392 / 367 * 100 - 100) == 6.81
    doc = Document()
    a4(doc, 1.6)
    _para(doc, "项目支出绩效自评表", True, True, 16)
    _para(doc, "（2023年度）", center=True)
    head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (s["department"], 3), ("实施单位", 1), (s["unit"], 4)]]
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值（%）", "实际完成值（%）", "分值", "得分", "备注"]
    rows, merges, gold_ind = form(head, "项目资金（万元）", NATIONAL_MONEY, s["lines"], f, w, pct, num, s["goal"],
                                  s["done"], header, s["items"], "总分", ("自评等级", "优"))
    _layout(docx_table(doc, rows, merges, font_pt=8.5), (1.7, 1.4, 1.6, 3.0, 1.8, 1.8, 1.0, 1.6, 3.9))
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}        填报人：次仁卓嘎        联系电话：0892-8172306")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "xizang-jiangzi-2023-project-form.docx"
    doc.save(path)
    check = {"what": f"{bad['name']} 得分 {num(bad['score'])} exceeds its 分值 {num(bad['weight'])} (总分 adds the "
                     f"{num(bad['score'])} as stated)",
             "reported": bad["score"], "recomputed": bad["weight"], "expect": "mismatch"}
    gold = form_gold({"province": "西藏自治区", "city": "日喀则市", "county": "江孜县"}, s, f, gold_ind, 1e4, "优", [check],
                     "National 项目支出绩效自评表 whose indicator header carries the unit: 年度指标值（%） / 实际完成值（%）, the "
                     "cells bare numbers (100, 99.2, 0) without ≥ (so no target_op), and three rows with words (完成 / "
                     "未完成) in those columns (no values). The last column is 备注, sentences with other figures "
                     "(12.6万亩, 124份, 392公斤, 2.36万户) that are NOT the indicator values. Place: 江孜县 of 日喀则市. "
                     "Planted: 农牧民满意度 得分 10 with 分值 8; 总分 98.83 includes the 10, so it adds up.")
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]

"""Blind samples, reports: a Hebei county third-party 绩效评价报告 and a Shaanxi county project self-evaluation
whose indicator table has no ruling lines.  Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import _i, truth
from samples_common import docx_table, indicator_gold, num, pct, r2


def _para(doc, text, bold=False, center=False, size=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return p


def _layout(table, widths_cm, keep_rows=False):
    """Column widths (Word keeps them per cell); rows that may not break across a page, as in many reports."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    table.autofit = False
    for col, w in zip(table._tbl.tblGrid.gridCol_lst, widths_cm):  # LibreOffice reads the grid
        col.w = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)
        if keep_rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


# ---------------------------------------------------------------- Hebei third-party report (DOCX)
HEBEI = {
    "county": "正定县", "department": "正定县交通运输局", "unit": "正定县农村公路养护中心",
    "project": "农村公路养护专项资金", "year": 2023, "evaluator": "河北恒远会计师事务所有限公司",
    "cover_date": "二〇二四年五月", "date": "2024-05",
    "initial": 1280.00, "added": 76.50, "spent": 1298.37,  # 万元
    "sources": [("省级补助资金", 700.00, 688.52), ("县级财政资金", 656.50, 609.85)],
    "sections": [
        ("决策", [("项目立项", "立项依据充分性", 3, 3), ("项目立项", "立项程序规范性", 2, 2),
                  ("绩效目标", "绩效目标合理性", 3, 2), ("绩效目标", "绩效指标明确性", 3, 2),
                  ("资金投入", "预算编制科学性", 2, 1.5), ("资金投入", "资金分配合理性", 2, 2)]),
        ("过程", [("资金管理", "资金到位率", 3, 3), ("资金管理", "预算执行率", 4, 4),
                  ("资金管理", "资金使用合规性", 4, 3), ("组织实施", "管理制度健全性", 4, 4),
                  ("组织实施", "制度执行有效性", 5, 3.5)]),
        ("产出", [("产出数量", "农村公路日常养护里程", 8, 8), ("产出数量", "路面病害处治面积", 6, 5),
                  ("产出质量", "养护路段优良中等路率", 7, 6), ("产出质量", "养护工程验收合格率", 5, 5),
                  ("产出时效", "养护工程按期完成率", 5, 4), ("产出成本", "养护成本控制", 4, 3.5)]),
        ("效益", [("社会效益", "农村公路通行条件改善", 8, 7), ("社会效益", "道路安全隐患整治率", 6, 5),
                  ("可持续影响", "养护长效机制建设", 6, 4.5), ("满意度", "沿线群众满意度", 5, 4.5),
                  ("满意度", "公路使用者满意度", 5, 4)]),
    ],
    "prose_typo": ("过程", 0.5),  # planted: the prose states this section's 得分 0.5 above the table
    # tier 3: what the prose states for targets (一、基本情况) and results (二、评价结论)
    "targets": [("农村公路日常养护里程", "不低于", ">=", 1200, "公里"), ("路面病害处治面积", "不少于", ">=", 8, "万平方米"),
                ("养护路段优良中等路率", "达到", ">=", 75, "%")],
    "actuals": [("农村公路日常养护里程", 1236, "公里"), ("路面病害处治面积", 7.42, "万平方米"),
                ("养护路段优良中等路率", 78.6, "%"), ("养护工程验收合格率", 100, "%"), ("养护工程按期完成率", 91.3, "%")],
}


def make_hebei(out: Path) -> tuple[Path, dict, list]:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    s = HEBEI
    final = r2(s["initial"] + s["added"])
    rate = r2(s["spent"] / final * 100)
    sec = [(n, sum(i[2] for i in its), r2(sum(i[3] for i in its))) for n, its in s["sections"]]
    total = r2(sum(p for _, _, p in sec))
    assert 80 <= total < 90  # 良 under the bands the report states
    typo_name, typo = s["prose_typo"]
    prose_pts = {n: r2(p + (typo if n == typo_name else 0)) for n, _, p in sec}

    doc = Document()
    for _ in range(4):
        doc.add_paragraph()
    _para(doc, f"{s['county']}{s['year']}年度{s['project']}", True, True, 22)
    _para(doc, "绩效评价报告", True, True, 22)
    for _ in range(6):
        doc.add_paragraph()
    for label, value in (("项目名称", s["project"]), ("项目主管部门", s["department"]), ("项目实施单位", s["unit"]),
                         ("委托单位", "正定县财政局"), ("评价机构", s["evaluator"]), ("报告日期", s["cover_date"])):
        _para(doc, f"{label}：{value}", size=14)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    _para(doc, f"{s['county']}{s['year']}年度{s['project']}绩效评价报告", True, True, 16)
    doc.add_paragraph(f"受正定县财政局委托，{s['evaluator']}（以下简称“我所”）组成评价组，依据《项目支出绩效评价管理办法》"
                      f"（财预〔2020〕10号）及河北省有关规定，于2024年3月至4月对{s['department']}{s['year']}年度"
                      f"{s['project']}开展了绩效评价。评价组通过资料核查、现场勘查、问卷调查等方式收集数据，形成本报告。")
    _para(doc, "一、基本情况", True)
    _para(doc, "（一）项目概况")
    doc.add_paragraph("正定县现有农村公路1268公里，其中县道196公里、乡道372公里、村道700公里。为保持农村公路良好技术状况，"
                      "县交通运输局每年安排农村公路养护专项资金，用于县乡村道路日常养护、路面病害处治、桥涵维修及安全设施完善，"
                      "由县农村公路养护中心具体组织实施，各乡镇配合开展村道日常巡查和保洁。")
    doc.add_paragraph("评价组共查阅项目资料126份，实地抽查路段32条，发放调查问卷300份，收回有效问卷286份。")
    _para(doc, "（二）资金安排及使用情况")
    doc.add_paragraph(f"项目年初预算{s['initial']:,.2f}万元，年中追加预算{s['added']:,.2f}万元，调整后预算{final:,.2f}万元，"
                      f"实际支出{s['spent']:,.2f}万元，预算执行率{pct(rate)}。其中："
                      + "；".join(f"{n}预算{b:,.2f}万元，实际支出{x:,.2f}万元" for n, b, x in s["sources"]) + "。")
    _para(doc, "（三）绩效目标")
    doc.add_paragraph("年度绩效目标为：" + "，".join(f"{n}{w}{num(v)}{'' if u == '%' else u}{'%以上' if u == '%' else ''}"
                                               for n, w, _, v, u in s["targets"])
                      + "，养护工程验收合格率100%，确保农村公路安全畅通。")
    _para(doc, "二、评价结论")
    doc.add_paragraph(f"经综合评价，{s['project']}综合评分{num(total)}分，评价等级为“良”。"
                      "（评价等级划分：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。）")
    doc.add_paragraph("从各一级指标看，" + "；".join(
        f"{n}指标满分{num(mx)}分，得分{num(prose_pts[n])}分" for n, mx, _ in sec) + "。")
    doc.add_paragraph("各项指标评分情况见下表。")
    _para(doc, "表1 绩效评价指标评分表", True, True)
    grid = [["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率"]]
    merges = []
    gold_ind = []
    for (name, items), (_, mx, pts) in zip(s["sections"], sec):
        start = len(grid)
        for k, (l2, l3, w, p) in enumerate(items):
            new2 = k == 0 or l2 != items[k - 1][0]
            if new2:
                s2 = len(grid)
            grid.append([name if k == 0 else "", l2 if new2 else "", l3, num(w), num(p), pct(r2(p / w * 100))])
            if k == len(items) - 1 or items[k + 1][0] != l2:
                if len(grid) - 1 > s2:
                    merges.append((s2, 1, len(grid) - 1, 1))
            gold_ind.append({"tier": 2, "level1": name, "level2": l2, "name": l3, "weight": w, "score": p})
        merges.append((start, 0, len(grid) - 1, 0))
        grid.append([f"{name}小计", "", "", num(mx), num(pts), pct(r2(pts / mx * 100))])
        merges.append((len(grid) - 1, 0, len(grid) - 1, 2))
    grid.append(["合计", "", "", "100", num(total), pct(total)])
    merges.append((len(grid) - 1, 0, len(grid) - 1, 2))
    table = docx_table(doc, grid, merges, font_pt=10.5)
    _layout(table, (2.2, 2.6, 5.4, 1.9, 1.9, 2.2), keep_rows=True)
    # the header row repeats at the top of the next page, as Word does with 重复标题行
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))
    tr_pr[-1].set(qn("w:val"), "true")
    doc.add_paragraph("绩效目标实现方面，项目全年实际完成" + "，".join(
        f"{n}{num(v)}{u}" for n, v, u in s["actuals"]) + "。路面病害处治面积未达到年度目标，部分工程受汛期影响未按期完工。")
    _para(doc, "三、存在问题", True)
    for t in ("（一）预算编制精细化程度不高。年中追加预算76.50万元，年初预算未充分考虑汛期水毁修复需求。",
              "（二）养护进度管理有待加强。部分路面病害处治工程受汛期影响未按期完工，路面病害处治面积未达到年度目标。",
              "（三）绩效指标设置不够完善。部分效益指标以定性描述为主，难以准确衡量项目实施效果。"):
        doc.add_paragraph(t)
    _para(doc, "四、建议", True)
    for t in ("（一）科学编制项目预算，结合路况检测结果和历年水毁情况合理测算养护资金需求。",
              "（二）强化养护工程进度管理，合理安排施工时序，避开汛期集中施工。",
              "（三）细化量化绩效指标，完善效益类指标的数据采集和考核方式。"):
        doc.add_paragraph(t)
    _para(doc, f"{s['evaluator']}\n2024年5月")
    path = out / "hebei-zhengding-2023-third-party.docx"
    doc.save(path)

    prose_sum = r2(sum(prose_pts.values()))
    tp = next(x for x in sec if x[0] == typo_name)
    gold = {
        "files": [path.name],
        "report": {"kind": "third_party", "province": "河北省", "city": "石家庄市", "county": s["county"],
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": s["year"],
                   "report_date": s["date"], "reported_score": total, "reported_grade": "良", "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": r2(s["initial"] * 1e4), "adjusted_yuan": r2(s["added"] * 1e4),
                     "budget_yuan": r2(final * 1e4), "spent_yuan": r2(s["spent"] * 1e4), "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": r2(b * 1e4), "spent_yuan": r2(x * 1e4)} for n, b, x in s["sources"]],
        "scores": [{"section": n, "max_points": mx, "points": p, "reported_rate_pct": r2(p / mx * 100)} for n, mx, p in sec],
        "indicators": gold_ind
        + [{"tier": 3, "name": n, "target_op": op, "target_value": v, "unit": u} for n, _, op, v, u in s["targets"]]
        + [{"tier": 3, "name": "养护工程验收合格率", "target_value": 100, "unit": "%"}]  # "验收合格率100%", no operator
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, v, u in s["actuals"]],
        "tables": [],
        "checks": [
            {"what": f"{typo_name} prose 得分 {num(prose_pts[typo_name])}, but the table's {typo_name} items add up to "
                     f"{num(tp[2])} (its 小计 row states {num(tp[2])})",
             "reported": prose_pts[typo_name], "recomputed": tp[2], "expect": "mismatch"},
            {"what": f"综合评分 {num(total)}, but the four prose section 得分 add up to {num(prose_sum)} "
                     f"(consequence of the same typo; the table's 小计 rows do add up to {num(total)})",
             "reported": total, "recomputed": prose_sum, "expect": "mismatch"},
        ],
        "note": "Scoring table (28 rows) spans PDF pages 2-3, breaking inside 决策 (its merged 一级 cell is cut by the "
                "page break); its header row is marked 重复标题行 so it is printed again at the top of page 3. "
                "The table truth holds it once.",
    }
    return path, gold, [truth(grid, merges)]


# ---------------------------------------------------------------- Shaanxi county project self-evaluation (DOCX)
SHAANXI = {
    "department": "洋县林业局", "unit": "洋县天然林保护工程管理中心", "project": "生态护林员补助资金", "year": 2023,
    "date": "2024-02-26", "date_text": "2024年2月26日",
    "lines": [("中央财政资金", 120.00, 120.00, 118.60), ("省级财政资金", 36.00, 42.00, 40.35),
              ("县级财政资金", 18.00, 24.40, 21.00)],  # 万元
    "stated_rate": 96.45,  # planted: 合计 执行率 with two digits transposed (179.95 / 186.40 = 96.54%)
    "items": [
        ("产出指标", "数量指标", _i("选聘生态护林员人数", "≥850人", "862人", 15, 15, ">=", 850, "人", 862)),
        ("产出指标", "数量指标", _i("管护林地面积", "≥68万亩", "68.5万亩", 10, 10, ">=", 68, "万亩", 68.5)),
        ("产出指标", "质量指标", _i("护林员巡护到岗率", "≥95%", "96.3%", 10, 10, ">=", 95, "%", 96.3)),
        ("产出指标", "质量指标", _i("林区巡护覆盖率", "100%", "100%", 5, 5, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("森林火灾受害率", "≤0.9‰", "0.12‰", 5, 5, "<=", 0.9, "‰", 0.12)),
        ("产出指标", "时效指标", _i("补助资金发放及时性", "按季度发放", "按季度足额发放", 5, 5)),
        ("产出指标", "成本指标", _i("护林员人均年补助标准", "10000元/人·年", "10000元/人·年", 5, 5, None, 10000,
                                "元/人·年", 10000)),
        ("效益指标", "社会效益指标", _i("脱贫护林员人均增收", "≥8000元", "8325元", 10, 10, ">=", 8000, "元", 8325)),
        ("效益指标", "生态效益指标", _i("森林覆盖率", "≥68.3%", "68.36%", 10, 10, ">=", 68.3, "%", 68.36)),
        ("效益指标", "可持续影响指标", _i("生态护林员管护机制", "长期有效", "基本建立", 5, 4,
                                  dev="考核奖惩办法尚在完善")),
        ("满意度指标", "服务对象满意度指标", _i("护林员满意度", "≥90%", "87.5%", 10, 8.5, ">=", 90, "%", 87.5,
                                       "补助标准偏低，部分护林员有意见")),
    ],
}


def make_shaanxi(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = SHAANXI
    initial, final, spent = (r2(sum(x[k] for x in s["lines"])) for k in (1, 2, 3))
    rate = r2(spent / final * 100)
    assert abs(rate - s["stated_rate"]) > 0.05
    bscore = r2(10 * spent / final)
    total = r2(bscore + sum(i["score"] for _, _, i in s["items"]))

    doc = Document()
    _para(doc, f"{s['department']}{s['year']}年度{s['project']}", True, True, 16)
    _para(doc, "项目支出绩效自评报告", True, True, 16)
    for label, value in (("项目名称", s["project"]), ("主管部门", s["department"]), ("实施单位", s["unit"])):
        doc.add_paragraph(f"{label}：{value}")
    _para(doc, "一、项目基本情况", True)
    doc.add_paragraph("洋县地处秦岭南麓、汉江上游，林地面积广、管护任务重。根据中省生态护林员政策，县林业局从脱贫人口中"
                      "选聘生态护林员，按网格开展森林资源日常巡护，补助资金按季度发放。项目资金情况如下：")
    _para(doc, "表1 项目资金情况（单位：万元）", center=True)
    brows = [["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"]]
    brows += [[n, f"{a:,.2f}", f"{b:,.2f}", f"{x:,.2f}", pct(r2(x / b * 100)), "—", "—"] for n, a, b, x in s["lines"]]
    brows.append(["合计", f"{initial:,.2f}", f"{final:,.2f}", f"{spent:,.2f}", pct(s["stated_rate"]), "10", num(bscore)])
    _layout(docx_table(doc, brows, [], font_pt=10), (2.8, 2.2, 2.2, 2.2, 2.0, 1.6, 1.6))
    _para(doc, "二、绩效目标完成情况", True)
    doc.add_paragraph("项目年度绩效指标完成情况见表2。")
    _para(doc, "表2 绩效指标完成情况", center=True)
    grid = [["一级指标", "二级指标", "三级指标", "年度目标值", "实际完成值", "权重", "评价得分", "偏差原因"]]
    merges = []
    gold_ind = []
    items = s["items"]
    s1 = s2 = 0
    for k, (l1, l2, ind) in enumerate(items):
        new1 = k == 0 or l1 != items[k - 1][0]
        new2 = new1 or l2 != items[k - 1][1]
        s1 = len(grid) if new1 else s1
        s2 = len(grid) if new2 else s2
        grid.append([l1 if new1 else "", l2 if new2 else "", ind["name"], ind["target"], ind["actual"],
                     num(ind["weight"]), num(ind["score"]), ind.get("dev", "")])
        last = len(grid) - 1
        if (k == len(items) - 1 or items[k + 1][1] != l2 or items[k + 1][0] != l1) and last > s2:
            merges.append((s2, 1, last, 1))
        if (k == len(items) - 1 or items[k + 1][0] != l1) and last > s1:
            merges.append((s1, 0, last, 0))
        gold_ind.append(indicator_gold(l1, l2, ind))
    table = docx_table(doc, grid, merges, font_pt=9)
    _layout(table, (1.9, 2.4, 3.6, 2.2, 2.4, 1.1, 1.5, 2.9))
    table.style = doc.styles["Normal Table"]  # no ruling lines at all: a table pasted without borders
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _para(doc, "三、自评结论", True)
    doc.add_paragraph(f"经自评，该项目自评得分{num(total)}分，自评等级为“优”。项目资金使用规范，护林员选聘、管理和补助发放"
                      "符合政策要求，森林资源管护成效明显。")
    _para(doc, "四、存在的问题及改进措施", True)
    doc.add_paragraph("一是县级配套资金执行率偏低；二是护林员满意度未达到目标值。下一步将加快县级资金拨付进度，"
                      "研究建立补助标准动态调整机制，完善护林员考核奖惩办法。")
    doc.add_paragraph(f"填报单位：{s['unit']}")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "shaanxi-yangxian-2023-project-self.docx"
    doc.save(path)

    gold = {
        "files": [path.name],
        "note": "Hard on purpose: 表2 (the indicator table) has no ruling lines at all (table style Normal Table), "
                "and its 一级/二级 cells are merged invisibly; expect PDF table extraction to struggle. "
                "表1 (money) is ruled.",
        "report": {"kind": "project_self", "province": "陕西省", "city": "汉中市", "county": "洋县",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": s["year"],
                   "report_date": s["date"], "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": r2(initial * 1e4), "budget_yuan": r2(final * 1e4),
                     "spent_yuan": r2(spent * 1e4), "reported_rate_pct": s["stated_rate"]}]
        + [{"line": n, "initial_yuan": r2(a * 1e4), "budget_yuan": r2(b * 1e4), "spent_yuan": r2(x * 1e4),
            "reported_rate_pct": r2(x / b * 100)} for n, a, b, x in s["lines"]],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": bscore, "actual_value": s["stated_rate"],
                        "unit": "%"}] + gold_ind,
        "tables": [],
        "checks": [{"what": f"合计 执行率 {pct(s['stated_rate'])}, but 全年执行数 {spent:,.2f} / 全年预算数 {final:,.2f} "
                            f"= {pct(rate)}", "reported": s["stated_rate"], "recomputed": rate, "expect": "mismatch"}],
    }
    return path, gold, [truth(brows, []), truth(grid, merges)]

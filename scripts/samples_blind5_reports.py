"""Fifth blind batch, third-party reports (DOCX): a Tianjin district 部门整体支出绩效评价报告 (投入/过程/产出/效果 with
"投入小计" rows and 评分要点) and a Hubei county-level city project evaluation whose score table uses 权重/得分率/评价得分
with bold section rows instead of 小计 rows. Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import a4
from samples_blind3_reports import page_break, w
from samples_blind4_docs import official
from samples_common import docx_table, grade_of, num, pct, r2

# ---------------------------------------------------------------- Tianjin: 蓟州区, a department evaluated by a third party
TJ = {
    "unit": "天津市蓟州区卫生健康委员会", "client": "天津市蓟州区财政局",
    "evaluator": "天津津诚联合会计师事务所（普通合伙）", "date": "2024-06", "cover_date": "二〇二四年六月",
    # 万元: (line, 年初预算, 调整, 全年执行)
    "lines": [("基本支出", 6852.30, 186.45, 7012.64), ("项目支出", 11800.00, 2231.40, 13324.28)],
    "planted": ("过程", 1.0),  # the 过程小计 得分 is stated one point above its items
    # 一级 → [(二级, 三级, 分值, 评分要点, 得分 or None: computed from the 预算完成率)]
    "sections": [
        ("投入", [("目标设定", "绩效目标合理性", 4, "部门绩效目标与部门职能、中长期规划和年度工作计划相符，得4分；每有一项不符扣1分", 4),
                  ("目标设定", "绩效指标明确性", 4, "绩效指标细化、量化、可衡量，得4分；量化指标占比低于60%扣1分", 3),
                  ("预算配置", "在职人员控制率", 4, "在职人员数÷编制数≤100%得4分，每超过1个百分点扣0.5分", 4),
                  ("预算配置", "“三公经费”变动率", 4, "“三公经费”较上年下降或持平得4分，上升不得分", 4),
                  ("预算配置", "重点支出安排率", 4, "重点项目支出÷项目总支出≥80%得4分，每低1个百分点扣0.2分", 3.5)]),
        ("过程", [("预算执行", "预算完成率", 4, "得分=预算完成率×分值", None),
                  ("预算执行", "预算调整率", 3, "预算调整率≤5%得3分，5%（不含）至15%得1分，超过15%不得分", 1),
                  ("预算执行", "支付进度率", 3, "年中、年末支付进度达到序时要求得3分", 3),
                  ("预算执行", "结转结余率", 3, "结转结余率≤3%得3分，超过的每1个百分点扣0.5分", 2.5),
                  ("预算执行", "公用经费控制率", 3, "实际支出公用经费≤预算安排公用经费得3分", 3),
                  ("预算执行", "政府采购执行率", 2, "按政府采购预算执行得2分", 2),
                  ("预算管理", "管理制度健全性", 3, "财务、项目、资产管理制度健全得3分", 3),
                  ("预算管理", "资金使用合规性", 3, "发现一项违规支出扣0.5分", 2.5),
                  ("预算管理", "预决算信息公开性", 2, "按规定时限和内容公开得2分", 2),
                  ("预算管理", "基础信息完善性", 2, "基础数据真实、完整、准确得2分", 1.5),
                  ("资产管理", "资产管理安全性", 1, "资产保存完整、账实相符得1分", 1),
                  ("资产管理", "固定资产利用率", 1, "固定资产利用率≥90%得1分", 1)]),
        ("产出", [("职责履行", "实际完成率", 7, "年度重点工作任务实际完成数÷计划数×分值", 6.5),
                  ("职责履行", "完成及时率", 6, "按时完成得6分，每延迟一项扣0.5分", 5.5),
                  ("职责履行", "质量达标率", 6, "质量达标的工作数÷实际完成数×分值", 6),
                  ("职责履行", "重点工作办结率", 6, "重点工作实际办结数÷交办数×分值", 5)]),
        ("效果", [("履职效益", "社会效益", 8, "基本公共卫生服务、家庭医生签约等目标实现情况", 7),
                  ("履职效益", "可持续影响", 6, "医疗卫生服务能力可持续提升情况", 4.5),
                  ("满意度", "服务对象满意度", 11, "满意度≥90%得满分，每低1个百分点扣0.5分", 8)]),
    ],
    "targets": [("家庭医生签约服务重点人群覆盖率", "不低于", ">=", 75, "%", 78.6),
                ("孕产妇系统管理率", "不低于", ">=", 90, "%", 93.8), ("7岁以下儿童健康管理率", "不低于", ">=", 90, "%", 94.5)],
}


def tj_grid(rate: float) -> tuple[list, list, list, list, dict]:
    rows, merges, ind, scores, check = [["一级指标", "二级指标", "三级指标", "分值", "评分要点", "得分"]], [], [], [], None
    for l1, items in TJ["sections"]:
        r1 = len(rows)
        pts = 0.0
        for j, (l2, l3, wt, how, sc) in enumerate(items):
            sc = r2(rate / 100 * wt) if sc is None else sc
            new2 = j == 0 or l2 != items[j - 1][0]
            if new2:
                s2 = len(rows)
            rows.append([l1 if j == 0 else "", l2 if new2 else "", l3, num(wt), how, num(sc)])
            if (j == len(items) - 1 or items[j + 1][0] != l2) and len(rows) - 1 > s2:
                merges.append((s2, 1, len(rows) - 1, 1))
            ind.append({"tier": 2, "level1": l1, "level2": l2, "name": l3, "weight": wt, "score": sc})
            pts = r2(pts + sc)
        merges.append((r1, 0, len(rows) - 1, 0))
        mx = sum(i[2] for i in items)
        shown = r2(pts + TJ["planted"][1]) if l1 == TJ["planted"][0] else pts
        if shown != pts:
            check = {"what": f"{l1}小计 得分 {num(shown)} stated, but its {len(items)} 三级指标 得分 add up to {num(pts)} "
                             "(合计 adds the indicators, not the 小计)",
                     "reported": shown, "recomputed": pts, "expect": "mismatch"}
        rows.append([f"{l1}小计", "", "", num(mx), "", num(shown)])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
        scores.append({"section": l1, "max_points": mx, "points": shown, "_true": pts})
    total = r2(sum(sc["_true"] for sc in scores))
    rows.append(["合计", "", "", "100", "", num(total)])
    merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
    return rows, merges, ind, scores, {"total": total, "check": check}


def make_tianjin(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = TJ
    lines = [(n, a, d, r2(a + d), x) for n, a, d, x in s["lines"]]
    a, adj, b, x = (r2(sum(ln[k] for ln in lines)) for k in (1, 2, 3, 4))
    rate, adj_rate = r2(x / b * 100), r2(adj / a * 100)
    rows, merges, ind, scores, f = tj_grid(rate)
    total = f["total"]
    assert sum(sc["max_points"] for sc in scores) == 100 and grade_of(total) == "良"
    assert grade_of(sum(sc["points"] for sc in scores)) == "良", "the planted 小计 must not change the grade"
    doc = Document()
    a4(doc, 2.5)
    for _ in range(5):
        doc.add_paragraph()
    _para(doc, f"{s['unit']}", True, True, 22)
    _para(doc, "2023年度部门整体支出绩效评价报告", True, True, 22)
    for _ in range(9):
        doc.add_paragraph()
    for text in (f"委托单位：{s['client']}", f"评价机构：{s['evaluator']}", s["cover_date"]):
        _para(doc, text, False, True, 15)
    page_break(doc)
    _para(doc, "摘  要", True, True, 16)
    P = doc.add_paragraph
    P(f"受{s['client']}委托，我所组成评价组，对{s['unit']}（以下简称“区卫健委”）2023年度部门整体支出进行了绩效评价。"
      f"评价组采用“投入—过程—产出—效果”指标框架，综合评价得分{num(total)}分，评价等级为“良”。")
    _para(doc, "一、部门基本情况", True)
    P("（一）部门职能。区卫健委负责拟订全区卫生健康事业发展规划并组织实施，统筹规划卫生健康资源配置，组织实施基本"
      "公共卫生服务项目，负责疾病预防控制、医政医管、妇幼健康、老龄健康和计划生育服务管理等工作。")
    P("（二）机构和人员。区卫健委机关内设11个科室，所属预算单位包括区疾病预防控制中心、区妇幼保健计划生育服务中心、"
      "区卫生健康综合行政执法支队及26个乡镇卫生院，2023年末在职人员2,386人。")
    P("（三）年度绩效目标。" + "，".join(f"{n}{wd}{v:g}{u}" for n, wd, _, v, u, _ in s["targets"])
      + "，全区不发生重大突发公共卫生事件。")
    _para(doc, "二、部门预算及执行情况", True)
    P(f"2023年区卫健委年初预算{w(a)}万元，年中调整增加{w(adj)}万元（预算调整率{pct(adj_rate)}），全年预算{w(b)}万元；"
      f"全年实际支出{w(x)}万元，预算完成率{pct(rate)}。其中"
      + "；".join(f"{n}全年预算{w(fb)}万元，实际支出{w(sx)}万元" for n, _, _, fb, sx in lines) + "。详见表1。")
    _para(doc, "表1  2023年度部门预算执行情况（单位：万元）", True, True)
    t1 = [["项目", "年初预算", "调整预算", "全年预算", "实际支出", "预算完成率"]]
    t1 += [[n, w(ia), w(d), w(fb), w(sx), pct(r2(sx / fb * 100))] for n, ia, d, fb, sx in lines]
    t1.append(["合计", w(a), w(adj), w(b), w(x), pct(rate)])
    _layout(docx_table(doc, t1, [], font_pt=9), (2.6, 2.6, 2.6, 2.6, 2.6, 2.4))
    _para(doc, "三、绩效评价工作开展情况", True)
    P("评价组于2024年4月至5月开展评价，采取资料核查、数据比对、现场核验和满意度问卷调查相结合的方式，抽查所属预算"
      "单位8家，发放服务对象问卷600份，回收有效问卷572份。")
    _para(doc, "四、评价结论", True)
    P(f"经评价，{s['unit']}2023年度部门整体支出绩效评价综合得分{num(total)}分，绩效评级为“良”。评价等级划分为："
      "90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。各指标得分见表2。")
    _para(doc, "表2  部门整体支出绩效评价指标及评分表", True, True)
    _layout(docx_table(doc, rows, merges, font_pt=8), (1.5, 1.6, 2.8, 1.0, 7.9, 1.2))
    _para(doc, "五、主要绩效", True)
    P("2023年全区" + "，".join(f"{n}达到{v:g}{u}" for n, _, _, _, u, v in s["targets"])
      + "，均完成年度目标；全年未发生重大突发公共卫生事件。")
    _para(doc, "六、存在的问题", True)
    P("（一）预算调整幅度较大，年中追加项目较多，预算编制的前瞻性不足。（二）部分绩效指标以定性描述为主，不便考核。"
      "（三）服务对象对基层医疗机构服务能力的满意度偏低。")
    _para(doc, "七、意见建议", True)
    P("一是提高预算编制的科学性，减少年中调整；二是细化量化部门绩效指标；三是加强基层卫生人才队伍建设。")
    _para(doc, f"{s['evaluator']}\n2024年6月")
    official(doc)
    path = out / "tianjin-jizhou-2023-department-evaluation.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "Third-party 部门整体支出绩效评价报告: the evaluated object is a department (no project; project null). "
                "Cover as centred paragraphs, dated in Chinese numerals (二〇二四年六月; the signature says 2024年6月). "
                "Money in prose and 表1 (年初预算/调整预算/全年预算/实际支出/预算完成率, 合计). 表2 scoring table "
                "一级/二级/三级指标/分值/评分要点/得分 with 一级 投入/过程/产出/效果, a '投入小计' row after each section "
                "(label merged over the three label columns) and '合计'; 评分要点 cells hold scoring rules with figures "
                "(≤100%, 0.5分, 80%). 预算完成率 得分 = rate × 4. Prose targets and results are tier 3. Grade 良 with "
                "bands stated. Place: 蓟州区 of 天津市. Scores: the 小计 rows as stated. Planted: 过程小计 得分 one "
                "point above its 12 items (合计 = the items' sum, so the 小计 column also adds up one point above 合计: "
                "the same error, not listed twice).",
        "report": {"kind": "third_party", "province": "天津市", "city": "天津市", "county": "蓟州区", "unit": s["unit"],
                   "project": None, "fiscal_year": 2023, "report_date": s["date"], "reported_score": total,
                   "reported_grade": "良", "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": y(a), "adjusted_yuan": y(adj), "budget_yuan": y(b),
                     "spent_yuan": y(x), "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": y(ia), "adjusted_yuan": y(d), "budget_yuan": y(fb), "spent_yuan": y(sx),
            "reported_rate_pct": r2(sx / fb * 100)} for n, ia, d, fb, sx in lines],
        "scores": [{k: v for k, v in sc.items() if k != "_true"} for sc in scores],
        "indicators": ind + [{"tier": 3, "name": n, "target_op": op, "target_value": v, "unit": u}
                             for n, _, op, v, u, _ in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, _, _, _, u, v in s["targets"]],
        "tables": [],
        "checks": [f["check"]],
    }
    return path, gold, [truth(t1, []), truth(rows, merges)]


# ---------------------------------------------------------------- Hubei: 恩施州利川市, 权重 / 得分率 / 评价得分
LC = {
    "department": "利川市交通运输局", "unit": "利川市农村公路管理局", "project": "农村公路安全生命防护工程",
    "evaluator": "湖北楚天正信工程咨询有限公司", "client": "利川市财政局", "date": "2024-05-28",
    "date_text": "2024年5月28日",
    "initial": 2480.00, "added": 320.00,  # 万元
    "uses": [("中央车购税补助资金", 1600.00, 1584.20), ("省级补助资金", 700.00, 672.45), ("市级配套资金", 500.00, 459.70)],
    "bands": [("优秀", "优", 90), ("良好", "良", 80), ("合格", "中", 60)],
    "stated_grade": ("优秀", "优"),  # planted: 89.48 is 良好 by the stated bands
    # 一级 → [(二级, 三级, 权重, 得分率 %)]
    "sections": [
        ("决策", [("项目立项", "立项依据充分性", 3, 100), ("项目立项", "立项程序规范性", 3, 100),
                  ("绩效目标", "绩效目标合理性", 3, 80), ("绩效目标", "绩效指标明确性", 3, 50),
                  ("资金投入", "预算编制科学性", 3, 80)]),
        ("过程", [("资金管理", "资金到位率", 4, 100), ("资金管理", "预算执行率", 4, None),
                  ("资金管理", "资金使用合规性", 4, 90), ("组织实施", "管理制度健全性", 4, 100),
                  ("组织实施", "制度执行有效性", 4, 75)]),
        ("产出", [("产出数量", "安防工程实施里程完成率", 10, 100), ("产出数量", "临水临崖危险路段处置数", 8, 95),
                  ("产出质量", "工程交工验收合格率", 7, 100), ("产出时效", "工程按期完工率", 5, 80),
                  ("产出成本", "单位里程造价控制", 5, 90)]),
        ("效益", [("社会效益", "农村公路交通事故起数下降", 10, 80), ("社会效益", "群众通行安全条件改善", 8, 100),
                  ("可持续影响", "安防设施管护机制健全性", 5, 80), ("满意度", "沿线群众满意度", 7, 80)]),
    ],
    "targets": [("安防工程实施里程", "不少于", ">=", 180, "公里", 186.4), ("工程交工验收合格率", "达到", None, 100, "%", 100),
                ("沿线群众满意度", "不低于", ">=", 90, "%", 86.2)],
}


def band(total: float) -> tuple[str, str]:
    return next(((word, g) for word, g, low in LC["bands"] if total >= low), ("不合格", "差"))


def make_lichuan(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = LC
    final = r2(s["initial"] + s["added"])
    assert final == r2(sum(b for _, b, _ in s["uses"]))
    spent = r2(sum(x for _, _, x in s["uses"]))
    rate = r2(spent / final * 100)
    rows, merges, bold, ind, scores = [["一级指标", "二级指标", "三级指标", "权重", "得分率", "评价得分"]], [], [], [], []
    for l1, items in s["sections"]:
        items = [(l2, l3, wt, rate if sr is None else sr) for l2, l3, wt, sr in items]
        mx, pts = sum(i[2] for i in items), r2(sum(r2(i[2] * i[3] / 100) for i in items))
        sec_rate = r2(pts / mx * 100)
        bold.append(len(rows))
        rows.append([l1, "", "", num(mx), pct(sec_rate), f"{pts:.2f}"])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
        scores.append({"section": l1, "max_points": mx, "points": pts, "reported_rate_pct": sec_rate})
        for j, (l2, l3, wt, sr) in enumerate(items):
            new2 = j == 0 or l2 != items[j - 1][0]
            if new2:
                s2 = len(rows)
            sc = r2(wt * sr / 100)
            rows.append(["", l2 if new2 else "", l3, num(wt), pct(sr), f"{sc:.2f}"])
            if (j == len(items) - 1 or items[j + 1][0] != l2) and len(rows) - 1 > s2:
                merges.append((s2, 1, len(rows) - 1, 1))
            ind.append({"tier": 2, "level1": l1, "level2": l2, "name": l3, "weight": wt, "score": sc})
    total = r2(sum(sc["points"] for sc in scores))
    rows.append(["综合得分", "", "", "100", pct(total), f"{total:.2f}"])
    merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
    bold.append(len(rows) - 1)
    true_word, true_g = band(total)
    assert sum(sc["max_points"] for sc in scores) == 100 and total == 89.48 and true_g == "良" != s["stated_grade"][1]
    doc = Document()
    a4(doc, 2.4)
    _para(doc, f"利川市{s['project']}", True, True, 20)
    _para(doc, "2023年度财政支出绩效评价报告", True, True, 20)
    _para(doc, f"评价机构：{s['evaluator']}", False, True, 14)
    _para(doc, f"报告日期：{s['date_text']}", False, True, 14)
    page_break(doc)
    P = doc.add_paragraph
    P(f"根据{s['client']}的委托，{s['evaluator']}对{s['department']}主管、{s['unit']}具体实施的2023年度{s['project']}"
      "进行了重点绩效评价。现将评价情况报告如下。")
    _para(doc, "一、项目概况", True)
    P("利川市地处鄂西山区，农村公路临水临崖、急弯陡坡路段多。为消除农村公路安全隐患，2023年利川市继续实施农村公路"
      "安全生命防护工程，在县乡道和通村公路危险路段增设波形护栏、警示桩、减速带和标志标线等安全设施。")
    P(f"项目年初预算{w(s['initial'])}万元，年中追加{w(s['added'])}万元，全年预算{w(final)}万元，实际支出{w(spent)}万元，"
      f"预算执行率{pct(rate)}。资金来源及使用情况见表1。")
    _para(doc, "表1  项目资金来源及使用情况（万元）", True, True)
    t1 = [["资金来源", "全年预算", "实际支出", "执行率"]]
    t1 += [[n, w(b), w(x_), pct(r2(x_ / b * 100))] for n, b, x_ in s["uses"]]
    t1.append(["合计", w(final), w(spent), pct(rate)])
    _layout(docx_table(doc, t1, [], font_pt=9), (4.5, 3.2, 3.2, 2.6))
    P("项目绩效目标：" + "，".join(f"{n}{wd}{v:g}{u}" for n, wd, _, v, u, _ in s["targets"]) + "。")
    _para(doc, "二、评价方法和评分标准", True)
    P("评价采用“决策、过程、产出、效益”四类一级指标，各指标按权重赋分，评价得分=权重×得分率。评价结果分为四个等级："
      + "，".join(f"综合得分{low}分（含）以上为{word}" if k == 0 else f"{low}分（含）至{s['bands'][k - 1][2]}分为{word}"
                 for k, (word, _, low) in enumerate(s["bands"])) + "，60分以下为不合格。")
    _para(doc, "三、评价结论", True)
    P(f"经综合评价，{s['project']}2023年度综合评价得分{num(total)}分，评价等级为“{s['stated_grade'][0]}”。"
      "指标体系及评分情况见表2。")
    _para(doc, "表2  绩效评价指标体系及评分表", True, True)
    table = docx_table(doc, rows, merges, font_pt=9)
    for run in (run for r in bold for cell in table.rows[r].cells for p in cell.paragraphs for run in p.runs):
        run.bold = True
    _layout(table, (2.0, 2.4, 5.2, 1.6, 2.2, 2.2))
    _para(doc, "四、绩效分析", True)
    P("2023年实际完成" + "，".join(f"{n}{v:g}{u}" for n, _, _, _, u, v in s["targets"])
      + "。沿线群众满意度未达到目标，主要是部分路段施工期间交通组织不到位。")
    _para(doc, "五、问题及建议", True)
    P("（一）绩效目标设置不够完整，缺少成本类指标。（二）部分标段受汛期影响未按期完工。（三）安防设施建成后日常巡查"
      "和损毁修复机制不健全。建议完善绩效目标，合理安排施工时序，落实乡镇和村级管护责任。")
    _para(doc, f"{s['evaluator']}\n{s['date_text']}")
    official(doc)
    path = out / "hubei-lichuan-2023-third-party.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "Third-party project evaluation; score table 一级/二级/三级指标/权重/得分率/评价得分 where each 一级 "
                "section is a BOLD row carrying its own 权重, 得分率 and 评价得分 (no 小计 rows; items below with the 一级 "
                "cell empty), closed by a bold 综合得分 row. 评价得分 = 权重 × 得分率; the 预算执行率 得分率 is the "
                "execution rate. Grade words 优秀/良好/合格/不合格 with bands stated (90/80/60). Place: 利川市 is a "
                "county-level city of 恩施土家族苗族自治州. Planted: 综合得分 89.48 called 优秀, which the stated bands "
                "make 良好 (reported_grade is the stated 优).",
        "report": {"kind": "third_party", "province": "湖北省", "city": "恩施土家族苗族自治州", "county": "利川市",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": s["stated_grade"][1],
                   "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["added"]),
                     "budget_yuan": y(final), "spent_yuan": y(spent), "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": y(b), "spent_yuan": y(x_), "reported_rate_pct": r2(x_ / b * 100)}
           for n, b, x_ in s["uses"]],
        "scores": scores,
        "indicators": ind + [{"tier": 3, "name": n, **({"target_op": op} if op else {}), "target_value": v, "unit": u}
                             for n, _, op, v, u, _ in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, _, _, _, u, v in s["targets"]],
        "tables": [],
        "checks": [{"what": f"评价等级 {s['stated_grade'][0]} stated for 综合得分 {num(total)}, but the report's own bands "
                            f"(90分（含）以上为优秀, 80–90 良好) make it {true_word}",
                    "reported": s["stated_grade"][1], "recomputed": true_g, "expect": "mismatch"}],
    }
    return path, gold, [truth(t1, []), truth(rows, merges)]

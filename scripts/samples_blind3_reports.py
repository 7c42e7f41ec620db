"""Third blind batch, reports: a Liaoning city project self-evaluation REPORT (prose, indicators discussed under
numbered headings, the 自评表 as an attachment at the end) and an Inner Mongolia 旗 third-party 绩效评价报告 whose
scoring table is split into four tables (one per 一级指标, each with its 小计) plus a one-row summary table.
Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import _i, national_form, truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import a4
from samples_blind3_forms import project_gold, totals
from samples_common import docx_table, grade_of, num, pct, r2


def w(x: float) -> str:
    return f"{x:,.2f}"


def page_break(doc):
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# ---------------------------------------------------------------- Liaoning: 葫芦岛市, report with the form attached
LIAONING = {
    "department": "葫芦岛市住房和城乡建设局", "unit": "葫芦岛市城市更新服务中心", "project": "城镇老旧小区改造项目",
    "date": "2024-04-16", "date_text": "2024年4月16日",
    # 万元: 年初预算 (预算安排), 全年预算 (= 实际到位), 全年执行 (实际支出)
    "lines": [("中央补助资金", 6200.00, 6200.00, 6124.80), ("省级补助资金", 1860.00, 1860.00, 1802.54),
              ("市级配套资金", 1800.00, 1352.60, 1258.00)],
    "stated_arrival": 95.64,  # planted: 9,412.60 / 9,860.00 = 95.46% (two digits swapped)
    "goal": "完成35个城镇老旧小区改造，改造建筑面积52.6万平方米，惠及居民6800户，同步改造小区供热、供水等老旧管网，"
            "改善居民居住条件，建立小区长效管理机制。",
    "done": "完成35个小区改造，改造建筑面积53.1万平方米，惠及居民7026户，改造老旧管网39.6公里；34个小区按期完工，"
            "33个小区建立长效管理机制。",
    # level1, level2 (prose heading), indicator, prose after the name ({r}: 完成率 computed here)
    "items": [
        ("产出指标", "数量指标", _i("改造老旧小区数量", "35个", "35个", 8, 8, None, 35, "个", 35),
         "计划改造35个，实际完成35个，完成率{r}%。"),
        ("产出指标", "数量指标", _i("改造建筑面积", "52.6万平方米", "53.1万平方米", 8, 8, None, 52.6, "万平方米", 53.1),
         "计划改造52.6万平方米，实际完成53.1万平方米，完成率{r}%。"),
        ("产出指标", "数量指标", _i("惠及居民户数", "6800户", "7026户", 7, 7, None, 6800, "户", 7026),
         "计划惠及居民6800户，实际惠及7026户，完成率{r}%。"),
        ("产出指标", "数量指标", _i("改造老旧管网长度", "42公里", "39.6公里", 7, 6.6, None, 42, "公里", 39.6,
                                "部分管网与市政道路施工交叉，顺延至2024年实施"),
         "计划改造42公里，实际完成39.6公里，完成率{r}%，部分管网与市政道路施工交叉，顺延至2024年实施。"),
        ("产出指标", "质量指标", _i("工程竣工验收合格率", "100%", "100%", 8, 8, None, 100, "%", 100),
         "目标值100%，已完工小区全部通过竣工验收，合格率100%。"),
        ("产出指标", "质量指标", _i("工程质量安全事故", "0起", "0起", 4, 4, None, 0, "起", 0),
         "目标值0起，全年未发生工程质量安全事故。"),
        ("产出指标", "时效指标", _i("项目按期完工率", "≥95%", "97.14%", 6, 6, ">=", 95, "%", 97.14),
         "目标值不低于95%，35个小区中34个按期完工，按期完工率97.14%。"),
        ("产出指标", "时效指标", _i("当年计划项目开工率", "100%", "100%", 6, 6, None, 100, "%", 100),
         "目标值100%，实际100%。"),
        ("产出指标", "成本指标", _i("户均改造成本", "≤1.5万元/户", "1.31万元/户", 5, 5, "<=", 1.5, "万元/户", 1.31),
         "目标不超过1.5万元/户，实际1.31万元/户，控制在目标以内。"),
        ("效益指标", "社会效益指标", _i("小区居民居住条件", "明显改善", "明显改善", 8, 8),
         "改造后小区道路、照明、管网等设施明显改善，达到预期目标。"),
        ("效益指标", "生态效益指标", _i("小区绿化改造面积", "12万平方米", "12.4万平方米", 5, 5, None, 12, "万平方米", 12.4),
         "计划12万平方米，实际完成12.4万平方米，完成率{r}%。"),
        ("效益指标", "可持续影响指标", _i("改造小区长效管理机制建立率", "≥90%", "94.29%", 8, 7.5, ">=", 90, "%", 94.29,
                                   "2个小区业主委员会尚未成立；指导街道加快组建"),
         "目标值不低于90%，35个小区中33个建立长效管理机制，建立率94.29%。"),
        ("满意度指标", "服务对象满意度指标", _i("居民满意度", "≥90%", "95.3%", 10, 9.5, ">=", 90, "%", 95.3,
                                       "个别小区对施工期间停车不便不满意"),
         "目标值不低于90%，问卷调查居民满意度95.3%。"),
    ],
}
L2_HEAD = {"服务对象满意度指标": "满意度指标"}  # the prose heading where it differs from the form's 二级指标
CN = "一二三四五六七八九十"


def make_liaoning(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = LIAONING
    lines = s["lines"]
    a, b, x, rate, bscore = totals(lines)
    arrival = r2(b / a * 100)
    assert abs(arrival - s["stated_arrival"]) > 0.1
    total = r2(bscore + sum(i[2]["score"] for i in s["items"]))
    assert sum(i[2]["weight"] for i in s["items"]) == 90 and grade_of(total) == "优"

    doc = Document()
    a4(doc, 2.5)
    _para(doc, f"葫芦岛市{s['project']}2023年度绩效自评报告", True, True, 16)
    doc.add_paragraph(f"根据《葫芦岛市财政局关于开展2023年度预算绩效自评工作的通知》要求，{s['department']}组织"
                      f"{s['unit']}对2023年度{s['project']}开展了绩效自评，现将自评情况报告如下。")
    _para(doc, "一、项目基本情况", True)
    doc.add_paragraph("（一）项目概况。为贯彻落实国务院办公厅关于全面推进城镇老旧小区改造工作的部署，我市将2000年底前建成、"
                      "配套设施不完善的35个住宅小区纳入2023年度改造计划，涉及连山区、龙港区、南票区，改造内容包括"
                      "屋面及外墙保温、供热供水管网、小区道路、照明及绿化等基础类和完善类设施。")
    doc.add_paragraph(f"（二）项目绩效目标。{s['goal']}")
    _para(doc, "二、资金使用情况", True)
    doc.add_paragraph(f"2023年度该项目预算安排{w(a)}万元，实际到位{w(b)}万元，实际支出{w(x)}万元，资金到位率"
                      f"{pct(s['stated_arrival'])}，执行率（实际支出/实际到位资金）{pct(rate)}。其中："
                      + "；".join(f"{n}预算{w(ia)}万元，到位{w(fb)}万元，支出{w(sx)}万元" for n, ia, fb, sx in lines)
                      + "。市级配套资金未足额到位，主要是年中财政收支平衡压力较大，部分配套资金调减。")
    doc.add_paragraph("项目资金实行专账核算、专款专用，按工程进度拨付，未发现截留、挤占、挪用等问题。")
    _para(doc, "三、绩效目标完成情况", True)
    doc.add_paragraph(f"项目年度实际完成情况：{s['done']}具体如下：")
    k2, prev, n = -1, None, 0
    for l1, l2, ind, prose in s["items"]:
        if l2 != prev:
            k2, prev, n = k2 + 1, l2, 0
            _para(doc, f"（{CN[k2]}）{L2_HEAD.get(l2, l2)}", True)
        n += 1
        rr = r2(ind["actual_value"] / ind["target_value"] * 100) if "{r}" in prose else None
        doc.add_paragraph(f"{n}.{ind['name']}：" + prose.format(r=num(rr) if rr is not None else ""))
        for v in (ind.get("target_value"), ind.get("actual_value")):
            assert v is None or num(v) in prose or v in (100, 0), (ind["name"], v)
    _para(doc, "四、自评结论", True)
    doc.add_paragraph(f"对照项目支出绩效自评指标体系，{s['project']}2023年度自评得分{num(total)}分，自评等级为“优”。"
                      "自评表见附件。")
    _para(doc, "五、存在问题及改进措施", True)
    doc.add_paragraph("（一）市级配套资金到位不足，个别管网改造内容顺延至下年度。下一步将积极争取上级资金，统筹安排配套资金。")
    doc.add_paragraph("（二）部分小区长效管理机制尚未建立。下一步将指导街道、社区加快组建业主委员会，引入专业化物业服务。")
    _para(doc, f"{s['department']}\n{s['date_text']}", center=False)

    page_break(doc)
    _para(doc, "附件：项目支出绩效自评表", True)
    _para(doc, "项目支出绩效自评表", True, True, 14)
    _para(doc, "（2023年度）", center=True)
    head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (s["department"], 3), ("实施单位", 1), (s["unit"], 4)]]
    money_lines = [("年度资金总额", a, b, x, pct(rate), num(bscore))]
    money_lines += [(("其中：" if k == 0 else "") + n, ia, fb, sx) for k, (n, ia, fb, sx) in enumerate(lines)]
    rows, merges, gold_ind = national_form(
        head, "项目资金（万元）", money_lines, w, pct, num,
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        s["goal"], s["done"], [(l1, l2, ind) for l1, l2, ind, _ in s["items"]], num(total), "优")
    _layout(docx_table(doc, rows, merges, font_pt=8), (1.2, 1.3, 1.5, 2.9, 1.9, 1.9, 1.0, 1.3, 3.0))
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}    填报日期：{s['date_text']}")
    path = out / "liaoning-huludao-2023-project-report.docx"
    doc.save(path)

    check = {"what": f"资金到位率 {pct(s['stated_arrival'])} stated, but 实际到位 {w(b)} / 预算安排 {w(a)} 万元 = "
                     f"{pct(arrival)}", "reported": s["stated_arrival"], "recomputed": arrival, "expect": "mismatch"}
    gold = project_gold(("辽宁省", "葫芦岛市", None), s, (a, b, x, rate, bscore), gold_ind, total, "优", [check],
                        "City-level prose report (county null): 资金使用情况 in one sentence (预算安排/实际到位/实际支出/资金到位率/"
                "执行率（实际支出/实际到位资金）), indicators discussed under numbered headings （一）数量指标 … with "
                "'1.名称：计划…，实际…，完成率…%' (every stated 完成率 = actual/target), and the 自评表 at the END as "
                "附件. The same indicators and figures appear in prose and table, so they are tier 2. In the form "
                "年初预算数 = 预算安排 and 全年预算数 = 实际到位. Planted: 资金到位率 95.64% stated, 到位/预算 = 95.46%.")
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]


# ---------------------------------------------------------------- Inner Mongolia: 锡林郭勒盟阿巴嘎旗, four tables
NEIMENG = {
    "place": "阿巴嘎旗", "department": "阿巴嘎旗林业和草原局", "unit": "阿巴嘎旗草原工作站",
    "project": "草原生态保护补助奖励资金", "evaluator": "内蒙古正信达项目管理咨询有限公司", "date": "2024-06",
    "initial": 8426.50, "added": 412.30,  # 万元
    "uses": [("禁牧补助", 5620.80, 5588.40), ("草畜平衡奖励", 2806.00, 2771.26), ("绩效评价奖励资金", 412.00, 342.50)],
    # 一级指标: [(二级指标, 三级指标, 分值, 评分标准, 得分, 扣分说明)]
    "sections": [
        ("决策", [("项目立项", "立项依据充分性", 3, "符合国家和自治区草原生态保护补助奖励政策得3分", 3, ""),
                  ("项目立项", "立项程序规范性", 3, "按规定程序申报、审批得3分", 3, ""),
                  ("绩效目标", "绩效目标合理性", 3, "目标与项目内容相符、符合实际得3分", 2.5, "目标未区分禁牧区与草畜平衡区"),
                  ("绩效目标", "绩效指标明确性", 3, "指标细化量化得3分，每缺一项扣0.5分", 2, "缺少时效和成本指标"),
                  ("资金投入", "预算编制科学性", 4, "预算测算依据充分得4分", 3.5, "部分嘎查面积测算依据不足"),
                  ("资金投入", "资金分配合理性", 4, "按核定面积和标准分配得4分", 4, "")]),
        ("过程", [("资金管理", "资金到位率", 4, "到位率100%得4分", 4, ""),
                  ("资金管理", "预算执行率", 4, "执行率≥95%得4分，每低1个百分点扣0.5分", 4, ""),
                  ("资金管理", "资金使用合规性", 4, "发现一项不合规扣0.5分", 3.5, "个别苏木发放台账签字不全"),
                  ("组织实施", "管理制度健全性", 4, "制度健全得4分", 4, ""),
                  ("组织实施", "制度执行有效性", 4, "执行不到位每项扣0.5分", 3, "禁牧巡查记录不完整")]),
        ("产出", [("产出数量", "禁牧面积落实率", 8, "落实率100%得8分", 8, ""),
                  ("产出数量", "草畜平衡面积落实率", 6, "落实率100%得6分", 6, ""),
                  ("产出质量", "补奖资金发放准确率", 6, "准确率100%得6分，每低0.1个百分点扣0.25分", 5, "个别牧户面积核定有误"),
                  ("产出时效", "资金发放及时率", 5, "按时发放得5分，延迟发放扣1分", 4, "第四季度资金延迟发放"),
                  ("产出成本", "补奖标准执行情况", 5, "按国家标准发放得5分", 5, "")]),
        ("效益", [("经济效益", "牧民政策性收入", 6, "补奖资金足额发放到户得6分", 6, ""),
                  ("生态效益", "草原综合植被盖度", 8, "达到目标值得8分，未达到的酌情扣分", 7, "部分退化草原恢复缓慢"),
                  ("社会效益", "草原违法案件查处率", 4, "查处率100%得4分", 4, ""),
                  ("可持续影响", "草原监管长效机制", 4, "建立网格化管护机制得4分", 3, "管护员培训不足"),
                  ("满意度", "牧户满意度", 8, "满意度≥90%得8分，85%（含）-90%得7分", 7, "满意度88.7%")]),
    ],
    "stated_total": 92.5,  # planted: the summary table's 合计 (and the prose) say 92.5; the four 小计 add to 91.5
    "targets": [("禁牧面积", "不少于", ">=", 1850, "万亩"), ("草畜平衡面积", "不少于", ">=", 2100, "万亩"),
                ("草原综合植被盖度", "达到", ">=", 30, "%"), ("牧户满意度", "不低于", ">=", 90, "%"),
                ("补奖资金发放准确率", "", None, 100, "%")],
    "actuals": [("禁牧面积", 1862.4, "万亩"), ("草畜平衡面积", 2106, "万亩"), ("补奖资金发放准确率", 99.6, "%"),
                ("草原综合植被盖度", 29.6, "%"), ("牧户满意度", 88.7, "%")],
}
HEADER4 = ["二级指标", "三级指标", "分值", "评分标准", "得分", "扣分说明"]


def make_neimeng(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = NEIMENG
    final = r2(s["initial"] + s["added"])
    assert final == r2(sum(b for _, b, _ in s["uses"]))
    spent = r2(sum(x for _, _, x in s["uses"]))
    rate = r2(spent / final * 100)
    sec = [(n, sum(i[2] for i in its), r2(sum(i[4] for i in its))) for n, its in s["sections"]]
    true_total = r2(sum(p for _, _, p in sec))
    total = s["stated_total"]
    assert sum(m for _, m, _ in sec) == 100 and grade_of(total) == grade_of(true_total) == "优" and total != true_total

    doc = Document()
    a4(doc, 2.5)
    for _ in range(5):
        doc.add_paragraph()
    _para(doc, f"{s['place']}2023年度{s['project']}", True, True, 18)
    _para(doc, "绩效评价报告", True, True, 18)
    for _ in range(7):
        doc.add_paragraph()
    for label, value in (("委托单位", "阿巴嘎旗财政局"), ("评价机构", s["evaluator"])):
        _para(doc, f"{label}：{value}", center=True, size=14)
    _para(doc, "二〇二四年六月", center=True, size=14)
    page_break(doc)

    _para(doc, f"{s['place']}2023年度{s['project']}绩效评价报告", True, True, 16)
    doc.add_paragraph(f"受阿巴嘎旗财政局委托，{s['evaluator']}（以下简称“评价机构”）对{s['department']}组织、"
                      f"{s['unit']}具体实施的2023年度{s['project']}开展了绩效评价，评价期间为二〇二三年一月一日至"
                      "二〇二三年十二月三十一日，现场评价工作于二〇二四年四月至五月开展。")
    _para(doc, "一、项目基本情况", True)
    doc.add_paragraph("（一）项目概况。阿巴嘎旗位于锡林郭勒盟中北部，是以牧为主的边境旗，全旗天然草原面积约3900万亩。"
                      "草原生态保护补助奖励政策对禁牧区牧户发放禁牧补助，对草畜平衡区牧户发放草畜平衡奖励，并安排绩效"
                      "评价奖励资金用于草原管护和监测。")
    doc.add_paragraph(f"（二）资金情况。项目年初预算{w(s['initial'])}万元，年中追加{w(s['added'])}万元，全年预算"
                      f"{w(final)}万元；截至二〇二三年十二月三十一日，实际支出{w(spent)}万元，预算执行率{pct(rate)}。其中："
                      + "；".join(f"{n}预算{w(b)}万元，支出{w(x)}万元" for n, b, x in s["uses"]) + "。")
    doc.add_paragraph("（三）绩效目标。全旗" + "，".join(
        f"{n}{word}{num(v)}{u}" + ("以上" if word == "达到" else "") for n, word, _, v, u in s["targets"])
        + "。")
    _para(doc, "二、评价结论", True)
    doc.add_paragraph(f"评价机构从决策、过程、产出、效益四个方面设置指标，经综合评价，{s['project']}综合得分{num(total)}分，"
                      "评价等级为“优”。评价等级划分为：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）"
                      "至80分为“中”，60分以下为“差”。")
    _para(doc, "三、绩效分析", True)
    doc.add_paragraph("2023年全旗实际" + "，".join(f"{n}{num(v)}{u}" for n, v, u in s["actuals"])
                      + "。草原综合植被盖度和牧户满意度略低于目标，主要是部分退化草原恢复缓慢、第四季度资金发放延迟。")
    doc.add_paragraph("各一级指标评分情况见表3-1至表3-4，汇总见表3-5。")
    truths = []
    for k, ((name, items), (_, mx, pts)) in enumerate(zip(s["sections"], sec)):
        _para(doc, f"表3-{k + 1} {name}类指标评分表", True, True)
        grid, merges = [HEADER4], []
        for j, (l2, l3, wt, rule, p, why) in enumerate(items):
            if j == 0 or l2 != items[j - 1][0]:
                s2 = len(grid)
            grid.append([l2 if len(grid) == s2 else "", l3, num(wt), rule, num(p), why])
            if (j == len(items) - 1 or items[j + 1][0] != l2) and len(grid) - 1 > s2:
                merges.append((s2, 0, len(grid) - 1, 0))
        grid.append(["小计", "", num(mx), "", num(pts), ""])
        merges.append((len(grid) - 1, 0, len(grid) - 1, 1))
        _layout(docx_table(doc, grid, merges, font_pt=9), (2.0, 3.2, 1.2, 5.2, 1.2, 3.2), keep_rows=True)
        truths.append(truth(grid, merges))
        doc.add_paragraph()
    _para(doc, "表3-5 各类指标得分汇总表", True, True)
    summary = [sum(([n, num(p)] for n, _, p in sec), []) + ["合计", num(total)]]
    _layout(docx_table(doc, summary, [], font_pt=10), (1.6,) * 10)
    truths.append(truth(summary, []))
    doc.add_paragraph()
    _para(doc, "四、存在的问题", True)
    doc.add_paragraph("（一）绩效目标设置不够完整，缺少时效、成本指标。（二）第四季度补奖资金发放延迟。"
                      "（三）草原管护员培训不足，禁牧巡查记录不完整。")
    _para(doc, "五、意见建议", True)
    doc.add_paragraph("一是完善绩效目标体系；二是按季度及时足额发放补奖资金；三是加强草原管护员队伍建设和巡查监管。")
    _para(doc, f"{s['evaluator']}\n二〇二四年六月")
    path = out / "neimenggu-abaga-2023-third-party.docx"
    doc.save(path)

    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "Scoring table split into four tables (表3-1…3-4, one per 一级指标, named only in the caption; no 一级 "
                "column), each closed by its own 小计 row (分值, 得分), then a one-row summary table (决策 x | 过程 y | "
                "产出 z | 效益 w | 合计 t). Dates in Chinese numerals (cover and signature 二〇二四年六月). Place: "
                "阿巴嘎旗 under 锡林郭勒盟. Planted: the summary's 合计 (and the prose's 综合得分) 92.5, while the four "
                "小计 add to 91.5; both fall in 优, so the grade is no second discrepancy.",
        "report": {"kind": "third_party", "province": "内蒙古自治区", "city": "锡林郭勒盟", "county": s["place"],
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "优", "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["added"]),
                     "budget_yuan": y(final), "spent_yuan": y(spent), "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": y(b), "spent_yuan": y(x)} for n, b, x in s["uses"]],
        "scores": [{"section": n, "max_points": m, "points": p} for n, m, p in sec],
        "indicators": [{"tier": 2, "level1": n, "level2": i[0], "name": i[1], "weight": i[2], "score": i[4]}
                       for n, its in s["sections"] for i in its]
        + [{"tier": 3, "name": n, **({"target_op": op} if op else {}), "target_value": v, "unit": u}
           for n, _, op, v, u in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, v, u in s["actuals"]],
        "tables": [],
        "checks": [{"what": f"合计 {num(total)} (表3-5 and 综合得分), but 决策 + 过程 + 产出 + 效益 = "
                            + " + ".join(num(p) for _, _, p in sec) + f" = {num(true_total)}",
                    "reported": total, "recomputed": true_total, "expect": "mismatch"}],
    }
    return path, gold, truths

"""Second blind batch, reports: a Guangxi district 部门整体支出绩效自评报告 in prose only (no table at all) and a Henan
county third-party 绩效评价报告 whose scoring table carries 指标解释 and 评分标准 columns.
Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import a4
from samples_common import docx_table, num, pct, r2


def w(x: float) -> str:
    """万元 as prose writes it: 9,000.68."""
    return f"{x:,.2f}"


# ---------------------------------------------------------------- Guangxi: 桂林市临桂区, prose only
GUANGXI = {
    "unit": "桂林市临桂区卫生健康局", "short": "临桂区卫生健康局", "date": "2024-03-15", "date_text": "2024年3月15日",
    "lines": [("基本支出", 3126.48, 3208.75, 3196.32), ("项目支出", 5874.20, 6912.60, 6587.41)],  # 万元
    "spent_typo": ("项目支出", 6578.41),  # planted: 6587.41 written with two digits swapped, so 基本+项目 ≠ 全年支出
    "last_year": 9215.40,
    # (level1, level2, name, op, target, unit, actual, the sentence stating both; {n} is the name)
    "targets": [
        ("产出指标", "数量指标", "65岁及以上老年人健康管理人数", ">=", 4.5, "万人", 4.82,
         "{n}目标为不少于4.5万人，实际完成4.82万人，完成年度目标"),
        ("产出指标", "数量指标", "家庭医生签约服务覆盖率", ">=", 40, "%", 43.6,
         "{n}年度目标不低于40%，实际达到43.6%"),
        ("产出指标", "质量指标", "适龄儿童国家免疫规划疫苗接种率", ">=", 95, "%", 97.8,
         "{n}目标达到95%以上，全年实际接种率为97.8%"),
        ("产出指标", "质量指标", "孕产妇系统管理率", ">=", 90, "%", 93.25, "{n}要求达到90%以上，实际为93.25%"),
        ("产出指标", "质量指标", "居民电子健康档案建档率", ">=", 90, "%", 91.7, "{n}不低于90%，实际建档率91.7%"),
        ("产出指标", "时效指标", "法定传染病报告及时率", None, 100, "%", 100, "{n}年度目标为100%，实际达到100%"),
        ("产出指标", "时效指标", "突发公共卫生事件应急处置到达时间", "<=", 2, "小时", 1.5,
         "{n}不超过2小时，全年平均为1.5小时"),
        ("效益指标", "社会效益指标", "居民人均预期寿命", ">=", 78, "岁", 78.6, "{n}达到78岁以上，2023年为78.6岁"),
        ("满意度指标", "服务对象满意度指标", "群众就医满意度", ">=", 90, "%", 92.4,
         "{n}不低于90%，第三方问卷调查结果为92.4%"),
    ],
    # 自评得分 by the four parts of the department index (满分, 得分)
    "parts": [("投入", 20, 19), ("过程", 30, 27.5), ("产出", 30, 27), ("效果", 20, 19)],
}


def make_guangxi(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = GUANGXI
    (nb, bi, bf, bx), (np_, pi, pf, px) = s["lines"]
    initial, final, spent = r2(bi + pi), r2(bf + pf), r2(bx + px)
    added, rate = r2(final - initial), r2(spent / final * 100)
    shown_px = s["spent_typo"][1]
    grow = r2(spent - s["last_year"])
    total = r2(sum(p for _, _, p in s["parts"]))
    assert total == 92.5 and abs(bx + shown_px - spent) > 1

    doc = Document()
    a4(doc, 2.6)
    _para(doc, f"{s['short']}2023年度部门整体支出绩效自评报告", True, True, 16)
    _para(doc, "一、部门概况", True)
    doc.add_paragraph(
        "（一）部门职能。桂林市临桂区卫生健康局是区人民政府工作部门，主要负责贯彻执行国家、自治区和桂林市卫生健康工作方针"
        "政策，统筹规划全区卫生健康资源配置，组织实施基本公共卫生服务和重大公共卫生服务项目，负责疾病预防控制、医疗机构和"
        "医疗服务监督管理、妇幼健康、老龄健康及计划生育服务等工作。")
    doc.add_paragraph(
        "（二）机构人员情况。我局内设办公室、规划发展与信息化股、基层卫生健康股、疾病预防控制股、医政医管股、妇幼健康股、"
        "财务股、综合监督股共8个股室，纳入2023年度部门预算编报范围的单位共15个，包括局机关、区人民医院、区中医医院、"
        "区妇幼保健院、区疾病预防控制中心及10个乡镇卫生院。年末实有在职人员1,214人，离退休人员436人。")
    _para(doc, "二、部门整体支出情况", True)
    doc.add_paragraph(
        f"（一）预算安排情况。2023年度我局年初预算数为{w(initial)}万元，其中{nb}{w(bi)}万元、{np_}{w(pi)}万元。年度中"
        f"追加调整预算{w(added)}万元，调整后全年预算数为{w(final)}万元，其中{nb}预算{w(bf)}万元，{np_}预算{w(pf)}万元。"
        "追加部分主要为中央和自治区下达的基本公共卫生服务补助资金及医疗服务与保障能力提升补助资金。")
    doc.add_paragraph(
        f"（二）预算执行情况。2023年度全年支出{w(spent)}万元，预算执行率为{pct(rate)}。其中：{nb}{w(bx)}万元，主要用于"
        f"人员工资福利支出和日常公用经费；{np_}{w(shown_px)}万元，主要用于基本公共卫生服务、重大传染病防控、妇幼健康服务"
        f"及乡镇卫生院设备购置等。与上年支出{w(s['last_year'])}万元相比，增加{w(grow)}万元，增长"
        f"{pct(r2(grow / s['last_year'] * 100))}，主要是基本公共卫生服务补助标准提高。")
    _para(doc, "三、绩效目标实现情况", True)
    heads = {"产出指标": "（一）产出指标完成情况。", "效益指标": "（二）效益指标完成情况。", "满意度指标": "（三）满意度指标完成情况。"}
    for l1, intro in heads.items():
        said = [x[7].format(n=x[2]) for x in s["targets"] if x[0] == l1]
        doc.add_paragraph(intro + "；".join(f"（{k + 1}）{x}" for k, x in enumerate(said)) + "。")
    doc.add_paragraph("全年未发生甲类传染病暴发流行，未发生重大医疗安全事故，全区卫生健康事业总体运行平稳。")
    _para(doc, "四、自评结论", True)
    doc.add_paragraph(
        "根据《广西壮族自治区财政厅关于开展2023年度预算绩效自评工作的通知》要求，我局对照部门整体支出绩效评价指标体系，"
        f"从投入、过程、产出、效果四个方面开展自评。经自评，我局2023年度部门整体支出绩效自评得分{num(total)}分，等级为优。"
        "其中：" + "；".join(f"{n}指标满分{m}分，得分{num(p)}分" for n, m, p in s["parts"]) + "。")
    _para(doc, "五、存在问题", True)
    for t in ("（一）项目支出进度不均衡。部分上级转移支付资金下达较晚，乡镇卫生院设备购置项目年底集中支付，项目支出未能全部执行完毕。",
              "（二）绩效目标设置不够精细。部分项目绩效指标以定性描述为主，量化指标偏少，不利于绩效监控和评价。",
              "（三）基层服务能力仍有短板。乡镇卫生院专业技术人员不足，家庭医生签约服务质量有待提升。"):
        doc.add_paragraph(t)
    _para(doc, "六、下一步改进措施", True)
    doc.add_paragraph("一是加快预算执行进度，建立支出进度月通报制度；二是细化量化绩效目标，提高绩效指标的可衡量性；"
                      "三是加强基层卫生人才队伍建设，提升基本公共卫生服务质量。")
    _para(doc, f"{s['unit']}\n{s['date_text']}")
    path = out / "guangxi-lingui-2023-department-prose.docx"
    doc.save(path)

    y, shown_sum = (lambda x: r2(x * 1e4)), r2(bx + shown_px)
    gold = {
        "files": [path.name],
        "note": "Prose only: no table anywhere (tables truth is empty). Budgets, indicators (targets and actuals in the "
                "same sentence) and the four part scores are all in sentences. Place: 临桂区 under 桂林市, 广西壮族自治区.",
        "report": {"kind": "department_self", "province": "广西壮族自治区", "city": "桂林市", "county": "临桂区",
                   "unit": s["unit"], "project": None, "fiscal_year": 2023, "report_date": s["date"],
                   "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(initial), "adjusted_yuan": y(added), "budget_yuan": y(final),
                     "spent_yuan": y(spent), "reported_rate_pct": rate},
                    {"line": nb, "initial_yuan": y(bi), "budget_yuan": y(bf), "spent_yuan": y(bx)},
                    {"line": np_, "initial_yuan": y(pi), "budget_yuan": y(pf), "spent_yuan": y(shown_px)}],
        "scores": [{"section": n, "max_points": m, "points": p} for n, m, p in s["parts"]],
        "indicators": [{"tier": 3, "level1": l1, "level2": l2, "name": n, **({"target_op": op} if op else {}),
                        "target_value": tv, "unit": u, "actual_value": av}
                       for l1, l2, n, op, tv, u, av, _ in s["targets"]],
        "tables": [],
        "checks": [{"what": f"全年支出 {w(spent)}万元, but {nb} {w(bx)} + {np_} {w(shown_px)} = {w(shown_sum)}万元 "
                            f"(the 执行率 {pct(rate)} follows {w(spent)})",
                    "reported": y(spent), "recomputed": y(shown_sum), "expect": "mismatch"}],
    }
    return path, gold, []


# ---------------------------------------------------------------- Henan: 周口市鹿邑县, third-party with 评分标准
HENAN = {
    "county": "鹿邑县", "department": "鹿邑县水利局", "unit": "鹿邑县农村供水总站", "project": "农村供水保障工程",
    "evaluator": "河南中誉工程管理咨询有限公司", "date": "2024-06", "cover_date": "二〇二四年六月",
    "sources": [("中央水利发展资金", 1800.00, 1735.20), ("省级财政补助资金", 450.00, 426.16),
                ("县级配套资金", 400.00, 351.00)],  # 万元: 预算, 实际支出
    # section: [(二级指标, 三级指标, 指标解释, 评分标准, 分值, 得分)]
    "sections": [
        ("决策", [
            ("项目立项", "立项依据充分性", "项目立项是否符合法律法规、相关政策、发展规划及部门职责",
             "立项依据充分得2分；每发现一项不符合扣0.5分，扣完为止", 2, 2),
            ("项目立项", "立项程序规范性", "项目申请、设立过程是否符合相关要求",
             "程序规范得2分；缺少可行性研究或审批文件的扣1分", 2, 2),
            ("绩效目标", "绩效目标合理性", "项目所设定的绩效目标是否依据充分、符合客观实际",
             "目标与实际工作内容相关、符合正常业绩水平的得3分，每有一项不符合扣1分", 3, 2),
            ("绩效目标", "绩效指标明确性", "绩效目标是否细化分解为具体的绩效指标",
             "指标细化、量化、可衡量得3分；未量化的每项扣0.5分，扣完为止", 3, 2),
            ("资金投入", "预算编制科学性", "预算编制是否经过科学论证、有明确标准",
             "预算编制经过论证、内容与项目内容匹配得3分；测算依据不充分的扣0.5-1分", 3, 2.5),
            ("资金投入", "资金分配合理性", "资金分配是否有测算依据、与实际相适应", "分配依据充分、额度合理得2分", 2, 2)]),
        ("过程", [
            ("资金管理", "资金到位率", "实际到位资金与预算资金的比率", "资金到位率100%得3分，每降低1个百分点扣0.5分", 3, 3),
            ("资金管理", "预算执行率", "实际支出资金与实际到位资金的比率",
             "预算执行率≥95%得5分；90%（含）-95%得3分；90%以下不得分", 5, 3),
            ("资金管理", "资金使用合规性", "资金使用是否符合财务管理制度及专项资金管理办法",
             "资金使用合规得4分；发现一项不合规扣1分", 4, 3),
            ("组织实施", "管理制度健全性", "是否建立健全项目管理制度和财务管理制度", "制度健全得4分；每缺少一项扣1分", 4, 4),
            ("组织实施", "制度执行有效性", "招投标、合同管理、监理及验收等制度是否有效执行",
             "执行有效得4分；每发现一项执行不到位扣1分", 4, 3)]),
        ("产出", [
            ("产出数量", "新建改造供水管网长度", "实际完成管网长度与计划长度的比率",
             "完成率100%得8分，每降低1个百分点扣0.5分", 8, 8),
            ("产出数量", "新建加压泵站数量", "实际建成加压泵站数量", "全部完成得6分，每少1座扣2分", 6, 6),
            ("产出质量", "工程验收合格率", "验收合格的单位工程占全部单位工程的比例", "合格率100%得6分，每降低1个百分点扣1分", 6, 6),
            ("产出质量", "供水水质达标率", "水质检测达标的样本占检测样本的比例",
             "达标率≥95%得5分；每降低1个百分点扣0.5分", 5, 6),  # planted: 得分 6 over its 分值 5
            ("产出质量", "管网漏损率", "管网漏损水量占供水总量的比例", "漏损率≤10%得5分，每超出1个百分点扣1分", 5, 4),
            ("产出时效", "工程按期完工率", "按合同工期完工的单位工程占比", "按期完工率100%得5分，每降低1个百分点扣0.5分", 5, 4),
            ("产出成本", "工程造价控制情况", "实际造价与批复概算的比较", "实际造价不超过批复概算得5分，超出的按超出比例扣分", 5, 5)]),
        ("效益", [
            ("社会效益", "农村自来水普及率", "项目区农村集中供水覆盖人口占总人口的比例",
             "普及率≥95%得6分，每降低1个百分点扣1分", 6, 6),
            ("社会效益", "受益人口", "项目实施后新增及改善供水受益人口", "受益人口达到计划数得5分，未达到的按完成比例计分", 5, 5),
            ("可持续影响", "工程长效运行管护机制", "是否建立工程运行管护制度并落实管护主体和经费",
             "建立管护制度并落实管护经费得4分；管护经费未落实扣2分", 4, 2),
            ("满意度", "受益群众满意度", "通过问卷调查了解受益群众对供水服务的满意程度",
             "满意度≥90%得10分；80%（含）-90%得8分；80%以下不得分", 10, 8)]),
    ],
    "planted": "供水水质达标率",
    "targets": [("新建改造供水管网", "不少于", ">=", 180, "公里"), ("新建加压泵站", "", None, 6, "座"),
                ("工程验收合格率", "", None, 100, "%"), ("供水水质达标率", "不低于", ">=", 95, "%"),
                ("管网漏损率", "控制在", "<=", 10, "%"), ("农村自来水普及率", "达到", ">=", 95, "%"),
                ("受益人口", "不少于", ">=", 12, "万人"), ("受益群众满意度", "不低于", ">=", 90, "%")],
    "actuals": [("新建改造供水管网", 186.5, "公里"), ("新建加压泵站", 6, "座"), ("工程验收合格率", 100, "%"),
                ("工程按期完工率", 98, "%"), ("供水水质达标率", 96.3, "%"), ("管网漏损率", 11, "%"),
                ("农村自来水普及率", 96.2, "%"), ("受益人口", 12.6, "万人"), ("受益群众满意度", 87.6, "%")],
}


def _target_phrase(n, word, v, u):
    if word == "控制在":
        return f"{n}控制在{num(v)}{u}以内"
    if word == "达到":
        return f"{n}达到{num(v)}{u}以上"
    return f"{n}{word}{num(v)}{u}"


def make_henan(out: Path) -> tuple[Path, dict, list]:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    s = HENAN
    budget, spent = r2(sum(b for _, b, _ in s["sources"])), r2(sum(x for _, _, x in s["sources"]))
    rate = r2(spent / budget * 100)
    sec = [(n, sum(i[4] for i in its), r2(sum(i[5] for i in its))) for n, its in s["sections"]]
    total = r2(sum(p for _, _, p in sec))
    assert sum(m for _, m, _ in sec) == 100 and 80 <= total < 90

    doc = Document()
    a4(doc, 2.4)
    for _ in range(5):
        doc.add_paragraph()
    _para(doc, f"{s['county']}{s['project']}", True, True, 22)
    _para(doc, "2023年度财政支出绩效评价报告", True, True, 22)
    for _ in range(6):
        doc.add_paragraph()
    for label, value in (("项目名称", s["project"]), ("主管部门", s["department"]), ("实施单位", s["unit"]),
                         ("委托单位", "鹿邑县财政局"), ("评价机构", s["evaluator"])):
        _para(doc, f"{label}：{value}", size=14)
    _para(doc, s["cover_date"], center=True, size=14)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    _para(doc, f"{s['county']}{s['project']}2023年度绩效评价报告", True, True, 16)
    doc.add_paragraph(f"受鹿邑县财政局委托，{s['evaluator']}（以下简称“评价机构”）依据《河南省省级预算项目支出绩效评价管理"
                      f"办法》等规定，对{s['department']}实施的2023年度{s['project']}开展了第三方绩效评价，现将评价情况报告如下。")
    _para(doc, "一、项目基本情况", True)
    doc.add_paragraph("（一）项目概况。鹿邑县位于河南省东部、周口市东部，下辖24个乡镇（街道），农村人口约86万人。为解决部分"
                      "乡镇供水管网老化、水压不足、水质不稳定等问题，县水利局组织实施农村供水保障工程，建设内容包括新建改造"
                      "供水管网、新建加压泵站及水质净化消毒设施，由县农村供水总站负责具体实施。")
    doc.add_paragraph(
        f"（二）资金情况。项目预算安排{w(budget)}万元，其中：" + "；".join(
            f"{n}预算{w(b)}万元，实际支出{w(x)}万元" for n, b, x in s["sources"])
        + f"。截至2023年12月31日，资金到位{w(budget)}万元，到位率100%；实际支出{w(spent)}万元，预算执行率{pct(rate)}。")
    doc.add_paragraph("（三）绩效目标。项目年度绩效目标为：" + "，".join(
        _target_phrase(n, word, v, u) for n, word, _, v, u in s["targets"]) + "。")
    _para(doc, "二、绩效评价工作开展情况", True)
    doc.add_paragraph("评价机构按照相关性、重要性、可比性、系统性和经济性原则，从决策、过程、产出、效益四个维度设置评价指标体系，"
                      "通过资料核查、现场勘查、水质抽检资料复核和问卷调查等方式开展评价，共发放问卷420份，收回有效问卷406份。"
                      "评价结果实行百分制，综合得分90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，"
                      "60分以下为“差”。")
    _para(doc, "三、综合评价结论", True)
    doc.add_paragraph(f"经综合评价，{s['project']}综合得分{num(total)}分，评价等级为“良”。其中，" + "；".join(
        f"{n}类指标权重{m}分，得分{num(p)}分，得分率{pct(r2(p / m * 100))}" for n, m, p in sec) + "。")
    _para(doc, "四、绩效分析", True)
    doc.add_paragraph("项目全年实际" + "，".join(f"{n}{num(v)}{u}" for n, v, u in s["actuals"])
                      + "。管网漏损率和受益群众满意度未达到年度目标，部分村组末端管网水压仍不稳定。")
    doc.add_paragraph("各项指标评分情况详见表1。")
    _para(doc, f"表1 {s['county']}{s['project']}绩效评价指标评分表", True, True)
    grid = [["一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "得分"]]
    merges, gold_ind = [], []
    for name, items in s["sections"]:
        start = len(grid)
        for k, (l2, l3, expl, rule, wt, p) in enumerate(items):
            if k == 0 or l2 != items[k - 1][0]:
                s2 = len(grid)
            grid.append([name if k == 0 else "", l2 if len(grid) == s2 else "", l3, expl, rule, num(wt), num(p)])
            if (k == len(items) - 1 or items[k + 1][0] != l2) and len(grid) - 1 > s2:
                merges.append((s2, 1, len(grid) - 1, 1))
            gold_ind.append({"tier": 2, "level1": name, "level2": l2, "name": l3, "weight": wt, "score": p})
        merges.append((start, 0, len(grid) - 1, 0))
    grid.append(["合计", "", "", "", "", "100", num(total)])
    merges.append((len(grid) - 1, 0, len(grid) - 1, 4))
    table = docx_table(doc, grid, merges, font_pt=9)
    _layout(table, (1.8, 1.8, 2.4, 3.6, 4.4, 1.1, 1.1), keep_rows=True)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()  # 重复标题行
    tr_pr.append(OxmlElement("w:tblHeader"))
    tr_pr[-1].set(qn("w:val"), "true")
    _para(doc, "五、存在的问题", True)
    for t in ("（一）绩效目标设置不够全面。年度绩效目标未设置工程按期完工率等时效指标，部分指标缺少测算依据。",
              "（二）县级配套资金支出偏慢。县级配套资金年底仍有部分未支出，影响项目整体执行进度。",
              "（三）工程运行管护经费未完全落实。部分乡镇管护责任主体不明确，末端管网维修不及时。"):
        doc.add_paragraph(t)
    _para(doc, "六、相关建议", True)
    doc.add_paragraph("一是完善绩效目标体系，细化量化时效和成本指标；二是加快县级配套资金拨付；三是建立稳定的工程运行管护"
                      "经费保障机制，加强末端管网巡查维修，降低管网漏损率。")
    _para(doc, f"{s['evaluator']}\n2024年6月")
    path = out / "henan-luyi-2023-third-party.docx"
    doc.save(path)

    planted = next(i for _, its in s["sections"] for i in its if i[1] == s["planted"])
    gold = {
        "files": [path.name],
        "note": "Scoring table with long 指标解释 and 评分标准 columns, merged 一级/二级 cells, header row repeated on each "
                "page, no 小计 rows: section subtotals (权重/得分/得分率) are stated only in the prose of 三、; the 合计 "
                "row holds the total. Grade bands are stated in 二、.",
        "report": {"kind": "third_party", "province": "河南省", "city": "周口市", "county": s["county"],
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "良", "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "budget_yuan": r2(budget * 1e4), "spent_yuan": r2(spent * 1e4),
                     "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": r2(b * 1e4), "spent_yuan": r2(x * 1e4)} for n, b, x in s["sources"]],
        "scores": [{"section": n, "max_points": m, "points": p, "reported_rate_pct": r2(p / m * 100)} for n, m, p in sec],
        "indicators": gold_ind
        + [{"tier": 3, "name": n, **({"target_op": op} if op else {}), "target_value": v, "unit": u}
           for n, _, op, v, u in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, v, u in s["actuals"]],
        "tables": [],
        "checks": [{"what": f"{planted[1]} 得分 {num(planted[5])} exceeds its 分值 {num(planted[4])} (the section and "
                            f"合计 sums include the {num(planted[5])})",
                    "reported": planted[5], "recomputed": planted[4], "expect": "mismatch"}],
    }
    return path, gold, [truth(grid, merges)]

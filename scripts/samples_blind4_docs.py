"""Fourth blind batch, Word: a Guizhou county department's disclosure holding three reports, its 部门整体支出绩效自评报告
in prose (3-4 pages) followed by two 项目支出绩效自评表 as attachments. Written without looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import _i, truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import NATIONAL_MONEY, a4, figures, form, form_gold
from samples_blind3_reports import page_break, w
from samples_common import docx_table, grade_of, num, pct, r2

IND_HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def phrase(name, word, v, u):
    return f"{name}{v:g}{u}以上" if word == "以上" else f"{name}{word}{v:g}{u}"


# ---------------------------------------------------------------- Guizhou: 遵义市湄潭县, three reports in one file
GZ = {
    "unit": "湄潭县农业农村局", "date": "2024-03-22", "date_text": "2024年3月22日",
    "lines": [("基本支出", 1926.80, 77.35, 2004.15), ("项目支出", 4915.55, 1138.25, 5892.27)],  # 万元: 年初, 调整, 执行
    "sections": [("投入", 20, 19), ("过程", 30, 28.5), ("产出", 30, 28), ("效益", 20, 18.5)],
    "targets": [("粮食播种面积", "不低于", ">=", 49.5, "万亩"), ("茶叶总产量", "以上", ">=", 8.5, "万吨"),
                ("农产品质量安全例行监测合格率", "不低于", ">=", 98, "%"), ("动物强制免疫应免密度", "不低于", ">=", 90, "%"),
                ("农村居民人均可支配收入增长率", "不低于", ">=", 7, "%")],
    "actuals": [("粮食播种面积", 50.12, "万亩"), ("茶叶总产量", 8.73, "万吨"), ("农产品质量安全例行监测合格率", 99.4, "%"),
                ("动物强制免疫应免密度", 96.2, "%"), ("农村居民人均可支配收入增长率", 7.6, "%")],
    "projects": [
        {"project": "茶园病虫害绿色防控项目", "unit": "湄潭县茶产业发展中心", "stated_rate": None, "slug": "tea-pest-control",
         "note": "Second of three reports in one disclosure file (附件1, after the department's prose report): a "
                 "national 项目支出绩效自评表 in 万元 with its own title, 项目名称, 主管部门, 实施单位 and 填报日期. "
                 "Consistent: the control form of the file.",
         "lines": [("中央财政资金", 320.00, 320.00, 316.85), ("县级财政资金", 80.00, 65.00, 61.60)],
         "goal": "在全县茶园推广绿色防控技术20万亩以上，安装太阳能杀虫灯1500盏，减少化学农药使用量，保障茶叶质量安全。",
         "done": "完成绿色防控20.6万亩，安装太阳能杀虫灯1528盏，培训茶农3240人次，茶叶农药残留抽检全部合格。",
         "items": [("产出指标", "数量指标", _i("绿色防控覆盖面积", "≥20万亩", "20.6万亩", 10, 10, ">=", 20, "万亩", 20.6)),
                   ("产出指标", "数量指标", _i("安装太阳能杀虫灯", "≥1500盏", "1528盏", 8, 8, ">=", 1500, "盏", 1528)),
                   ("产出指标", "数量指标", _i("茶农技术培训", "≥3000人次", "3240人次", 7, 7, ">=", 3000, "人次", 3240)),
                   ("产出指标", "质量指标", _i("茶叶农药残留抽检合格率", "100%", "100%", 10, 10, None, 100, "%", 100)),
                   ("产出指标", "时效指标", _i("防控物资发放及时率", "≥95%", "98%", 5, 5, ">=", 95, "%", 98)),
                   ("产出指标", "成本指标", _i("亩均防控补助", "≤15元", "14.8元", 10, 10, "<=", 15, "元", 14.8)),
                   ("效益指标", "经济效益指标", _i("茶青亩均增收", "≥200元", "236元", 10, 10, ">=", 200, "元", 236)),
                   ("效益指标", "生态效益指标", _i("化学农药使用量减少", "≥10%", "12.6%", 10, 10, ">=", 10, "%", 12.6)),
                   ("效益指标", "可持续影响指标", _i("绿色防控技术推广机制", "长效", "基本形成", 10, 9,
                                             dev="部分分散茶园农户参与不足；推行统防统治服务")),
                   ("满意度指标", "服务对象满意度指标", _i("茶农满意度", "≥90%", "94.8%", 10, 9.5, ">=", 90, "%", 94.8))]},
        {"project": "高标准农田建设项目", "unit": "湄潭县农田建设服务中心", "slug": "farmland",
         "stated_rate": 99.21,  # planted: 执行数/预算数 = 97.21%
         "note": "Third of three reports in one disclosure file (附件2). Planted: 执行率 99.21% stated, but 全年执行数 / "
                 "全年预算数 = 97.21%; the 执行率 得分 9.92 follows the stated rate (as fillers compute it), so it is no "
                 "second discrepancy.",
         "lines": [("中央财政资金", 1650.00, 1650.00, 1618.92), ("省级财政资金", 420.00, 420.00, 402.35),
                   ("县级财政资金", 230.00, 186.00, 171.80)],
         "goal": "新建高标准农田1.5万亩，配套建设灌排渠道、田间道路等设施，提升耕地质量和粮食综合生产能力。",
         "done": "建成高标准农田1.52万亩，新建（改造）灌排渠道43.6公里、田间道路35.2公里，工程全部通过验收。",
         "items": [("产出指标", "数量指标", _i("新建高标准农田面积", "≥1.5万亩", "1.52万亩", 10, 10, ">=", 1.5, "万亩", 1.52)),
                   ("产出指标", "数量指标", _i("新建（改造）灌排渠道", "≥42公里", "43.6公里", 8, 8, ">=", 42, "公里", 43.6)),
                   ("产出指标", "数量指标", _i("新修田间道路", "≥36公里", "35.2公里", 7, 6.5, ">=", 36, "公里", 35.2,
                                          "2处道路因用地调整取消；下年度结合项目区调整补建")),
                   ("产出指标", "质量指标", _i("工程验收合格率", "100%", "100%", 10, 10, None, 100, "%", 100)),
                   ("产出指标", "时效指标", _i("项目按期完工率", "≥95%", "93.3%", 5, 4, ">=", 95, "%", 93.3,
                                          "雨季影响1个标段工期；加强施工调度")),
                   ("产出指标", "成本指标", _i("亩均财政投入", "≤1500元", "1443元", 10, 10, "<=", 1500, "元", 1443)),
                   ("效益指标", "经济效益指标", _i("项目区粮食亩均增产", "≥50公斤", "56公斤", 10, 10, ">=", 50, "公斤", 56)),
                   ("效益指标", "社会效益指标", _i("受益农户", "≥8000户", "8426户", 10, 10, ">=", 8000, "户", 8426)),
                   ("效益指标", "可持续影响指标", _i("工程设施管护机制", "健全", "健全", 10, 10)),
                   ("满意度指标", "服务对象满意度指标", _i("受益农户满意度", "≥90%", "92.6%", 10, 9, ">=", 90, "%", 92.6))]},
    ],
}


def official(doc) -> None:
    """The body text as government reports set it: 14 pt, fixed 26 pt lines, first lines indented two characters."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for p in doc.paragraphs:
        p.paragraph_format.line_spacing = Pt(26)
        if p.alignment != WD_ALIGN_PARAGRAPH.CENTER and not (p.runs and p.runs[0].font.size):
            p.paragraph_format.first_line_indent = Pt(28)
        for run in p.runs:
            run.font.size = run.font.size or Pt(14)


def guizhou_project(doc, p: dict) -> tuple[dict, dict]:
    f = figures(p["lines"], p["stated_rate"], items=p["items"])
    _para(doc, "项目支出绩效自评表", True, True, 15)
    _para(doc, "（2023年度）", center=True)
    head = [[("项目名称", 1), (p["project"], 8)], [("主管部门", 1), (GZ["unit"], 3), ("实施单位", 1), (p["unit"], 4)]]
    rows, merges, gold_ind = form(head, "项目资金（万元）", NATIONAL_MONEY, p["lines"], f, w, pct, num, p["goal"], p["done"],
                                  IND_HEADER, p["items"], "总分", ("自评等级", grade_of(f["total"])))
    _layout(docx_table(doc, rows, merges, font_pt=8), (1.2, 1.4, 1.6, 3.0, 1.9, 1.9, 1.0, 1.3, 2.8))
    doc.add_paragraph(f"填报单位（盖章）：{p['unit']}        填报日期：2024年3月15日")
    checks = []
    if p["stated_rate"] is not None:
        checks.append({"what": f"执行率 {pct(f['stated_rate'])} stated, but 全年执行数 {w(f['spent'])} / 全年预算数 "
                               f"{w(f['final'])} 万元 = {pct(f['rate'])} (得分 {num(f['bscore'])} follows the stated rate)",
                       "reported": f["stated_rate"], "recomputed": f["rate"], "expect": "mismatch"})
    gold = form_gold({"province": "贵州省", "city": "遵义市", "county": "湄潭县"}, {**p, "department": GZ["unit"],
                     "date": "2024-03-15"}, f, gold_ind, 1e4, grade_of(f["total"]), checks,
                     p["note"])
    return {"rows": rows, "merges": merges}, gold


def make_guizhou(out: Path) -> tuple[Path, list, list]:
    from docx import Document

    s = GZ
    lines = [(n, a, r2(a + d), x, d) for n, a, d, x in s["lines"]]
    a, b, x, adj = (r2(sum(ln[k] for ln in lines)) for k in (1, 2, 3, 4))
    rate, left = r2(x / b * 100), r2(b - x)
    total = r2(sum(p for _, _, p in s["sections"]))
    assert sum(m for _, m, _ in s["sections"]) == 100 and grade_of(total) == "优"
    doc = Document()
    a4(doc, 2.6)
    _para(doc, f"{s['unit']}2023年度部门整体支出绩效自评报告", True, True, 16)
    P = doc.add_paragraph
    P("根据《湄潭县财政局关于开展2023年度预算绩效自评工作的通知》要求，我局对2023年度部门整体支出开展了绩效自评，"
      "现将有关情况报告如下。")
    _para(doc, "一、部门基本情况", True)
    P("（一）部门职能。湄潭县农业农村局是县人民政府工作部门，主要负责统筹研究和组织实施“三农”工作发展战略、中长期规划和"
      "重大政策；负责粮食等重要农产品生产和茶产业发展的指导服务；负责农田建设、耕地质量和农业资源保护；负责农产品质量安全"
      "监管、动植物疫病防控和农业综合执法；负责农村人居环境整治、农村集体产权制度改革和农村宅基地管理等工作。")
    P("（二）机构设置及人员情况。我局内设办公室、计划财务股、农业产业发展股、农田建设管理股、农产品质量安全监管股等11个股室，"
      "下属湄潭县茶产业发展中心、湄潭县农田建设服务中心、湄潭县农业技术推广站等8个事业单位。年末在职人员236人，退休人员"
      "142人。纳入2023年度部门决算编报范围的单位共9个。")
    P("（三）年度主要工作任务。一是稳定粮食生产，落实粮食安全党政同责；二是做大做强茶产业，推进茶园绿色防控和茶叶品牌建设；"
      "三是加快高标准农田建设，提升耕地质量；四是抓好农产品质量安全监管和重大动物疫病防控；五是巩固拓展脱贫攻坚成果，"
      "持续推进和美乡村建设。")
    P("（四）年度绩效目标。全县" + "，".join(phrase(n, wd, v, u) for n, wd, _, v, u in s["targets"])
      + "；高标准农田建设、茶园绿色防控等重点项目按期完成，不发生区域性重大动物疫情和重大农产品质量安全事件。")
    _para(doc, "二、部门整体支出情况", True)
    P(f"（一）预算安排及调整情况。2023年初部门预算{w(a)}万元，年中追加预算{w(adj)}万元，全年预算{w(b)}万元。"
      "追加预算主要为上级下达的高标准农田建设、耕地地力保护等专项资金。")
    P(f"（二）预算执行情况。2023年度部门全年支出{w(x)}万元，预算执行率{pct(rate)}。其中："
      + "；".join(f"{n}全年预算{w(fb)}万元，支出{w(sx)}万元，执行率{pct(r2(sx / fb * 100))}" for n, _, fb, sx, _ in lines)
      + f"。年末结转结余{w(left)}万元，主要为高标准农田建设项目质保金及尾款。分项情况见表1。")
    _para(doc, "表1  2023年度部门预算执行情况表", True, True)
    _para(doc, "单位：万元", center=False, size=9)
    t1 = [["项目", "年初预算数", "预算调整数", "全年预算数", "全年执行数", "执行率"]]
    t1 += [[n, w(ia), w(d), w(fb), w(sx), pct(r2(sx / fb * 100))] for n, ia, fb, sx, d in lines]
    t1.append(["合计", w(a), w(adj), w(b), w(x), pct(rate)])
    _layout(docx_table(doc, t1, [], font_pt=9), (2.6, 2.6, 2.6, 2.6, 2.6, 2.2))
    P("（三）“三公”经费及政府采购情况。2023年度“三公”经费支出较上年下降，公务接待严格执行标准；全年政府采购均按规定"
      "程序实施，未发现违规采购行为。")
    _para(doc, "三、部门整体支出绩效情况", True)
    P("（一）产出情况。2023年全县" + "，".join(f"{n}{v:g}{u}" for n, v, u in s["actuals"][:2])
      + "，均完成年度目标；新建高标准农田1.52万亩，完成茶园病虫害绿色防控20.6万亩，安装太阳能杀虫灯1528盏。")
    P("（二）质量及效益情况。" + "，".join(f"{n}{v:g}{u}" for n, v, u in s["actuals"][2:4])
      + "，全年未发生区域性重大动物疫情和重大农产品质量安全事件。全县" + "{}{:g}{}".format(*s["actuals"][4])
      + "，茶产业带动茶农持续增收，项目区粮食亩均增产56公斤。")
    P("（三）满意度情况。通过发放问卷和走访调查，服务对象对我局农业技术服务、惠农补贴发放等工作总体满意度较高。")
    P("（四）重点工作完成情况。茶产业方面，持续推进茶园“三品一标”建设，开展茶叶公用品牌宣传推介，组织茶企参加各类"
      "展销活动；农田建设方面，严格执行项目招投标、监理和竣工验收制度，建成项目及时移交村集体管护；农产品质量安全方面，"
      "落实食用农产品承诺达标合格证制度，开展农药兽药残留专项整治；乡村建设方面，持续推进农村人居环境整治，完成农村"
      "户厕问题摸排整改，村庄清洁行动常态化开展。")
    P("（五）预算管理情况。我局严格执行《预算法》及财务管理制度，建立健全内部控制制度，预算编制较为科学，项目资金实行"
      "专账核算，资产管理规范，按规定公开部门预决算信息。")
    _para(doc, "四、自评结论", True)
    P("根据部门整体支出绩效评价指标体系，我局从投入、过程、产出、效益四个方面进行自评，其中："
      + "，".join(f"{n}类指标（{m}分）得{num(p)}分" for n, m, p in s["sections"])
      + f"，综合自评得分{num(total)}分，自评等级为“优”。")
    _para(doc, "五、存在的问题", True)
    P("（一）部分项目预算执行进度偏慢，个别高标准农田建设标段受雨季影响未能按期完工。（二）绩效目标设置还不够细化，"
      "部分指标以定性描述为主。（三）绩效评价结果运用不够充分。")
    _para(doc, "六、改进措施", True)
    P("（一）加快项目实施和资金支付进度，按月调度重点项目执行情况。（二）提高绩效目标编制质量，尽量细化量化指标。"
      "（三）将绩效自评结果作为下年度预算安排的重要依据。")
    P("附件：1.茶园病虫害绿色防控项目支出绩效自评表  2.高标准农田建设项目支出绩效自评表")
    _para(doc, f"{s['unit']}\n{s['date_text']}")
    official(doc)
    golds, truths = [], [truth(t1, [])]
    for k, p in enumerate(s["projects"]):
        page_break(doc)
        _para(doc, f"附件{k + 1}", True)
        grid, gold = guizhou_project(doc, p)
        truths.append(truth(grid["rows"], grid["merges"]))
        golds.append((f"guizhou-meitan-2023-project-{p['slug']}", gold))
    path = out / "guizhou-meitan-2023-department-disclosure.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    dept = {
        "note": "First of three reports in one file: the department's 部门整体支出绩效自评报告 in prose (about four pages, "
                "with 表1 of 基本支出/项目支出 and a 合计 row), followed by two 项目支出绩效自评表 as 附件1 and 附件2. "
                "Targets (四) and results (三) of the department are prose only: tier 3. Section scores stated in the "
                "自评结论 sentence. No discrepancy planted in this report (the planted 执行率 is in 附件2).",
        "report": {"kind": "department_self", "province": "贵州省", "city": "遵义市", "county": "湄潭县", "unit": s["unit"],
                   "project": None, "fiscal_year": 2023, "report_date": s["date"], "reported_score": total,
                   "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(a), "adjusted_yuan": y(adj), "budget_yuan": y(b),
                     "spent_yuan": y(x), "reported_rate_pct": rate}]
        + [{"line": n, "initial_yuan": y(ia), "adjusted_yuan": y(d), "budget_yuan": y(fb), "spent_yuan": y(sx),
            "reported_rate_pct": r2(sx / fb * 100)} for n, ia, fb, sx, d in lines],
        "scores": [{"section": n, "max_points": m, "points": p} for n, m, p in s["sections"]],
        "indicators": [{"tier": 3, "name": n, "target_op": op, "target_value": v, "unit": u}
                       for n, _, op, v, u in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, v, u in s["actuals"]],
        "tables": [], "checks": [],
    }
    return path, [("guizhou-meitan-2023-department-self", dept)] + golds, truths


"""Second blind batch, forms: a Beijing district form (grid only; the workbook is written by make_blind_samples2),
three Nantong (Jiangsu) forms in one DOCX, and a Dianjiang (Chongqing) form whose indicator block crosses a page.
Written without looking at the reader's code.

Every form is the national 项目支出绩效自评表 grid (samples_blind_forms.national_form) with the labels each place
uses put back in: 预算数/执行数/执行率（B/A）, 指标值/实际值, 权重/评分.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import Num, _i, national_form, text_of, truth
from samples_blind_reports import _layout, _para
from samples_common import docx_table, indicator_gold, money, num, pct, r2


def figures(lines: list, stated_rate=None, total_typo=0.0, items=()) -> dict:
    """Totals of the money lines (label, 年初 or None, 全年预算, 全年执行) and the scores they lead to.

    The rate's 得分 follows the rate the form states (as fillers compute it)."""
    f = {"initial": r2(sum(a or 0 for _, a, _, _ in lines)), "final": r2(sum(b for _, _, b, _ in lines)),
         "spent": r2(sum(x for _, _, _, x in lines))}
    f["rate"] = r2(f["spent"] / f["final"] * 100)
    f["stated_rate"] = f["rate"] if stated_rate is None else stated_rate
    f["bscore"] = r2(f["stated_rate"] / 10)
    f["items"] = r2(sum(i["score"] for _, _, i in items))
    f["true_total"] = r2(f["bscore"] + f["items"])
    f["total"] = r2(f["true_total"] + total_typo)
    return f


def form(head, money_label, money_hdr, lines, f, fm, fr, fs, goal, done, ind_header, items, total_label, grade):
    """national_form with this place's labels: money header (6 labels), total row label, grade row label."""
    total_line = ("年度资金总额", f["initial"], f["final"], f["spent"], fr(f["stated_rate"]), fs(f["bscore"]))
    body = [(("其中：" if k == 0 else "") + n, a, b, x) for k, (n, a, b, x) in enumerate(lines)]
    rows, merges, gold_ind = national_form(head, money_label, [total_line] + body, fm, fr, fs, ind_header, goal, done,
                                           items, fs(f["total"]), grade[1] if grade else None)
    rows[len(head)][3:9] = money_hdr
    t = next(r for r, row in enumerate(rows) if row[0] == "总分")
    rows[t][0] = total_label
    if grade:
        rows[t + 1][0] = grade[0]
    return rows, merges, gold_ind


def form_gold(place: dict, s: dict, f: dict, gold_ind: list, unit_mult: float, grade, checks: list, note: str) -> dict:
    m = lambda x: r2(x * unit_mult)  # noqa: E731  (万元 → 元)
    budgets = [{"line": "total", "initial_yuan": m(f["initial"]), "budget_yuan": m(f["final"]),
                "spent_yuan": m(f["spent"]), "reported_rate_pct": f["stated_rate"]}]
    budgets += [{"line": n, **({"initial_yuan": m(a)} if a is not None else {}), "budget_yuan": m(b), "spent_yuan": m(x)}
                for n, a, b, x in s["lines"]]
    return {
        "note": note,
        "report": {"kind": "project_self", **place, "department": s["department"], "unit": s["unit"],
                   "project": s["project"], "fiscal_year": 2023, "report_date": s["date"],
                   "reported_score": f["total"], "reported_grade": grade, "evaluator": None},
        "budgets": budgets, "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": f["bscore"], "actual_value": f["stated_rate"],
                        "unit": "%"}] + gold_ind,
        "tables": [], "checks": checks,
    }


def a4(doc, margin_cm=1.8):
    from docx.shared import Cm

    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(margin_cm)
    sec.top_margin = sec.bottom_margin = Cm(2.0)


# ---------------------------------------------------------------- Beijing: 门头沟区, 金额单位 in a caption line above
BEIJING = {
    "department": "北京市门头沟区园林绿化局", "unit": "北京市门头沟区林业工作站", "project": "浅山区森林健康经营项目",
    "date": "2024-03-20", "date_text": "2024年3月20日",
    "lines": [("当年财政拨款", 1286.40, 1286.40, 1255.16), ("上年结转资金", None, 66.40, 63.40)],  # 万元
    "goal": "完成浅山区森林健康经营抚育2.6万亩以上，实施修枝割灌、补植补造和林木病虫害防治，提高森林质量和生态服务功能，"
            "带动本地农民就业增收。",
    "done": "全年完成森林健康经营抚育2.65万亩，修枝割灌8120亩，抚育作业验收合格率97.2%，带动本地农民就业286人。",
    "items": [
        ("产出指标", "数量指标", _i("森林健康经营抚育面积", "≥2.6万亩", "2.65万亩", 10, 10, ">=", 2.6, "万亩", 2.65)),
        ("产出指标", "数量指标", _i("修枝割灌作业面积", "≥8000亩", "8120亩", 5, 5, ">=", 8000, "亩", 8120)),
        ("产出指标", "质量指标", _i("抚育作业验收合格率", "≥95%", "97.2%", 10, 10, ">=", 95, "%", 97.2)),
        ("产出指标", "质量指标", _i("补植苗木成活率", "≥90%", "92.5%", 5, 5, ">=", 90, "%", 92.5)),
        ("产出指标", "时效指标", _i("抚育作业完成时间", "2023年11月底前", "2023年11月28日", 5, 5)),
        ("产出指标", "时效指标", _i("资金拨付及时率", "100%", "100%", 5, 5, None, 100, "%", 100)),
        ("产出指标", "成本指标", _i("亩均抚育成本", "≤480元/亩", "468元/亩", 10, 10, "<=", 480, "元/亩", 468)),
        ("效益指标", "生态效益指标", _i("林分郁闭度提升", "≥0.05", "0.06", 10, 10, ">=", 0.05, None, 0.06)),
        ("效益指标", "生态效益指标", _i("林业有害生物成灾率", "≤3‰", "0.8‰", 10, 10, "<=", 3, "‰", 0.8)),
        ("效益指标", "社会效益指标", _i("带动本地农民就业人数", "≥300人", "286人", 10, 8, ">=", 300, "人", 286,
                                  "部分作业由专业队伍承担；下年度优先吸纳本地农民参与")),
        ("满意度指标", "服务对象满意度指标", _i("周边群众满意度", "≥90%", "94.3%", 10, 10, ">=", 90, "%", 94.3)),
    ],
}
NATIONAL_MONEY = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


def beijing_grid() -> tuple[list, list, dict]:
    s = BEIJING
    f = figures(s["lines"], items=s["items"])
    assert f["total"] >= 90
    fm = lambda x: Num(x, "0.00", f"{x:.2f}")  # noqa: E731  plain numbers, no separators: the unit is above the table
    fr = lambda p: Num(round(p / 100, 4), "0.00%", pct(p))  # noqa: E731
    fs = lambda x: Num(x, "General", num(x))  # noqa: E731
    lines = s["lines"] + [("其他资金", None, None, None)]  # printed, left blank
    head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (s["department"], 3), ("实施单位", 1), (s["unit"], 4)]]
    rows, merges, gold_ind = form(
        head, "项目资金", NATIONAL_MONEY, lines, f, fm, fr, fs, s["goal"], s["done"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        s["items"], "总分", ("自评等级", "优"))
    gold = form_gold({"province": "北京市", "city": "北京市", "county": "门头沟区"}, s, f, gold_ind, 1e4, "优", [],
                     "Clean control: no discrepancy. 金额单位：万元 stands in a caption line above the ruled form, not in "
                     "any cell; money cells are plain numbers (1286.40). city = 北京市: the municipality stands as both "
                     "province and prefecture for its districts (a choice).")
    return rows, merges, gold


# ---------------------------------------------------------------- Jiangsu: three forms in one DOCX, 元 with cents
NANTONG_DEPT = "南通市文化广电和旅游局"
JIANGSU = [
    {"project": "博物馆免费开放运行保障经费", "unit": "南通博物苑", "date": "2024-04-08", "date_text": "2024年4月8日",
     "lines": [("财政拨款", 2860000.00, 2860000.00, 2803517.36), ("其他资金", 120000.00, 185000.00, 176240.00)],
     "goal": "保障博物苑全年免费开放，举办临时展览8个以上，开展社会教育活动150场以上，争创江苏省一级博物馆运行评估优秀等次。",
     "done": "全年免费开放306天，接待观众62.4万人次，举办临时展览9个、社会教育活动168场。",
     "items": [
         ("产出指标", "数量指标", _i("免费开放天数", "≥300天", "306天", 10, 10, ">=", 300, "天", 306)),
         ("产出指标", "数量指标", _i("举办临时展览数量", "≥8个", "9个", 10, 10, ">=", 8, "个", 9)),
         ("产出指标", "数量指标", _i("社会教育活动场次", "≥150场", "168场", 10, 10, ">=", 150, "场", 168)),
         ("产出指标", "质量指标", _i("藏品完好率", "100%", "100%", 10, 10, None, 100, "%", 100)),
         ("产出指标", "时效指标", _i("展陈设备故障修复时限", "≤48小时", "36小时", 5, 5, "<=", 48, "小时", 36)),
         ("产出指标", "成本指标", _i("单个临时展览布展成本", "≤15万元", "14.2万元", 5, 5, "<=", 15, "万元", 14.2)),
         ("效益指标", "社会效益指标", _i("年接待观众人次", "≥60万人次", "62.4万人次", 15, 15, ">=", 60, "万人次", 62.4)),
         ("效益指标", "可持续影响指标", _i("文物安全事故发生数", "0起", "0起", 5, 5, None, 0, "起", 0)),
         ("满意度指标", "服务对象满意度指标", _i("观众满意度", "≥90%", "96.8%", 20, 20, ">=", 90, "%", 96.8)),
     ], "total_typo": 0.0, "grade": "优"},
    {"project": "公共图书馆数字资源建设项目", "unit": "南通市图书馆", "date": "2024-04-09", "date_text": "2024年4月9日",
     "lines": [("财政拨款", 1500000.00, 1650000.00, 1628906.40), ("上年结转", None, 84300.00, 84300.00)],
     "goal": "采购电子图书、数据库等数字资源，完成地方文献数字化加工，提升数字阅读服务能力。",
     "done": "新增电子图书3.2万种、数据库4个，完成地方文献数字化加工12.6万页；数字资源访问量未达到预期。",
     "items": [
         ("产出指标", "数量指标", _i("新增电子图书", "≥3万种", "3.2万种", 15, 15, ">=", 3, "万种", 3.2)),
         ("产出指标", "数量指标", _i("新增数据库", "≥4个", "4个", 10, 10, ">=", 4, "个", 4)),
         ("产出指标", "数量指标", _i("地方文献数字化加工量", "≥12万页", "12.6万页", 10, 10, ">=", 12, "万页", 12.6)),
         ("产出指标", "质量指标", _i("数字化加工验收合格率", "≥98%", "99.1%", 10, 10, ">=", 98, "%", 99.1)),
         ("产出指标", "时效指标", _i("数字资源上线时间", "2023年10月前", "2023年9月", 5, 5)),
         ("效益指标", "社会效益指标", _i("数字资源年访问量", "≥150万次", "138万次", 20, 17, ">=", 150, "万次", 138,
                                  "推广宣传不足；下年度加强新媒体推广")),
         ("效益指标", "可持续影响指标", _i("数字资源长期保存", "长期", "长期", 5, 5)),
         ("满意度指标", "服务对象满意度指标", _i("读者满意度", "≥90%", "92.7%", 15, 14, ">=", 90, "%", 92.7,
                                        "移动端检索体验欠佳")),
     ], "total_typo": 2.0, "grade": "优"},  # planted: the 总分 shown is 2 points above 执行率评分 + the 评分 column
    {"project": "文化惠民群众文艺活动经费", "unit": "南通市文化馆", "date": "2024-04-12", "date_text": "2024年4月12日",
     "lines": [("财政拨款", 980000.00, 1040000.00, 1012385.50)],
     "goal": "组织开展文化惠民演出、广场文艺活动和公益培训，丰富群众精神文化生活。",
     "done": "全年开展惠民演出126场、公益培训班42期，参与群众约18.5万人次。",
     "items": [
         ("产出指标", "数量指标", _i("惠民演出场次", "≥120场", "126场", 15, 15, ">=", 120, "场", 126)),
         ("产出指标", "数量指标", _i("公益培训班期数", "≥40期", "42期", 10, 10, ">=", 40, "期", 42)),
         ("产出指标", "质量指标", _i("演出节目原创比例", "≥30%", "27.5%", 10, 8, ">=", 30, "%", 27.5,
                                "原创节目创作周期长；加强与基层文艺团队合作")),
         ("产出指标", "时效指标", _i("活动按计划完成率", "≥95%", "100%", 10, 10, ">=", 95, "%", 100)),
         ("产出指标", "成本指标", _i("单场演出平均成本", "≤6000元", "5820元", 5, 5, "<=", 6000, "元", 5820)),
         ("效益指标", "社会效益指标", _i("参与群众人次", "≥18万人次", "18.5万人次", 20, 20, ">=", 18, "万人次", 18.5)),
         ("效益指标", "可持续影响指标", _i("群众文艺团队培育数", "≥20支", "23支", 10, 10, ">=", 20, "支", 23)),
         ("满意度指标", "服务对象满意度指标", _i("群众满意度", "≥90%", "95.6%", 10, 10, ">=", 90, "%", 95.6)),
     ], "total_typo": 0.0, "grade": "优"},
]
JIANGSU_MONEY = ["年初预算数", "调整后预算数", "实际执行数", "权重", "执行率", "评分"]
JIANGSU_IND = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际值", "权重", "评分", "偏差原因分析及改进措施"]
WIDTHS = (1.3, 1.2, 1.4, 2.8, 2.8, 2.8, 1.0, 1.5, 3.2)


def make_jiangsu(out: Path) -> tuple[Path, list, list]:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    a4(doc, 1.5)
    golds, truths = [], []
    path = out / "jiangsu-nantong-2023-project-forms.docx"
    for k, s in enumerate(JIANGSU):
        s = {**s, "department": NANTONG_DEPT}
        f = figures(s["lines"], total_typo=s["total_typo"], items=s["items"])
        head = [[("项目名称", 1), (s["project"], 8)], [("主管部门", 1), (NANTONG_DEPT, 3), ("实施单位", 1), (s["unit"], 4)]]
        rows, merges, gold_ind = form(head, "项目资金（元）", JIANGSU_MONEY, s["lines"], f, money, pct, num, s["goal"],
                                      s["done"], JIANGSU_IND, s["items"], "总分", ("自评等级", s["grade"]))
        _para(doc, "南通市市级项目支出绩效自评表", True, True, 15)
        _para(doc, "（2023年度）", center=True)
        _layout(docx_table(doc, rows, merges, font_pt=9), WIDTHS)
        doc.add_paragraph(f"填报单位（盖章）：{s['unit']}          填报日期：{s['date_text']}")
        if k < len(JIANGSU) - 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        checks = []
        if s["total_typo"]:
            checks.append({"what": f"总分 {num(f['total'])}, but 执行率评分 {num(f['bscore'])} + indicator 评分 "
                                   f"{num(f['items'])} = {num(f['true_total'])}",
                           "reported": f["total"], "recomputed": f["true_total"], "expect": "mismatch"})
        gold = form_gold({"province": "江苏省", "city": "南通市", "county": None}, s, f, gold_ind, 1, s["grade"], checks,
                         "Three forms in one file, one per page (page breaks), money in 元 with thousand separators and "
                         "cents; labels 调整后预算数/实际执行数/权重/评分, 指标值/实际值. Only form 2 (南通市图书馆) is "
                         "inconsistent: its 总分.")
        golds.append((f"{path.stem}-{k}", {"files": [path.name], **gold}))
        truths.append(truth(rows, merges))
    doc.save(path)
    return path, golds, truths


# ---------------------------------------------------------------- Chongqing: 垫江县, long merged indicator block
CHONGQING = {
    "department": "垫江县文化和旅游发展委员会", "unit": "垫江县文化馆", "project": "公共文化服务体系建设补助资金",
    "date": "2024-02-28", "date_text": "2024年2月28日",
    "lines": [("中央补助资金", 120.00, 120.00, 116.80), ("市级补助资金", 36.00, 52.50, 47.56),
              ("县级配套资金", 30.00, 40.00, 34.00)],  # 万元
    "stated_rate": 96.40,  # planted: 198.36 / 212.50 = 93.35%; the 得分 9.64 follows the stated rate
    "goal": "按照重庆市基本公共文化服务实施标准，推进县、乡镇（街道）、村（社区）三级公共文化设施免费开放，开展送文化下乡、"
            "公益电影放映和群众文化活动，加强基层文艺骨干培训和非物质文化遗产保护传承，提升公共文化服务效能。",
    "done": "全年送文化下乡演出128场，放映公益电影3652场，组织群众文化活动参与1.46万人次，县文化馆、图书馆全年免费开放，"
            "基层综合性文化服务中心设备配送全部完成；文艺骨干培训人次未达到年度目标。",
    "items": [
        ("产出指标", "数量指标", _i("送文化下乡演出场次", "≥120场", "128场", 4, 4, ">=", 120, "场", 128)),
        ("产出指标", "数量指标", _i("公益电影放映场次", "≥3600场", "3652场", 4, 4, ">=", 3600, "场", 3652)),
        ("产出指标", "数量指标", _i("群众文化活动参与人次", "≥1.2万人次", "1.46万人次", 4, 4, ">=", 1.2, "万人次", 1.46)),
        ("产出指标", "数量指标", _i("文化馆免费开放天数", "≥300天", "312天", 3, 3, ">=", 300, "天", 312)),
        ("产出指标", "数量指标", _i("图书馆新增藏书", "≥1.5万册", "1.62万册", 3, 3, ">=", 1.5, "万册", 1.62)),
        ("产出指标", "数量指标", _i("基层综合性文化服务中心设备配送", "≥30个", "30个", 3, 3, ">=", 30, "个", 30)),
        ("产出指标", "数量指标", _i("基层文艺骨干培训人次", "≥800人次", "765人次", 3, 2.5, ">=", 800, "人次", 765,
                                "部分乡镇培训因场地改造推迟；下年度提前统筹培训计划")),
        ("产出指标", "质量指标", _i("文化设施设备完好率", "≥98%", "99.2%", 3, 3, ">=", 98, "%", 99.2)),
        ("产出指标", "质量指标", _i("演出节目审核通过率", "100%", "100%", 3, 3, None, 100, "%", 100)),
        ("产出指标", "质量指标", _i("公共文化设施免费开放达标率", "≥95%", "96.5%", 3, 3, ">=", 95, "%", 96.5)),
        ("产出指标", "质量指标", _i("培训考核合格率", "≥90%", "93.1%", 3, 3, ">=", 90, "%", 93.1)),
        ("产出指标", "时效指标", _i("资金拨付及时性", "及时", "及时", 3, 3)),
        ("产出指标", "时效指标", _i("群众意见反馈处理时限", "≤3天", "2天", 3, 3, "<=", 3, "天", 2)),
        ("产出指标", "时效指标", _i("年度任务完成情况", "完成", "完成", 2, 2)),
        ("产出指标", "成本指标", _i("送文化下乡演出总成本", "100万元以内", "96.8万元", 3, 3, "<=", 100, "万元", 96.8)),
        ("产出指标", "成本指标", _i("公益电影单场放映补助", "≤200元/场", "200元/场", 3, 3, "<=", 200, "元/场", 200)),
        ("效益指标", "社会效益指标", _i("群众文化获得感", "明显提升", "明显提升", 5, 5)),
        ("效益指标", "社会效益指标", _i("惠及农村群众人数", "≥15万人", "16.2万人", 5, 5, ">=", 15, "万人", 16.2)),
        ("效益指标", "社会效益指标", _i("公共文化服务覆盖率", "≥98%", "98.6%", 5, 5, ">=", 98, "%", 98.6)),
        ("效益指标", "社会效益指标", _i("非遗项目保护传承", "有效传承", "有效传承", 5, 5)),
        ("效益指标", "可持续影响指标", _i("公共文化服务长效机制", "持续完善", "基本建立", 5, 4,
                                  dev="乡镇文化站专职人员不足；推动落实编制和经费保障")),
        ("效益指标", "可持续影响指标", _i("基层文化队伍稳定率", "≥90%", "91.5%", 5, 5, ">=", 90, "%", 91.5)),
        ("满意度指标", "服务对象满意度指标", _i("群众满意度", "≥95%", "96.3%", 5, 5, ">=", 95, "%", 96.3)),
        ("满意度指标", "服务对象满意度指标", _i("基层文化站工作人员满意度", "≥90%", "92%", 5, 5, ">=", 90, "%", 92)),
    ],
}


def make_chongqing(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = CHONGQING
    f = figures(s["lines"], stated_rate=s["stated_rate"], items=s["items"])
    assert abs(f["rate"] - f["stated_rate"]) > 1 and sum(i["weight"] for _, _, i in s["items"]) == 90
    head = [[("项目名称", 1), (f"2023年{s['project']}", 8)],
            [("主管部门", 1), (s["department"], 3), ("实施单位", 1), (s["unit"], 4)]]
    rows, merges, gold_ind = form(
        head, "项目资金（万元）", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
        s["lines"], f, lambda x: f"{x:.2f}", pct, num, s["goal"], s["done"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        s["items"], "总分", ("自评结果", "优"))
    doc = Document()
    a4(doc, 2.0)
    _para(doc, "垫江县项目支出绩效自评表", True, True, 16)
    _para(doc, "（2023年度）", center=True)
    _layout(docx_table(doc, rows, merges, font_pt=10.5), (1.3, 1.5, 1.8, 3.0, 1.9, 1.9, 1.0, 1.7, 2.9),
            keep_rows=True)
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}    填报人：谭晓梅    联系电话：023-74512836")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "chongqing-dianjiang-2023-project-self.docx"
    doc.save(path)
    check = {"what": f"年度资金总额 执行率（B/A） {pct(f['stated_rate'])}, but 全年执行数 {f['spent']:.2f} / 全年预算数 "
                     f"{f['final']:.2f} 万元 = {pct(f['rate'])}", "reported": f["stated_rate"], "recomputed": f["rate"],
             "expect": "mismatch"}
    gold = form_gold({"province": "重庆市", "city": "重庆市", "county": "垫江县"}, s, f, gold_ind, 1e4, "优", [check],
                     "One table whose indicator block (一级 产出指标 merged over 16 rows, 二级 数量指标 over 7) crosses "
                     "from page 1 to page 2 with no repeated header. 项目名称 is written with a leading year "
                     "(2023年公共文化服务体系建设补助资金). The rate's 得分 9.64 follows the stated 96.40%; "
                     "city = 重庆市 (the municipality as prefecture of its counties: a choice).")
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]

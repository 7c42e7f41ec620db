"""Sixth blind batch, reports (DOCX): a Jiangxi county third-party 绩效评价报告 that evaluates THREE projects of one
fund in one report (a section per project, one overall score), and a Shandong county project self-evaluation REPORT
with the 自评表 in the middle of the text (一级 merged down, 合计 row, separate 自评等级 row). Written without
looking at the reader's code.
"""
from __future__ import annotations

from pathlib import Path

from samples_blind_forms import truth
from samples_blind_reports import _layout, _para
from samples_blind2_forms import a4
from samples_blind3_forms import run_merges
from samples_blind3_reports import page_break, w
from samples_blind4_docs import official
from samples_blind6_forms import blank_covered
from samples_common import docx_table, grade_of, num, pct, r2

CN = "一二三四五六七八九十"

# ---------------------------------------------------------------- Jiangxi: 上饶市婺源县, three projects in one report
WY = {
    "fund": "农业产业发展专项资金", "department": "婺源县农业农村局", "client": "婺源县财政局",
    "evaluator": "江西赣信工程咨询有限公司", "date": "2024-06", "date_text": "2024年6月",
    "stated_spent": 2532.04,  # planted: the three projects' 实际支出 add up to 2,522.04 万元
    "sections": [("决策", 15, 13.5), ("过程", 25, 22.6), ("产出", 35, 30.75), ("效益", 25, 20.5)],
    # (project, 实施单位, 全年预算 万元, 实际支出 万元, background, [(indicator, word, op, target, unit, actual)])
    "projects": [
        ("茶园提质改造项目", "婺源县茶业发展中心", 860.00, 842.36,
         "对全县低产老化茶园实施品种改良、土壤改良和生态茶园建设，推进有机茶基地认证。",
         [("茶园提质改造面积", "不少于", ">=", 12000, "亩", 12360), ("有机茶认证面积", "不少于", ">=", 3000, "亩", 3150),
          ("茶农户均增收", "不低于", ">=", 2000, "元", 2260)]),
        ("油茶低产林改造项目", "婺源县林业局", 540.00, 511.28,
         "对低产油茶林实施垦复、施肥、修枝整形和品种嫁接更新，提高油茶林单位面积产量。",
         [("油茶低产林改造面积", "不少于", ">=", 8000, "亩", 8120), ("改造林分保存率", "不低于", ">=", 90, "%", 93.5)]),
        ("农产品冷链物流设施建设项目", "婺源县农产品流通服务中心", 1200.00, 1168.40,
         "在重点乡镇建设产地冷藏保鲜设施和县级冷链集配中心，补齐农产品产地冷链短板。",
         [("新建冷库库容", "不少于", ">=", 6000, "立方米", 6200), ("冷链设施利用率", "不低于", ">=", 70, "%", 76.4)]),
    ],
}


def make_wuyuan(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = WY
    budget = r2(sum(p[2] for p in s["projects"]))
    true_spent = r2(sum(p[3] for p in s["projects"]))
    spent = s["stated_spent"]
    rate = r2(spent / budget * 100)
    total = r2(sum(p for _, _, p in s["sections"]))
    assert true_spent == 2522.04 != spent and total == 87.35 and grade_of(total) == "良"
    assert sum(m for _, m, _ in s["sections"]) == 100
    doc = Document()
    a4(doc, 2.5)
    for _ in range(5):
        doc.add_paragraph()
    _para(doc, f"婺源县2023年度{s['fund']}", True, True, 22)
    _para(doc, "绩效评价报告", True, True, 22)
    for _ in range(8):
        doc.add_paragraph()
    for text in (f"委托单位：{s['client']}", f"评价机构：{s['evaluator']}", f"报告日期：{s['date_text']}"):
        _para(doc, text, False, True, 15)
    page_break(doc)
    P = doc.add_paragraph
    names = "、".join(p[0] for p in s["projects"])
    P(f"受{s['client']}委托，{s['evaluator']}（以下简称“评价组”）对{s['department']}主管的2023年度{s['fund']}"
      f"（以下简称“专项资金”）开展了重点绩效评价。本次评价涉及专项资金支持的{names}共三个项目。")
    _para(doc, "一、专项资金基本情况", True)
    P(f"2023年婺源县安排{s['fund']}用于茶产业、油茶产业和农产品冷链物流三个领域。三个项目全年预算合计{w(budget)}万元，"
      f"实际支出合计{w(spent)}万元，预算执行率{pct(rate)}。各项目情况如下。")
    k = 0
    for name, unit, b, x, why, targets in s["projects"]:
        k += 1
        _para(doc, f"（{CN[k - 1]}）{name}", True)
        P(f"{name}由{unit}组织实施，主要内容是{why}项目全年预算{w(b)}万元，实际支出{w(x)}万元，"
          f"预算执行率{pct(r2(x / b * 100))}。")
        P("项目年度绩效目标为：" + "，".join(f"{n}{wd}{v:g}{u}" for n, wd, _, v, u, _ in targets) + "。经评价组核实，"
          + "，".join(f"{n}实际完成{a:g}{u}" for n, _, _, _, u, a in targets) + "，均完成年度目标。")
    _para(doc, "二、评价工作开展情况", True)
    P("评价组于2024年4月至5月开展评价，采用“决策、过程、产出、效益”四类一级指标构建评价指标体系，通过资料核查、"
      "现场勘查、问卷调查和座谈访谈等方式采集数据，现场抽查茶园和油茶林地块42个、冷库11座，发放问卷480份。")
    _para(doc, "三、评价结论", True)
    P("经综合评价，" + "，".join(f"{n}指标满分{m}分，得{num(p)}分" for n, m, p in s["sections"])
      + f"，专项资金2023年度绩效评价综合得分{num(total)}分，评价等级为“良”。评价等级划分为：90分（含）以上为“优”，"
      "80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。")
    _para(doc, "四、存在的问题", True)
    P("（一）三个项目绩效目标设置不均衡，冷链物流项目缺少效益类指标。（二）油茶低产林改造项目部分标段施工进度滞后，"
      "资金支付集中在年底。（三）部分冷库建成后运营主体未落实，利用率偏低。")
    _para(doc, "五、意见建议", True)
    P("一是完善专项资金绩效目标，各项目均设置产出和效益指标；二是加强项目实施进度管理，均衡资金支付；"
      "三是落实冷链设施运营管护主体，提高设施利用率。")
    _para(doc, f"{s['evaluator']}\n{s['date_text']}")
    official(doc)
    path = out / "jiangxi-wuyuan-2023-third-party.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    tier3 = [t for p in s["projects"] for t in p[5]]
    gold = {
        "files": [path.name],
        "note": "Third-party 绩效评价报告 on one fund (农业产业发展专项资金) that evaluates THREE projects in one report, each "
                "in its own section with its 实施单位, 全年预算/实际支出/执行率 and targets/actuals; one overall score, "
                "section scores and grade stated in prose (no tables). Gold: ONE report whose project is the fund; "
                "unit left out (three 实施单位); budgets only the report-level total stated for the three together; "
                "each project's indicators (distinct names) as tier 3. Place: 婺源县 of 上饶市. Planted: total "
                f"实际支出 stated {w(spent)} 万元 while the three projects' 实际支出 add up to {w(true_spent)} (the "
                "stated 预算执行率 follows the stated total).",
        "report": {"kind": "third_party", "province": "江西省", "city": "上饶市", "county": "婺源县",
                   "department": s["department"], "project": s["fund"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "良",
                   "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "budget_yuan": y(budget), "spent_yuan": y(spent), "reported_rate_pct": rate}],
        "scores": [{"section": n, "max_points": m, "points": p} for n, m, p in s["sections"]],
        "indicators": [{"tier": 3, "name": n, "target_op": op, "target_value": v, "unit": u} for n, _, op, v, u, _ in tier3]
        + [{"tier": 3, "name": n, "actual_value": a, "unit": u} for n, _, _, _, u, a in tier3],
        "tables": [],
        "checks": [{"what": f"实际支出合计 {w(spent)} 万元 stated, but the three projects' 实际支出 "
                            f"{' + '.join(w(p[3]) for p in s['projects'])} = {w(true_spent)}",
                    "reported": y(spent), "recomputed": y(true_spent), "expect": "mismatch"}],
    }
    return path, gold, []


# ---------------------------------------------------------------- Shandong: 临沂市沂水县, the 自评表 mid-text
YS = {
    "project": "农村生活垃圾治理项目", "department": "沂水县综合行政执法局", "unit": "沂水县环境卫生服务中心",
    "date": "2024-03-28", "date_text": "2024年3月28日",
    "initial": 1560.00, "added": 60.00, "spent": 1555.20,  # 万元 → 96.00%
    "prose_l2": {"数量指标": 19},  # planted: the table's 数量指标 rows give 18
    # (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, op, target, unit, actual); the first row's actual is the rate
    "items": [
        ("预算执行", "预算执行", "预算执行率", "100%", None, 10, 9.6, None, 100, "%", None),
        ("产出指标", "数量指标", "农村生活垃圾清运量", "≥9.5万吨", "9.86万吨", 10, 10, ">=", 9.5, "万吨", 9.86),
        ("产出指标", "数量指标", "配置分类垃圾桶数量", "≥12000个", "11200个", 10, 8, ">=", 12000, "个", 11200),
        ("产出指标", "质量指标", "垃圾无害化处理率", "100%", "100%", 10, 10, None, 100, "%", 100),
        ("产出指标", "质量指标", "村庄保洁覆盖率", "100%", "100%", 5, 5, None, 100, "%", 100),
        ("产出指标", "时效指标", "垃圾日产日清率", "≥95%", "97.3%", 10, 8, ">=", 95, "%", 97.3),
        ("产出指标", "成本指标", "吨垃圾清运处置成本", "≤165元/吨", "158.6元/吨", 5, 5, "<=", 165, "元/吨", 158.6),
        ("效益指标", "社会效益指标", "人居环境整治考核达标村比例", "≥90%", "92.4%", 10, 9, ">=", 90, "%", 92.4),
        ("效益指标", "社会效益指标", "提供农村保洁员公益岗位", "≥1500个", "1526个", 5, 5, ">=", 1500, "个", 1526),
        ("效益指标", "生态效益指标", "村庄环境卫生问题整改率", "≥95%", "96.1%", 10, 8, ">=", 95, "%", 96.1),
        ("效益指标", "可持续影响指标", "建立长效保洁机制行政村数", "≥380个", "389个", 5, 5, ">=", 380, "个", 389),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "91.5%", 10, 9, ">=", 90, "%", 91.5),
    ],
}


def ys_grid(rate: float) -> tuple[list, list, list, float]:
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    ind = []
    for l1, l2, name, tv, av, wt, sc, op, target, unit, actual in YS["items"]:
        actual = rate if actual is None else actual
        rows.append([l1, l2, name, tv, pct(rate) if av is None else av, num(wt), num(sc)])
        ind.append({"tier": 2, "level1": l1, "level2": l2, "name": name, **({"target_op": op} if op else {}),
                    "target_value": target, "unit": unit, "actual_value": actual, "weight": wt, "score": sc})
    items = YS["items"]
    merges = run_merges([i[0] for i in items], 0, 1) + run_merges([i[:2] for i in items], 1, 1)
    total = r2(sum(i[6] for i in items))
    rows += [["合计", "", "", "", "", "100", num(total)], ["自评等级", "", "", "", "", "优", ""]]
    t = len(rows) - 2
    merges += [(t, 0, t, 4), (t + 1, 0, t + 1, 4), (t + 1, 5, t + 1, 6)]
    blank_covered(rows, merges)
    return rows, merges, ind, total


def make_yishui(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = YS
    final = r2(s["initial"] + s["added"])
    rate = r2(s["spent"] / final * 100)
    rows, merges, ind, total = ys_grid(rate)
    assert rate == 96.0 and total == 91.6 and grade_of(total) == "优" and sum(i[5] for i in s["items"]) == 100
    # 二级 scores for 产出, 一级 for the others, as the prose states them
    groups = []
    for l1, l2, *_rest in s["items"]:
        key = l2 if l1 == "产出指标" else l1
        if key not in [g[0] for g in groups]:
            its = [i for i in s["items"] if (i[1] if l1 == "产出指标" else i[0]) == key]
            groups.append((key, sum(i[5] for i in its), sum(i[6] for i in its)))
    said = [(k, m, s["prose_l2"].get(k, p)) for k, m, p in groups]
    bad = [(k, m, p, q) for (k, m, p), (_, _, q) in zip(groups, said) if p != q]
    assert len(bad) == 1 and bad[0][2:] == (18, 19)
    doc = Document()
    a4(doc, 2.5)
    _para(doc, f"2023年度沂水县{s['project']}", True, True, 18)
    _para(doc, "绩效自评报告", True, True, 18)
    P = doc.add_paragraph
    P(f"根据县财政局关于开展2023年度项目支出绩效自评工作的通知要求，{s['department']}组织{s['unit']}对"
      f"{s['project']}开展了绩效自评，现将自评情况报告如下。")
    _para(doc, "一、项目基本情况", True)
    P("沂水县辖18个乡镇（街道）、1,050个行政村。2023年，县财政安排农村生活垃圾治理资金，用于农村生活垃圾清运、"
      "转运站运行、分类垃圾桶配置和农村保洁员公益岗位补贴，实行“村收集、镇转运、县处理”的城乡环卫一体化模式。")
    P(f"项目年初预算{w(s['initial'])}万元，年中追加{w(s['added'])}万元，全年预算{w(final)}万元，全年实际支出"
      f"{w(s['spent'])}万元，预算执行率{pct(rate)}。")
    _para(doc, "二、绩效自评结果", True)
    P("对照年初设定的绩效目标，自评工作组逐项核实指标完成情况并打分，自评结果见下表。")
    _para(doc, "2023年度项目支出绩效自评表", True, True)
    _layout(docx_table(doc, rows, merges, font_pt=9), (2.0, 2.2, 4.2, 2.0, 2.0, 1.3, 1.3))
    P("从各项指标得分看，" + "，".join(f"{k}（{num(m)}分）得{num(q)}分" for k, m, q in said) + "。")
    _para(doc, "三、绩效目标完成情况分析", True)
    P("（一）产出方面。全年清运农村生活垃圾9.86万吨，无害化处理率100%；新配置分类垃圾桶11,200个，未达到12,000个的"
      "年度目标，主要是部分乡镇集中采购于2024年1月到货。垃圾日产日清率97.3%，吨垃圾清运处置成本158.6元。")
    P("（二）效益方面。全县人居环境整治考核达标村比例92.4%，设置农村保洁员公益岗位1,526个，389个行政村建立长效保洁"
      "机制，村庄环境卫生问题整改率96.1%。")
    P("（三）满意度方面。发放问卷600份，群众满意度91.5%。")
    _para(doc, "四、存在的问题及改进措施", True)
    P("一是分类垃圾桶采购进度滞后，下一步将提前启动采购；二是部分偏远村庄清运频次不足，将优化清运线路；"
      "三是垃圾分类宣传引导不够，将开展垃圾分类进村入户活动。")
    _para(doc, "五、自评结论", True)
    P(f"综上，本项目绩效自评综合得分为{num(total)}分，自评等级为“优”。")
    _para(doc, f"{s['unit']}\n{s['date_text']}")
    official(doc)
    path = out / "shandong-yishui-2023-project-report.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    k, m, p, q = bad[0]
    gold = {
        "files": [path.name],
        "note": "Project self-evaluation REPORT (prose) with the 自评表 in the MIDDLE of the text (section 二, before the "
                "analysis), not attached at the end: 一级指标 merged down, 二级 merged over runs, a 预算执行 row whose "
                "完成值 is the money rate, a '合计' row and a separate '自评等级' row. The prose after the table states "
                "二级 scores for 产出 (and 一级 for 效益/满意度); the total is written '合计 91.6' in the table and "
                "'本项目绩效自评综合得分为91.6分' in the conclusion. Place: 沂水县 of 临沂市. Scores: the prose's "
                f"figures as stated. Planted: prose {k}（{num(m)}分）得{num(q)}分 while the table's {k} rows add up "
                f"to {num(p)}.",
        "report": {"kind": "project_self", "province": "山东省", "city": "临沂市", "county": "沂水县",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["added"]),
                     "budget_yuan": y(final), "spent_yuan": y(s["spent"]), "reported_rate_pct": rate}],
        "scores": [{"section": k_, "max_points": m_, "points": q_} for k_, m_, q_ in said],
        "indicators": ind,
        "tables": [],
        "checks": [{"what": f"prose: {k}（{num(m)}分）得{num(q)}分, but the 自评表's {k} rows score {num(p)}",
                    "reported": q, "recomputed": p, "expect": "mismatch"}],
    }
    return path, gold, [truth(rows, merges)]

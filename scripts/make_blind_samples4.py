#!/usr/bin/env python3
"""Write a FOURTH blind test set: provinces and layouts the reader was not built on.

    python scripts/make_blind_samples4.py [OUT_DIR]          (default: tests/data/blind4)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on this set
measures how the product generalises.

* guizhou-meitan-2023-department-disclosure.{docx,pdf}: 湄潭县农业农村局's disclosure: a 部门整体支出绩效自评报告 in
  prose (3-4 pages) followed by two 项目支出绩效自评表 (附件1, 附件2): three reports in one file; planted: 附件2's
  执行率 ≠ 执行数/预算数.
* gansu-linze-2023-project-form.{xlsx,pdf}: 临泽县 form with formulas (cached by a LibreOffice re-save), percentages as
  numeric 0.00% cells, 万元 with four decimals, a cut shown in parentheses by number format, "-" and "/" placeholders
  and a hidden notes column; planted: 总分 typed as a wrong constant.
* ningxia-xiji-2023-third-party.{docx,pdf}: 西吉县 third-party report, borderless cover table, scoring table nested in a
  layout table's cell; planted: a 小计 得分率 ≠ 得分/分值.
* qinghai-huzhu-2023-project-form.{xlsx,pdf}: 互助土族自治县 form with 45 indicators and a 小计 row per 二级指标, printed
  over three pages with the header row repeated; planted: one 小计 ≠ the sum of its group.
* xinjiang-manas-2023-department-form.{docx,pdf}: 玛纳斯县 部门整体支出绩效自评表 with the money block transposed (items
  down, 金额（万元）/备注 across), total and grade in a paragraph under the table, grade bands stated, date without a
  day; planted: 自评等级 良好 for 86.35 where the stated bands make it 优.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json) are derived from
the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_blind_samples3 import titles  # noqa: E402
from blind_common import publish, put_grid  # noqa: E402
from samples_blind_forms import Num, truth  # noqa: E402
from samples_blind_reports import _layout, _para  # noqa: E402
from samples_blind2_forms import a4  # noqa: E402
from samples_blind3_forms import run_merges, totals  # noqa: E402
from samples_blind3_reports import page_break, w  # noqa: E402
from samples_blind4_docs import make_guizhou  # noqa: E402
from samples_blind4_sheets import gen, make_gansu, pc  # noqa: E402
from samples_common import docx_table, grade_of, num, pct, r2  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- Qinghai: 海东市互助土族自治县, 45 indicators
QINGHAI = {
    "project": "财政衔接推进乡村振兴补助资金项目", "department": "互助土族自治县农业农村局",
    "unit": "互助土族自治县乡村振兴服务中心", "date": "2024-04-12", "date_text": "2024年4月12日",
    "lines": [("中央财政衔接资金", 14262.00, 15086.00, 14915.37), ("省级财政衔接资金", 3850.00, 4126.00, 4018.62),
              ("县级财政衔接资金", 1200.00, 1200.00, 1146.85)],  # 万元
    "planted": ("质量指标", 12),  # this group's 小计 得分 is stated 12; its items add up to 11.5
    # 一级 → [(二级, [(三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因)])]
    "groups": [("产出指标", [
        ("数量指标", [("扶持发展村集体经济项目村数", "≥20个", "20个", 2, 2, ""),
                  ("高原夏菜种植基地面积", "≥1.2万亩", "1.26万亩", 2, 2, ""),
                  ("青稞、油菜良种推广面积", "≥8万亩", "8.35万亩", 2, 2, ""),
                  ("新建标准化养殖暖棚", "≥260座", "248座", 2, 1.8, "部分农户自筹资金不到位，12座暖棚顺延至2024年建设"),
                  ("扶持脱贫户发展到户产业", "≥3200户", "3286户", 2, 2, ""),
                  ("实施农村道路硬化", "≥45公里", "46.3公里", 2, 2, ""),
                  ("新建（改造）农村供水管网", "≥60公里", "62.5公里", 2, 2, ""),
                  ("脱贫人口小额信贷贴息户数", "≥2800户", "2914户", 2, 2, ""),
                  ("雨露计划补助人次", "≥1100人次", "1152人次", 2, 2, ""),
                  ("开发乡村公益性岗位", "≥1500个", "1536个", 2, 2, ""),
                  ("就业帮扶车间", "≥12个", "12个", 2, 2, ""),
                  ("脱贫劳动力技能培训", "≥2000人次", "2136人次", 2, 2, ""),
                  ("农村危房改造", "≥150户", "150户", 2, 2, "")]),
        ("质量指标", [("项目工程验收合格率", "100%", "100%", 2, 2, ""),
                  ("到户产业项目覆盖脱贫户比例", "≥90%", "92.6%", 2, 2, ""),
                  ("小额信贷贴息资金发放准确率", "100%", "100%", 2, 2, ""),
                  ("农村集中供水水质达标率", "≥95%", "93.2%", 2, 1.5, "3处水厂消毒设施老化，已列入2024年改造计划"),
                  ("公益性岗位人员在岗率", "≥95%", "97.4%", 2, 2, ""),
                  ("技能培训合格率", "≥90%", "94.5%", 2, 2, "")]),
        ("时效指标", [("6月底前项目开工率", "100%", "100%", 1.5, 1.5, ""),
                  ("项目当年完工率", "≥95%", "96.2%", 1.5, 1.5, ""),
                  ("衔接资金拨付及时率", "100%", "100%", 1.5, 1.5, ""),
                  ("小额信贷贴息按季拨付及时率", "100%", "100%", 1.5, 1.5, "")]),
        ("成本指标", [("农村道路硬化每公里补助标准", "≤80万元", "76.4万元", 1.5, 1.5, ""),
                  ("养殖暖棚每座补助标准", "≤3万元", "3万元", 1.5, 1.5, ""),
                  ("雨露计划补助标准", "3000元/人·年", "3000元/人·年", 1.5, 1.5, ""),
                  ("技能培训人均成本", "≤1500元", "1380元", 1.5, 1.5, "")])]),
        ("效益指标", [
            ("经济效益指标", [("项目村村均集体经济收入", "≥5万元", "5.8万元", 2, 2, ""),
                        ("带动脱贫户户均增收", "≥1500元", "1620元", 2, 2, ""),
                        ("脱贫人口人均纯收入增长率", "≥8%", "9.3%", 2, 2, ""),
                        ("高原夏菜亩均增收", "≥300元", "285元", 2, 1.5, "夏菜上市集中、价格偏低；发展冷链储运错峰销售"),
                        ("帮扶车间务工人员月均收入", "≥2500元", "2680元", 2, 2, "")]),
            ("社会效益指标", [("受益脱贫人口", "≥2.5万人", "2.61万人", 2, 2, ""),
                        ("带动脱贫人口就业", "≥1200人", "1263人", 2, 2, ""),
                        ("防返贫监测对象风险消除率", "≥70%", "76.8%", 2, 2, ""),
                        ("新增返贫致贫人口", "0人", "0人", 2, 2, ""),
                        ("脱贫劳动力外出务工规模", "≥3.5万人", "3.62万人", 2, 2, ""),
                        ("农村群众出行条件", "明显改善", "明显改善", 2, 2, "")]),
            ("生态效益指标", [("农村人居环境整治村庄", "≥30个", "32个", 2, 2, ""),
                        ("农村生活垃圾有效治理率", "≥90%", "92.4%", 2, 2, "")]),
            ("可持续影响指标", [("项目资产确权登记率", "100%", "96.5%", 2, 1.5, "部分当年完工项目资产尚在办理移交手续"),
                         ("项目后续管护机制", "健全", "健全", 2, 2, "")])]),
        ("满意度指标", [
            ("服务对象满意度指标", [("脱贫户满意度", "≥90%", "95.6%", 4, 4, ""), ("监测对象满意度", "≥90%", "91.2%", 3, 3, ""),
                           ("项目村群众满意度", "≥90%", "88.7%", 3, 2.5, "个别村项目选址未充分征求群众意见")])]),
    ],
}
QH_WIDTHS = (8, 10, 24, 13, 13, 7, 7, 24)


def split_value(text: str) -> dict:
    """'≥1.2万亩' → op >=, 1.2, 万亩; '100%' → 100, %; '明显改善' → {}."""
    import re

    m = re.fullmatch(r"([≥≤]?)(\d+(?:\.\d+)?)(.*)", text)
    if not m:
        return {}
    op = {"≥": ">=", "≤": "<="}.get(m.group(1))
    return {**({"target_op": op} if op else {}), "value": float(m.group(2)), "unit": m.group(3)}


def qinghai_grid() -> tuple[list, list, int, dict]:
    s = QINGHAI
    a, b, x, rate, bscore = totals(s["lines"])
    head = [["项目名称", "2023年" + s["project"]] + [""] * 6,
            ["主管部门", s["department"], "", "", "实施单位", s["unit"], "", ""],
            ["项目资金（万元）", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", Num(a, "#,##0.00", f"{a:,.2f}"), Num(b, "#,##0.00", f"{b:,.2f}"),
             Num(x, "#,##0.00", f"{x:,.2f}"), gen(10), pc(rate / 100), gen(bscore)]]
    head += [["", ("其中：" if k == 0 else "") + n, Num(ia, "#,##0.00", f"{ia:,.2f}"), Num(fb, "#,##0.00", f"{fb:,.2f}"),
              Num(sx, "#,##0.00", f"{sx:,.2f}"), "—", "—", "—"] for k, (n, ia, fb, sx) in enumerate(s["lines"])]
    rows = head + [["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
                   ["", "巩固拓展脱贫攻坚成果，支持发展高原夏菜、青稞油菜和特色养殖等联农带农产业，补齐乡村基础设施短板，"
                        "守住不发生规模性返贫底线，脱贫人口人均纯收入增长8%以上。", "", "",
                    "实施衔接资金项目86个，带动脱贫户户均增收1620元，脱贫人口人均纯收入增长9.3%，未发生规模性返贫；"
                    "养殖暖棚建设和项目资产确权登记未全部完成。", "", "", ""]]
    g0 = len(head)
    merges = [(0, 1, 0, 7), (1, 1, 1, 3), (1, 5, 1, 7), (2, 0, g0 - 1, 0), (g0, 0, g0 + 1, 0), (g0, 1, g0, 3),
              (g0, 4, g0, 7), (g0 + 1, 1, g0 + 1, 3), (g0 + 1, 4, g0 + 1, 7)]
    h = len(rows)
    rows.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    gold_ind, scores, items_sum, check = [], [], 0.0, None
    for l1, groups in s["groups"]:
        r1 = len(rows)
        for l2, items in groups:
            r2_ = len(rows)
            for name, tv, av, wt, sc, dev in items:
                first1, first2 = len(rows) == r1, len(rows) == r2_
                rows.append([l1 if first1 else "", l2 if first2 else "", name, tv, av, gen(wt), gen(sc), dev])
                t, v = split_value(tv), split_value(av)
                g = {"tier": 2, "level1": l1, "level2": l2, "name": name}
                if t:
                    g.update({k: t[k] for k in ("target_op",) if k in t})
                    g.update({"target_value": t["value"], "unit": t["unit"], "actual_value": v["value"]})
                    assert v["unit"] == t["unit"], name
                gold_ind.append({**g, "weight": wt, "score": sc})
            mx, pts = r2(sum(i[3] for i in items)), r2(sum(i[4] for i in items))
            shown = s["planted"][1] if l2 == s["planted"][0] else pts
            if shown != pts:
                check = {"what": f"{l2} 小计 得分 {num(shown)} stated, but its {len(items)} indicators' 得分 add up to "
                                 f"{num(pts)} (总分 adds the indicators, not the 小计)",
                         "reported": shown, "recomputed": pts, "expect": "mismatch"}
            rows.append(["", "", "小计", "", "", gen(mx), gen(shown), ""])
            merges.append((r2_, 1, len(rows) - 1, 1))
            scores.append({"section": l2, "max_points": mx, "points": shown})
            items_sum += pts
        merges.append((r1, 0, len(rows) - 1, 0))
    total = r2(bscore + items_sum)
    assert sum(sc["max_points"] for sc in scores) == 90 and len(gold_ind) == 45 and check and grade_of(total) == "优"
    rows.append(["总分", "", "", "", "", gen(100), gen(total), ""])
    rows.append(["自评等级", "", "", "", "", "优", "", ""])
    t = len(rows) - 2
    merges += [(t, 0, t, 4), (t + 1, 0, t + 1, 4), (t + 1, 5, t + 1, 7)]
    f = {"a": a, "b": b, "x": x, "rate": rate, "bscore": bscore, "total": total, "gold_ind": gold_ind,
         "scores": scores, "check": check}
    return rows, merges, h, f


def make_qinghai(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook

    s, r0 = QINGHAI, 3
    rows, merges, h, f = qinghai_grid()
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    titles(ws, ["项目支出绩效自评表", "（2023年度）"], 8)
    put_grid(ws, rows, merges, r0, QH_WIDTHS)
    for r in range(r0 + h + 1, r0 + len(rows)):  # printed as published: roomy rows, the table over three pages
        ws.row_dimensions[r].height = max(ws.row_dimensions[r].height or 0, 40)
    ws.print_title_rows = f"{r0 + h}:{r0 + h}"
    ws.page_setup.orientation = "portrait"
    foot = r0 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{s['unit']}")
    ws.cell(row=foot, column=5, value=f"填报日期：{s['date_text']}")
    path = out / "qinghai-huzhu-2023-project-form.xlsx"
    wb.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "Long portrait form: 45 indicators in nine 二级指标 groups, each closed by a '小计' row (in the 三级 "
                "column) under the group's merged 二级 label; printed over three pages with the indicator header row "
                "repeated on each page (print titles), so the PDF's table is one table continued across pages. Project "
                "written with a leading year (2023年财政衔接…). Place: 互助土族自治县 under 海东市. Scores: one row per "
                "二级 小计 as stated. Planted: the 质量指标 小计 得分 is 12 while its six indicators add up to 11.5; "
                "总分 = 执行率得分 + the 45 indicators' 得分 (so the 小计 column also adds up 0.5 above 总分 minus "
                "执行率得分: the same error, not listed twice).",
        "report": {"kind": "project_self", "province": "青海省", "city": "海东市", "county": "互助土族自治县",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": f["total"], "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(f["a"]), "budget_yuan": y(f["b"]), "spent_yuan": y(f["x"]),
                     "reported_rate_pct": f["rate"]}]
        + [{"line": n, "initial_yuan": y(ia), "budget_yuan": y(fb), "spent_yuan": y(sx)}
           for n, ia, fb, sx in s["lines"]],
        "scores": f["scores"],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": f["bscore"], "actual_value": f["rate"],
                        "unit": "%"}] + f["gold_ind"],
        "tables": [],
        "checks": [f["check"]],
    }
    return path, gold, [truth(rows, merges)]


# ---------------------------------------------------------------- Ningxia: 固原市西吉县, a table inside a table
NX = {
    "county": "西吉县", "department": "西吉县农业农村局", "unit": "西吉县马铃薯产业发展服务中心",
    "project": "马铃薯产业高质量发展专项资金", "evaluator": "宁夏信立达项目管理咨询有限公司", "client": "西吉县财政局",
    "date": "2024-05-20", "date_text": "2024年5月20日",
    "initial": 1860.00, "adjust": -46.50,  # 万元
    "uses": [("脱毒种薯繁育补贴", 820.00, 806.40), ("标准化种植基地建设补助", 653.50, 624.18),
             ("仓储及加工设施建设补助", 340.00, 322.10)],
    # 一级 → [(二级, 三级, 分值, 得分, 扣分原因)]
    "sections": [
        ("决策", [("项目立项", "立项依据充分性", 3, 3, ""), ("项目立项", "立项程序规范性", 3, 3, ""),
                  ("绩效目标", "绩效目标合理性", 3, 2, "部分目标值低于上年实际"), ("绩效目标", "绩效指标明确性", 3, 2, "缺少成本指标"),
                  ("资金投入", "预算编制科学性", 4, 3, "补助标准测算依据不充分"), ("资金投入", "资金分配合理性", 4, 4, "")]),
        ("过程", [("资金管理", "资金到位率", 3, 3, ""), ("资金管理", "预算执行率", 4, 3.5, "执行率96.65%"),
                  ("资金管理", "资金使用合规性", 4, 3.5, "个别补贴发放凭证不全"), ("组织实施", "管理制度健全性", 4, 4, ""),
                  ("组织实施", "制度执行有效性", 5, 3.5, "种薯质量抽检记录不完整")]),
        ("产出", [("产出数量", "脱毒种薯繁育面积", 7, 7, ""), ("产出数量", "标准化种植基地面积", 7, 6, "完成11.4万亩，未达目标"),
                  ("产出质量", "脱毒种薯质量合格率", 6, 5.5, "合格率97.8%"), ("产出质量", "基地建设验收合格率", 5, 5, ""),
                  ("产出时效", "补贴资金兑付及时率", 5, 3.5, "第四季度补贴延迟兑付"), ("产出成本", "成本控制情况", 5, 3.5,
                                                                           "冷藏库单位造价偏高")]),
        ("效益", [("经济效益", "马铃薯亩均增收", 6, 5, "亩均增收138元"), ("社会效益", "带动种植户数", 5, 5, ""),
                  ("可持续影响", "种薯繁育体系建设", 5, 4, "县级原种扩繁能力不足"), ("满意度", "种植户满意度", 9, 7.5, "满意度87.6%")]),
    ],
    "rate_typo": ("产出", 81.74),  # planted: the 产出 小计 得分率 stated 81.74%; 30.5 / 35 = 87.14%
    "targets": [("脱毒种薯繁育面积", "不少于", ">=", 5, "万亩"), ("标准化种植基地面积", "不少于", ">=", 12, "万亩"),
                ("脱毒种薯质量合格率", "达到", None, 100, "%"), ("种植户满意度", "不低于", ">=", 90, "%")],
    "actuals": [("脱毒种薯繁育面积", 5.12, "万亩"), ("标准化种植基地面积", 11.4, "万亩"), ("脱毒种薯质量合格率", 97.8, "%"),
                ("马铃薯亩均增收", 138, "元"), ("种植户满意度", 87.6, "%")],
}


def nx_grid() -> tuple[list, list, list, list, float]:
    """The scoring grid (一级/二级/三级/分值/得分/得分率/扣分原因, a 小计 row per 一级, a 合计 row), gold rows, scores."""
    rows, merges, ind, scores = [["一级指标", "二级指标", "三级指标", "分值", "得分", "得分率", "扣分原因"]], [], [], []
    for l1, items in NX["sections"]:
        r1 = len(rows)
        for j, (l2, l3, wt, sc, why) in enumerate(items):
            new2 = j == 0 or l2 != items[j - 1][0]
            if new2:
                s2 = len(rows)
            rows.append([l1 if j == 0 else "", l2 if new2 else "", l3, num(wt), num(sc), pct(r2(sc / wt * 100)), why])
            if (j == len(items) - 1 or items[j + 1][0] != l2) and len(rows) - 1 > s2:
                merges.append((s2, 1, len(rows) - 1, 1))
            ind.append({"tier": 2, "level1": l1, "level2": l2, "name": l3, "weight": wt, "score": sc})
        merges.append((r1, 0, len(rows) - 1, 0))
        mx, pts = sum(i[2] for i in items), r2(sum(i[3] for i in items))
        true = r2(pts / mx * 100)
        shown = NX["rate_typo"][1] if l1 == NX["rate_typo"][0] else true
        rows.append(["小计", "", "", num(mx), num(pts), pct(shown), ""])
        merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
        scores.append({"section": l1, "max_points": mx, "points": pts, "reported_rate_pct": shown, "_true": true})
    total = r2(sum(sc["points"] for sc in scores))
    rows.append(["合计", "", "", "100", num(total), pct(total), ""])
    merges.append((len(rows) - 1, 0, len(rows) - 1, 2))
    return rows, merges, ind, scores, total


def make_ningxia(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = NX
    final = r2(s["initial"] + s["adjust"])
    assert final == r2(sum(b for _, b, _ in s["uses"]))
    spent = r2(sum(x for _, _, x in s["uses"]))
    rate = r2(spent / final * 100)
    rows, merges, ind, scores, total = nx_grid()
    assert sum(sc["max_points"] for sc in scores) == 100 and grade_of(total) == "良"
    doc = Document()
    a4(doc, 2.5)
    for _ in range(4):
        doc.add_paragraph()
    _para(doc, f"{s['county']}2023年度{s['project']}", True, True, 20)
    _para(doc, "绩效评价报告", True, True, 20)
    for _ in range(8):
        doc.add_paragraph()
    cover = [["委托单位：", s["client"]], ["评价机构：", s["evaluator"]], ["报告日期：", s["date_text"]]]
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    table = doc.add_table(rows=3, cols=2)  # no style: no borders, as cover pages lay out their labels
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, (k, v) in enumerate(cover):
        for c, text in enumerate((k, v)):
            table.cell(r, c).paragraphs[0].add_run(text).font.size = Pt(14)
    _layout(table, (3.2, 9.0))
    page_break(doc)
    _para(doc, f"{s['county']}2023年度{s['project']}绩效评价报告", True, True, 16)
    P = doc.add_paragraph
    P(f"受{s['client']}委托，{s['evaluator']}（以下简称“我公司”）按照《项目支出绩效评价管理办法》（财预〔2020〕10号）"
      f"和自治区有关规定，对{s['department']}主管、{s['unit']}实施的2023年度{s['project']}开展了绩效评价。")
    _para(doc, "一、项目基本情况", True)
    P("（一）项目背景。西吉县是全国马铃薯主产县之一，马铃薯是全县农民增收的主导产业。为推动马铃薯产业提质增效，县委、"
      "县政府设立马铃薯产业高质量发展专项资金，支持脱毒种薯繁育、标准化种植基地建设和仓储加工设施建设。")
    P(f"（二）资金情况。项目年初预算{w(s['initial'])}万元，年中调减{w(-s['adjust'])}万元，调整后预算{w(final)}万元；"
      f"全年实际支出{w(spent)}万元，预算执行率{pct(rate)}。其中："
      + "；".join(f"{n}预算{w(b)}万元，支出{w(x)}万元" for n, b, x in s["uses"]) + "。")
    P("（三）绩效目标。" + "，".join(f"{n}{wd}{v:g}{u}" for n, wd, _, v, u in s["targets"]) + "。")
    _para(doc, "二、绩效评价工作开展情况", True)
    P("评价组于2024年3月至4月通过资料核查、现场勘查、问卷调查和座谈访谈等方式采集数据，共抽查种薯繁育基地6个、标准化"
      "种植基地12个、仓储设施8处，发放种植户调查问卷420份，收回有效问卷406份。")
    _para(doc, "三、综合评价结论", True)
    P(f"经综合评价，{s['project']}综合得分{num(total)}分，评价等级为“良”。其中："
      + "，".join(f"{sc['section']}类指标得{num(sc['points'])}分" for sc in scores)
      + "。评价等级划分为：90分（含）以上为“优”，80分（含）至90分为“良”，60分（含）至80分为“中”，60分以下为“差”。")
    _para(doc, "四、绩效分析", True)
    P("2023年全县实际" + "，".join(f"{n}{v:g}{u}" for n, v, u in s["actuals"])
      + "。标准化种植基地面积和种植户满意度未达目标，主要是部分乡镇土地流转滞后、第四季度补贴兑付延迟。各指标评分情况见下表。")
    outer = doc.add_table(rows=3, cols=1)  # the layout frame the scoring table is set in
    outer.style = "Table Grid"
    outer.cell(0, 0).text = f"表4  {s['county']}2023年度{s['project']}绩效评价指标评分表"
    inner = docx_table(outer.cell(1, 0), rows, merges, font_pt=8.5)
    _layout(inner, (1.2, 1.8, 3.2, 1.0, 1.0, 1.9, 4.5))
    outer.cell(2, 0).text = "注：得分率=得分÷分值×100%。"
    _layout(outer, (15.6,))
    _para(doc, "五、存在的问题", True)
    P("（一）绩效目标设置不够完整，缺少成本指标。（二）第四季度补贴资金兑付延迟。（三）冷藏库建设单位造价偏高。")
    _para(doc, "六、意见建议", True)
    P("一是完善绩效目标体系；二是建立补贴资金按季兑付机制；三是加强工程造价审核和项目监管。")
    _para(doc, f"{s['evaluator']}\n{s['date_text']}")
    path = out / "ningxia-xiji-2023-third-party.docx"
    doc.save(path)
    bad = next(sc for sc in scores if sc["reported_rate_pct"] != sc["_true"])
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "Cover page: title, then a borderless two-column table 委托单位/评价机构/报告日期 (labels with a colon in "
                "the left cell). The scoring table is NESTED: it sits in the middle cell of a one-column layout table "
                "(caption cell above, note cell below); the table truths list the cover table and the inner scoring "
                "table, not the layout frame. 得分率 per indicator, per 小计 and on the 合计 row. Grade bands stated in "
                "prose; 86.5 is 良. Budget cut written as 年中调减 46.50万元 (adjusted negative). Place: 西吉县 under "
                f"固原市. Planted: the {bad['section']} 小计 得分率 {pct(bad['reported_rate_pct'])}, but "
                f"{num(bad['points'])}/{num(bad['max_points'])} = {pct(bad['_true'])}.",
        "report": {"kind": "third_party", "province": "宁夏回族自治区", "city": "固原市", "county": s["county"],
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "良",
                   "evaluator": s["evaluator"]},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["adjust"]),
                     "budget_yuan": y(final), "spent_yuan": y(spent), "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": y(b), "spent_yuan": y(x)} for n, b, x in s["uses"]],
        "scores": [{k: v for k, v in sc.items() if k != "_true"} for sc in scores],
        "indicators": ind + [{"tier": 3, "name": n, **({"target_op": op} if op else {}), "target_value": v, "unit": u}
                             for n, _, op, v, u in s["targets"]]
        + [{"tier": 3, "name": n, "actual_value": v, "unit": u} for n, v, u in s["actuals"]],
        "tables": [],
        "checks": [{"what": f"{bad['section']} 小计 得分率 {pct(bad['reported_rate_pct'])} stated, but 得分 "
                            f"{num(bad['points'])} / 分值 {num(bad['max_points'])} = {pct(bad['_true'])}",
                    "reported": bad["reported_rate_pct"], "recomputed": bad["_true"], "expect": "mismatch"}],
    }
    return path, gold, [truth(cover, []), truth(rows, merges)]


# ---------------------------------------------------------------- Xinjiang: 昌吉州玛纳斯县, transposed money block
XJ = {
    "unit": "玛纳斯县教育局", "date": "2024-03", "date_text": "2024年3月",
    "initial": 8652.40, "added": 467.60, "spent": 8983.20,  # 万元
    "bands": [("优", 85), ("良", 75), ("中", 60)],  # as the form's note states them
    "stated_grade": ("良好", "良"),  # planted: 86.35 is 优 under the stated bands
    "goal": "保障全县义务教育、学前教育和高中阶段教育正常运转，落实学生资助和营养改善计划政策，巩固义务教育基本均衡成果，"
            "推进县域义务教育优质均衡发展，确保校园安全稳定。",
    "done": "全县各级各类学校正常运转，义务教育巩固率99.2%，高中阶段毛入学率95.1%，学生资助6812人次；学前三年毛入园率、"
            "教师培训人次未达目标，发生校园安全责任事故1起。",
    # (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, op, target, unit, actual, 偏差原因)
    "items": [
        ("产出指标", "数量指标", "义务教育阶段在校学生数", "≥28000人", "28436人", 8, 8, ">=", 28000, "人", 28436, ""),
        ("产出指标", "数量指标", "学生资助人次", "≥6500人次", "6812人次", 6, 6, ">=", 6500, "人次", 6812, ""),
        ("产出指标", "数量指标", "教师培训人次", "≥1500人次", "1326人次", 6, 3.5, ">=", 1500, "人次", 1326,
         "部分集中培训与教学时间冲突取消；改为线上线下结合"),
        ("产出指标", "质量指标", "义务教育巩固率", "≥99%", "99.2%", 8, 8, ">=", 99, "%", 99.2, ""),
        ("产出指标", "质量指标", "学前三年毛入园率", "≥95%", "93.6%", 6, 3, ">=", 95, "%", 93.6,
         "个别乡镇幼儿园学位不足；2024年新建幼儿园2所"),
        ("产出指标", "质量指标", "高中阶段毛入学率", "≥94%", "95.1%", 6, 6, ">=", 94, "%", 95.1, ""),
        ("产出指标", "质量指标", "中小学多媒体教室覆盖率", "≥95%", "97.8%", 4, 4, ">=", 95, "%", 97.8, ""),
        ("产出指标", "时效指标", "资助资金发放及时率", "100%", "100%", 5, 5, None, 100, "%", 100, ""),
        ("产出指标", "成本指标", "营养改善计划生均补助标准", "5元/生·天", "5元/生·天", 5, 5, None, 5, "元/生·天", 5, ""),
        ("效益指标", "社会效益指标", "适龄儿童入学率", "100%", "100%", 8, 8, None, 100, "%", 100, ""),
        ("效益指标", "社会效益指标", "因贫辍学学生人数", "0人", "0人", 6, 6, None, 0, "人", 0, ""),
        ("效益指标", "社会效益指标", "校园安全责任事故", "0起", "1起", 6, 4, None, 0, "起", 1,
         "1名学生课间活动意外受伤；加强课间巡查和安全教育"),
        ("效益指标", "可持续影响指标", "县域义务教育优质均衡发展", "稳步推进", "基本推进", 6, 3, None, None, None, None,
         "部分学校功能室配置不达标；分年度补齐"),
        ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "87.4%", 6, 3.5, ">=", 90, "%", 87.4,
         "家长对课后服务时长有意见；优化课后服务安排"),
        ("满意度指标", "服务对象满意度指标", "教职工满意度", "≥90%", "88.6%", 4, 3.5, ">=", 90, "%", 88.6, "绩效工资分配有意见"),
    ],
}


def band_grade(total: float) -> str:
    return next((g for g, low in XJ["bands"] if total >= low), "差")


def make_xinjiang(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = XJ
    final = r2(s["initial"] + s["added"])
    rate = r2(s["spent"] / final * 100)
    bscore = r2(rate / 10)
    assert bscore == r2(10 * s["spent"] / final)
    total = r2(bscore + sum(i[6] for i in s["items"]))
    assert total == 86.35 and sum(i[5] for i in s["items"]) == 90 and band_grade(total) == "优" != s["stated_grade"][1]
    rows = [["部门（单位）名称", "", s["unit"], "", "", "", "", ""],
            ["年度预算执行情况", "", "项目", "", "金额（万元）", "", "备注", ""],
            ["", "", "年初预算数", "", w(s["initial"]), "", "县人大批复的年初部门预算", ""],
            ["", "", "全年预算数", "", w(final), "", f"含年中追加预算{w(s['added'])}万元", ""],
            ["", "", "全年执行数", "", w(s["spent"]), "", "财政拨款支出，含基本支出和项目支出", ""],
            ["", "", "预算执行率", "", pct(rate), "", "全年执行数÷全年预算数", ""],
            ["年度总体目标", "", "预期目标", "", "", "实际完成情况", "", ""],
            ["", "", s["goal"], "", "", s["done"], "", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["过程", "预算执行", "预算执行率", "100%", pct(rate), "10", num(bscore), "/"]]
    merges = [(0, 0, 0, 1), (0, 2, 0, 7), (1, 0, 5, 1)] + [m for r in range(1, 6) for m in ((r, 2, r, 3), (r, 4, r, 5),
                                                                                          (r, 6, r, 7))]
    merges += [(6, 0, 7, 1), (6, 2, 6, 4), (6, 5, 6, 7), (7, 2, 7, 4), (7, 5, 7, 7)]
    r0 = len(rows)
    items = s["items"]
    for k, (l1, l2, name, tv, av, wt, sc, *_, dev) in enumerate(items):
        new1 = l1 != items[k - 1][0] if k else True
        rows.append([l1 if new1 else "", l2 if new1 or l2 != items[k - 1][1] else "", name, tv, av, num(wt), num(sc),
                     dev or "/"])
    merges += run_merges([i[0] for i in items], 0, r0) + run_merges([i[:2] for i in items], 1, r0)
    doc = Document()
    a4(doc, 1.6)
    _para(doc, "部门整体支出绩效自评表", True, True, 16)
    _para(doc, "（2023年度）", center=True)
    _layout(docx_table(doc, rows, merges, font_pt=8.5), (1.6, 2.0, 3.4, 2.0, 2.0, 1.1, 1.1, 4.6))
    doc.add_paragraph(f"自评得分：{num(total)}分        自评等级：{s['stated_grade'][0]}")
    doc.add_paragraph("说明：1.预算执行率得分=预算执行率×分值。2.自评等级按自评得分确定：" + "，".join(
        f"{low}分（含）以上为“{g}”" if k == 0 else f"{low}分（含）至{s['bands'][k - 1][1]}分为“{g}”"
        for k, (g, low) in enumerate(s["bands"])) + f"，{s['bands'][-1][1]}分以下为“差”。")
    doc.add_paragraph(f"填报单位（盖章）：{s['unit']}    单位负责人：艾尔肯·吾斯曼    填报人：王丽娟    联系电话：0994-6612385")
    doc.add_paragraph(f"填报日期：{s['date_text']}")
    path = out / "xinjiang-manas-2023-department-form.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    ind = [{"tier": 2, "level1": "过程", "level2": "预算执行", "name": "预算执行率", "target_value": 100, "unit": "%",
            "actual_value": rate, "weight": 10, "score": bscore}]
    for l1, l2, name, _, _, wt, sc, op, tv, unit, av, _ in items:
        g = {"tier": 2, "level1": l1, "level2": l2, "name": name, **({"target_op": op} if op else {})}
        g.update({k: v for k, v in (("target_value", tv), ("unit", unit), ("actual_value", av)) if v is not None})
        ind.append({**g, "weight": wt, "score": sc})
    gold = {
        "files": [path.name],
        "note": "部门整体支出绩效自评表 whose money block is transposed: items down (年初预算数 / 全年预算数 / 全年执行数 / "
                "预算执行率), columns 项目 | 金额（万元） | 备注; the 年中追加 467.60万元 is stated only in the 备注 of 全年预算数. "
                "The budget-execution score is the first indicator row (过程 / 预算执行 / 预算执行率). No 总分 row: the "
                "total and grade are in a paragraph under the table ('自评得分：86.35分  自评等级：良好'), then a note "
                "stating the bands (85 优, 75 良, 60 中). Date '2024年3月' (no day). Place: 玛纳斯县 under 昌吉回族自治州. "
                "Planted: 良好 stated for 86.35, which the stated bands make 优 (grade check with words; "
                "reported_grade is the stated 良).",
        "report": {"kind": "department_self", "province": "新疆维吾尔自治区", "city": "昌吉回族自治州", "county": "玛纳斯县",
                   "unit": s["unit"], "project": None, "fiscal_year": 2023, "report_date": s["date"],
                   "reported_score": total, "reported_grade": s["stated_grade"][1], "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["added"]),
                     "budget_yuan": y(final), "spent_yuan": y(s["spent"]), "reported_rate_pct": rate}],
        "scores": [],
        "indicators": ind,
        "tables": [],
        "checks": [{"what": f"自评等级 {s['stated_grade'][0]} stated for 自评得分 {num(total)}, but the form's own bands "
                            "(85分（含）以上为优) make it 优",
                    "reported": s["stated_grade"][1], "recomputed": band_grade(total), "expect": "mismatch"}],
    }
    return path, gold, [truth(rows, merges)]


def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind4", (make_guizhou, make_gansu, make_ningxia, make_qinghai, make_xinjiang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

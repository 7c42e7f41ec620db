#!/usr/bin/env python3
"""Write a FIFTH blind test set: five more places and layouts the reader was not built on.

    python scripts/make_blind_samples5.py [OUT_DIR]          (default: tests/data/blind5)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on this set
measures how the product generalises.

* shanghai-chongming-2023-project-report.{docx,pdf}: 崇明区 项目支出绩效自评报告 in prose that compares years: every
  indicator states its 2023 AND its 2022 figure, money states 上年支出, a two-year money table, the total written
  九十二分 once and 92分 elsewhere (and the 2022 score 89分); planted: a stated "提高2.8个百分点" where 98.6 − 96.8 = 1.8.
* tianjin-jizhou-2023-department-evaluation.{docx,pdf}: a third party's 部门整体支出绩效评价报告 on 蓟州区卫生健康委员会,
  scoring table 一级/二级/三级/分值/评分要点/得分 with 投入/过程/产出/效果 and "投入小计" rows, "合计"; cover dated in
  Chinese numerals; planted: the 过程小计 得分 one point above its items.
* hainan-qiongshan-2023-workbook.{xlsx,pdf}: 琼山区农业农村局 workbook: 部门整体支出绩效自评表 sheet and three project
  sheets named by short names, one only a title (template never filled); planted: one project's 执行率 ≠ 执行数/预算数.
* xizang-jiangzi-2023-project-form.{docx,pdf}: 江孜县 项目支出绩效自评表 whose indicator header carries the unit
  (年度指标值（%）), bare numbers and 完成/未完成 in the cells, a 备注 column of sentences with figures; planted: an
  indicator's 得分 above its 分值.
* hubei-lichuan-2023-third-party.{docx,pdf}: 利川市 third-party report, score table 权重/得分率/评价得分 with bold section
  rows (no 小计) and grade words 优秀/良好/合格/不合格 with bands; planted: 89.48 called 优秀.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json) are derived from
the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_common import publish  # noqa: E402
from samples_blind_forms import truth  # noqa: E402
from samples_blind_reports import _layout, _para  # noqa: E402
from samples_blind2_forms import a4  # noqa: E402
from samples_blind3_reports import w  # noqa: E402
from samples_blind4_docs import official  # noqa: E402
from samples_blind5_forms import make_hainan, make_xizang  # noqa: E402
from samples_blind5_reports import make_lichuan, make_tianjin  # noqa: E402
from samples_common import docx_table, grade_of, pct, r2  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- Shanghai: 崇明区, a report comparing two years
SH = {
    "department": "上海市崇明区水务局", "unit": "上海市崇明区水利管理所", "project": "农村生活污水处理设施运行维护项目",
    "date": "2024-04-10", "date_text": "2024年4月10日",
    "initial": 2860.00, "added": 145.00,  # 万元, 2023
    # (line, 2022 预算, 2022 支出, 2023 全年预算, 2023 支出)
    "lines": [("设施运维服务费", 2190.00, 2142.80, 2310.00, 2268.52), ("水质检测费", 170.00, 158.60, 185.00, 176.40),
              ("设施维修改造费", 380.00, 349.90, 510.00, 473.54)],
    "sections": [("决策", 20, 18), ("过程", 20, 19), ("产出", 30, 28.5), ("效益", 30, 26.5)],
    "score_2022": 89,
    # (二级 heading, name, target words, op, target, unit, 2023, 2022, how the change is stated: pp / n / pct / planted)
    "items": [
        ("数量指标", "运维处理设施数量", "不少于", ">=", 1280, "座", 1286, 1214, "n"),
        ("数量指标", "村级污水处理站巡检次数", "不少于", ">=", 24, "次/年", 26, 24, "n"),
        ("质量指标", "设施正常运行率", "不低于", ">=", 95, "%", 98.6, 96.8, ("pp", 2.8)),  # planted: 98.6 − 96.8 = 1.8
        ("质量指标", "出水水质达标率", "不低于", ">=", 90, "%", 95.4, 92.1, "pp"),
        ("时效指标", "故障报修处理及时率", "不低于", ">=", 95, "%", 97.2, 95.6, "pp"),
        ("成本指标", "单座设施年均运维成本", "不超过", "<=", 1.85, "万元", 1.76, 1.77, "n"),
        ("社会效益指标", "受益农户", "不少于", ">=", 8.5, "万户", 8.62, 8.35, "pct"),
        ("生态效益指标", "农村生活污水治理率", "达到", None, 95, "%", 95.8, 93.5, "pp"),
        ("满意度指标", "受益群众满意度", "不低于", ">=", 90, "%", 93.5, 91.2, "pp"),
    ],
}
CN_NUM = {92: "九十二"}


def fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def change(name, unit, now, before, how) -> tuple[str, dict | None]:
    """'较2022年的Y提高Z个百分点' etc.; a planted (pp, Z) returns the check it makes."""
    up = now >= before
    if how == "n":
        return f"较2022年的{fmt(before)}{unit}{'增加' if up else '减少'}{fmt(round(abs(now - before), 4))}{unit}", None
    if how == "pct":
        g = r2(abs(now - before) / before * 100)
        return f"较2022年的{fmt(before)}{unit}{'增长' if up else '下降'}{g:.2f}%", None
    true = round(abs(now - before), 4)
    said = how[1] if isinstance(how, tuple) else true
    check = None if said == true else {
        "what": f"{name}: 2023年 {now:g}% and 2022年 {before:g}% stated, '提高{said:g}个百分点' but {now:g} − {before:g} = "
                f"{true:g}", "reported": said, "recomputed": true, "expect": "mismatch"}
    return f"较2022年的{fmt(before)}{unit}{'提高' if up else '下降'}{said:g}个百分点", check


def make_shanghai(out: Path) -> tuple[Path, dict, list]:
    from docx import Document

    s = SH
    final = r2(s["initial"] + s["added"])
    b22, x22 = (r2(sum(ln[k] for ln in s["lines"])) for k in (1, 2))
    b23, x23 = (r2(sum(ln[k] for ln in s["lines"])) for k in (3, 4))
    assert final == b23
    rate, rate22, grow = r2(x23 / b23 * 100), r2(x22 / b22 * 100), r2((x23 - x22) / x22 * 100)
    total = sum(p for _, _, p in s["sections"])
    assert total == 92 and sum(m for _, m, _ in s["sections"]) == 100 and grade_of(total) == "优"
    doc = Document()
    a4(doc, 2.6)
    _para(doc, f"{s['project']}", True, True, 18)
    _para(doc, "2023年度绩效自评报告", True, True, 18)
    P = doc.add_paragraph
    P(f"按照《上海市崇明区财政局关于开展2023年度区级预算项目绩效自评工作的通知》要求，{s['department']}组织"
      f"{s['unit']}对{s['project']}开展了绩效自评。经自评，该项目自评得分{CN_NUM[total]}分，自评等级为优。现将有关情况"
      "报告如下。")
    _para(doc, "一、项目概况", True)
    P("（一）项目背景及主要内容。崇明区自2016年起全面推进农村生活污水治理，已建成村级污水处理站、一体化处理设施和"
      "户用处理设施共计1,200余座。为保障已建设施长效稳定运行，区财政每年安排专项资金，用于设施日常运行维护、出水"
      "水质检测和设施维修改造，运维服务通过政府采购委托专业运维单位承担。")
    P(f"（二）资金安排及使用情况。2023年项目年初预算{w(s['initial'])}万元，年中追加预算{w(s['added'])}万元，调整后"
      f"全年预算{w(final)}万元，全年实际支出{w(x23)}万元，预算执行率{pct(rate)}。上年（2022年）项目预算{w(b22)}万元，"
      f"上年支出{w(x22)}万元，执行率{pct(rate22)}；本年支出较上年增加{w(r2(x23 - x22))}万元，增长{pct(grow)}，"
      "主要是新接管设施增加、部分设施进入大修期。两年资金安排对比见表1。")
    _para(doc, "表1  项目资金近两年安排及使用情况", True, True)
    _para(doc, "单位：万元", size=9)
    t1 = [["支出内容", "2022年预算数", "2022年支出数", "2023年预算数", "2023年支出数", "2023年执行率"]]
    t1 += [[n, w(b0), w(x0), w(b1), w(x1), pct(r2(x1 / b1 * 100))] for n, b0, x0, b1, x1 in s["lines"]]
    t1.append(["合计", w(b22), w(x22), w(b23), w(x23), pct(rate)])
    _layout(docx_table(doc, t1, [], font_pt=9), (3.2, 2.5, 2.5, 2.5, 2.5, 2.4))
    P("（三）项目绩效目标。2023年度项目绩效目标为："
      + "，".join(f"{n}{wd}{fmt(v)}{u}" for _, n, wd, _, v, u, *_ in s["items"]) + "。")
    _para(doc, "二、绩效目标完成情况及与上年对比", True)
    checks, heading, k = [], None, 0
    for l2, name, wd, op, tv, unit, now, before, how in s["items"]:
        if l2 != heading:
            heading, k = l2, k + 1
            _para(doc, f"（{'一二三四五六七八'[k - 1]}）{l2}", True)
        said, check = change(name, unit, now, before, how)
        checks += [check] if check else []
        reach = (now >= tv) if op in (">=", None) else (now <= tv)
        P(f"{name}：年度目标{wd}{fmt(tv)}{unit}，2023年实际完成{fmt(now)}{unit}，{said}，"
          f"{'达到年度目标' if reach else '未达到年度目标'}。")
    _para(doc, "三、自评结论", True)
    P("对照区财政局下发的项目支出绩效评价指标体系，本项目" + "，".join(
        f"{n}类指标（{m}分）得{p:g}分" for n, m, p in s["sections"])
      + f"，自评总分{total:g}分，较2022年度自评得分{s['score_2022']}分提高{total - s['score_2022']:g}分，自评等级为“优”。")
    _para(doc, "四、存在问题及改进措施", True)
    P("（一）部分早期建设的户用处理设施设备老化，故障率较高，维修改造资金需求逐年增加。下一步将制定设施更新改造三年"
      "计划，分年度实施。（二）运维单位考核结果与服务费支付挂钩不够紧密。下一步将完善运维考核办法，按季度考核、按考核"
      "结果支付服务费。")
    _para(doc, f"{s['unit']}\n{s['date_text']}")
    official(doc)
    path = out / "shanghai-chongming-2023-project-report.docx"
    doc.save(path)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    assert len(checks) == 1
    gold = {
        "files": [path.name],
        "note": "Prose 项目支出绩效自评报告 that states every figure for 2023 AND 2022: money (上年预算/上年支出/上年执行率, "
                "增长%), a two-year money table (2022年预算数/支出数, 2023年预算数/支出数/执行率, 合计), each indicator "
                "'年度目标…，2023年实际完成X，较2022年的Y提高Z个百分点'. Gold keeps 2023 only; 2022 figures are distractors. "
                "Total written 九十二分 in the opening and 92分 in the conclusion, next to the 2022 score 89分. Indicators "
                "are prose only (tier 3). The 生态 target is '达到95%' (no operator). Place: 崇明区 of 上海市 "
                "(municipality: city = province). Planted: 设施正常运行率 98.6% vs 96.8% stated '提高2.8个百分点' (1.8).",
        "report": {"kind": "project_self", "province": "上海市", "city": "上海市", "county": "崇明区",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": total, "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(s["initial"]), "adjusted_yuan": y(s["added"]),
                     "budget_yuan": y(final), "spent_yuan": y(x23), "reported_rate_pct": rate}]
        + [{"line": n, "budget_yuan": y(b1), "spent_yuan": y(x1), "reported_rate_pct": r2(x1 / b1 * 100)}
           for n, _, _, b1, x1 in s["lines"]],
        "scores": [{"section": n, "max_points": m, "points": p} for n, m, p in s["sections"]],
        "indicators": [{"tier": 3, "name": n, **({"target_op": op} if op else {}), "target_value": tv, "unit": u}
                       for _, n, _, op, tv, u, *_ in s["items"]]
        + [{"tier": 3, "name": n, "actual_value": now, "unit": u} for _, n, _, _, _, u, now, *_ in s["items"]],
        "tables": [],
        "checks": checks,
    }
    return path, gold, [truth(t1, [])]


def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind5",
            (make_shanghai, make_tianjin, make_hainan, make_xizang, make_lichuan))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

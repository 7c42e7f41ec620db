"""Fourth blind batch, workbook helpers and a Gansu county 项目支出绩效自评表: formulas with cached values (written with
openpyxl, re-saved by LibreOffice), 万元 with four decimals, negatives in parentheses by number format, "-" and "/"
placeholders and a hidden notes column. Written without looking at the reader's code.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from make_blind_samples3 import put_grid, titles
from samples_blind_forms import Num, truth
from samples_blind3_forms import run_merges
from samples_common import grade_of, num, pct, r2


class Fx(Num):
    """A formula cell: the formula, its number format, the text it displays and the value it must cache."""

    def __init__(self, formula: str, fmt: str, text: str, expect: float):
        super().__init__(formula, fmt, text)
        self.expect = expect


def r4(x: float) -> float:
    return float(Decimal(str(x)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def drop_col(rows: list, merges: list, col: int) -> tuple[list, list]:
    """The grid as printed when column `col` is hidden: its cells gone, merges over it one column narrower."""
    out = [[c for k, c in enumerate(row) if k != col] for row in rows]
    kept = []
    for r1, c1, r2_, c2 in merges:
        assert c1 != col, "no merge starts in the hidden column"
        kept.append((r1, c1 - (c1 > col), r2_, c2 - (c2 >= col)))
    return out, [m for m in kept if m[1] < m[3] or m[0] < m[2]]


def resave(path: Path, checks: list) -> None:
    """Open and re-save with LibreOffice so every formula carries a cached value; then confirm the values."""
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", f"{tmp}/out", str(path)],
                       check=True, capture_output=True, timeout=180)
        shutil.copyfile(f"{tmp}/out/{path.name}", path)
    ws = load_workbook(path, data_only=True).worksheets[0]
    for ref, want in checks:
        got = ws[ref].value
        assert isinstance(got, (int, float)) and abs(got - want) < 1e-9, (path.name, ref, got, want)


LETTER = "ABCDEFGHIJK"
money4 = lambda v: Num(v, "#,##0.0000", f"{v:,.4f}")  # noqa: E731
ADJ_FMT = "#,##0.00;(#,##0.00)"
adj_text = lambda v: f"({abs(v):,.2f})" if v < 0 else f"{v:,.2f}"  # noqa: E731
pc = lambda v: Num(v, "0.00%", pct(r2(v * 100)))  # noqa: E731  0.985 shown 98.50%
gen = lambda v: Num(v, "General", num(v))  # noqa: E731
s2 = lambda v: Num(v, "0.00", f"{v:.2f}")  # noqa: E731


# ---------------------------------------------------------------- Gansu: 张掖市临泽县, formulas and placeholders
GANSU = {
    "project": "农村供水工程维修养护项目", "department": "临泽县水务局", "unit": "临泽县农村供水管理站",
    "date": "2024-03-20", "date_text": "2024年3月20日",
    # 万元: (label, 年初预算数, 预算调整数 or None ("-"), 全年执行数, hidden note); the last line is all "-"
    "lines": [("中央财政资金", 186.4520, None, 184.3376, "甘财农〔2022〕112号提前下达"),
              ("省级财政资金", 96.3800, -35.20, 58.9264, "张财农〔2023〕45号调减，原值96.3800"),
              ("县级配套资金", 48.5000, 12.50, 57.6215, "临财预〔2023〕18号追加")],
    "typed_total_delta": 1.0,  # planted: 总分 typed as a constant one point above the sum of the 得分 column
    # (一级, 二级, 三级, 年度指标值, 实际完成值 cell, 分值, 得分, op, target, unit, actual, 偏差原因 or "/", hidden note)
    "items": [
        ("产出指标", "数量指标", "维修养护农村供水工程处数", "≥220处", gen(236), 10, 10, ">=", 220, "处", 236, "/",
         "2022年完成值：228处"),
        ("产出指标", "数量指标", "更换老旧供水管网长度", "≥42公里", "44.6公里", 8, 8, ">=", 42, "公里", 44.6, "/",
         "含入户支管9.8公里"),
        ("产出指标", "数量指标", "维修更换入户水表", "≥3000块", "3126块", 6, 6, ">=", 3000, "块", 3126, "/", ""),
        ("产出指标", "质量指标", "供水水质检测合格率", "≥95%", pc(0.985), 8, 8, ">=", 95, "%", 98.5, "/",
         "县疾控中心抽检200份，合格197份"),
        ("产出指标", "质量指标", "维修工程验收合格率", "100%", pc(1), 6, 6, None, 100, "%", 100, "/", ""),
        ("产出指标", "时效指标", "维修养护任务完成及时率", "≥95%", pc(0.962), 6, 6, ">=", 95, "%", 96.2, "/", ""),
        ("产出指标", "成本指标", "单处工程平均维修养护成本", "≤1.4万元", "1.27万元", 6, 6, "<=", 1.4, "万元", 1.27, "/",
         "300.8855万元/236处"),
        ("效益指标", "经济效益指标", "减少群众自行维修费用", "≥15万元", "16.8万元", 6, 6, ">=", 15, "万元", 16.8, "/", ""),
        ("效益指标", "社会效益指标", "农村自来水普及率", "≥98%", pc(0.9872), 8, 8, ">=", 98, "%", 98.72, "/",
         "上年值98.10%"),
        ("效益指标", "社会效益指标", "农村供水保证率", "≥95%", pc(0.934), 8, 6.5, ">=", 95, "%", 93.4,
         "夏季灌溉高峰期部分村组水压不足；新建加压泵站2座", "7月用水高峰停水3次"),
        ("效益指标", "可持续影响指标", "工程良性运行长效机制", "健全", "基本健全", 8, 7, None, None, None, None,
         "村级管水员培训不到位；2024年开展轮训", ""),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", pc(0.946), 10, 9.5, ">=", 90, "%", 94.6, "/",
         "问卷发放500份，回收486份"),
    ],
}
GANSU_WIDTHS = (8, 14, 12, 22, 12, 12, 24, 8, 9, 12, 14)
HIDDEN = 6  # column G


def gansu_grid(r0: int) -> tuple[list, list, list, dict]:
    """The full grid (with the hidden column), its merges, the (cell, cached value) pairs to verify, and figures."""
    s = GANSU
    lines = [(n, a, r4(a + (d or 0)), x) for n, a, d, x, _ in s["lines"]]
    a, b, x = (r4(sum(ln[k] for ln in lines)) for k in (1, 2, 3))
    adj = r2(sum(d or 0 for _, _, d, _, _ in s["lines"]))
    rate4 = r4(x / b)
    rate, bscore = r2(rate4 * 100), r2(rate4 * 10)
    assert abs(rate4 * 1000 - round(rate4 * 1000)) > 1e-6, "the 得分 must not sit on a rounding boundary"
    items_sum = r2(sum(i[6] for i in s["items"]))
    true_total = r2(bscore + items_sum)
    typed = r2(true_total + s["typed_total_delta"])
    assert sum(i[5] for i in s["items"]) == 90 and grade_of(true_total) == grade_of(typed) == "优"
    row = lambda r: r0 + r  # noqa: E731  sheet row of grid row r
    rows = [["项目名称", "", s["project"]] + [""] * 8,
            ["主管部门", "", s["department"], "", "", "", "", "实施单位", "", s["unit"], ""],
            ["项目资金（万元）", "资金来源", "年初预算数", "预算调整数", "全年预算数", "全年执行数", "资金文号（内部备注）",
             "分值", "执行率", "得分", "备注"]]
    merges = [(0, 0, 0, 1), (0, 2, 0, 10), (1, 0, 1, 1), (1, 2, 1, 5), (1, 7, 1, 8), (1, 9, 1, 10)]
    t0, first, last = 3, 4, 4 + len(lines)  # total line, first and last (the all "-" line) sub-lines
    rng = lambda c: f"{c}{row(first)}:{c}{row(last)}"  # noqa: E731
    cached = []
    total = ["", "年度资金总额", Fx(f"=SUM({rng('C')})", "#,##0.0000", f"{a:,.4f}", a),
             Fx(f"=SUM({rng('D')})", ADJ_FMT, adj_text(adj), adj),
             Fx(f"=SUM({rng('E')})", "#,##0.0000", f"{b:,.4f}", b),
             Fx(f"=SUM({rng('F')})", "#,##0.0000", f"{x:,.4f}", x), "", Num(10, "0", "10"),
             Fx(f"=ROUND(F{row(t0)}/E{row(t0)},4)", "0.00%", pct(rate), rate4),
             Fx(f"=ROUND(I{row(t0)}*H{row(t0)},2)", "0.00", f"{bscore:.2f}", bscore), "/"]
    rows.append(total)
    for k, ((n, ia, d, sx, note), (_, _, fb, _)) in enumerate(zip(s["lines"], lines)):
        r = len(rows)
        rows.append(["", ("其中：" if k == 0 else "") + n, money4(ia),
                     Num(d, ADJ_FMT, adj_text(d)) if d is not None else "-",
                     Fx(f"=SUM(C{row(r)}:D{row(r)})", "#,##0.0000", f"{fb:,.4f}", fb), money4(sx), note,
                     "-", "-", "-", "/"])
    rows.append(["", "其他资金", "-", "-", "-", "-", "", "-", "-", "-", "/"])
    merges.append((2, 0, len(rows) - 1, 0))
    cached += [(f"{LETTER[c]}{row(r)}", cell.expect) for r, rw in enumerate(rows) for c, cell in enumerate(rw)
               if isinstance(cell, Fx)]
    g0 = len(rows)
    rows += [["年度总体目标", "预期目标", "", "", "", "", "", "实际完成情况", "", "", ""],
             ["", "完成全县220处以上农村供水工程维修养护，更换老旧管网42公里以上，保障农村供水水质达标和稳定供水，"
                  "农村自来水普及率稳定在98%以上。", "", "", "", "", "",
              "完成236处工程维修养护，更换老旧管网44.6公里、入户水表3126块，供水水质检测合格率98.50%；"
              "夏季用水高峰期部分村组供水保证率偏低。", "", "", ""]]
    merges += [(g0, 0, g0 + 1, 0), (g0, 1, g0, 5), (g0, 7, g0, 10), (g0 + 1, 1, g0 + 1, 5), (g0 + 1, 7, g0 + 1, 10)]
    h = len(rows)
    rows.append(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "指标值测算依据（内部备注）",
                 "分值", "得分", "偏差原因分析及改进措施", ""])
    merges.append((h, 9, h, 10))
    gold_ind = []
    for l1, l2, name, tv, av, wt, sc, op, target, unit, actual, dev, note in s["items"]:
        merges.append((len(rows), 9, len(rows), 10))
        rows.append(["", l1, l2, name, tv, av, note, gen(wt), gen(sc), dev, ""])
        g = {"tier": 2, "level1": l1, "level2": l2, "name": name, **({"target_op": op} if op else {})}
        g.update({k: v for k, v in (("target_value", target), ("unit", unit), ("actual_value", actual))
                  if v is not None})
        gold_ind.append({**g, "weight": wt, "score": sc})
    end = len(rows) - 1
    for k, key in ((1, lambda i: i[0]), (2, lambda i: i[:2])):  # blank the repeated 一级/二级 labels, merge the runs
        keys = [key(i) for i in s["items"]]
        for j in range(len(keys) - 1, 0, -1):
            if keys[j] == keys[j - 1]:
                rows[h + 1 + j][k] = ""
        merges += run_merges(keys, k, h + 1)
    merges.append((h + 1, 0, end, 0))
    rows.append(["总分", "", "", "", "", "", "", Num(100, "0", "100"), s2(typed), "", ""])
    merges += [(end + 1, 0, end + 1, 6), (end + 1, 9, end + 1, 10)]
    rows.append(["自评等级", "", "", "", "", "", "", "优", "", "", ""])
    merges += [(end + 2, 0, end + 2, 6), (end + 2, 7, end + 2, 10)]
    f = {"a": a, "adj": adj, "b": b, "x": x, "rate": rate, "bscore": bscore, "true_total": true_total, "typed": typed,
         "items_sum": items_sum, "lines": lines, "gold_ind": gold_ind}
    return rows, merges, cached, f


def make_gansu(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook

    s, r0 = GANSU, 3
    rows, merges, cached, f = gansu_grid(r0)
    wb = Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    titles(ws, ["项目支出绩效自评表", "（2023年度）"], 11)
    put_grid(ws, rows, merges, r0, GANSU_WIDTHS)
    ws.column_dimensions[LETTER[HIDDEN]].hidden = True
    foot = r0 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{s['unit']}")
    ws.cell(row=foot, column=6, value="填报人：马晓燕    联系电话：0936-5521837")
    ws.cell(row=foot + 1, column=1, value=f"填报日期：{s['date_text']}")
    ws.page_setup.orientation = "landscape"
    path = out / "gansu-linze-2023-project-form.xlsx"
    wb.save(path)
    resave(path, cached)
    y = lambda v: r2(v * 1e4)  # noqa: E731
    gold = {
        "files": [path.name],
        "note": "XLSX written with openpyxl and re-saved by LibreOffice, so its formulas carry cached values: 全年预算数 "
                "= SUM(年初, 调整) per line, the 年度资金总额 row = SUM of the lines, 执行率 = ROUND(执行数/全年预算数,4) "
                "shown 0.00%, 得分 = ROUND(执行率*分值,2). Money in 万元 with four decimals (#,##0.0000); 预算调整数 "
                "negative shown in parentheses by number format (#,##0.00;(#,##0.00)); '-' in empty money cells "
                "(中央 has no adjustment; 其他资金 is '-' throughout, so it is no gold line), '/' in empty 偏差原因 and 备注 "
                "cells. 实际完成值 percentages are numeric cells (0.985, 0.00%). Column G (资金文号/测算依据 notes, "
                "some with figures) is HIDDEN: not printed in the PDF, and the table truths leave it out. Planted: "
                "总分 is a typed constant one point above 执行率得分 + the 得分 column.",
        "report": {"kind": "project_self", "province": "甘肃省", "city": "张掖市", "county": "临泽县",
                   "department": s["department"], "unit": s["unit"], "project": s["project"], "fiscal_year": 2023,
                   "report_date": s["date"], "reported_score": f["typed"], "reported_grade": "优", "evaluator": None},
        "budgets": [{"line": "total", "initial_yuan": y(f["a"]), "adjusted_yuan": y(f["adj"]), "budget_yuan": y(f["b"]),
                     "spent_yuan": y(f["x"]), "reported_rate_pct": f["rate"]}]
        + [{"line": n, "initial_yuan": y(ia), **({"adjusted_yuan": y(d)} if d is not None else {}),
            "budget_yuan": y(fb), "spent_yuan": y(sx)}
           for (n, ia, d, sx, _), (_, _, fb, _) in zip(s["lines"], f["lines"])],
        "scores": [],
        "indicators": [{"tier": 2, "name": "执行率", "weight": 10, "score": f["bscore"], "actual_value": f["rate"],
                        "unit": "%"}] + f["gold_ind"],
        "tables": [],
        "checks": [{"what": f"总分 {f['typed']:.2f} typed, but 执行率得分 {num(f['bscore'])} + indicator 得分 "
                            f"{num(f['items_sum'])} = {num(f['true_total'])}",
                    "reported": f["typed"], "recomputed": f["true_total"], "expect": "mismatch"}],
    }
    vis = drop_col(rows, merges, HIDDEN)
    return path, gold, [truth(*vis)]


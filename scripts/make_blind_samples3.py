#!/usr/bin/env python3
"""Write a THIRD blind test set: templates and provinces the reader was not built on.

    python scripts/make_blind_samples3.py [OUT_DIR]          (default: tests/data/blind3)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on this set
measures how the product generalises.

* shanxi-dingxiang-2023-department-form.{xlsx,pdf}: 定襄县市场监督管理局 2021+ national 部门整体支出绩效自评表
  (年度主要任务 / 资金总额·基本支出·项目支出 / 年初设定目标), numeric cells with number formats;
  planted: one indicator's 得分 above its 分值.
* liaoning-huludao-2023-project-report.{docx,pdf}: 葫芦岛市 城镇老旧小区改造 self-evaluation REPORT, indicators
  under numbered headings in prose, the 自评表 attached at the end; planted: 资金到位率 ≠ 到位/预算.
* jilin-dunhua-2023-project-workbook.{xlsx,pdf}: 敦化市 (延边州) workbook, sheet 1 汇总表 of five projects, sheet 2
  one project's form; planted: the 汇总表 合计 执行数 leaves out a row.
* neimenggu-abaga-2023-third-party.{docx,pdf}: 阿巴嘎旗 (锡林郭勒盟) third-party report, scoring table split into
  four tables with 小计 rows plus a one-row summary, dates in Chinese numerals; planted: summary 合计 ≠ sum.
* heilongjiang-yian-2023-project-form.{docx,pdf}: 依安县 landscape form, 11-column indicator table with 指标性质 and
  计量单位 columns and a 反向 indicator; planted: one 完成率 ≠ 实际/指标值.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json) are derived from
the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_common import publish, put_grid  # noqa: E402
from samples_blind_forms import Num, truth  # noqa: E402
from samples_blind3_forms import JILIN, JILIN_DEPT, SHANXI, fr, jilin_form, make_heilongjiang, shanxi_grid  # noqa: E402
from samples_common import r2  # noqa: E402
from samples_blind3_reports import make_liaoning, make_neimeng  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def titles(ws, lines: list, n_cols: int) -> None:
    """Centred title lines above a grid, the first one big and bold."""
    from openpyxl.styles import Alignment, Font

    for r, text in enumerate(lines, 1):
        ws.cell(row=r, column=1, value=text).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n_cols)
    ws.cell(row=1, column=1).font = Font(size=16, bold=True)


def make_shanxi(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook

    rows, merges, gold = shanxi_grid()
    wb = Workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    titles(ws, ["部门整体支出绩效自评表", "（2023年度）"], 9)
    put_grid(ws, rows, merges, 3, (8, 12, 13, 24, 14, 14, 8, 10, 24))
    foot = 3 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{SHANXI['unit']}")
    ws.cell(row=foot, column=5, value="单位负责人：郭建平")
    ws.cell(row=foot, column=8, value=f"填报日期：{SHANXI['date_text']}")
    ws.page_setup.orientation = "portrait"
    path = out / "shanxi-dingxiang-2023-department-form.xlsx"
    wb.save(path)
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]


# 敦化市农业农村局's other projects on the 汇总表 (项目名称, 预算数, 执行数 in 万元, 自评得分, 等级); None: the sheet-2 project
JILIN_SUMMARY = [("高标准农田建设项目", 4860.00, 4712.35, 92.6, "优"), None,
                 ("农机购置与应用补贴资金", 1520.00, 1520.00, 96.0, "优"), ("动物疫病防控补助经费", 236.80, 221.46, 88.5, "良"),
                 ("农村人居环境整治提升资金", 680.00, 598.72, 85.2, "良")]


def jilin_summary(own: tuple) -> tuple[list, list, dict]:
    """The 汇总表 grid, its 合计 row wrong (执行数 leaves out the last row; 执行率 follows the wrong figure)."""
    projects = [p or own for p in JILIN_SUMMARY]
    w = lambda v: Num(v, "#,##0.00", f"{v:,.2f}")  # noqa: E731
    rows = [["序号", "项目名称", "预算数", "执行数", "执行率", "自评得分", "等级"]]
    rows += [[Num(k + 1, "0", str(k + 1)), n, w(pb), w(px), fr(r2(px / pb * 100)), Num(sc, "0.00", f"{sc:.2f}"), g]
             for k, (n, pb, px, sc, g) in enumerate(projects)]
    budget_sum, true_spent = r2(sum(p[1] for p in projects)), r2(sum(p[2] for p in projects))
    shown = r2(true_spent - projects[-1][2])
    rows.append(["合计", "", w(budget_sum), w(shown), fr(r2(shown / budget_sum * 100)), "", ""])
    check = {"what": f"汇总表 合计 执行数 {shown:,.2f}万元, but the five projects' 执行数 add up to {true_spent:,.2f}万元 "
                     f"(the last row, {projects[-1][0]} {projects[-1][2]:,.2f}, is left out)",
             "reported": r2(shown * 1e4), "recomputed": r2(true_spent * 1e4), "expect": "mismatch"}
    return rows, [(len(rows) - 1, 0, len(rows) - 1, 1)], check


def make_jilin(out: Path) -> tuple[Path, dict, list]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    frows, fmerges, gold, own = jilin_form()
    srows, smerges, check = jilin_summary(own)
    gold["checks"].append(check)
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总表"
    titles(ws, [f"{JILIN_DEPT}2023年度项目支出绩效自评结果汇总表"], 7)
    ws.cell(row=2, column=6, value="金额单位：万元").alignment = Alignment(horizontal="right")
    ws.merge_cells(start_row=2, start_column=6, end_row=2, end_column=7)
    put_grid(ws, srows, smerges, 3, (6, 30, 14, 14, 10, 10, 8))
    ws.cell(row=3 + len(srows) + 1, column=1, value=f"填报单位：{JILIN_DEPT}（盖章）")
    ws.page_setup.orientation = "portrait"

    ws2 = wb.create_sheet(JILIN["project"])
    titles(ws2, ["项目支出绩效自评表", "（2023年度）"], 9)
    put_grid(ws2, frows, fmerges, 3, (8, 11, 13, 24, 15, 15, 8, 10, 24))
    foot = 3 + len(frows) + 1
    ws2.cell(row=foot, column=1, value=f"填报单位（盖章）：{JILIN['unit']}")
    ws2.cell(row=foot, column=6, value=f"填报日期：{JILIN['date_text']}")
    ws2.page_setup.orientation = "landscape"
    ws2.page_setup.fitToHeight = 1  # the form and its footer on one page
    path = out / "jilin-dunhua-2023-project-workbook.xlsx"
    wb.save(path)
    gold["files"] = [path.name]
    return path, gold, [truth(srows, smerges), truth(frows, fmerges)]




def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind3", (make_shanxi, make_liaoning, make_jilin, make_neimeng, make_heilongjiang))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

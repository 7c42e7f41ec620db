#!/usr/bin/env python3
"""Write a SECOND blind test set: reports of templates and provinces the reader was not built on.

    python scripts/make_blind_samples2.py [OUT_DIR]          (default: tests/data/blind2)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on this set
measures how the product generalises.

* guangxi-lingui-2023-department-prose.{docx,pdf}: 桂林市临桂区卫生健康局 部门整体支出绩效自评报告, prose only (no
  table): budgets in 万元, indicators as sentences (不低于 / 达到…以上 / 不超过), part scores in a sentence;
  planted: 基本支出 + 项目支出 ≠ 全年支出 (项目支出 written with two digits swapped).
* beijing-mentougou-2023-project-form.{xlsx,pdf}: 门头沟区 项目支出绩效自评表, 金额单位：万元 in a caption line above
  the form, plain numeric cells; clean control (no discrepancy).
* henan-luyi-2023-third-party.{docx,pdf}: 鹿邑县 third-party 绩效评价报告, scoring table with 指标解释 and 评分标准
  columns, subtotals only in prose, 合计 row, grade bands stated; planted: one item's 得分 above its 分值.
* jiangsu-nantong-2023-project-forms.{docx,pdf}: three 南通市 forms in one file (page breaks), money in 元 with
  separators and cents, labels 调整后预算数/实际执行数/权重/评分; planted: the second form's 总分.
* chongqing-dianjiang-2023-project-self.{docx,pdf}: 垫江县 form whose merged indicator block crosses a page without a
  repeated header, values ≥98% / ≤3天 / 100万元以内 / 完成 / ≥1.2万人次; planted: 执行率 ≠ 全年执行数/全年预算数.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json) are derived from
the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_common import publish, put_grid  # noqa: E402
from samples_blind_forms import truth  # noqa: E402
from samples_blind2_forms import beijing_grid, make_chongqing, make_jiangsu  # noqa: E402
from samples_blind2_reports import make_guangxi, make_henan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (9, 11, 13, 24, 14, 14, 8, 10, 24)


def make_beijing(out: Path) -> tuple[Path, dict, list]:
    """The form on one sheet: two title rows and the 金额单位 caption above the ruled grid."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    rows, merges, gold = beijing_grid()
    wb = Workbook()
    ws = wb.active
    ws.title = "项目支出绩效自评表"
    ws.append(["项目支出绩效自评表"])
    ws.append(["（2023年度）"])
    ws.append([])
    for r in (1, 2):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
    ws.cell(row=1, column=1).font = Font(size=16, bold=True)
    ws.cell(row=3, column=7, value="金额单位：万元").alignment = Alignment(horizontal="right")
    ws.merge_cells(start_row=3, start_column=7, end_row=3, end_column=9)
    r0 = 4
    put_grid(ws, rows, merges, r0, WIDTHS)
    foot = r0 + len(rows) + 1
    ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{gold['report']['unit']}")
    ws.cell(row=foot, column=6, value="填报日期：2024年3月20日")
    ws.page_setup.orientation = "landscape"
    path = out / "beijing-mentougou-2023-project-form.xlsx"
    wb.save(path)
    gold["files"] = [path.name]
    return path, gold, [truth(rows, merges)]




def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind2", (make_guangxi, make_beijing, make_henan, make_chongqing, make_jiangsu))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Write a BLIND test set: realistic reports of templates and provinces the reader was not built on.

    python scripts/make_blind_samples.py [OUT_DIR]          (default: tests/data/blind)

Written without reading the reader's code (normalize/, extract/, jixiao/, db/, schemas/), so a score on
this set measures how the product generalises rather than how well it fits its own samples.

* sichuan-yingshan-2023-department-form.{docx,pdf}: 营山县 部门整体支出绩效自评表 (national layout), money in
  万元 split both 按收入性质分 and 按支出性质分; planted: 基本支出 + 项目支出 ≠ 年度资金总额 (全年执行数).
* hubei-yichang-2023-project-forms.{xlsx,pdf}: two 项目支出绩效自评表 stacked on ONE sheet, money in 元 (text
  with thousand separators in the first, numeric cells with number formats in the second); planted: the
  second form's 总分 is not the sum of its 得分 (the first form is a consistent control).
* hebei-zhengding-2023-third-party.{docx,pdf}: third-party 绩效评价报告 with a cover, prose budgets and
  targets, a 28-row scoring table across two pages (header row repeated); planted: one section subtotal in prose
  differs from the table.
* shaanxi-yangxian-2023-project-self.{docx,pdf}: project self-evaluation whose indicator table has no
  ruling lines; planted: the 合计 执行率 has two digits transposed.

Gold files (OUT_DIR/gold/, the shared gold format) and table truths (OUT_DIR/<file>.tables.json, as in
the shared corpus) are derived from the same figures that write the documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from blind_common import fit_rows, publish  # noqa: E402
from samples_blind_forms import HUBEI, Num, hubei_form, make_sichuan, truth  # noqa: E402
from samples_blind_reports import make_hebei, make_shaanxi  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- the Hubei workbook: forms stacked on one sheet
WIDTHS = (10, 12, 14, 26, 16, 16, 8, 10, 26)


def make_hubei(out: Path) -> tuple[Path, list, list]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "项目自评表"
    thin = Side(style="thin")
    path = out / "hubei-yichang-2023-project-forms.xlsx"
    golds, truths = [], []
    r0 = 1
    for k, s in enumerate(HUBEI):
        rows, merges, gold = hubei_form(s, 2023)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                x = ws.cell(row=r0 + r, column=c + 1)
                if isinstance(cell, Num):
                    x.value, x.number_format = cell.value, cell.fmt
                elif cell:
                    x.value = cell
                if r >= 2:  # the two title rows stand above the ruled form
                    x.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                    x.alignment = Alignment(wrap_text=True, vertical="center")
        ws.cell(row=r0, column=1).font = Font(size=16, bold=True)
        for r in (r0, r0 + 1):
            ws.cell(row=r, column=1).alignment = Alignment(horizontal="center")
        for r1, c1, r2_, c2 in merges:
            ws.merge_cells(start_row=r0 + r1, start_column=c1 + 1, end_row=r0 + r2_, end_column=c2 + 1)
        fit_rows(ws, r0, rows, merges, WIDTHS)
        foot = r0 + len(rows)
        ws.cell(row=foot, column=1, value=f"填报单位（盖章）：{s['unit']}")
        ws.cell(row=foot, column=6, value="填报日期：2024年3月12日")
        # the ruled form, without its two title rows, is the table
        truths.append(truth(rows[2:], [(a - 2, b, c - 2, d) for a, b, c, d in merges if a >= 2]))
        golds.append((f"{path.stem}-{k}", {"files": [path.name], **gold}))
        r0 = foot + 4  # three blank rows, then the next form
    for col, width in zip("ABCDEFGHI", WIDTHS):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    wb.save(path)
    return path, golds, truths




def main(argv: list[str]) -> int:
    publish(Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "blind", (make_sichuan, make_hebei, make_shaanxi, make_hubei))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

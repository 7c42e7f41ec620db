"""Small helpers shared by the sample writers: table grids with merges, money formatting, gold rows.

Why a grid model: real forms merge label cells over several rows (项目资金 over its budget lines,
产出指标 over its indicators); writing every sample from (rows, merges) keeps the DOCX and XLSX
writers identical in what they state and lets the gold be derived from the same rows.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def r2(x: float) -> float:
    """Round half up to cents, as reports do (Python's round() is banker's rounding)."""
    return float(Decimal(str(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def money(x: float) -> str:
    return f"{x:,.2f}"


def pct(x: float) -> str:
    return f"{x:.2f}%"


def num(x: float) -> str:
    """A score as reports print it: 10, 9.5, 9.52."""
    return f"{x:g}" if abs(x - round(x, 2)) < 1e-9 else f"{x:.2f}"


def indicator_gold(level1: str, level2: str, ind: dict) -> dict:
    """One gold indicator row: only the values the report states as numbers."""
    g = {"tier": 2, "level1": level1, "level2": level2, "name": ind["name"]}
    for key in ("target_op", "target_value", "unit", "actual_value"):
        if ind.get(key) is not None:
            g[key] = ind[key]
    g["weight"], g["score"] = ind["weight"], ind["score"]
    return g


def docx_table(doc, rows: list[list[str]], merges: list[tuple[int, int, int, int]], font_pt: float = 9):
    """A Word table from a full grid; each merge (r1, c1, r2, c2) keeps the top-left text."""
    from docx.shared import Pt

    n_cols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=n_cols)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(n_cols):
            text = row[c] if c < len(row) else ""
            cell = table.cell(r, c)
            cell.text = text
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(font_pt)
    for r1, c1, r2_, c2 in merges:
        keep = table.cell(r1, c1).text
        for r in range(r1, r2_ + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    table.cell(r, c).text = ""
        merged = table.cell(r1, c1).merge(table.cell(r2_, c2))
        # python-docx joins the merged cells' paragraphs; keep exactly the top-left text
        for p in merged.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        merged.paragraphs[0].text = keep
        for run in merged.paragraphs[0].runs:
            run.font.size = Pt(font_pt)
    return table


def style_sheet(ws, first_row: int, widths: tuple[int, ...]) -> None:
    """Thin borders and wrapped text below the title rows, a big title: how published forms look."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=first_row, max_row=ws.max_row, max_col=len(widths)):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    # printed as published: landscape, all columns on one page width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def grade_of(total: float) -> str:
    """The common four bands (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差)."""
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"


GRADE_WORDS = {"优": "优秀", "良": "良好", "中": "中等", "差": "差"}


def grade_word(total: float) -> str:
    """The grade as many reports spell it out (优秀, 良好): the contract stores 优/良/中/差."""
    return GRADE_WORDS[grade_of(total)]

"""XLSX reader: used range, merges, numbers shown as the sheet shows them, formulas, pages."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from jixiao.extract import ReadError, read_document
from jixiao.extract.xlsx import read_xlsx
from jixiao.extract.xlsx.numfmt import format_value, general

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _offset(grid, truth):
    """Row offset at which the truth's grid sits in the sheet (title rows may precede the form)."""
    for dr in range(len(grid) - len(truth) + 1):
        if grid[dr:dr + len(truth)] == truth:
            return dr
    return None


@pytest.mark.parametrize("name", sorted(f.name for f in CORPUS.glob("*.xlsx")))
def test_corpus_sheets_match_truth(name):
    truth = json.loads((CORPUS / f"{name}.tables.json").read_text(encoding="utf-8"))
    truth = truth if isinstance(truth, list) else truth["tables"]
    tables = read_document(CORPUS / name).tables
    assert len(tables) == len(truth)
    for t, g in zip(truth, tables):
        dr = _offset(g.rows, t["cells"])
        assert dr is not None, "the truth's grid must appear verbatim in the sheet's grid"
        shifted = sorted((r1 + dr, c1, r2 + dr, c2) for r1, c1, r2, c2 in t["merges"])
        assert set(shifted) <= set(g.merges)


def test_corpus_number_format_and_merges():
    t = read_document(CORPUS / "zhongshan-2022-project-self.xlsx").tables[0]
    flat = [c for row in t.rows for c in row]
    assert "17,160,681.00" in flat  # '#,##0.00' applied to an integer
    assert not any(c.endswith(".0") and c.replace(".", "").isdigit() for c in flat)
    r1, c1, r2, c2 = max(t.merges, key=lambda m: (m[2] - m[0]) * (m[3] - m[1]))
    assert t.rows[r1][c1] and all(t.rows[r][c] == "" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
                                  if (r, c) != (r1, c1))
    assert t.sheet and t.page_start == 1


@pytest.mark.parametrize("value, fmt, shown", [
    (17160681, "#,##0.00", "17,160,681.00"),
    (0.979, "0.00%", "97.90%"),
    (0.1 + 0.2, "General", "0.3"),
    (2.675, "0.00", "2.68"),
    (-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"),
    (-1234.5, "#,##0.00", "-1,234.50"),
    (0, '#,##0.00;-#,##0.00;"-"', "-"),
    (1234.5, '0.0"万元"', "1234.5万元"),
    (12345678, "#,##0,", "12,346"),
    (123456.789, "¥#,##0.00", "¥123,456.79"),
    (-0.001, "0.00", "0.00"),
    (5, "00", "05"),
    (1234, "0.00E+00", "1.23E+03"),
    (dt.datetime(2023, 4, 28), "yyyy/m/d", "2023-04-28"),
    (dt.datetime(2023, 4, 28), "mm-dd-yy", "2023-04-28"),
    (dt.datetime(2023, 4, 28), 'yyyy"年"m"月"d"日"', "2023年4月28日"),
    (dt.datetime(2023, 4, 28, 9, 5), "h:mm", "9:05"),
    ("文字", "0.00", "文字"),
    (True, "General", "TRUE"),
])
def test_format_value(value, fmt, shown):
    assert format_value(value, fmt) == shown


def test_general_float_noise():
    assert general(95.60000000000001) == "95.6"
    assert general(3.0) == "3"
    assert general(1e20) == "1E+20"


@pytest.fixture
def workbook(tmp_path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws.merge_cells("A1:D1")
    ws["A2"], ws["B2"], ws["C2"] = "年初预算数", 1856400, 0.979
    ws["B2"].number_format = "#,##0.00"
    ws["C2"].number_format = "0.00%"
    ws["A3"], ws["B3"] = "合计", "=SUM(B2:B2)"  # written by a script: no saved value
    ws["A4"] = dt.datetime(2023, 4, 28)
    ws["A4"].number_format = "yyyy/m/d"
    ws["F20"].number_format = "0.00"  # styled but empty: not part of the used range
    ws.row_breaks.append(openpyxl.worksheet.pagebreak.Break(id=3))
    hidden = wb.create_sheet("说明")
    hidden["B2"] = "隐藏表内容"
    hidden.sheet_state = "hidden"
    wb.create_sheet("空表")
    third = wb.create_sheet("附表")
    third["A1"] = 0.1 + 0.2
    path = tmp_path / "form.xlsx"
    wb.save(path)
    return path


def test_generated_workbook(workbook):
    doc = read_xlsx(workbook)
    first, hidden, third = doc.tables
    assert first.rows == [["项目支出绩效自评表", "", "", ""], ["年初预算数", "1,856,400.00", "97.90%", ""],
                          ["合计", "", "", ""], ["2023-04-28", "", "", ""]]
    assert first.merges == [(0, 0, 0, 3)]
    assert any("no saved value" in w for w in doc.warnings)
    assert first.row_pages == [1, 1, 1, 2] and first.page_end == 2  # a manual break after row 3
    assert hidden.rows == [["", ""], ["", "隐藏表内容"]]  # leading offsets kept: B2 stays at (1, 1)
    assert hidden.page_start == 3 and doc.metadata["hidden_sheets"] == ["说明"]
    assert third.rows == [["0.3"]] and third.page_start == 5  # the empty sheet still takes a page
    assert doc.n_pages == 5


def test_extension_lies(tmp_path):
    fake = tmp_path / "form.pdf"
    fake.write_bytes((CORPUS / "zhongshan-2022-project-self.xlsx").read_bytes())
    doc = read_document(fake)
    assert doc.format == "xlsx" and doc.tables[0].rows


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_xlsx(tmp_path, cut):
    data = (CORPUS / "zhongshan-2022-project-self.xlsx").read_bytes()
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(ReadError) as err:
        read_document(bad)
    assert "\n" not in str(err.value)


def test_pages_follow_print_settings():
    """Fit-to-width landscape A4 with row heights: the sheet prints on as many pages as its PDF."""
    t = read_document(CORPUS / "zhongshan-2022-project-self.xlsx").tables[0]
    assert t.page_start == 1 and t.page_end == 4
    assert t.row_pages == sorted(t.row_pages)


def test_tall_rows_spill_onto_new_pages(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in range(1, 41):
        ws.cell(r, 1, f"第{r}行")
        ws.row_dimensions[r].height = 100  # A4 portrait holds about 6 such rows
    path = tmp_path / "tall.xlsx"
    wb.save(path)
    t = read_xlsx(path).tables[0]
    assert t.page_start == 1 and 6 <= t.page_end <= 8
    assert t.row_pages[0] == 1 and t.row_pages[-1] == t.page_end


def test_symbol_font_ticks(tmp_path):
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = "R", "£", "R"
    ws["A1"].font = Font(name="Wingdings 2")
    ws["B1"].font = Font(name="Wingdings 2")
    path = tmp_path / "ticks.xlsx"
    wb.save(path)
    assert read_xlsx(path).tables[0].rows == [["☑", "□", "R"]]


def test_formatting_to_the_last_row_is_not_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B2"] = "项目", 1
    ws.cell(1_000_000, 3).number_format = "0.00"  # a formatted, empty cell far below
    path = tmp_path / "styled.xlsx"
    wb.save(path)
    doc = read_xlsx(path)
    assert doc.tables[0].rows == [["项目", ""], ["", "1"]]
    assert not doc.warnings  # nothing was cut: the empty formatted rows were never read


def test_forms_stacked_on_one_sheet_become_one_table_each(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    form = [["项目支出绩效自评表"], ["项目名称", "甲项目"], ["年度资金总额", "100.00", "98.00"],
            ["总分", "100", "96"]]
    for row in form + [[], ["注：本表金额单位为万元。"], [], []] + [[form[0][0]], ["项目名称", "乙项目"]] + form[2:]:
        ws.append(row)
    ws.merge_cells("A1:C1")
    path = tmp_path / "stacked.xlsx"
    wb.save(path)
    tables = read_xlsx(path).tables
    # the note after the first gap has no body: it stays with the first form
    assert [t.rows[0][0] for t in tables] == ["项目支出绩效自评表", "项目支出绩效自评表"]
    assert [t.rows[1][1] for t in tables] == ["甲项目", "乙项目"]
    assert tables[0].rows[-1][0] == "注：本表金额单位为万元。" and tables[1].rows[-1][0] == "总分"
    assert tables[0].merges == [(0, 0, 0, 2)] and tables[1].merges == []
    # a merged region across the gap keeps the sheet whole
    ws.merge_cells("C4:C10")
    wb.save(path)
    assert len(read_xlsx(path).tables) == 1


def test_hidden_columns_and_rows_are_left_out_as_printed(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["项目", "年初预算数", "内部备注", "全年执行数"], ["合计", 100, "原值96.38", 98], ["草稿", 1, "", 2],
                ["基本支出", 60, "文号〔2023〕5号", 58]]:
        ws.append(row)
    ws.column_dimensions["C"].hidden = True
    ws.row_dimensions[3].hidden = True
    ws.merge_cells("B4:C4")  # a region over a hidden column keeps its shown part
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    d = read_xlsx(path)
    t = d.tables[0]
    assert t.rows == [["项目", "年初预算数", "全年执行数"], ["合计", "100", "98"], ["基本支出", "60", "58"]]
    assert t.merges == [] and any("1 hidden column(s) and 1 hidden row(s)" in w for w in d.warnings)
    assert len(read_xlsx(path, {"skip_hidden": False}).tables[0].rows[0]) == 4

"""End to end on a generated workbook of another template (a county form in 元, other wording
and column order than the corpus forms), through the real XLSX reader and ``process_file``."""
from __future__ import annotations

import openpyxl
import pytest

from jixiao.pipeline import process_file

ROWS = [
    ["2023年度项目支出绩效自评表", "", "", "", "", "", "", ""],
    ["项目名称", "乡村公益性岗位补贴", "", "", "主管部门", "某县人力资源和社会保障局", "", ""],
    ["资金情况（元）", "资金来源", "", "年初预算", "调整后预算", "实际支出", "支出率", ""],
    ["", "合计", "", "2,400,000.00", "2,520,000.00", "2,486,400.00", "98.67%", ""],
    ["", "其中：中央补助", "", "1,800,000.00", "1,800,000.00", "1,800,000.00", "100.00%", ""],
    ["", "县级配套", "", "600,000.00", "720,000.00", "686,400.00", "95.33%", ""],
    ["一级指标", "二级指标", "指标名称", "目标值", "实际值", "权重", "自评得分", "备注"],
    ["产出指标（60分）", "数量指标", "开发公益性岗位数", "不少于200个", "206个", "20", "20", ""],
    ["", "质量指标", "岗位人员在岗率", "≥95%", "97.1%", "20", "20", ""],
    ["", "时效指标", "补贴按月发放率", "100%", "91.7%", "20", "18.34", "12月补贴跨年发放"],
    ["效益指标（30分）", "社会效益指标", "脱贫劳动力稳定就业", "稳定", "稳定", "30", "30", ""],
    ["满意度指标（10分）", "服务对象满意度指标", "上岗人员满意度", "≥90%", "95.2%", "10", "10", ""],
    ["总分", "", "", "", "", "100", "98.34", "自评等级：优"],
]
MERGES = ["A1:H1", "B2:D2", "F2:H2", "A3:A6", "B3:C3", "B4:C4", "B5:C5", "B6:C6", "A8:A10", "A11:A11"]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "county-form.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in ROWS:
        ws.append(row)
    for m in MERGES:
        ws.merge_cells(m)
    wb.save(path)
    res = process_file(path)
    assert res.status != "failed", res.error
    assert res.reports
    return res.reports[0]


def test_budgets_in_yuan(result):
    lines = {b.line: b for b in result.budgets}
    tot = lines["total"]
    assert (tot.initial_yuan, tot.final_yuan, tot.spent_yuan, tot.reported_rate_pct) == \
        (2400000, 2520000, 2486400, 98.67)
    assert lines["中央补助"].spent_yuan == 1800000 and lines["县级配套"].final_yuan == 720000
    assert all(b.page == 1 and b.evidence for b in result.budgets)


def test_indicators_and_sections(result):
    ind = {i.name: i for i in result.indicators}
    a = ind["开发公益性岗位数"]
    assert (a.level1, a.level2, a.target_op, a.target_value, a.actual_value, a.unit, a.weight, a.score) == \
        ("产出指标", "数量指标", ">=", 200, 206, "个", 20, 20)
    c = ind["补贴按月发放率"]
    assert (c.level1, c.level2, c.target_value, c.actual_value, c.score) == ("产出指标", "时效指标", 100, 91.7, 18.34)
    q = ind["脱贫劳动力稳定就业"]
    assert q.target_value is None and q.actual_text == "稳定" and q.source == "table"
    assert {s.section: s.max_points for s in result.scores} == {"产出指标": 60, "效益指标": 30, "满意度指标": 10}
    assert [i.seq for i in result.indicators] == list(range(1, len(result.indicators) + 1))

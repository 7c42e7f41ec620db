"""Numbers as reports write them: money in every notation, percents, quantities, dates."""
import pytest

from jixiao.normalize.numbers import (decimals, find_money, find_op, parse_date, parse_money, parse_percent,
                                      parse_quantity, parse_year, to_float)


@pytest.mark.parametrize("text,default,want", [
    ("1243.21万元", "元", 12432100.0),
    ("17,160,681.00", "元", 17160681.0),
    ("1,856,400.0 0", "元", 1856400.0),  # a PDF cell wrapped inside the number
    ("11,770,780. 58", "元", 11770780.58),
    ("4.4 万元", "元", 44000.0),
    ("90", "万元", 900000.0),  # a bare figure under a 金额单位：万元 header
    ("￥1,234.00", "元", 1234.0),
    ("人民币100万元", "元", 1000000.0),
    ("(1,234.00)", "元", -1234.0),  # accounting negative
    ("-57.08万元", "元", -570800.0),
    ("－57.08", "元", -57.08),
    ("一百二十万元", "元", 1200000.0),
    ("1,234.00元整", "元", 1234.0),
    ("１２３４．５", "元", 1234.5),  # full-width digits
    ("0.00", "元", 0.0),
    ("1.5亿元", "元", 150000000.0),
])
def test_parse_money(text, default, want):
    assert parse_money(text, default) == pytest.approx(want)


@pytest.mark.parametrize("text", ["—", "-", "/", "无", "", None, "约100万元", "1,2", "12,34", "100-200万元", "详见附表"])
def test_parse_money_refuses_what_it_cannot_read(text):
    assert parse_money(text) is None


@pytest.mark.parametrize("text,want", [("97.90%", 97.9), ("97.9％", 97.9), ("99.72 %", 99.72), ("0%", 0.0),
                                       ("-3.5%", -3.5), ("百分之九十五", 95.0), ("百分之95.5", 95.5)])
def test_parse_percent(text, want):
    assert parse_percent(text) == pytest.approx(want)


@pytest.mark.parametrize("text", ["95", "95%以上", "90%-95%", "约95%", None])
def test_parse_percent_needs_one_plain_percent(text):
    assert parse_percent(text) is None


@pytest.mark.parametrize("text,op,value,unit", [
    ("≥95%", ">=", 95.0, "%"), ("不低于95%", ">=", 95.0, "%"), ("95%以上", ">=", 95.0, "%"),
    ("95%及以上", ">=", 95.0, "%"), ("≤6秒", "<=", 6.0, "秒"), ("＞＝95%", ">=", 95.0, "%"),
    ("不超过20小时", "<=", 20.0, "小时"), ("175560次", None, 175560.0, "次"), ("≤95.6万元", "<=", 95.6, "万元"),
    ("100.00%", None, 100.0, "%"), ("不少于48,000件", ">=", 48000.0, "件"), ("=100%", "=", 100.0, "%"),
    ("＜5%", "<", 5.0, "%"),
])
def test_parse_quantity(text, op, value, unit):
    q = parse_quantity(text)
    assert (q.op, q.value, q.unit) == (op, value, unit)
    assert q.text == text  # the cell as written is kept


@pytest.mark.parametrize("text", ["稳步提升", "效果明显", "90%-95%", "约95%", ""])
def test_parse_quantity_leaves_words_and_ranges(text):
    assert parse_quantity(text) is None


def test_find_op_first_comparison():
    assert find_op("平均等待时长不超过6秒") == "<="
    assert find_op("15秒接通率不低于95%、首呼解决率不低于60%") == ">="
    assert find_op("效果明显") is None


def test_find_money_in_running_text():
    found = find_money("年初预算550.00万元，其中基本支出310.00万元；追加预算21.22万元，共1,284件")
    assert [v for v, *_ in found] == [5500000.0, 3100000.0, 212200.0]


@pytest.mark.parametrize("text,want", [
    ("2023年4月28日", "2023-04-28"), ("2021 年 8 月", "2021-08"), ("报告日期：2019 年06 月20 日", "2019-06-20"),
    ("二〇二二年十月", "2022-10"), ("二〇二三年四月二十八日", "2023-04-28"), ("2023-4-28", "2023-04-28"),
    ("2023/04/28", "2023-04-28"), ("2023.4.28", "2023-04-28"), ("2023年4月28号", "2023-04-28"),
])
def test_parse_date(text, want):
    assert parse_date(text) == want


@pytest.mark.parametrize("text", ["2022年", "2023年13月", "12345.6.7", "", None, "无"])
def test_parse_date_none(text):
    assert parse_date(text) is None


def test_parse_year_and_decimals():
    assert parse_year("（2022年度）") == 2022
    assert parse_year("2020") == 2020
    assert parse_year("第12345号") is None
    assert decimals("94.28%") == 2
    assert decimals("100") == 0
    assert to_float("1,234.5") == 1234.5
    assert to_float("1,2") is None


def test_brackets_negative_only_for_amounts():
    assert parse_money("（57.08万元）") == -570800.0
    assert parse_money("（3）") is None  # list numbering
    assert parse_money("(万元)") is None


@pytest.mark.parametrize("text, want", [
    ("≥45台（套）", (">=", 45.0, "台(套)")), ("≥80元/人·月", (">=", 80.0, "元/人·月")), ("2.62万亩", (None, 2.62, "万亩")),
    ("≥1.5万人次", (">=", 1.5, "万人次")), ("5个工作日内", ("<=", 5.0, "个工作日")), ("0起", (None, 0.0, "起")),
    ("≥3万种", (">=", 3.0, "万种")), ("20艘", (None, 20.0, "艘")), ("5元/生·天", (None, 5.0, "元/生·天")),
    ("≤±5%", ("<=", 5.0, "%")), ("≥95%（含）", (">=", 95.0, "%")), ("９８．５％", (None, 98.5, "%")),
])
def test_units_from_the_unit_grammar(text, want):
    q = parse_quantity(text)
    assert (q.op, q.value, q.unit) == want


@pytest.mark.parametrize("text", ["3000余人", "20多个", "12345热线", "约5人"])
def test_approximate_or_wordy_cells_are_not_quantities(text):
    assert parse_quantity(text) is None


def test_units_of_one_measure():
    from jixiao.normalize.numbers import comparable_units

    assert comparable_units("次/年", "次") and comparable_units("%", "%") and comparable_units(None, "人")
    assert not comparable_units("万人", "人") and not comparable_units("次/年", "次/月")

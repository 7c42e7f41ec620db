"""Charts render Chinese labels with the bundled CJK font, never as empty boxes."""
from __future__ import annotations

import re
import warnings

import pytest

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install 'jixiao[notebooks]')")
matplotlib.use("Agg")

from jixiao.workbench.plots import (BUNDLED_FONT, budget_chart, figure_fonts, fonts_for_text,  # noqa: E402
                                    indicator_chart, mismatch_chart, place_label, use_cjk_font)

ROWS = [
    {"province": "广东省", "city": "韶关市", "county": "乐昌市", "fiscal_year": 2022, "unit": "乐昌市行政服务中心",
     "project": None, "actual_value": 97.0, "target_value": 100.0, "value_unit": "%", "checks": "ok",
     "reported_rate_pct": 97.0, "recomputed_rate_pct": 97.0},
    {"province": "广东省", "city": "江门市", "county": None, "fiscal_year": 2022, "unit": "江门市政务服务数据管理局",
     "project": "政务服务管理监督专项经费", "actual_value": 99.2, "target_value": 95.0, "value_unit": "%",
     "checks": "mismatch", "reported_rate_pct": 99.2, "recomputed_rate_pct": 98.1},
    {"province": "云南省", "city": "临沧市", "county": None, "fiscal_year": 2023, "unit": "临沧市卫生健康委员会",
     "project": None, "actual_value": None, "target_value": None, "value_unit": None, "checks": None,
     "reported_rate_pct": None, "recomputed_rate_pct": 99.19},
]


def test_bundled_font_is_there_with_its_licence():
    assert BUNDLED_FONT.is_file() and BUNDLED_FONT.stat().st_size > 1_000_000
    assert (BUNDLED_FONT.parent / "LICENSE-Apache-2.0.txt").is_file()


def test_without_the_cjk_font_chinese_would_be_missing():
    """The check can fail: matplotlib's default font has no CJK glyph."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        assert fonts_for_text("预算执行率") == {"<missing>"}


@pytest.mark.parametrize("make", [lambda: indicator_chart("预算执行率", ROWS), lambda: budget_chart(ROWS),
                                  lambda: mismatch_chart([{**ROWS[1], "rule": "budget_sum", "subject": "分项之和",
                                                           "reported": 1_785_600.0, "recomputed": 1_775_600.0}])])
def test_charts_draw_chinese_with_the_cjk_font(make, tmp_path):
    name = use_cjk_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail here
        fig = make()
        fig.savefig(tmp_path / "chart.pdf")
        fig.savefig(tmp_path / "chart.png")
    assert figure_fonts(fig) == {name}
    pdf = (tmp_path / "chart.pdf").read_bytes()
    embedded = set(re.findall(rb"/BaseFont /[A-Z]{6}\+([\w-]+)", pdf))
    assert b"DroidSansFallback" in embedded, embedded
    assert (tmp_path / "chart.png").stat().st_size > 5_000


def test_missing_values_are_left_out_not_drawn_as_zero():
    fig = indicator_chart("预算执行率", ROWS)
    ax = fig.axes[0]
    assert len(ax.patches) == 2
    assert any("1 report(s) without a numeric value" in t.get_text() for t in fig.texts)


def test_font_override_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("JIXIAO_CJK_FONT", str(tmp_path / "none.ttf"))
    with pytest.raises(FileNotFoundError, match="JIXIAO_CJK_FONT"):
        use_cjk_font()


def test_place_label():
    assert place_label(ROWS[0]) == "韶关市乐昌市 2022"
    assert place_label({"province": "云南省"}) == "云南省"

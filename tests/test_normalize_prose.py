"""Facts read from report prose: synthetic sentences in the wordings reports use, and real corpus files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.extract.document import Document, Paragraph
from jixiao.normalize.prose import read_prose
from jixiao.normalize.segment import Segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def prose(*paragraphs: str):
    blocks = [Paragraph(text=t, page=i + 1) for i, t in enumerate(paragraphs)]
    doc = Document(path="sample.docx", format="docx", blocks=blocks)
    return read_prose(Segment(blocks=blocks, page_start=1, page_end=len(blocks)), doc)


def budget(facts, line="total"):
    hit = [b for b in facts.budgets if b.line == line]
    return hit[0] if hit else None


def indicator(facts, name):
    hit = [i for i in facts.indicators if i.name == name]
    return hit[0] if hit else None


def hint(facts, name):
    return [h.value for h in facts.hints.get(name, [])]


# --------------------------------------------------------------------------- budgets


def test_budget_sentence_with_cut_and_breakdown():
    f = prose("行政中心运作经费项目包括热线营运经费和日常运作经费，年初预算 987.09 万元，年中追减 57.08 万元，"
              "实际预算 930.01 万元。项目实际支出 910.46 万元，其中，江门市 12345 政府服务热线营运费 452.50 万元，"
              "行政服务中心日常运作经费 457.96 万元，预算完成率 97.90%。")
    t = budget(f)
    assert (t.initial_yuan, t.adjusted_yuan, t.final_yuan, t.spent_yuan, t.reported_rate_pct) == \
        (9870900.0, -570800.0, 9300100.0, 9104600.0, 97.9)
    assert budget(f, "江门市12345政府服务热线营运费").spent_yuan == 4525000.0
    assert budget(f, "行政服务中心日常运作经费").spent_yuan == 4579600.0
    assert t.source == "prose" and t.page == 1 and "年初预算" in t.evidence


def test_budget_other_wordings():
    f = prose("本项目年初安排资金 200 万元，年中调增 20 万元，调整后预算 220 万元，全年实际使用 210.5 万元，资金执行率 95.68%。")
    t = budget(f)
    assert (t.initial_yuan, t.adjusted_yuan, t.final_yuan, t.spent_yuan, t.reported_rate_pct) == \
        (2000000.0, 200000.0, 2200000.0, 2105000.0, 95.68)


def test_budget_in_yuan_with_named_sub_lines():
    f = prose("2023年度部门年初预算10,926,300.00元，年中追加877,415.26元，全年预算11,803,715.26元；实际支出11,707,780.58元，"
              "预算执行率99.19%。其中基本支出预算6,482,315.26元，实际支出6,468,904.13元；项目支出预算5,321,400.00元，"
              "实际支出5,238,876.45元。")
    t = budget(f)
    assert (t.initial_yuan, t.adjusted_yuan, t.final_yuan, t.spent_yuan) == (10926300.0, 877415.26, 11803715.26, 11707780.58)
    assert (budget(f, "基本支出").final_yuan, budget(f, "基本支出").spent_yuan) == (6482315.26, 6468904.13)
    assert (budget(f, "项目支出").final_yuan, budget(f, "项目支出").spent_yuan) == (5321400.0, 5238876.45)


def test_budget_breakdown_goes_to_the_figure_it_adds_up_to():
    f = prose("该项目年初预算180.00万元，全年未作调整，实际支出178.56万元，预算执行率99.20%，结余1.44万元按规定收回财政。"
              "资金全部用于支付服务合同款，其中采集人员劳务费用156.80万元，采集终端及通讯费用21.76万元。")
    assert budget(f, "采集人员劳务费用").spent_yuan == 1568000.0
    assert budget(f, "采集终端及通讯费用").initial_yuan is None


def test_budget_skips_other_years_other_items_and_approximations():
    f = prose("2022 年年初预算为 3432300.00 元, 2021 年年初预算 2744510.00 元,与上年度相比,年初预算增长 25.06%。",
              "全年“三公”经费支出6.84万元，较上年8.12万元下降15.76%；“三公”经费预算7.50万元。",
              "热线项目实际支出 496.81 万元，其中用于支付人员的薪酬费用约 434.56 万元。")
    assert budget(f).initial_yuan == 3432300.0
    assert {b.line for b in f.budgets} == {"total"}
    assert not [i for i in f.indicators if "预算" in i.name]


def test_a_bare_rate_after_last_years_figures_is_last_years():
    f = prose("2023年项目年初预算2,860.00万元，全年实际支出2,918.46万元，预算执行率97.12%。"
              "上年（2022年）项目预算2,740.00万元，上年支出2,651.30万元，执行率96.76%。")
    b = budget(f)
    assert (b.spent_yuan, b.reported_rate_pct) == (29184600.0, 97.12) and not f.problems


def test_budget_later_spend_links_to_a_declared_line():
    f = prose("该项目 2022 年度预算为 1243.21 万元，主要包括法律顾问服务费 10 万元、江门市 12345 政府服务热线营运项目 542.8 万元、"
              "政务服务发展情报咨询服务经费 690.41 万元。",
              "（五）江门市 12345 政务服务便民热线营运项目 2022 年实际支出市级财政资金 496.81 万元。")
    assert budget(f).final_yuan == 12432100.0
    line = budget(f, "江门市12345政府服务热线营运项目")
    assert (line.final_yuan, line.spent_yuan) == (5428000.0, 4968100.0)


# --------------------------------------------------------------------------- scores


def test_item_and_section_scores():
    f = prose("（一）项目立项。",
              "该指标主要从绩效目标、绩效指标和资金预算三个方面考核，指标分值 15 分，评价得分 8 分，得分率为 53.33%。",
              "（1）绩效目标合理性。该指标分值 5 分，评价得分 3 分，得分率为 60%。",
              "(2) 资金使用合规性。该指标权重为8分，实际得分7.5分。",
              "项目管理指标分值35分，得分33分，得分率94.28%。")
    secs = {s.section: (s.max_points, s.points, s.reported_rate_pct) for s in f.scores}
    assert secs == {"项目立项": (15, 8, 53.33), "项目管理": (35, 33, 94.28)}
    a = indicator(f, "绩效目标合理性")
    assert (a.weight, a.score, a.level1, a.source) == (5, 3, "项目立项", "prose")
    assert (indicator(f, "资金使用合规性").weight, indicator(f, "资金使用合规性").score) == (8, 7.5)


def test_heading_with_scores_and_colon_items():
    f = prose("（三）项目产出情况（分值30分，得分27.96分）",
              "1.居家养老服务对象人数：全年实际服务老年人1,926人，超过年度目标（≥1800人）。该指标分值6分，评价得分6分，得分率100%。",
              "2.上门服务人次：全年上门服务33,480人次，完成目标（36000人次）的93%。该指标分值6分，评价得分5.58分，得分率93%。",
              "3.资金到位率：调整后预算486.00万元全部到位。该指标分值4分，评价得分4分，得分率100%。")
    assert [(s.section, s.max_points, s.points) for s in f.scores] == [("项目产出", 30, 27.96)]
    a = indicator(f, "居家养老服务对象人数")
    assert (a.weight, a.score, a.actual_value, a.unit, a.target_op, a.target_value) == (6, 6, 1926, "人", ">=", 1800)
    b = indicator(f, "上门服务人次")
    assert (b.actual_value, b.unit, b.score) == (33480, "人次", 5.58)
    assert indicator(f, "资金到位率").actual_value is None  # "得分率100%" is a score, not the rate


def test_total_score_and_grade_hints():
    f = prose("我局按照要求开展了大量工作，自评得分为：99分，自评等级为优。")
    assert hint(f, "reported_score") == [99] and hint(f, "reported_grade") == ["优"]
    assert f.hints["reported_score"][0].strength == 2
    g = prose("经综合评定，2020 年度日常运作经费绩效得分 87.5 分，绩效等级为“良”。")
    assert hint(g, "reported_score") == [87.5] and hint(g, "reported_grade") == ["良"]
    h = prose("评价结果实行百分制，综合得分90分（含）以上为“优”，80分（含）至90分为“良”。评价等级分为优、良、中、差。")
    assert not h.hints


def test_total_breakdown_gives_section_points():
    f = prose("我中心2018年度部门整体支出绩效自评得分95.5分，其中投入19.5分、过程38.5分、产出19.5分、效果18分，评价等级为“优”。")
    assert hint(f, "reported_score") == [95.5]
    assert {s.section: s.points for s in f.scores} == {"投入": 19.5, "过程": 38.5, "产出": 19.5, "效果": 18}


def test_quantities_with_a_magnitude_are_not_money():
    f = prose("年度绩效目标为：路面病害处治面积不少于8万平方米，粮食播种面积达到95万亩以上。",
              "全年实际完成路面病害处治面积7.42万平方米，粮食播种面积96.12万亩，支出7.42万元。")
    got = {i.name: (i.target_op, i.target_value, i.actual_value, i.unit) for i in f.indicators}
    assert got["路面病害处治面积"] == (">=", 8.0, 7.42, "万平方米")
    assert got["粮食播种面积"] == (">=", 95.0, 96.12, "万亩")
    # "已经超过": a bound on what happened is no target, and must not make the rates around it targets
    g = prose("全年热线呼入量已经超过260万件，人工接通率95.1%，按时办结率99.9%。")
    assert {i.name: (i.target_value, i.actual_value) for i in g.indicators} == {
        "人工接通率": (None, 95.1), "按时办结率": (None, 99.9)}


def test_a_target_then_what_was_achieved_in_the_next_clause():
    f = prose("（一）产出指标完成情况。（1）60岁及以上老年人体检人数目标为不少于2.1万人，实际完成2.35万人；"
              "（2）农村自来水普及率年度目标不低于85%，实际达到88.2%；（3）义务教育巩固率要求达到95%以上，"
              "全年实际巩固率为96.4%；（4）应急响应到达时间不超过30分钟，全年平均为22分钟；"
              "（5）农户签约率目标为100%，实际为100%。")
    got = {i.name: (i.target_op, i.target_value, i.actual_value, i.unit) for i in f.indicators}
    assert got == {"60岁及以上老年人体检人数": (">=", 2.1, 2.35, "万人"),
                   "农村自来水普及率": (">=", 85.0, 88.2, "%"),
                   "义务教育巩固率": (">=", 95.0, 96.4, "%"),
                   "应急响应到达时间": ("<=", 30.0, 22.0, "分钟"),
                   "农户签约率": (None, 100.0, 100.0, "%")}
    # a clause naming another indicator is not taken for the one before it, nor is a figure of another unit
    g = prose("（1）道路保洁覆盖率不低于95%，实际垃圾清运量1.2万吨；（2）公厕改造数量不少于40座，实际完成85%。")
    assert {i.name: i.actual_value for i in g.indicators if i.name in ("道路保洁覆盖率", "公厕改造数量")} == {
        "道路保洁覆盖率": None, "公厕改造数量": None}


def test_a_count_named_in_both_the_target_list_and_the_results():
    f = prose("年度绩效目标为：新建污水泵站4座，改造雨污管网不少于25公里。",
              "全年实际新建污水泵站4座，改造雨污管网26.3公里，群众满意度调查结果为93.1%。")
    got = {i.name: (i.target_value, i.actual_value, i.unit) for i in f.indicators}
    assert got["新建污水泵站"] == (4.0, 4.0, "座") and got["改造雨污管网"] == (25.0, 26.3, "公里")
    # a result phrase names no indicator: with no rate named just before it, it is nobody's actual
    assert not any(v[1] == 93.1 for v in got.values())
    g = prose("（1）群众满意度不低于90%，第三方问卷调查结果为92.4%。")
    assert [(i.name, i.target_value, i.actual_value) for i in g.indicators] == [("群众满意度", 90.0, 92.4)]


def test_a_paragraph_headed_by_its_targets():
    f = prose("（三）绩效目标。全旗禁牧面积不少于1850万亩，草原综合植被盖度达到30%以上，补奖资金发放准确率100%。",
              "2023年全旗实际禁牧面积1862.4万亩，补奖资金发放准确率99.6%，草原综合植被盖度29.6%。")
    got = {i.name: (i.target_op, i.target_value, i.actual_value) for i in f.indicators}
    assert got == {"禁牧面积": (">=", 1850.0, 1862.4), "草原综合植被盖度": (">=", 30.0, 29.6),
                   "补奖资金发放准确率": (None, 100.0, 99.6)}
    # a head about how targets were met is no target list: its bare figures are actuals
    g = prose("（三）绩效目标完成情况。补奖资金发放准确率99.6%。")
    assert [(i.target_value, i.actual_value) for i in g.indicators] == [(None, 99.6)]


def test_bound_after_the_figure_growth_rates_and_bracketed_section_points():
    f = prose("（四）年度绩效目标。茶叶总产量8.5万吨以上，动物强制免疫应免密度不低于90%，农村居民人均可支配收入增长率不低于7%。",
              "（二）完成情况。茶叶总产量8.73万吨，动物强制免疫应免密度96.2%，农村居民人均可支配收入增长率7.6%，比上年增长25%。",
              "自评情况：投入类指标（20分）得19分，过程类指标（30分）得28.5分，综合自评得分47.5分。")
    got = {i.name: (i.target_op, i.target_value, i.actual_value) for i in f.indicators}
    assert got == {"茶叶总产量": (">=", 8.5, 8.73), "动物强制免疫应免密度": (">=", 90.0, 96.2),
                   "农村居民人均可支配收入增长率": (">=", 7.0, 7.6)}
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {"投入": (20, 19), "过程": (30, 28.5)}


def test_last_years_figures_and_a_score_in_chinese_numerals():
    f = prose("经自评，该项目自评得分九十二分，自评等级为优。",
              "运维处理设施数量：年度目标不少于1,280座，2023年实际完成1,286座，较2022年的1,214座增加72座。",
              "单座设施年均运维成本：年度目标不超过1.85万元，2023年实际完成1.76万元，较2022年的1.77万元减少0.01万元。",
              "本项目决策类指标（20分）得18分，自评总分92分，较2022年度自评得分89分提高3分。")
    assert hint(f, "reported_score") == [92.0, 92.0]
    got = {i.name: (i.target_value, i.actual_value, i.unit) for i in f.indicators}
    assert got == {"运维处理设施数量": (1280.0, 1286.0, "座"), "单座设施年均运维成本": (1.85, 1.76, "万元")}
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {"决策": (20, 18)}


def test_lists_of_scorings_all_projects_budget_and_actual_after_the_name():
    f = prose("决策指标满分15分，得13.5分，过程指标满分25分，得22.6分，产出指标满分35分，得30.75分。",
              "从各项指标得分看，预算执行（10分）得9.6分，数量指标（40分）得38分，成本指标（20分）得19分，效益指标（30分）得27分。",
              "三个项目全年预算合计2,600.00万元，实际支出合计2,532.04万元，预算执行率97.39%。",
              "项目年度绩效目标为：茶园提质改造面积不少于12000亩。经评价组核实，茶园提质改造面积实际完成12360亩。")
    secs = {s.section: (s.max_points, s.points) for s in f.scores}
    assert secs == {"决策": (15, 13.5), "过程": (25, 22.6), "产出": (35, 30.75), "预算执行": (10, 9.6),
                    "数量指标": (40, 38), "成本指标": (20, 19), "效益": (30, 27)}  # parts making 100 points are sections
    assert (budget(f).final_yuan, budget(f).spent_yuan) == (26000000.0, 25320400.0)
    assert [(i.name, i.target_value, i.actual_value) for i in f.indicators] == [("茶园提质改造面积", 12000.0, 12360.0)]


def test_one_sentence_scoring_every_section():
    f = prose("从各一级指标看，决策指标满分15分，得分12.5分；过程指标满分20分，得分18分；"
              "产出指标满分35分，得分31.5分；效益指标满分30分，得分25分。")
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {
        "决策": (15, 12.5), "过程": (20, 18), "产出": (35, 31.5), "效益": (30, 25)}


# --------------------------------------------------------------------------- targets and actuals


def test_targets_in_many_wordings():
    f = prose("2020 年度目标：确保日常工作正常开展，服务对象满意度达 90%以上。",
              "二、做好热线营运工作：1. 接通率不低于 95%；2. 平均等待时长不超过 6 秒；3. 首呼解决率≥60%；"
              "4. 问题漏报率控制在5%以内；5. 总人数配备不少于 110 人；6. 回访测评率等于 100%；"
              "7. 按时办结率不得低于98%；8. 每月人员流失率不得超过 2%；9. 群众知晓率达到80%及以上。")
    want = {"服务对象满意度": (">=", 90, "%"), "接通率": (">=", 95, "%"), "平均等待时长": ("<=", 6, "秒"),
            "首呼解决率": (">=", 60, "%"), "问题漏报率": ("<=", 5, "%"), "总人数配备": (">=", 110, "人"),
            "回访测评率": ("=", 100, "%"), "按时办结率": (">=", 98, "%"), "每月人员流失率": ("<=", 2, "%"),
            "群众知晓率": (">=", 80, "%")}
    for name, (op, value, unit) in want.items():
        row = indicator(f, name)
        assert row is not None, name
        assert (row.target_op, row.target_value, row.unit, row.actual_value) == (op, value, unit, None), name


def test_actuals_and_their_merge_with_targets():
    f = prose("全年采集上报城市管理问题不少于48,000件；立案率不低于90%；问题漏报率不高于5%；市民满意度不低于90%。",
              "全年信息采集员共上报城市管理问题52,316件，完成年度目标的108.99%。经核实立案49,870件，立案率95.32%。",
              "全年抽查问题2,400件，发现漏报98件，漏报率4.08%。问卷调查显示，市民满意度为92.5%，高于目标值90%。")
    assert (indicator(f, "立案率").target_value, indicator(f, "立案率").actual_value) == (90, 95.32)
    assert (indicator(f, "问题漏报率").target_op, indicator(f, "问题漏报率").actual_value) == ("<=", 4.08)
    assert indicator(f, "市民满意度").actual_value == 92.5
    q = indicator(f, "采集上报城市管理问题")
    assert (q.target_value, q.actual_value, q.unit) == (48000, 52316, "件")
    assert not [i for i in f.indicators if i.name in ("立案", "漏报")]  # counts without an indicator name


def test_bare_figures_depend_on_the_paragraph():
    f = prose("年度绩效指标：（1）照料中心运营达标率100%；（2）服务覆盖率不低于60%。",
              "我市政务服务热线平台群众满意率 91.15%。",
              "推进事项应进必进(进驻率 100%)；网上可办率不低于 70%；窗口人员配备 149 人。")
    assert (indicator(f, "照料中心运营达标率").target_value, indicator(f, "照料中心运营达标率").actual_value) == (100, None)
    assert indicator(f, "政务服务热线平台群众满意率").actual_value == 91.15
    assert indicator(f, "窗口人员配备") is None  # a bare count beside targets: cannot tell which it is


def test_comparisons_and_growth_are_not_indicators():
    f = prose("2022 年，全市热线共受理有效事项 92.9 万宗，同比上升 33.66%，月均受理 7.7 万宗；新运营期人均受理量增加 5.26%。",
              "从 7 项二级指标评价得分情况来看，5项指标得分率均在 85% 以上。")
    assert f.indicators == []


def test_names_keep_their_written_width():
    f = prose("市和市（区）第三方测评（含评估）经费项目2022年度预算为80万元。话务接通率为 95.42%。")
    assert indicator(f, "话务接通率").actual_value == 95.42
    assert all("(" not in i.name for i in f.indicators)


# --------------------------------------------------------------------------- corpus files


def _read(name: str):
    from jixiao.extract import read_document
    from jixiao.normalize.segment import split_reports

    doc = read_document(CORPUS / name)
    return [read_prose(seg, doc) for seg in split_reports(doc)]


def _gold(name: str) -> dict:
    return json.loads((CORPUS / "gold" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("fname", ["jiangmen-2020-third-party.docx", "jiangmen-2020-third-party.pdf"])
def test_corpus_third_party_sections_budget_and_targets(fname):
    facts = _read(fname)[0]
    gold = _gold("jiangmen-2020-third-party.json")
    secs = {s.section: s for s in facts.scores}
    for g in gold["scores"]:
        s = secs[g["section"]]
        assert (s.max_points, s.points, s.reported_rate_pct) == (g["max_points"], g["points"], g["reported_rate_pct"])
    t = budget(facts)
    g = gold["budgets"][0]
    assert (t.initial_yuan, t.adjusted_yuan, t.final_yuan, t.spent_yuan) == \
        (g["initial_yuan"], g["adjusted_yuan"], g["budget_yuan"], g["spent_yuan"])
    for g in gold["indicators"]:
        row = indicator(facts, g["name"])
        assert row is not None, g["name"]
        for k in ("weight", "score", "target_op", "target_value", "unit"):
            if k in g:
                assert getattr(row, k) == g[k], (g["name"], k)
    assert hint(facts, "reported_score")[0] == 87.5 and hint(facts, "reported_grade") == ["良"]


def test_corpus_per_indicator_prose():
    facts = _read("xiuyu-2021-third-party.docx")[0]
    gold = _gold("xiuyu-2021-third-party.json")
    rows = {i.name: i for i in facts.indicators}
    for g in gold["indicators"]:
        row = rows.get(g["name"])
        assert row is not None, g["name"]
        for k in ("weight", "score", "target_op", "target_value", "actual_value"):
            if k in g:
                assert getattr(row, k) == pytest.approx(g[k]), (g["name"], k)
    assert all(i.source == "prose" and i.page and i.evidence for i in facts.indicators)


def test_corpus_department_actuals_no_wrong_values():
    """Every prose value that meets a gold row of the same name must equal it (a wrong number is worse than none)."""
    wrong = []
    for fname, gname in [("lechang-2022-department-self.docx", "lechang-2022-department-self.json"),
                         ("yunnan-lincang-2023-department-self.docx", "yunnan-lincang-2023-department-self.json"),
                         ("jiangmen-2022-project-self.docx", "jiangmen-2022-project-self.json")]:
        facts = _read(fname)[0]
        for g in _gold(gname)["indicators"]:
            rows = [r for r in facts.indicators if r.name == g["name"] or r.name.endswith(g["name"])]
            for k in ("target_value", "actual_value"):
                stated = [getattr(r, k) for r in rows if getattr(r, k) is not None]
                if k in g and stated and not any(v == pytest.approx(g[k]) for v in stated):
                    wrong.append((fname, g["name"], k, stated, g[k]))
    assert wrong == []
    lechang = _read("lechang-2022-department-self.docx")[0]
    assert indicator(lechang, "固定资产利用率").actual_value == 100
    assert budget(lechang).initial_yuan == 3432300.0 and budget(lechang).spent_yuan == 3432300.0


def test_report_form_cells_are_read_as_prose():
    from jixiao.extract.document import Table

    cell = ("该项目自评等级为优，分数为99.98，下面逐一分析。\n一、项目立项\n(一) 论证决策\n"
            "论证充分性：该项目方案前期经过专家评审论证，并报请市政府审批后实施，自评4分。\n"
            "资金支出率：资金全部按合同、按计划支付，资金支出率达99.6%，自评5.98分。\n"
            "完整性：1.有明确绩效目标，得1分；2.与预算相匹配，得1分。")
    table = Table(rows=[["项目名称", "热线平台整合项目"], ["（三）简述项目自评等级和分数", cell]], page_start=2, page_end=2)
    from jixiao.settings import Settings

    doc = Document(path="form.docx", format="docx", blocks=[table])
    seg = Segment(blocks=[table], page_start=2, page_end=2)
    assert read_prose(seg, doc).indicators == []  # by default the table stage hands such cells over
    s = Settings()
    s.normalize["prose"] = {"read_cell_prose": True}
    f = read_prose(seg, doc, s)
    assert hint(f, "reported_score") == [99.98] and hint(f, "reported_grade") == ["优"]
    assert indicator(f, "论证充分性").score == 4
    r = indicator(f, "资金支出率")
    assert (r.score, r.actual_value, r.page) == (5.98, 99.6, 2)
    assert indicator(f, "完整性") is None  # a list of scoring rules states no result


def test_conflicting_figures_are_left_empty():
    f = prose("预计至 2022 年 12 月,我市大厅进驻 35 个单位,进驻率达 87%;进驻依申请类事项 1304 项,进驻率达 86.1%。")
    assert indicator(f, "进驻率") is None
    g = prose("2022年项目年初预算100万元。", "2022年项目年初预算120万元。")
    assert budget(g) is None or budget(g).initial_yuan is None
    assert any("年初" in p or "initial" in p for p in g.problems)


def test_a_part_of_the_whole_yields_to_the_whole():
    # the later part counts a qualified, smaller population (企业诉求 within 诉求): its rate is the subset's
    f = prose("全年热线共受理诉求 52,000 件，其中转派工单 8,100 张，转办准确率 93.5%，按时办结率 99%；"
              "共受理企业诉求 1,200 件，其中转派工单 300 张，转办准确率 99.1%，按时办结率 99%。")
    assert (indicator(f, "转办准确率").actual_value, indicator(f, "按时办结率").actual_value) == (93.5, 99.0)
    # a part opened by 其中 yields too; an indicator stated only in the part is kept
    g = prose("共发放调查问卷 600 份，群众满意率 96%；其中企业问卷 80 份，群众满意率 99%，企业回访满意率 95%。")
    assert indicator(g, "群众满意率").actual_value == 96.0
    assert indicator(g, "企业回访满意率").actual_value == 95.0
    # two years side by side are not a whole and its part: the rate stays empty rather than guessed
    h = prose("2021年共受理诉求 1,000 件，转办准确率 90%；2022年共受理诉求 2,000 件，转办准确率 95%。")
    assert indicator(h, "转办准确率") is None


@pytest.mark.parametrize("text, want", [
    ("本项目预算金额为350万元，截至12月31日实际支出342.6万元，预算执行率为97.89%。",
     (None, None, 3500000.0, 3426000.0, 97.89)),
    ("2021年度部门预算数1,200.50万元，全年执行数1,150.00万元，执行率95.79%。",
     (None, None, 12005000.0, 11500000.0, 95.79)),
    ("该项目年初批复预算80万元，年中调减10万元，调整后预算70万元，实际使用资金68.5万元。",
     (800000.0, -100000.0, 700000.0, 685000.0, None)),
])
def test_budget_wording_variants(text, want):
    t = budget(prose(text))
    assert (t.initial_yuan, t.adjusted_yuan, t.final_yuan, t.spent_yuan, t.reported_rate_pct) == want


def test_scoring_and_grade_wording_variants():
    f = prose("二、项目决策（权重20分，得分18分）",
              "（2）预算执行率。该项指标满分10分，评分9.5分。",
              "（3）资金使用合规性：该指标权重为5分，评价得分为4分，得分率80%。",
              "经综合评价，该项目绩效评价得分为 91 分，评价等级为“优秀”。")
    assert [(s.section, s.max_points, s.points) for s in f.scores] == [("项目决策", 20, 18)]
    assert (indicator(f, "预算执行率").weight, indicator(f, "预算执行率").score) == (10, 9.5)
    assert (indicator(f, "资金使用合规性").weight, indicator(f, "资金使用合规性").score) == (5, 4)
    assert hint(f, "reported_score") == [91] and hint(f, "reported_grade") == ["优"]


def test_budget_of_the_title_year_wins_over_other_years():
    f = prose("2020 年度行政中心运作经费绩效评价报告",
              "2020年项目年初预算 500 万元，2021年项目年初预算 600 万元，下年度预算安排 650 万元。")
    assert budget(f).initial_yuan == 5000000.0

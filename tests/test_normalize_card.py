"""The report card: every field read from labels, sentences or hints, with provenance, never guessed."""
import json
import sqlite3
import unicodedata

import pytest
import regex as re

from jixiao.extract.document import Document, Paragraph, Table
from jixiao.normalize.card import clean_name, grade_of, read_card, strip_year
from jixiao.normalize.facts import Facts
from jixiao.normalize.segment import split_reports


def P(text, page=1):
    return Paragraph(text=text, page=page)


def card(blocks, facts=None, fmt="docx"):
    doc = Document(path=f"x.{fmt}", format=fmt, blocks=blocks)
    seg = split_reports(doc)[0]
    return read_card(seg, doc, facts or Facts())


def test_cover_of_a_project_self_evaluation():
    rep = card([P("岳阳市 2018 年度项目支出绩效评价自评报告"), P("项目名称：2018年数字城管信息采集服务费"),
                P("主管部门：906-岳阳市城市管理和行政执法局"), P("项目单位：岳阳市城市管理监督指挥中心"),
                P("报告日期：2019年06月20日"), P("一、项目基本情况"),
                P("按照评分表逐项评分，项目自评得分96分，其中投入14.5分、过程24分，评价等级为“优”。")])
    assert rep.kind == "project_self"
    assert rep.title == "岳阳市2018年度项目支出绩效评价自评报告"
    assert (rep.province, rep.city, rep.county) == ("湖南省", "岳阳市", None)
    assert rep.project == "数字城管信息采集服务费"  # without the leading year
    assert rep.department == "岳阳市城市管理和行政执法局"  # without the budget code
    assert rep.unit == "岳阳市城市管理监督指挥中心"
    assert rep.fiscal_year == 2018 and rep.report_date == "2019-06-20"
    assert rep.reported_score == 96 and rep.reported_grade == "优"
    assert rep.evaluator is None
    assert rep.provenance["reported_score"]["evidence"].startswith("按照评分表")
    assert rep.provenance["project"]["page"] == 1


def test_county_level_city_and_department_report():
    rep = card([P("2022年度部门整体支出绩效自评报告"), P("部门名称:乐昌市行政服务中心"), P("填报日期: 2023年2月2日"),
                P("经研究,我中心 2022 年整体支出绩效自评结果为 100 分,评价等级为优。")])
    assert rep.kind == "department_self"
    assert (rep.province, rep.city, rep.county) == ("广东省", "韶关市", "乐昌市")
    assert rep.project is None  # a department report has no project
    assert rep.reported_score == 100 and rep.reported_grade == "优"


def test_place_from_the_rest_of_the_document_when_the_name_has_none():
    rep = card([P("2020年度行政中心运作经费绩效评价报告"), P("项目单位：市行政服务中心"), P("评价机构：某某咨询有限公司"),
                P("市12345政府服务热线由江门市政府开通，江门市行政服务中心负责运营。"),
                P("经综合评定，绩效得分87.5分，绩效等级为“良”。")])
    assert rep.kind == "third_party"
    assert (rep.province, rep.city, rep.county) == ("广东省", "江门市", None)
    assert rep.unit == "市行政服务中心"
    assert rep.project == "行政中心运作经费"  # from the title when no 项目名称 is stated
    assert rep.evaluator == "某某咨询有限公司"
    assert rep.fiscal_year == 2020


def test_band_rules_and_item_scores_are_not_the_total():
    rep = card([P("某某项目绩效评价报告"), P("项目名称：居家养老服务项目"),
                P("评价结果实行百分制，综合得分90分（含）以上为“优”，80分（含）至90分为“良”。"),
                P("（1）绩效目标合理性。该指标分值5分，评价得分3分，得分率为60%。"),
                P("项目综合得分87.84分，评价等级为“良”。")])
    assert rep.reported_score == 87.84
    assert rep.reported_grade == "良"


def test_evaluator_from_commission_sentence_keeps_full_width_brackets():
    rep = card([P("秀屿区居家养老政府购买服务经费项目"), P("绩效评价报告"),
                P("我局委托福建某某会计师事务所（普通合伙）对你局实施的居家养老项目（2021年度）开展了重点绩效评价。")])
    assert rep.evaluator == "福建某某会计师事务所（普通合伙）"
    assert (rep.province, rep.city, rep.county) == ("福建省", "莆田市", "秀屿区")
    assert rep.fiscal_year == 2021


def test_self_evaluation_has_no_evaluator():
    rep = card([P("岳阳市2018年度部门整体支出绩效评价自评报告"), P("部门（单位）名称：岳阳市某中心"),
                P("评价机构：部门（单位）评价组")])
    assert rep.kind == "department_self" and rep.evaluator is None


def test_form_sheet_total_row_and_year_under_title():
    tbl = Table(rows=[["附件：", "", "", ""], ["项目支出绩效自评表", "", "", ""], ["（2022年度）", "", "", ""],
                      ["项目名称", "镇村基建工程委托业务项目", "", ""],
                      ["主管部门", "219-池州市贵池区棠溪镇人民政府", "实施单位", "219001-池州市贵池区棠溪镇人民政府"],
                      ["总分", "", "100", "99.25"]], page_start=1, page_end=1, sheet="自评表")
    rep = card([tbl], fmt="xlsx")
    assert rep.kind == "project_self" and rep.fiscal_year == 2022
    assert (rep.province, rep.city, rep.county) == ("安徽省", "池州市", "贵池区")
    assert rep.department == rep.unit == "池州市贵池区棠溪镇人民政府"
    assert rep.reported_score == 99.25  # the points given, not the 100 available


def test_hints_from_other_stages_pick_the_strongest():
    facts = Facts()
    facts.hint("reported_score", 91.0, page=3, evidence="自评分数小计 91", strength=1)
    facts.hint("reported_score", 94.66, page=3, evidence="自评总分 94.66", strength=9)
    facts.hint("reported_grade", "优秀", page=3, evidence="等级：优秀", strength=2)
    rep = card([P("项目支出绩效自评表"), P("项目名称：热线外包服务项目")], facts)
    assert rep.reported_score == 94.66 and rep.reported_grade == "优"
    assert rep.provenance["reported_score"]["evidence"] == "自评总分 94.66"


def test_nothing_stated_stays_none():
    rep = card([P("一、基本情况"), P("今年工作总体顺利。")])
    assert rep.kind is None and rep.status == "partial"
    assert rep.province is None and rep.reported_score is None and rep.fiscal_year is None


def test_name_helpers():
    assert clean_name("219001-池州市贵池区棠溪镇人民政府") == "池州市贵池区棠溪镇人民政府"
    assert strip_year("2022年度政务服务经费") == "政务服务经费"
    assert strip_year("12345政府服务热线外包服务项目") == "12345政府服务热线外包服务项目"  # not a year
    assert grade_of("“优秀”") == "优" and grade_of("良好") == "良" and grade_of("分数≥90分为优") is None


# ------------------------------------------------------------------ the corpus, end to end

NAME_FIELDS = {"project", "department", "unit", "evaluator"}


def _norm(v):
    t = unicodedata.normalize("NFKC", str(v)) if v is not None else ""
    return re.sub(r"[\s\p{P}]", "", t)


def _ok(key, want, got):
    if key == "reported_score":
        return (want is None and got is None) or (want is not None and got is not None and abs(want - got) < 0.005)
    if key in NAME_FIELDS and want is not None and got:
        w, g = _norm(want), _norm(got)
        return w == g or (len(w) >= 4 and w in g) or (len(g) >= 4 and g in w)
    return _norm(want) == _norm(got)


def _pick(reports, want):
    same = [r for r in reports if r["kind"] == want.get("kind")] or reports
    if want.get("project"):
        same = [r for r in same if _ok("project", want["project"], r["project"])] or same
    return same[0] if same else None


def test_corpus_report_cards_match_gold_per_format(corpus_db, corpus):
    db = sqlite3.connect(corpus_db)
    db.row_factory = sqlite3.Row
    files = {r["path"]: dict(r) for r in db.execute("select * from files")}
    read = {r[0] for r in db.execute("select distinct file_id from paragraphs union select distinct file_id from tables")}
    tally, misses = {}, []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for fname in gold["files"]:
            f = files.get(fname)
            if f is None or f["id"] not in read:
                continue  # nothing could be read from it (a scan without OCR): not the card's doing
            reps = [dict(r) for r in db.execute("select * from reports where file_id = ? order by id", [f["id"]])]
            rep = _pick(reps, gold["report"])
            fmt = f["format"]
            for key, want in gold["report"].items():
                ok = rep is not None and _ok(key, want, rep.get(key))
                hit, tot = tally.get(fmt, (0, 0))
                tally[fmt] = (hit + ok, tot + 1)
                if not ok:
                    misses.append(f"{fname}: {key} want {want!r} got {rep and rep.get(key)!r}")
    assert set(tally) >= {"pdf", "docx", "xlsx"}
    for fmt, (hit, tot) in tally.items():
        assert hit / tot >= 0.95, f"{fmt}: {hit}/{tot} report fields right; misses: {misses}"


def test_corpus_report_counts(corpus_db, corpus):
    """reports_found: one report per gold file, two where the gold describes two."""
    db = sqlite3.connect(corpus_db)
    want: dict[str, int] = {}
    for gold_path in (corpus / "gold").glob("*.json"):
        for fname in json.loads(gold_path.read_text(encoding="utf-8"))["files"]:
            want[fname] = want.get(fname, 0) + 1
    got = dict(db.execute("select path, n_reports from files where status != 'failed'").fetchall())
    wrong = {f: (n, got[f]) for f, n in want.items() if f in got and got[f] != n}
    assert not wrong, wrong


@pytest.mark.parametrize("blocks,kind", [
    ([P("某县2022年度道路维护项目支出绩效评价报告"), P("项目名称：道路维护"), P("评价方式：单位自评")], "project_self"),
    ([P("某县2022年度部门整体支出绩效评价报告"), P("评价方式：部门自评")], "department_self"),
    ([P("关于2022年度某局部门整体支出的第三方绩效评价报告"), P("评价机构：某某咨询有限公司")], "third_party"),
    ([P("某某专项资金绩效评价报告"), P("评价机构：某某会计师事务所有限公司")], "third_party"),
])
def test_kind_from_title_and_cover(blocks, kind):
    assert card(blocks).kind == kind


@pytest.mark.parametrize("sentence,score,grade", [
    ("经评价，该项目综合得分为85.6分，评价等级为“良”。", 85.6, "良"),
    ("该项目自评得分95分（满分100分），评分结果为良好。", 95.0, "良"),
    ("自评得分：总分100分，自评得分96分。", 96.0, None),
    ("绩效评价总得分为88分，综合评定为“优秀”等次。", 88.0, "优"),
    ("本项目得分92分，等级：优", 92.0, "优"),
    ("各子项目得分均在90分以上。", None, None),
])
def test_score_and_grade_sentences_of_other_templates(sentence, score, grade):
    rep = card([P("杭州市西湖区2022年度垃圾分类专项资金绩效自评报告"), P(sentence)])
    assert (rep.province, rep.city, rep.county) == ("浙江省", "杭州市", "西湖区")
    assert rep.project == "垃圾分类专项资金"
    assert (rep.reported_score, rep.reported_grade) == (score, grade)


def test_national_department_form_and_commissioned_evaluation():
    form = Table(rows=[["部门整体支出绩效自评表", "", "", ""], ["（2022年度）", "", "", ""],
                       ["部门（单位）名称", "成都市锦江区教育局", "", ""], ["总分", "", "100", "91.5"],
                       ["评价等级", "优", "", ""]], page_start=1, page_end=1)
    rep = card([form])
    assert (rep.kind, rep.unit, rep.county, rep.fiscal_year) == ("department_self", "成都市锦江区教育局", "锦江区", 2022)
    assert (rep.reported_score, rep.reported_grade) == (91.5, "优")
    rep = card([P("关于2021年度城乡环境整治专项资金的绩效评价报告"),
                P("受市财政局委托，四川某某工程咨询有限公司对该专项资金开展了重点绩效评价。"),
                P("评价对象为遂宁市船山区住房和城乡建设局2021年度城乡环境整治专项资金。"),
                P("经评价，综合得分82.4分，绩效评价等级为“良”。"), P("四川某某工程咨询有限公司"), P("2022年9月")])
    assert rep.kind == "third_party" and rep.evaluator == "四川某某工程咨询有限公司"
    assert rep.unit == "遂宁市船山区住房和城乡建设局" and rep.project == "城乡环境整治专项资金"
    assert (rep.city, rep.county, rep.fiscal_year, rep.report_date) == ("遂宁市", "船山区", 2021, "2022-09")


@pytest.mark.parametrize("sentence, department, unit", [
    ("受某县财政局委托，某某咨询有限公司对某县林业和草原局组织、某县草原工作站具体实施的2023年度草原补奖资金开展了绩效评价。",
     "某县林业和草原局", "某县草原工作站"),
    ("受某县财政局委托，我公司对某县农业农村局主管、某县马铃薯产业发展服务中心实施的2023年度专项资金开展了绩效评价。",
     "某县农业农村局", "某县马铃薯产业发展服务中心"),
    ("按照通知要求，某区水务局组织某区水利管理所对污水设施运维项目开展了绩效自评。", "某区水务局", "某区水利管理所"),
])
def test_third_party_department_and_unit_from_who_runs_the_project(sentence, department, unit):
    from jixiao.extract.document import Document, Paragraph
    from jixiao.normalize.pipeline import normalize_document

    blocks = [Paragraph("某县2023年度专项资金绩效评价报告", 1), Paragraph(sentence, 1)]
    rep = normalize_document(Document(path="x.docx", format="docx", blocks=blocks))[0].report
    assert (rep.department, rep.unit) == (department, unit)

"""Places from the division data, and label-value pairs from covers and forms."""
import pytest

from jixiao.extract.document import Paragraph, Table
from jixiao.normalize.labels import block_label_values, label_key, split_pairs, tidy
from jixiao.normalize.places import disambiguate, dominant, locate, resolve


@pytest.mark.parametrize("name,want", [
    ("乐昌市行政服务中心", ("广东省", "韶关市", "乐昌市")),  # a county-level city is the county
    ("池州市贵池区棠溪镇人民政府", ("安徽省", "池州市", "贵池区")),
    ("贵池区财政局", ("安徽省", "池州市", "贵池区")),  # the parents come from the division data
    ("秀屿区居家养老政府购买服务经费项目", ("福建省", "莆田市", "秀屿区")),
    ("江门市行政服务中心", ("广东省", "江门市", None)),  # a city-level body: no county
    ("中山市12345投诉举报平台管理中心", ("广东省", "中山市", None)),
    ("北京市朝阳区财政局", ("北京市", "北京市", "朝阳区")),
    ("湖南省财政厅", ("湖南省", None, None)),
])
def test_locate(name, want):
    p = locate(name)
    assert (p.province, p.city, p.county) == want


@pytest.mark.parametrize("name", ["市行政服务中心", "中心城区75平方公里", "我局", "", None])
def test_locate_finds_no_place_where_none_is_named(name):
    assert not locate(name).found


def test_ambiguous_district_resolved_from_context_or_left_open():
    p = locate("朝阳区财政局")
    assert p.county == "朝阳区" and p.city is None  # several cities have one: no guess
    q = disambiguate(p, "长春市人民政府办公厅；长春市朝阳区")
    assert (q.province, q.city, q.county) == ("吉林省", "长春市", "朝阳区")


def test_resolve_prefers_the_first_name_and_falls_back_to_the_text():
    p = resolve([("乐昌市行政服务中心", 1), ("韶关市财政局", 1)])
    assert p.county == "乐昌市" and p.page == 1
    p = resolve([("市行政服务中心", 1), (None, None)], "江门市行政服务中心位于江门市蓬江区。江门市")
    assert (p.province, p.city, p.county) == ("广东省", "江门市", None)
    assert not dominant("全省各地").found


def test_tidy_removes_layout_spaces_only():
    assert tidy("岳阳市 2018 年度部门整体支出") == "岳阳市2018年度部门整体支出"
    assert tidy("韶关市12345政府服务热线（含网络问政）平 台整合项目") == "韶关市12345政府服务热线（含网络问政）平台整合项目"
    assert tidy("IVR system 95 %") == "IVR system 95%"


def test_split_pairs_several_in_one_line():
    pairs = split_pairs("单位名称（盖章）：中山市某某中心                填报日期：2023年4月28日")
    assert pairs == [("单位名称（盖章）", "中山市某某中心"), ("填报日期", "2023年4月28日")]
    assert split_pairs("我局按照要求，自评得分为：99分，自评等级为优。") == []  # a sentence, not a label


@pytest.mark.parametrize("label,key", [
    ("项目名称", "project"), ("市级项目主管部门（公章）", "department"), ("部门（单位）名称：", "unit"),
    ("单位名称(盖章)", "unit"), ("评价机构", "evaluator"), ("四、部门自评等级", "reported_grade"),
    ("自评总分", "reported_score"), ("评价年度", "fiscal_year"), ("联系电话", "contact"), ("金额单位", None),
])
def test_label_key(label, key):
    assert label_key(label) == key


def test_table_pairs_right_below_and_inside_cells():
    t = Table(rows=[["单位名称（盖章）：中山市某某中心  填报日期：2023年4月28日", "", ""],
                    ["项目名称", "热线外包服务项目", ""], ["主管部门", "中山市某某局", ""],
                    ["四、部门自评等级", "", ""], ["优", "", ""]], page_start=2, page_end=2)
    got = {(lv.key, lv.value) for lv in block_label_values([Paragraph("项目单位：某某中心", 1), t]) if lv.key}
    assert got == {("unit", "某某中心"), ("unit", "中山市某某中心"), ("report_date", "2023年4月28日"),
                   ("project", "热线外包服务项目"), ("department", "中山市某某局"), ("reported_grade", "优")}


def test_a_header_row_is_not_a_label_value_pair():
    t = Table(rows=[["项目名称", "评价年度", "评价机构"], ["道路维护", "2022年度", "某某事务所"]], page_start=1, page_end=1)
    pairs = [lv for lv in block_label_values([t]) if lv.row == 0]
    assert pairs == []


@pytest.mark.parametrize("name,want", [
    ("城区管理局", None), ("矿区人民政府", None), ("阳泉市矿区人民政府", ("山西省", "阳泉市", "矿区")),
    ("萧县财政局", ("安徽省", "宿州市", "萧县")),
])
def test_two_character_districts_need_their_city(name, want):
    p = locate(name)
    assert ((p.province, p.city, p.county) if p.found else None) == want


def test_dominant_names_a_county_only_when_the_text_is_about_it():
    city = dominant("江门市行政服务中心位于江门市蓬江区。江门市、蓬江区、新会区")
    assert (city.city, city.county) == ("江门市", None)
    county = dominant("乐昌市政务服务中心，韶关市下辖乐昌市，乐昌市")
    assert (county.city, county.county) == ("韶关市", "乐昌市")
    assert not locate("建设新城区").found


def test_pairs_glued_on_one_pdf_line_are_split_at_known_labels():
    from jixiao.normalize.labels import split_pairs

    got = split_pairs("填报单位（盖章）：垫江县文化馆填报人：谭晓梅联系电话：023-74512836填报日期：2024年2月28日")
    assert got == [("填报单位（盖章）", "垫江县文化馆"), ("填报人", "谭晓梅"), ("联系电话", "023-74512836"),
                   ("填报日期", "2024年2月28日")]
    # a colon inside a value that is no known label leaves the value whole
    assert split_pairs("项目名称：城区道路维修（一期：主干道）") == [("项目名称", "城区道路维修（一期：主干道）")]

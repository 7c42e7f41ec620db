"""Cross-city indicator keys: same meaning, same key; different meaning, different key or none."""
import json
import sqlite3

import pytest

from jixiao.normalize.canonical import canonical_key, known_keys, normalize_name


@pytest.mark.parametrize("a,b", [
    ("话务接通率", "电话接通率"), ("群众满意度", "服务对象满意度"), ("办事群众满意度", "公众满意度"),
    ("12345热线按时办结率", "按时办结率"), ("政务服务事项全程网办率", "全程网办率"),
    ("“三公”经费控制率", "三公经费控制率"), ("准确派单率", "转办准确率"), ("（三）预算执行率", "预算执行率"),
    ("江门市12345政务服务热线接通率", "接通率"), ("预算编制准确性", "预算编制科学性"),
])
def test_same_meaning_same_key(a, b):
    assert canonical_key(a) is not None
    assert canonical_key(a) == canonical_key(b)


@pytest.mark.parametrize("a,b", [
    ("人工接通率", "话务接通率"), ("15秒接通率", "接通率"), ("回访满意率", "群众满意度"),
    ("办结率", "按时办结率"), ("全程网办率", "网上可办率"), ("立案率", "结案率"),
])
def test_different_meaning_different_key(a, b):
    assert canonical_key(a) != canonical_key(b)


@pytest.mark.parametrize("name", ["老年人生活质量改善", "对维护基建市场公平的影响程度", "工单处理", "", None, "满意"])
def test_unknown_names_get_no_key(name):
    assert canonical_key(name) is None


def test_unit_rules_out_a_key():
    assert canonical_key("群众满意度", "%") == "服务对象满意度"
    assert canonical_key("群众满意度", "次") is None  # a satisfaction counted in 次 is something else
    assert canonical_key("平均等待时长", "秒") == "平均等待时长"
    assert canonical_key("平均等待时长", "%") is None


def test_normalize_name():
    assert normalize_name("1. “三公”经费 控制率：91%") == "三公经费控制率"
    assert normalize_name("①培训场次: 114次") == "培训场次"
    assert normalize_name("（二）群众满意度。") == "群众满意度"


def test_user_file_extends_the_vocabulary(tmp_path):
    f = tmp_path / "canonical.toml"
    f.write_text('[[key]]\nkey = "垃圾清运率"\nsynonyms = ["生活垃圾清运率", "垃圾日产日清率"]\nunits = ["%"]\n',
                 encoding="utf-8")
    assert canonical_key("垃圾日产日清率", "%", path=f) == "垃圾清运率"
    assert known_keys(path=f) == ["垃圾清运率"]
    assert canonical_key("垃圾日产日清率") is None  # the shipped vocabulary does not know it


def test_a_synonym_under_two_keys_is_refused(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text('[[key]]\nkey = "a"\nsynonyms = ["接通率"]\n[[key]]\nkey = "b"\nsynonyms = ["接通率"]\n', encoding="utf-8")
    with pytest.raises(ValueError):
        canonical_key("接通率", path=f)


def test_gold_satisfaction_indicators_share_a_key_across_three_cities(corpus):
    """The vocabulary alone (gold names) groups satisfaction rates of at least three cities."""
    cities: dict[str, set] = {}
    for gold_path in (corpus / "gold").glob("*.json"):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for ind in gold.get("indicators", []):
            key = canonical_key(ind["name"], ind.get("unit"))
            if key:
                cities.setdefault(key, set()).add(gold["report"].get("city"))
    assert len(cities.get("服务对象满意度", set())) >= 3, cities.get("服务对象满意度")


def test_corpus_db_satisfaction_key_in_three_cities(corpus_db):
    db = sqlite3.connect(corpus_db)
    n = db.execute("""select count(distinct r.city) from indicators i join reports r on r.id = i.report_id
                      where i.canonical = '服务对象满意度'""").fetchone()[0]
    assert n >= 3

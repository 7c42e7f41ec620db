"""Indicator targets and actuals stated in sentences.

"接通率不低于 95%" is a target (an explicit comparison), "话务接通率为 95.42%" an actual (a copula
and no bound), "服务过程满意率达到 98% 以上" a target again (a bound after the value). A bare
"照料中心运营达标率100%" is a target inside a list introduced by "年度绩效指标：", an actual in a
paragraph that states facts, and nothing in a paragraph that mixes both. A name must look like an
indicator (ends in 率/满意度/人数/次数...) and agree with the unit; a count stated without such a
name ("全年共上报城市管理问题 52,316 件") is kept only when it completes a target of the same unit
stated elsewhere. Rows about the same indicator are merged at the end (rows.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from jixiao.normalize.numbers import parse_quantity, to_float

from .nlp import Ent, ents, vocab
from .text import clean_name

OPS = {"op_ge": ">=", "op_le": "<=", "op_eq": "=", "op_gt": ">", "op_lt": "<"}
VALUE_LABELS = ("PCT", "QTY", "MONEY")


@dataclass
class Row:
    name: str
    unit: str | None = None
    target_op: str | None = None
    target_value: float | None = None
    target_text: str | None = None
    actual_value: float | None = None
    actual_text: str | None = None
    weight: float | None = None
    score: float | None = None
    level1: str | None = None
    strong: bool = True  # False: a count without an indicator-like name, kept only if it completes a target
    said_actual: bool = False  # the clause says the figure is what was achieved ("实际完成 …")
    page: int | None = None
    evidence: list[str] = field(default_factory=list)
    blocked: set = field(default_factory=set)  # fields stated twice with different figures: left empty

    VALUE_FIELDS = ("target_op", "target_value", "actual_value", "weight", "score")


def _op_of(word: str) -> str | None:
    v = vocab()
    for key, op in OPS.items():
        if word in v.words("indicator", key):
            return op
    return None


def _value(e: Ent) -> tuple[float | None, str | None]:
    if e.label == "PCT":
        return to_float(e.text.rstrip("%％‰")), "%"
    if e.label == "MONEY":
        m = re.match(r"^([\d.]+)(.*)$", e.text)
        return (to_float(m.group(1)), m.group(2) or None) if m else (None, None)
    q = parse_quantity(e.text)
    return (q.value, q.unit) if q else (None, None)


def implied_unit(name: str) -> str | None:
    """'%' for a rate name, the count's unit for 人数/人次, '' for a count of any unit, None otherwise."""
    v = vocab()
    bare = name.replace("“", "").replace("”", "").replace('"', "")
    if any(bare.endswith(h) for h in v.words("indicator", "rate_heads")):
        return "%"
    for head, unit in sorted(v.table("indicator", "count_heads").items(), key=lambda kv: -len(kv[0])):
        if bare.endswith(head):
            return unit
    return None


def same_unit(unit: str | None, want: str) -> bool:
    """'万人' is the unit '人' at another magnitude: a count of 人数 may be stated in 万人."""
    if unit == want:
        return True
    return bool(unit) and unit[1:] == want and unit[0] in "万亿千百"


def _generic_names() -> set[str]:
    return set(vocab().words("indicator", "generic_names"))


def _name_ok(name: str, settings, item: bool = False) -> bool:
    """Could this be an indicator's name? ``item``: it heads a scored item, where 预算执行率 is one too."""
    v = vocab()
    if name in _generic_names():
        return False
    if not item and name in v.roles and any(r.startswith("budget.") for r in v.roles[name]):
        return False  # a budget figure ("实际支出 X 元") is read by the budget rules
    if re.search(r"(?:19|20)\d{2}年|\d{1,2}月", name):
        return False  # a date inside: a sentence fragment ("截至2022年11月共收到…")
    if not (settings.name_min_chars <= len(name) <= settings.name_max_chars):
        return False
    if re.fullmatch(r"[\d.%\p{P}]+", name) or not re.search(r"\p{Han}", name):
        return False
    bare = AGE_SPAN.sub("", name)  # "65岁及以上老年人…": an age band is part of a name, not a bound
    rate_name = next((w for w in v.words("indicator", "rate_names") if bare.endswith(w) and len(bare) > len(w) + 1), None)
    if rate_name:
        bare = bare[: -len(rate_name)]  # "…可支配收入增长率" names a rate; "增长 25%" would not
    # a one-character word ("约") rejects only before a figure or at the end: 签约率 is a name
    return not any(re.search(re.escape(w) + r"(?=\d|$)", bare) if len(w) == 1 else w in bare
                   for w in v.words("indicator", "reject_in_name"))


OTHER_YEAR = re.compile(r"[较比与同](?:19|20)\d{2}\s*年")  # "较2022年的…": a comparison with another year
YEAR_LEAD = re.compile(r"^(?:19|20)\d{2}年度?")
AGE_SPAN = re.compile(r"\d+周?岁(?:及|以)?(?:以上|以下)")


def _target_suffix(name_text: str) -> tuple[str, bool]:
    """'家庭医生签约服务覆盖率年度目标' -> ('家庭医生签约服务覆盖率', True): a trailing target word."""
    t = name_text.rstrip("为是:：")
    for w in sorted(vocab().words("indicator", "target_suffix"), key=len, reverse=True):
        if t.endswith(w) and len(t) > len(w):
            return t[: -len(w)], True
    return name_text, False


def _cut_name(text: str) -> str:
    """The name is what follows the last copula or label inside the text before the value."""
    v = vocab()
    t = text
    for w in sorted(v.words("indicator", "reach"), key=len, reverse=True):
        if t.endswith(w) and len(t) > len(w):
            t = t[: -len(w)]
            break
    for sep in ("分别为", "为", "是", "：", ":"):
        if sep in t[:-1]:
            t = t.rsplit(sep, 1)[1] if not t.endswith(sep) else t
    return clean_name(t, v.words("indicator", "strip_prefix"), v.words("indicator", "strip_suffix"))


def read_clause(cl: str, target_para: bool, mixed_para: bool, settings, target_section: bool = False) -> Row | None:
    """One clause stating an indicator's target or actual, or None."""
    v = vocab()
    es = ents(cl)
    reach = set(v.words("indicator", "reach"))
    post_ge, post_le = v.words("indicator", "post_ge"), v.words("indicator", "post_le")
    verb = None
    value = None
    for i, e in enumerate(es):
        if e.label == "KW" and (_op_of(e.text) or e.text in reach):
            nxt = es[i + 1] if i + 1 < len(es) else None
            if nxt is not None and nxt.label in VALUE_LABELS and cl[e.end: nxt.start] == "":
                verb, value = e, nxt
                break
    if value is None:
        last = es[-1] if es else None
        if last is not None and last.label == "KW" and last.text in post_ge + post_le and len(es) >= 2 \
                and es[-2].label in VALUE_LABELS and es[-2].end == last.start:
            last = es[-2]  # "茶叶总产量8.5万吨以上": the figure before its bound word
        if last is None or last.label not in VALUE_LABELS:
            return None
        value = last
    after = cl[value.end:]
    post = next((p for p in sorted(post_ge + post_le, key=len, reverse=True) if after.startswith(p)), None)
    if after and post is None:
        return None  # the value is not what the clause ends on ("3 分钟内响应"): not a plain statement
    name_text = cl[: verb.start] if verb else cl[: value.start]
    if any(w in name_text for w in v.words("indicator", "completion_ref")):
        return None
    if verb is not None and _op_of(verb.text) and name_text.endswith(tuple(v.words("indicator", "achieved"))):
        return None  # "已经超过 260 万件": a bound on what happened, not a target, not a figure
    name_text, said_target = _target_suffix(name_text)
    name = _cut_name(name_text)
    if not _name_ok(name, settings):
        return None
    val, unit = _value(value)
    if val is None:
        return None
    implied = implied_unit(name)
    if implied == "%" and unit != "%":
        return None
    if implied and implied != "%" and not same_unit(unit, implied):
        return None
    if implied != "%" and unit == "%":
        return None  # a percent needs a rate-like name ("增长 25.06%", "占总工作量 33.3%" are not indicators)
    strong = implied is not None
    op = _op_of(verb.text) if verb else None
    if post:
        op = ">=" if post in post_ge else "<="
    bound = verb is not None and _op_of(verb.text) is not None
    text = cl[(verb.start if bound else value.start): value.end + (len(post) if post else 0)]
    row = Row(name=name, unit=unit, strong=strong)
    if op and (verb is None or _op_of(verb.text) or post):
        row.target_op, row.target_value, row.target_text = op, val, text
    elif target_para or said_target or (target_section and verb is not None):
        row.target_op = "=" if verb is not None and _op_of(verb.text) == "=" else None
        row.target_value, row.target_text = val, text
    elif verb is None and mixed_para:
        return None  # a bare figure among targets: cannot tell which it is
    else:
        row.actual_value, row.actual_text = val, text
    if row.target_value is not None and not strong and row.target_op and len(name) >= settings.headless_name_min:
        row.strong = True  # an explicit comparison makes a long enough name an indicator whatever its head
    return row


def _population(segment: str) -> tuple[str, float, str] | None:
    """What a part of a sentence counts: ("受理诉求", 2106722, "件") for "…共受理诉求2106722件，…".

    The first count whose own clause holds a total word; the phrase is what the word counts."""
    totals = sorted(vocab().words("indicator", "total_words"), key=len, reverse=True)
    for e in ents(segment):
        if e.label != "QTY":
            continue
        clause = re.split(r"[,，:：、]", segment[: e.start])[-1]
        word = next((w for w in totals if w in clause), None)
        if word is None:
            continue
        q = parse_quantity(e.text)
        phrase = clause[clause.rindex(word) + len(word):].strip()
        return (phrase, q.value, q.unit) if q and q.value is not None and phrase else None
    return None


def _within(short: str, long_: str) -> bool:
    """``short``'s characters appear in order in the longer ``long_``: 诉求 within 企业诉求数据."""
    it = iter(long_)
    return len(long_) > len(short) and all(ch in it for ch in short)


def sentence_parts(sentence: str) -> list[tuple[str, bool]]:
    """The "；" parts of a normalized sentence, each with whether it is about a part of an earlier
    part's whole (opens with a part_lead, or counts a qualified smaller population of the same
    unit). Its figures yield to the whole's where both state the same indicator."""
    parts = [p for p in re.split(r"[;；]", sentence) if p]
    leads = tuple(vocab().words("indicator", "part_lead"))
    out: list[tuple[str, bool]] = []
    wholes: list[tuple[str, float, str]] = []
    for i, part in enumerate(parts):
        pop = _population(part)
        is_part = i > 0 and (part.lstrip().startswith(leads) or (pop is not None and any(
            w[2] == pop[2] and pop[1] < w[1] and _within(w[0], pop[0]) for w in wholes)))
        if pop is not None and not is_part:
            wholes.append(pop)
        out.append((part, is_part))
    return out


def read_continuation(cl: str, prev: Row, settings) -> Row | None:
    """'实际完成4.82万人' after '…人数目标为不少于4.5万人': the actual of the indicator named just
    before, when the clause opens with an actual_lead and names nothing else (or only the tail of
    that name: '实际接种率为97.8%' after '…疫苗接种率目标…'). Units must agree."""
    t = cl
    year = YEAR_LEAD.match(t)  # "2023年为78.6岁": the report's year stating what it reached
    leads = vocab().words("indicator", "actual_lead") + (["为", "达到"] if year else [])
    t = t[year.end():] if year else t
    lead = next((w for w in sorted(leads, key=len, reverse=True) if t.startswith(w)), None)
    es = [e for e in ents(t) if e.label in VALUE_LABELS]
    if len(es) != 1 or t[es[0].end:] or not prev.strong:
        return None
    if lead is None:
        # "第三方问卷调查结果为92.4%": a result phrase right before the figure, and no indicator named
        head = t[: es[0].start]
        tail = next((w for w in vocab().words("indicator", "actual_tail") if head.endswith(w)), None)
        if tail is None or implied_unit(head[: -len(tail)]) is not None:
            return None
        lead = head
    between = _cut_name(t[len(lead): es[0].start])
    for w in sorted(vocab().words("indicator", "reach"), key=len, reverse=True):
        between = between.removesuffix(w)
    if between and not (prev.name.endswith(between) and len(between) >= 2):
        return None
    val, unit = _value(es[0])
    want = prev.unit or implied_unit(prev.name)
    if val is None or (want and not same_unit(unit, want)) or (not want and unit == "%"):
        return None
    return Row(name=prev.name, unit=unit, actual_value=val, actual_text=t[es[0].start: es[0].end], strong=True,
               said_actual=True)


@lru_cache(maxsize=1)
def _target_ref():
    """'…超过年度目标（≥' at the end of the text before a figure: the figure is the item's target."""
    v = vocab()
    refs = "|".join(re.escape(w) for w in sorted(v.words("indicator", "target_ref"), key=len, reverse=True))
    ops = "|".join(re.escape(w) for w in sorted(sum((v.words("indicator", k) for k in OPS), []), key=len, reverse=True))
    verbs = "|".join(re.escape(w) for w in sorted(v.words("indicator", "target_verbs"), key=len, reverse=True))
    obj = f"(?:(?:{verbs})[\u4e00-\u9fff]{{0,4}})?" if verbs else ""
    return re.compile(rf"(?:{refs}){obj}(?:为|是)?[(（]?(?P<op>{ops})?$")


def read_item(head: str, body: list[str], settings) -> Row | None:
    """An item discussed under its own head ('上门服务人次：全年上门服务 33,480 人次，完成目标（36000 人次）的 93%')."""
    v = vocab()
    unit = implied_unit(head)
    headless = unit is None  # "单座设施年均运维成本": no head word; an indicator only if a target is stated
    if headless:
        unit = ""
    row = Row(name=head, unit=unit or None)
    n_targets = 0
    actuals: list[tuple[float, str, str, bool]] = []
    for cl in body:
        es = ents(cl)
        if any(e.label == "KW" and any(v.has(e.text, f"score.{k}") for k in ("weight", "rate", "points")) for e in es):
            continue  # "得分率100%" is the item's score, not its value
        if OTHER_YEAR.search(cl) or any(w in cl for w in v.words("budget", "other_period")):
            continue  # "较2022年的1,214座": last year's figure, for comparison
        for e in es:
            if e.label not in VALUE_LABELS:
                continue
            val, u = _value(e)
            prefix = cl[: e.start]
            m = _target_ref().search(prefix)
            n_targets += bool(m and val is not None)
            if val is None or (unit and u != unit) or (not unit and u == "%"):
                continue
            if m:
                op = _op_of(m.group("op")) if m.group("op") else None
                if row.target_value is None:
                    row.target_value, row.target_op, row.target_text = val, op, cl[m.start(): e.end]
                    row.unit = u
                continue
            if any(w in prefix for w in v.words("indicator", "completion_ref")):
                continue
            own = _cut_name(prefix)
            related = bool(own) and (head.endswith(own) or own.endswith(head)) and len(own) >= 2
            actuals.append((val, u, e.text, related))
    if headless:
        if row.target_value is None or n_targets > 1:
            return None  # no target, or several: a heading over a list of items, not one item
        actuals = [a for a in actuals if a[1] == row.unit or same_unit(a[1], row.unit or "")]
    related = [a for a in actuals if a[3]]
    pick = related if related else actuals
    if len({a[0] for a in pick}) == 1:
        row.actual_value, row.unit, row.actual_text = pick[0][0], pick[0][1], pick[0][2]
    if row.actual_value is None and row.target_value is None:
        return None
    return row

"""Scores stated in sentences: per item and per section, and the report's total and grade.

Third-party reports discuss each scoring item in a paragraph of its own: "（1）绩效目标合理性。该指标
分值 5 分，评价得分 3 分，得分率为 60%。" The item is named in the paragraph head, in a heading above,
or inline ("项目立项指标分值15分"); "该指标" points back at it. A row is only produced when the
sentence states the points available (分值/权重): "得 0 分" alone is a remark, not a scoring.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from jixiao.normalize.numbers import chinese_number, to_float

from .nlp import Ent, ents, vocab
from .text import clauses, norm, strip_numbering


@dataclass
class Scored:
    name: str
    weight: float | None
    points: float | None
    rate: float | None
    is_section: bool


def _points(e: Ent) -> float | None:
    return to_float(e.text.rstrip("分")) if e.label == "POINTS" else None


def _pct(e: Ent) -> float | None:
    return to_float(e.text.rstrip("%％")) if e.label == "PCT" else None


def _anaphora_re():
    words = sorted(vocab().words("score", "anaphora"), key=len, reverse=True)
    # 该项目 is the project, not "this item"; 成本指标 holds 本指标 but points at nothing
    return re.compile(rf"(?<!\p{{Han}})(?:{'|'.join(re.escape(w) for w in words)})(?!目)")


def _has_anaphora(text: str) -> bool:
    return bool(_anaphora_re().search(text))


def _next_value(es: tuple[Ent, ...], i: int) -> Ent | None:
    """The entity a keyword governs: the next one, skipping a copula ('分值为 5 分')."""
    for x in es[i + 1:]:
        if x.label == "KW" and x.text in ("为", "是", "达"):
            continue
        return x
    return None


def section_name(name: str) -> str | None:
    """The section a name denotes ('项目决策情况' -> '项目决策'), or None for an item name."""
    v = vocab()
    t = strip_numbering(norm(name)).strip("。.:：")
    core = t
    for a in v.words("score", "section_affix"):
        if core.endswith(a) and len(core) > len(a):
            core = core[: -len(a)]
    if core in v.words("score", "section_core") or core.removeprefix("项目") in v.words("score", "section_core"):
        return core
    return None


def read_scoring(sentence: str, fallback_name: str | None, settings) -> Scored | None:
    """Weight, points and rate of one scoring sentence; None when it states no weight."""
    v = vocab()
    weight = points = rate = None
    inline = None
    for cl in clauses(sentence):
        es = ents(cl)
        for i, e in enumerate(es):
            if e.label != "KW":
                continue
            nxt = _next_value(es, i)
            if nxt is None:
                continue
            if v.has(e.text, "score.weight") and weight is None and nxt.label == "POINTS":
                weight = _points(nxt)
                before = cl[: e.start]
                if before and inline is None:
                    inline = before
            elif v.has(e.text, "score.rate") and rate is None and nxt.label == "PCT":
                rate = _pct(nxt)
            elif v.has(e.text, "score.points") and weight is not None and points is None and nxt.label == "POINTS":
                points = _points(nxt)
    if weight is None:
        return None
    name = _clean_item_name(inline or "")
    if not name:
        name = fallback_name
    if not name:
        return None
    if weight > settings.max_points or (points is not None and points > weight):
        return None
    sec = section_name(name)
    is_section = sec is not None or any(c in norm(sentence) for c in v.words("score", "section_cue"))
    return Scored(sec or name, weight, points, rate, is_section)


def read_scorings(sentence: str, fallback_name: str | None, settings) -> list[Scored]:
    """Every scoring a sentence states. "决策指标满分15分，得分12.5分；过程指标满分20分，得分18分；…"
    names one item per "；" part; a sentence with one scoring is read whole, as before."""
    bracketed: list[Scored] = []
    for key in ("bracketed", "stated_pairs"):
        for m in re.finditer(vocab().data["score"][key], norm(sentence)):
            name = _clean_item_name(m.group("name"), keep_suffix=True)
            w, p = to_float(m.group("w")), to_float(m.group("p"))
            if name and w is not None and p is not None and p <= w <= settings.max_points:
                sec = section_name(name)
                if all(b.name != (sec or name) for b in bracketed):
                    bracketed.append(Scored(sec or name, w, p, None, sec is not None))
        if key == "bracketed" and bracketed:
            break
    # one "X分值35分，得分33分，得分率94.28%" is read below with its rate; a list of them here
    if len(bracketed) >= 2 or (bracketed and re.search(vocab().data["score"]["bracketed"], norm(sentence))):
        if len(bracketed) >= 3 and abs(sum(b.weight for b in bracketed) - settings.max_points) < 0.01:
            # one sentence scoring parts that make the full marks: they are the report's sections
            bracketed = [Scored(b.name, b.weight, b.points, b.rate, True) for b in bracketed]
        return bracketed
    parts = [p for p in re.split(r"[;；]", sentence) if p.strip()]
    if len(parts) > 1:
        named = [g for g in (read_scoring(p, None, settings) for p in parts) if g]
        if len(named) >= 2 and len({g.name for g in named}) == len(named):
            return named
    got = read_scoring(sentence, fallback_name, settings)
    return [got] if got else []


def _clean_item_name(text: str, keep_suffix: bool = False) -> str:
    """The item's name; ``keep_suffix`` keeps a trailing 指标 ("数量指标" is that group's name)."""
    t = strip_numbering(norm(text)).rstrip("(（")
    for w in sorted(vocab().words("score", "item_prefix"), key=len, reverse=True):
        if t.startswith(w) and len(t) > len(w) + 1:
            t = t[len(w):]  # "本项目决策类指标" names the section 决策
            break
    t = _anaphora_re().sub("", t)
    if not keep_suffix:
        t = re.sub(r"指标$", "", t)
    return t.strip("。.,，:：;；")


_heading_score = re.compile(r"^(?P<name>[^()（）]{2,30})[(（](?P<inner>[^()（）]*分[^()（）]*)[)）]$")


def read_heading_scores(heading: str, settings) -> Scored | None:
    """'（一）项目决策情况（分值20分，得分15分）': the section and its points, from a heading."""
    t = strip_numbering(norm(heading)).rstrip("。.")
    m = _heading_score.match(t)
    if not m:
        return None
    got = read_scoring(m.group("inner"), m.group("name"), settings)
    if got is None:
        return None
    sec = section_name(m.group("name"))
    return Scored(sec or m.group("name"), got.weight, got.points, got.rate, sec is not None or got.is_section)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def total_score(sentence: str, settings) -> float | None:
    """The report's total from '自评得分为：99分' / '综合得分87.84分'; None for band rules ('90分（含）以上为优')."""
    v = vocab()
    t = _digits(norm(sentence))
    if _has_anaphora(t) or any(w in t for w in v.words("score", "weight")):
        return None
    pat = re.compile(rf"(?:{_alt(v.words('score', 'total'))})(?:为|是|:|：)*(?P<num>\d+(?:\.\d+)?)分(?P<after>.{{0,4}})")
    for m in pat.finditer(t):
        after = m.group("after")
        if re.match(r"^(?:\(含\)|（含）|以上|以下|及以上|至|-|—|~|到)", after):
            continue
        before = t[max(0, m.start() - 8): m.start()]
        if any(w in before for w in v.words("budget", "other_period")) or OTHER_YEAR.search(before):
            continue  # "较2022年度自评得分89分": last year's score, for comparison
        val = to_float(m.group("num"))
        if val is not None and 0 <= val <= settings.max_points:
            return val
    if grade(sentence):  # "该项目自评等级为优，分数为99.98": the number beside a stated grade
        m = re.search(rf"(?:{_alt(v.words('score', 'total_unitless'))})(?P<num>\d+(?:\.\d+)?)(?![\d.%分])", t)
        val = to_float(m.group("num")) if m else None
        if val is not None and 0 <= val <= settings.max_points:
            return val
    return None


OTHER_YEAR = re.compile(r"[较比与同](?:19|20)\d{2}\s*年")
_CN_SCORE = re.compile(r"[零〇一二三四五六七八九十百点两]+(?=分)")


def _digits(text: str) -> str:
    """'自评得分九十二分' -> '自评得分92分': a score written in Chinese numerals (only before 分)."""
    def one(m):
        v = chinese_number(m.group(0))
        return m.group(0) if v is None else (f"{v:g}")
    return _CN_SCORE.sub(one, text)


def total_breakdown(sentence: str) -> list[tuple[str, float]]:
    """'自评得分95.5分，其中投入19.5分、过程38.5分' -> [(投入, 19.5), (过程, 38.5)]: sections' points."""
    t = norm(sentence)
    i = t.find("其中")
    if i < 0:
        return []
    out = []
    for m in re.finditer(r"(?P<name>[\p{Han}“”\"]{2,12}?)(?P<num>\d+(?:\.\d+)?)分", t[i + 2:]):
        sec = section_name(m.group("name"))
        if sec is None:
            return []  # one part is not a known section: the list is not a section breakdown
        out.append((sec, to_float(m.group("num"))))
    return out


def grade(sentence: str) -> str | None:
    """'自评等级为优' / '绩效等级为“良”' -> 优 / 良; None for a band rule listing several grades."""
    v = vocab()
    t = norm(sentence)
    grades = v.words("score", "grades")
    pat = re.compile(rf"(?:{_alt(v.words('score', 'grade'))})(?:为|是|:|：|评定为|确定为)+[“\"「]?(?P<g>{_alt(grades)})[”\"」]?(?P<after>.?)")
    m = pat.search(t)
    if not m or m.group("after") in ("、", "/", "和", "及"):
        return None
    return v.table("score", "grade_map").get(m.group("g"))


def read_self_points(body: str) -> float | None:
    """'……资金支出率达99.6%，自评5.98分。' -> 5.98: the points a paragraph about one item ends on."""
    v = vocab()
    cls = [c for s in re.split(r"(?<=[。！？!?])", body) for c in clauses(s)]
    if not cls:
        return None
    last = cls[-1]
    words = _alt(v.words("score", "self_points"))
    m = re.fullmatch(rf"(?:{words})(?:为|是)?(?P<num>\d+(?:\.\d+)?)分", last)
    if not m:
        return None
    if sum(1 for c in cls if re.search(rf"(?:{words})(?:为|是)?\d+(?:\.\d+)?分", c)) != 1:
        return None  # several scores in one paragraph: a rule list, not one item's result
    return to_float(m.group("num"))

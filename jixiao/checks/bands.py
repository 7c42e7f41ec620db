"""Banded rules as reports write them, parsed into (low, high, outcome) intervals.

'比率≥98%的，得5分；90%≤比率<98%的，得4分；…' and '分数≥90分为优、80≤分数<90分为良…' become
intervals over a number; applying them tells what the report's own rule gives for its own rate."""
from __future__ import annotations

import math
from dataclasses import dataclass

import regex as re

NUMX = r"\d+(?:\.\d+)?"
GE = r"(?:≥|>=|大于等于|不低于|不少于)"
GT = r"(?:>|大于|高于|超过)"
LE = r"(?:≤|<=|小于等于|不高于|不超过)"
LT = r"(?:<|小于|低于|不足)"


@dataclass
class Band:
    low: float
    low_incl: bool
    high: float
    high_incl: bool
    outcome: str  # points as text ('5') or a grade ('优')

    def holds(self, x: float) -> bool:
        lo = x > self.low or (self.low_incl and x == self.low)
        hi = x < self.high or (self.high_incl and x == self.high)
        return lo and hi


def _interval(cond: str) -> tuple[float, bool, float, bool] | None:
    """The interval a condition states: 'a≤x<b', 'x≥a', 'a以上', '90分(含)以上'."""
    c = cond.replace("%", "").replace("分", "").replace("(含)", "含").replace("（含）", "含")
    m = re.search(rf"({NUMX})({LE}|{LT})[^\d≤<≥>]*?({LE}|{LT})({NUMX})", c)
    if m:
        return float(m.group(1)), bool(re.fullmatch(LE, m.group(2))), float(m.group(4)), bool(re.fullmatch(LE, m.group(3)))
    m = re.search(rf"({GE}|{GT}|{LE}|{LT})({NUMX})", c)
    if m:
        v, op = float(m.group(2)), m.group(1)
        if re.fullmatch(GE, op):
            return v, True, math.inf, False
        if re.fullmatch(GT, op):
            return v, False, math.inf, False
        if re.fullmatch(LE, op):
            return -math.inf, False, v, True
        return -math.inf, False, v, False
    # "75分（含）至85分", "80-90分": from the first, inclusive, up to the second, which belongs to
    # the band above unless marked 含
    m = re.search(rf"({NUMX})(含)?(?:至|到|~|～|-|—|－)({NUMX})(含)?(?!\d)", c)
    if m and float(m.group(1)) < float(m.group(3)):
        return float(m.group(1)), True, float(m.group(3)), bool(m.group(4))
    m = re.search(rf"({NUMX})含?(及以上|以上|\(含\)以上)", c)
    if m:
        return float(m.group(1)), True, math.inf, False
    m = re.search(rf"({NUMX})(以下|以内)", c)
    if m:
        return -math.inf, False, float(m.group(1)), m.group(2) == "以内"
    return None


def parse_point_bands(text: str) -> list[Band]:
    """Bands of a scoring rule: each clause ending in '得N分'."""
    out = []
    for m in re.finditer(rf"([^;；。]*?)(?:的)?[,，]?得({NUMX})分", text or ""):
        iv = _interval(m.group(1))
        if iv:
            out.append(Band(*iv, m.group(2)))
    return out if len(out) >= 2 else []


def parse_grade_bands(text: str) -> list[Band]:
    """Grade bands: clauses naming 优/良/中/差 with a score interval."""
    out = []
    for m in re.finditer(r"([^、;；。,，]*?)(?:的)?(?:为|评为|等级为|定为)[\"“]?(优秀|优|良好|良|中等|中|合格|差|不合格)", text or ""):
        iv = _interval(m.group(1))
        if iv:
            g = {"优秀": "优", "良好": "良", "中等": "中", "合格": "中", "不合格": "差"}.get(m.group(2), m.group(2))
            out.append(Band(*iv, g))
    return out if len(out) >= 3 else []


def apply(bands: list[Band], x: float) -> str | None:
    hits = [b.outcome for b in bands if b.holds(x)]
    return hits[0] if len(set(hits)) == 1 else None

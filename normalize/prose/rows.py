"""One row per indicator from the rows the sentences gave: exact names first, then a unique related
name with compatible values. Two rows naming one indicator with different figures leave that
field empty (two sub-measures under one name) rather than pick one."""
from __future__ import annotations

from dataclasses import fields

import regex as re

from .indicators import Row, _generic_names
from .text import norm


def name_key(name: str) -> str:
    return re.sub(r"[“”\"'‘’()（）\s]", "", norm(name))


def _related(a: str, b: str, settings) -> bool:
    a, b = name_key(a), name_key(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if short in _generic_names():
        return False  # "满意率" alone could be any of the report's satisfaction rates
    if len(short) >= 3 and long_.endswith(short) and not re.search(r"\d", long_[: -len(short)]):
        return True
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    if re.search(r"\d", a[: len(a) - n] + b[: len(b) - n]):
        return False  # "5分钟内转出率" and "30分钟内转出率" are two indicators
    return n >= settings.merge_suffix_chars


def _compatible(a: Row, b: Row) -> bool:
    if a.unit and b.unit and a.unit != b.unit:
        return False
    for f in Row.VALUE_FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        if x is not None and y is not None and x != y and not (f == "target_op"):
            return False
    return True


def _absorb(keep: Row, other: Row) -> None:
    blocked = keep.blocked | other.blocked
    for f in fields(Row):
        if f.name in ("name", "strong", "evidence", "page", "blocked"):
            continue
        if f.name in blocked or f.name.replace("_text", "_value") in blocked:
            setattr(keep, f.name, None)
            continue
        if getattr(keep, f.name) is None and getattr(other, f.name) is not None:
            setattr(keep, f.name, getattr(other, f.name))
    if keep.target_op is None and other.target_op is not None and keep.target_value == other.target_value:
        keep.target_op = other.target_op
    keep.blocked = blocked
    keep.strong = keep.strong or other.strong
    keep.evidence += [e for e in other.evidence if e not in keep.evidence]
    keep.page = keep.page or other.page


def merge_rows(rows: list[Row], settings) -> tuple[list[Row], list[str]]:
    """One row per indicator: exact names first, then a unique related name with compatible values."""
    problems: list[str] = []
    out: list[Row] = []
    for r in rows:
        same = [o for o in out if name_key(o.name) == name_key(r.name) and (not o.unit or not r.unit or o.unit == r.unit)]
        if same:
            o = same[0]
            for f in Row.VALUE_FIELDS:
                x, y = getattr(o, f), getattr(r, f)
                if x is not None and y is not None and x != y and f != "target_op":
                    o.blocked.add(f)
                    setattr(o, f, None)
                    setattr(o, f.replace("_value", "_text"), None) if f.endswith("_value") else None
                    if o.strong:
                        problems.append(f"prose indicator {o.name}: {f} stated as {x} and {y}, left empty")
            _absorb(o, r)
            if (o.target_value is not None and o.actual_value is not None
                    and len(name_key(o.name)) >= settings.headless_name_min):
                o.strong = True  # a target list and a results list both name it: an indicator without a head word
            continue
        out.append(r)
    changed = True
    while changed:
        changed = False
        for r in list(out):
            cands = [o for o in out if o is not r and _related(o.name, r.name, settings) and _compatible(o, r)]
            if len(cands) != 1:
                continue
            o = cands[0]
            back = [x for x in out if x is not o and _related(o.name, x.name, settings) and _compatible(o, x)]
            if len(back) != 1:
                continue
            keep, drop = (o, r) if _rank(o) >= _rank(r) else (r, o)
            _absorb(keep, drop)
            out.remove(drop)
            changed = True
            break
    has_value = lambda r: any(getattr(r, f) is not None for f in ("target_value", "actual_value", "weight", "score"))  # noqa: E731
    return [r for r in out if r.strong and has_value(r)], problems


def _rank(r: Row) -> tuple:
    """Which row's name survives a merge: a scored item's, then a target's, then a strong actual's."""
    return (r.weight is not None, r.target_value is not None, r.strong)

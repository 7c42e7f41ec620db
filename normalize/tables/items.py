"""Numbered lists inside one indicator cell: '1. 培训场次: 114次 2. 月均话务量: 175560次'.

Provincial forms put several indicators of one 二级指标 into one cell; each item becomes its own
indicator under that parent. Only a list numbered 1, 2, 3 ... in order is split, and an item
yields a value only when it is 'name: value' or ends in a number with a unit, so running prose
with figures in it is left alone.
"""
from __future__ import annotations

import regex as re

from ..numbers import UNIT_RE, clean, parse_quantity

_marker = re.compile(r"(?:(?<=^)|(?<=[\s;；。，,%\p{Han}]))[（(]?(\d{1,2})[.．、)）](?![\d%])\s*")
_tail_qty = re.compile(rf"^(?P<name>.*?\D)\s*(?P<val>(?:[≥≤<>＞＜=]|不低于|不少于|不高于|不超过)?[-+]?\d[\d,]*(?:\.\d+)?\s*{UNIT_RE})$")


_loose = re.compile(r"(?:(?<=^)|(?<=[\s;；。，,%\p{Han}]))[（(]?(\d{1,2})[.．、)）]\s*")


def split_numbered(text: str, loose: bool = False) -> list[str] | None:
    """The items of a list numbered 1., 2., 3. in order; None when the cell is not such a list.

    ``loose`` also takes a marker glued to a figure ('5.15秒接通率' read from a PDF without the
    space): only the next number in sequence counts, and the caller keeps the loose split only
    when every item then has a value."""
    marks = list((_loose if loose else _marker).finditer(text))
    seq = []
    for m in marks:
        if int(m.group(1)) == len(seq) + 1:
            seq.append(m)
    if len(seq) < 2 or text[: seq[0].start()].strip():
        return None
    items = []
    for i, m in enumerate(seq):
        end = seq[i + 1].start() if i + 1 < len(seq) else len(text)
        items.append(text[m.end():end].strip().rstrip(";；。，, "))
    return items


def name_value(item: str, max_name: int) -> tuple[str, str | None]:
    """'培训场次: 114次' -> ('培训场次', '114次'); '及时派单率100%' -> ('及时派单率', '100%')."""
    for sep in ("：", ":"):
        if sep in item:
            name, val = item.split(sep, 1)
            name, val = name.strip(), val.strip().rstrip(";；。，, ")
            if name and len(clean(name)) <= max_name:
                return name, val or None
    m = _tail_qty.match(item.strip())
    if m and m.group("val") and re.search(r"\D$", clean(m.group("val"))) and parse_quantity(m.group("val")):
        return m.group("name").strip(), m.group("val").strip()
    return item.strip(), None

"""The column/row vocabulary (normalize/data/headers.toml) and the matching of header cells by meaning.

Templates differ in wording (年初预算数 / 年初预算安排数), order and notes in brackets
("预算执行率（自动计算）", "权重 40/m (m为产出指标总数)"); matching strips the notes and compares
meanings through the synonym lists, so a new template usually needs a new synonym, not new code.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex as re

from ..numbers import clean

DATA = Path(__file__).resolve().parent.parent / "data" / "headers.toml"

_paren = re.compile(r"[（(【\[][^（()）【】\[\]]*[）)】\]]")
_open_paren_tail = re.compile(r"[（(【\[][^）)】\]]*$")
_numbering = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[（(][一二三四五六七八九十\d]+[）)])")
_cjk = re.compile(r"\p{Han}")


def strip_notes(text: str) -> str:
    """'预算调整额（调减金额用“负数”表示）' -> '预算调整额'; '权重40/m(m为…)' -> '权重40/m'."""
    t = clean(text)
    prev = None
    while prev != t:
        prev, t = t, _paren.sub("", t)
    t = _open_paren_tail.sub("", t)
    return _numbering.sub("", t).strip("：:")


_list_number = re.compile(r"^\s*(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|[①-⑳])\s*")


_year = re.compile(r"((?:19|20)\d{2})\s*年")
_year_prefix = re.compile(r"^(?:19|20)\d{2}\s*年度?")


def earlier_year_columns(row: list[str]) -> set[int]:
    """Columns of a header that name an earlier year than another column does ("2022年预算数"
    beside "2023年预算数"): a comparison, not the year the report is about."""
    years = {c: int(m.group(1)) for c, t in enumerate(row) if t and (m := _year.search(t))}
    if len(set(years.values())) < 2:
        return set()
    latest = max(years.values())
    return {c for c, y in years.items() if y < latest}


def drop_numbering(text: str) -> str:
    """'1. 培训场次' -> '培训场次', '（一）基本支出' -> '基本支出': names are stored without list numbers."""
    return _list_number.sub("", text or "", count=1).strip()


@dataclass
class Vocab:
    columns: dict[str, list[str]]
    sub_total: list[str]
    sub_parts: list[str]
    rows: dict[str, list[str]]
    grades: dict[str, list[str]]
    money_units: list[str]
    _exact: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role, syns in self.columns.items():
            for rank, s in enumerate(syns):
                self._exact.setdefault(clean(s), []).append((role, rank))

    def roles_of(self, header: str) -> list[tuple[str, int]]:
        """Candidate (role, rank) pairs for a header cell; rank orders synonyms within a role."""
        t = _year_prefix.sub("", strip_notes(header))  # "2023年预算数" heads the 预算数 of that year
        if not t:
            return []
        if t in self._exact:
            return list(self._exact[t])
        best: list[tuple[str, int]] = []
        best_len = 0
        for syn, roles in self._exact.items():
            if len(syn) >= 2 and t.startswith(syn) and not _cjk.search(t[len(syn):]) and len(syn) > best_len:
                best, best_len = list(roles), len(syn)
        return best

    def is_total_sub(self, text: str) -> bool:
        return strip_notes(text) in {clean(s) for s in self.sub_total}

    def is_part_sub(self, text: str) -> bool:
        t = clean(text)
        return any(t.startswith(clean(p)) for p in self.sub_parts)

    def row_list(self, name: str) -> list[str]:
        return [clean(x) for x in self.rows.get(name, [])]

    def is_empty_value(self, text: str) -> bool:
        t = clean(text)
        return not t or t in self.row_list("empty")

    def grade_of(self, text: str) -> str | None:
        t = clean(text).strip("“”\"'。.")
        for grade, words in self.grades.items():
            if t in words:
                return grade
        return None


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = list(dict.fromkeys(v + out[k]))
        else:
            out[k] = v
    return out


@lru_cache(maxsize=8)
def load_vocab(extra_path: str | None = None) -> Vocab:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    if extra_path:
        data = _merge(data, tomllib.loads(Path(extra_path).read_text(encoding="utf-8")))
    sub = data.get("subcolumns", {})
    return Vocab(columns=data["columns"], sub_total=sub.get("total", []), sub_parts=sub.get("part_prefixes", []),
                 rows=data.get("rows", {}), grades=data.get("grades", {}),
                 money_units=data.get("units", {}).get("money", ["万元", "元"]))

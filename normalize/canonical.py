"""Cross-city indicator keys: the same meaning gets the same key whatever the wording.

Cities name one indicator many ways (话务接通率 / 电话接通率, 群众满意度 / 服务对象满意度) and
qualify it with their own subject (12345热线按时办结率). Comparing cities needs one key per
meaning, and a wrong key is worse than none: two different measures under one key would make
a comparison silently false. So keys come only from explicit synonym lists in
``data/canonical.toml`` (user-extensible), never from fuzzy similarity.
"""
from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex as re

DATA = Path(__file__).resolve().parent / "data" / "canonical.toml"

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.、．)]|[（(][\d一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|[①-⑳])\s*")
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】\[\]]")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def normalize_name(name: str | None) -> str:
    """The form names are compared in: '1. “三公”经费 控制率：91%' -> '三公经费控制率'."""
    t = _NUMBERING.sub("", (name or "").strip())  # before NFKC, which turns ① into a bare 1
    t = _NUMBERING.sub("", unicodedata.normalize("NFKC", t).strip())
    t = re.split(r"[:：]", t, maxsplit=1)[0]  # "培训场次: 114次" names 培训场次
    return _NOISE.sub("", t).rstrip("。；;,，")


@lru_cache(maxsize=None)
def _table(path: str | None = None) -> tuple[dict[str, str], dict[str, tuple[str, ...]], tuple["re.Pattern", ...]]:
    """(normalised synonym -> key, key -> allowed units, qualifier patterns)."""
    data = tomllib.loads(Path(path or DATA).read_text(encoding="utf-8"))
    syn: dict[str, str] = {}
    units: dict[str, tuple[str, ...]] = {}
    for entry in data.get("key", []):
        key = entry["key"]
        for s in [key, *entry.get("synonyms", [])]:
            n = normalize_name(s)
            if n in syn and syn[n] != key:
                raise ValueError(f"canonical.toml: {s!r} is listed under both {syn[n]!r} and {key!r}")
            syn[n] = key
        if entry.get("units"):
            units[key] = tuple(unicodedata.normalize("NFKC", u) for u in entry["units"])
    quals = tuple(re.compile(f"^(?:{q})") for q in data.get("qualifiers", []))
    return syn, units, quals


def _strip_place(t: str) -> str:
    from .places import mentions  # noqa: PLC0415 - the division data loads only when needed

    pos = 0
    for name, i in mentions(t):
        if i != pos:
            break
        pos = i + len(name)
    return t[pos:]


def _candidates(t: str, quals) -> list[str]:
    """The name, then the name without bracketed notes, place and one qualifier."""
    out = [t]
    nob = _BRACKETED.sub("", t)
    if nob != t:
        out.append(nob)
    for base in list(out):
        rest = _strip_place(base) if re.search(r"[省市区县州旗]", base) else base
        if rest != base:
            out.append(rest)
        for q in quals:
            m = q.match(rest)
            if m and m.end() < len(rest):
                out.append(rest[m.end():])
    return [c for c in dict.fromkeys(out) if c]


def canonical_key(name: str | None, unit: str | None = None, path: str | None = None) -> str | None:
    """The cross-city key of an indicator name, or None when the vocabulary does not know it.

    ``unit`` (as written: %, 秒, 次 ...) rules a key out when the indicator is measured in a unit
    the key does not allow (a 满意度 counted in 次 is something else)."""
    t = normalize_name(name)
    if not t:
        return None
    syn, units, quals = _table(str(path) if path else None)
    for cand in _candidates(t, quals):
        key = syn.get(cand)
        if key is None:
            continue
        if unit and key in units:
            u = unicodedata.normalize("NFKC", unit).strip()
            if u and u not in units[key]:
                return None
        return key
    return None


def known_keys(path: str | None = None) -> list[str]:
    """Every key of the vocabulary, in file order."""
    syn, _, _ = _table(str(path) if path else None)
    return list(dict.fromkeys(syn.values()))

"""Province, city and county of a report, from jionlp's administrative-division data.

Reports name their place inside the names they print (乐昌市行政服务中心, 池州市贵池区棠溪镇人民
政府), rarely in a field of its own, and often only in part (秀屿区民政局 without 莆田市). The
division data fills in the parents; a name that holds no place (市行政服务中心) leaves the place
to the rest of the document. Only full names with their suffix are matched (江门市, not 江门),
and only at a word start, so '中心城区' does not become the district 城区.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
from pathlib import Path
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex as re

# "province-administered" pseudo-levels in the division data: not a city of their own
_PSEUDO = re.compile(r"直辖|行政区划")
_HAN = re.compile(r"\p{Han}")
_LEVEL_END = "省市州盟区县旗"  # a name ending so can precede another division name directly
_BEFORE_NAME = "于对在和与及的为"  # words that end right before a place name: 关于秀屿区…, 对贵池区…


@dataclass
class Place:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    evidence: str | None = None  # the text the place was read from
    page: int | None = None

    @property
    def found(self) -> bool:
        return bool(self.province or self.city or self.county)


@dataclass(frozen=True)
class _Entry:
    province: str
    city: str | None
    county: str | None


def _division_tree() -> dict:
    """jionlp's province -> city -> county tree.

    jionlp's own loader first imports the whole NLP package and reads every town and village
    (seconds per worker process); the dictionary file it reads is parsed here directly, three
    levels only, falling back to the loader if the file is not where this jionlp keeps it."""
    spec = importlib.util.find_spec("jionlp")
    path = Path(spec.origin).parent / "dictionary" / "china_location.txt" if spec and spec.origin else None
    if path is None or not path.exists():
        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            import jionlp  # noqa: PLC0415

            return jionlp.china_location_loader(detail=False)
    tree: dict = {}
    prov = city = None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            depth = len(line) - len(line.lstrip("\t"))
            if depth > 2:
                continue  # towns and villages
            parts = line.strip().split("\t")
            if len(parts) != 3:
                continue
            if depth == 0:
                prov, city = parts[0], None
                tree[prov] = {}
            elif depth == 1 and prov:
                city = parts[0]
                tree[prov][city] = {}
            elif depth == 2 and prov and city:
                tree[prov][city][parts[0]] = {}
    return tree


@lru_cache(maxsize=1)
def _index() -> dict[str, list[_Entry]]:
    """Full division name -> every division of that name (鼓楼区 exists in several cities)."""
    data = _division_tree()
    idx: dict[str, list[_Entry]] = {}

    def add(name: str, e: _Entry) -> None:
        lst = idx.setdefault(name, [])
        if e not in lst:
            lst.append(e)

    for prov, pv in data.items():
        if prov.startswith("_"):
            continue
        add(prov, _Entry(prov, None, None))
        for city, cv in pv.items():
            if city.startswith("_") or not isinstance(cv, dict):
                continue
            real_city = None if _PSEUDO.search(city) else city
            if real_city and real_city != prov:
                add(real_city, _Entry(prov, real_city, None))
            elif real_city:  # a municipality: the province is also the city (上海市 / 上海市)
                idx[prov] = [_Entry(prov, prov, None)]
            for county, _ in cv.items():
                if county.startswith("_") or _PSEUDO.search(county):
                    continue
                add(county, _Entry(prov, real_city, county))
    return idx


@lru_cache(maxsize=1)
def _pattern() -> "re.Pattern":
    names = sorted(_index(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def mentions(text: str) -> list[tuple[str, int]]:
    """Division names stated in ``text`` at a word start: [(name, position)].

    A name counts at the text's start, after a non-Han character, or right after another
    division name (莆田市秀屿区); '中心城区' holds no district."""
    out = []
    for m in _pattern().finditer(text or ""):
        i, name = m.start(), m.group(0)
        nested = bool(out) and out[-1][1] + len(out[-1][0]) == i
        if len(name) == 2 and name.endswith("区") and not nested:
            continue  # 城区, 矿区, 东区 are districts only under their city's name, else plain words
        # a city or province name (…市, …省, …州, …盟) is a name wherever it stands; a district or
        # county (…区, …县) must start a word, so that 建设新城区 holds no 新城区
        if name[-1] in "市省州盟" or i == 0 or not _HAN.match(text[i - 1]) or text[i - 1] in _LEVEL_END + _BEFORE_NAME or nested:
            out.append((name, i))
    return out


def _chain(names: list[str]) -> _Entry | None:
    """The most specific division named by consecutive names, parents checked against each other."""
    best: _Entry | None = None
    for name in names:
        cands = _index().get(name, [])
        if best is not None:
            narrowed = [e for e in cands if e.province == best.province and (best.city is None or e.city == best.city)]
            if not narrowed:
                continue  # a second name elsewhere in the string that does not nest: ignore it
            cands = narrowed
        if len(cands) == 1:
            best = cands[0]
        elif cands and best is None:
            best = _Entry("", None, cands[0].county) if all(c.county for c in cands) else None
            if best is not None and best.county is None:
                best = None
    return best


def locate(text: str | None) -> Place:
    """The place a name or title states: '秀屿区民政局' -> 福建省 / 莆田市 / 秀屿区."""
    t = re.sub(r"\s+", "", text or "")
    found = mentions(t)
    if not found:
        return Place()
    # the first run of adjacent names is the name's own place (a title may mention others later)
    run = [found[0][0]]
    for (prev, pi), (name, i) in zip(found, found[1:]):
        if pi + len(prev) != i:
            break
        run.append(name)
    e = _chain(run)
    if e is None:
        return Place()
    return Place(e.province or None, e.city, e.county, evidence=text)


def disambiguate(place: Place, context: str) -> Place:
    """Parents for a county whose name exists in several cities, from the cities the text names."""
    if not place.county or place.city:
        return place
    cands = _index().get(place.county, [])
    named = Counter(n for n, _ in mentions(context))
    fit = [e for e in cands if e.county == place.county and (named.get(e.city or "", 0) or named.get(e.province, 0))]
    if len({(e.province, e.city) for e in fit}) == 1:
        e = fit[0]
        return Place(e.province, e.city, e.county, place.evidence, place.page)
    return place


def dominant(text: str) -> Place:
    """The city a text names most often (its counties' mentions counting for it): the fallback
    when no name carries a place. A county is named only when the text speaks of it more often
    than of its city (a county-level report), so a city's report that lists its districts keeps
    county None."""
    counts = Counter(n for n, _ in mentions(text))
    votes: Counter = Counter()
    for name, n in counts.items():
        cands = _index().get(name, [])
        if len({(e.province, e.city, e.county) for e in cands}) != 1 or cands[0].city is None:
            continue  # ambiguous, a province alone, or a county outside any city
        votes[(cands[0].province, cands[0].city)] += n
    if not votes:
        return Place()
    (prov, city), _ = votes.most_common(1)[0]
    counties = [(n, name) for name, n in counts.items() if any(
        e.city == city and e.county == name for e in _index().get(name, [])) and len(_index()[name]) == 1]
    top = max(counties, default=None)
    if top and top[0] > counts.get(city, 0):
        return Place(prov, city, top[1], evidence=top[1])
    return Place(prov, city, None, evidence=city)


def resolve(names: list[tuple[str | None, int | None]], context: str = "") -> Place:
    """The report's place: the first of ``names`` (unit, department, title, ...) that holds one,
    completed from the division data and, for an ambiguous county, from ``context``; failing
    every name, the place ``context`` names most often."""
    for text, page in names:
        p = locate(text)
        if p.found:
            p.page = page
            return disambiguate(p, context)
    p = dominant(context)
    return p

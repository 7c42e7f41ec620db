"""Indicators, section scores and the total score from an indicator or scoring block.

Rows inherit 一级/二级指标 from the rows above (a merged cell is "" below its first row, and PDF
tables carry no merges at all). 小计 rows become score sections, 合计/总分 rows the report's
total score; a 一级指标 label's "（50分）" is the section's points available. A cell holding a
numbered list becomes one indicator per item under its row's 二级指标 (see ``items``).
"""
from __future__ import annotations

import regex as re

from jixiao.schemas import Indicator, ScoreSection

from ..facts import Facts
from ..numbers import OPS, clean, comparable_units, find_op, parse_quantity
from .budgets import points, rate, subtotal_group
from .grid import Block
from .items import name_value, split_numbered
from .settings import TablesSettings
from .vocab import Vocab, drop_numbering, strip_notes

_points_suffix = re.compile(r"\s*[（(]\s*(?P<p>[-−]?\d+(?:\.\d+)?)\s*分?\s*(?:[）)]|$)\s*$")
_fragment = re.compile(r"^[\d.\s]*分?\s*[）)]$")
_cap = re.compile(r"(?:上限|不超过|满分|共)\s*(?P<p>\d+(?:\.\d+)?)\s*分")
_rule = re.compile(r"得\s*\d+(?:\.\d+)?\s*分|扣\s*\d+(?:\.\d+)?\s*分|不得分")
_formula = re.compile(r"[=＝]")
_OPS = dict(OPS)
_heading = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])\s*")


def split_points(label: str) -> tuple[str, float | None]:
    """'产出指标（50分）' -> ('产出指标', 50.0); '过程（25' (cut by a page break) -> ('过程', 25.0)."""
    m = _points_suffix.search(label)
    if not m:
        return label.strip(), None
    try:
        return label[: m.start()].strip(), float(m.group("p").replace("−", "-"))
    except ValueError:
        return label[: m.start()].strip(), None


def _canonical(name: str, unit: str | None) -> str | None:
    try:
        from ..canonical import canonical_key  # noqa: PLC0415 - written by another stage, may be absent
    except ImportError:
        return None
    try:
        return canonical_key(name, unit)
    except Exception:  # a key we cannot make is a missing key, not a failed report
        return None


def make_indicator(name: str, level1, level2, target: str | None, actual: str | None, *, op_text: str = "",
                   unit_text: str = "", weight=None, score=None, formula=None, page=None, evidence=None) -> Indicator:
    tq = parse_quantity(target) if target else None
    aq = parse_quantity(actual) if actual else None
    op = (tq.op if tq else None) or (_OPS.get(clean(op_text)) if op_text else None)
    if op is None and op_text:
        op = find_op(op_text)
    unit = (tq.unit if tq else None) or (aq.unit if aq else None) or (unit_text or None)
    actual_value = aq.value if aq else None
    if tq and aq and not comparable_units(tq.unit, aq.unit):
        actual_value = None  # two units: the figures are not comparable as read
    return Indicator(name=name, level1=level1 or None, level2=level2 or None, canonical=_canonical(name, unit),
                     target_text=target or None, actual_text=actual or None, target_op=op,
                     target_value=tq.value if tq else None, actual_value=actual_value, unit=unit,
                     weight=weight, score=score, formula=formula or None, source="table", page=page,
                     evidence=evidence)


class SectionBook:
    """Score sections of a report, filled from several places (label, 小计 row, summary table)."""

    def __init__(self) -> None:
        self.rows: dict[str, ScoreSection] = {}

    @staticmethod
    def key(name: str) -> str:
        return clean(name).removesuffix("指标")

    def add(self, name: str, max_points=None, pts=None, rate=None, page=None, evidence=None) -> None:
        if not name or (max_points is None and pts is None and rate is None):
            return
        k = self.key(name)
        cur = self.rows.get(k)
        if cur is None:
            self.rows[k] = ScoreSection(section=name, max_points=max_points, points=pts, reported_rate_pct=rate,
                                        page=page, evidence=evidence, source="table")
            return
        for f, val in (("max_points", max_points), ("points", pts), ("reported_rate_pct", rate)):
            if getattr(cur, f) is None and val is not None:
                setattr(cur, f, val)
        if pts is not None and cur.evidence and evidence and cur.points == pts:
            cur.evidence, cur.page = evidence, page  # the row stating the points is the better citation


def _score_total(b: Block, r: int, vocab: Vocab, facts: Facts) -> bool:
    """A 合计/总分 row (its first cell says so): the report's total score, from the score column,
    else the figure right of the last total label ("… | 自评总分 | 94.66")."""
    v = b.view
    row = v.rows[r]
    words = vocab.row_list("score_total")
    lead = next((t for t in row if t), "")
    if not any(strip_notes(lead).startswith(w) for w in words):
        return False
    idx = [c for c, t in enumerate(row) if t and any(strip_notes(t).startswith(w) for w in words)]
    sc = b.col("score")
    val = points(v.cell(r, sc)) if sc is not None else None
    if val is None:
        for c in range(idx[-1] + 1, len(row)):
            if row[c] and (val := points(row[c])) is not None:
                break
    if val is not None:
        facts.hint("reported_score", val, v.pages[r], v.evidence(r), strength=3)
    return True


def read_indicator_block(b: Block, vocab: Vocab, s: TablesSettings, facts: Facts, book: SectionBook,
                         caption_section: str | None = None) -> None:
    """``caption_section``: the 一级指标 the table's caption names, for a table without that column."""
    v = b.view
    l1c = b.cols.get("level1", [])
    l2c = b.cols.get("level2", [])
    namec = b.col("name")
    if b.kind == "indicator" and namec is None and l2c:  # 一级 | 二级 | 分值 | 得分: the 二级 is the item
        namec, l2c = l2c[0], []
    if b.kind == "indicator" and not l1c and namec is not None:
        # hierarchy columns with no header of their own (a spanning "绩效指标" over 一级/二级)
        used = {c for cs in b.cols.values() for c in cs}
        free = sorted(c for c in range(namec) if c not in used
                      and any(v.cell(r, c) and not clean(v.cell(r, c)).replace(".", "").isdigit() for r in b.body))
        if free and not l2c:
            l1c, l2c = free[:1], free[1:2]
    cur1 = cur2 = ""
    if not l1c and caption_section:
        cur1 = caption_section  # "表3-1 决策类指标评分表": every row is under 决策
    closed = False
    for r in b.body:
        row = v.rows[r]
        if not any(row):
            continue
        lead = next((t for t in row if t), "")
        if len({t for t in row if t}) == 1 and (split_points(lead)[1] is not None or _heading.match(lead)):
            # a full-width group row ("一、决策（20分）") opens a 一级指标 for the rows below
            cur1, cur2 = _heading.sub("", lead).strip(), ""
            section, cap = split_points(cur1)
            if cap is not None:
                book.add(section, max_points=cap, page=v.pages[r], evidence=lead)
            continue
        if closed:
            break
        if _score_total(b, r, vocab, facts):
            closed = True  # the total closes the scoring block; what follows is commentary
            continue
        l1 = next((v.cell(r, c) for c in l1c if v.cell(r, c)), "")
        if l1 and subtotal_group(vocab, l1) is not None:
            l1 = ""  # "小计" in the 一级指标 column closes the section above; it names none
        if l1 and not _fragment.match(clean(l1)):
            if l1 != cur1:
                cur2 = ""
            cur1 = l1
        l2 = next((v.cell(r, c) for c in l2c if v.cell(r, c)), "")
        if l2:
            cur2 = l2
        section, cap = split_points(cur1)
        if cap is not None and b.kind == "indicator":
            book.add(section, max_points=cap, page=v.pages[r], evidence=cur1)
        if l1 and not l2 and namec is not None and not v.cell(r, namec) and _section_figures(b, r, section, book):
            continue  # "决策 | | | 15 | 82.00% | 12.30": the 一级指标's own row carries its totals
        group = subtotal_group(vocab, lead)
        if group is not None:
            name = split_points(group)[0] or _closed_group(row, l2c, cur2) or section
            if name in vocab.row_list("overall_sections"):
                continue
            wc, sc = b.col("weight"), b.col("score")
            mx = points(v.cell(r, wc)) if wc is not None else None
            if mx is None and (m := _cap.search(clean(lead))):
                mx = float(m.group("p"))
            if mx is None and clean(split_points(name)[0]) == clean(section):
                mx = cap
            pts = points(v.cell(r, sc)) if sc is not None else None
            if pts is None:
                pts = next((p for t in reversed(row) if t and t != lead and (p := _trailing_points(t)) is not None),
                           None)
            rc = b.col("score_rate")
            book.add(name, max_points=mx, pts=pts, rate=rate(v.cell(r, rc), "%") if rc is not None else None,
                     page=v.pages[r], evidence=v.evidence(r))
            continue
        if b.kind == "sections":
            _section_row(b, r, section or lead, vocab, book)
            continue
        _indicator_row(b, r, namec, section, cur2, vocab, s, facts)


def _section_figures(b: Block, r: int, section: str, book: SectionBook) -> bool:
    """A 一级指标 row without an item carries the section's 分值 / 得分 / 得分率; False if it has none."""
    v = b.view
    wc, sc, rc = b.col("weight"), b.col("score"), b.col("score_rate")
    mx = points(v.cell(r, wc)) if wc is not None else None
    pts = points(v.cell(r, sc)) if sc is not None else None
    if mx is None and pts is None:
        return False
    book.add(section, max_points=mx, pts=pts, rate=rate(v.cell(r, rc), "%") if rc is not None else None,
             page=v.pages[r], evidence=v.evidence(r))
    return True


def _closed_group(row: list[str], l2c: list[int], cur2: str) -> str | None:
    """The 二级指标 a bare "小计" closes when it stands right of the 二级指标 column (under a merged
    数量指标 cell); in the 一级指标 column it closes the 一级指标 instead."""
    at = next((c for c, t in enumerate(row) if t), None)
    if cur2 and l2c and at is not None and at > max(l2c):
        return split_points(cur2)[0] or None
    return None


def _trailing_points(text: str) -> float | None:
    """'20.00', or the figure a cell ends with when a neighbouring label bled in ('自评分 20.00')."""
    p = points(text)
    if p is None and (m := re.search(r"(?<![\d.])(\d+(?:\.\d+)?)$", clean(text))):
        p = float(m.group(1))
    return p


def _section_row(b: Block, r: int, label: str, vocab: Vocab, book: SectionBook) -> None:
    v = b.view
    name = split_points(label)[0]
    if not name or vocab.roles_of(name):
        return
    wc, sc, rc = b.col("weight"), b.col("score"), b.col("score_rate")
    book.add(name, max_points=points(v.cell(r, wc)) if wc is not None else None,
             pts=points(v.cell(r, sc)) if sc is not None else None,
             rate=rate(v.cell(r, rc), "%") if rc is not None else None, page=v.pages[r], evidence=v.evidence(r))


def _indicator_row(b: Block, r: int, namec, section: str, level2: str, vocab: Vocab, s: TablesSettings,
                   facts: Facts) -> None:
    v = b.view
    raw = v.cell(r, namec)
    if not raw or vocab.is_empty_value(raw) or vocab.roles_of(raw) and clean(raw) == clean(v.cell(b.header, namec)):
        return
    cells = {role: v.cell(r, b.col(role)) for role in ("target", "actual", "op", "unit", "weight", "score",
                                                       "formula")}
    cells = {k: ("" if vocab.is_empty_value(t) else t) for k, t in cells.items()}
    formula = cells["formula"] or None
    target = cells["target"]
    if target and not parse_quantity(target) and _rule.search(target):
        formula = "；".join(filter(None, [formula, target]))  # a scoring rule in the 指标值 column
        target = ""
    common = dict(weight=points(cells["weight"]), score=points(cells["score"]), page=v.pages[r],
                  evidence=v.evidence(r))
    items = split_numbered(raw)
    pairs = [name_value(i, s.max_item_name_len) for i in items] if items else []
    if items and not all(val and parse_quantity(val) for _, val in pairs) and (
            loose := split_numbered(raw, loose=True)):
        loose_pairs = [name_value(i, s.max_item_name_len) for i in loose]
        if all(val and parse_quantity(val) for _, val in loose_pairs):
            items, pairs = loose, loose_pairs
    if items and not all(val and not _rule.search(i) and "否则" not in i for i, (_, val) in zip(items, pairs)):
        items, pairs = None, []  # a numbered list of conditions or duties, not of indicators
    name = raw
    if not items and level2 and (_formula.search(raw) or _rule.search(raw) or "否则" in raw
                                 or len(clean(raw)) > s.max_item_name_len):
        formula = "；".join(filter(None, [raw, formula]))  # the content cell says how it is computed
        head = re.split(r"[=＝]", raw, 1)[0].strip() if _formula.search(raw) else ""
        name = head if 0 < len(clean(head)) <= s.max_item_name_len else level2
    elif items:
        name = level2 or section or raw
    if not items and not any(cells[k] for k in ("target", "actual", "weight", "score")):
        return  # a label with nothing stated against it (成本指标 | 无, a heading row)
    name = drop_numbering(name) or name
    if len(clean(name)) > s.max_name_len:
        facts.problems.append(f"table p{v.pages[r]}: indicator name too long to be a name, row skipped")
        return
    facts.indicators.append(make_indicator(name, section, level2, target or None, cells["actual"] or None,
                                           op_text=cells["op"], unit_text=cells["unit"], formula=formula, **common))
    for item, (iname, ival) in zip(items or [], pairs):
        iname = drop_numbering(iname)
        if not iname or len(clean(iname)) > s.max_item_name_len:
            continue
        facts.indicators.append(make_indicator(iname, section, level2, None, ival, page=v.pages[r], evidence=item))

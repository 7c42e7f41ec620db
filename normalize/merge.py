"""One set of rows per report: table values first, prose fills what the tables lack.

Tables and sentences often state the same figure; a form's cell is the stronger statement, so a
prose row that names a budget line, an indicator or a section already read from a table only
fills that row's empty fields and is otherwise dropped. Two exceptions keep the merge honest:
- a prose row that contradicts its table row stays as its own row (source="prose"): the
  disagreement is the report's, and the checks may want both; a sentence contradicting a
  budget or score row's cell is noted in ``ReportResult.restated`` for the checks;
- a table total that disagrees with the sum of its own rows (recorded by the table reader as the
  hint ``budget_total_disputed``) yields to a prose statement of that figure which agrees with
  the sum, since the table then contradicts itself and the text does not.
"""
from __future__ import annotations

import unicodedata

import regex as re

from jixiao.schemas import BudgetLine, Indicator, Report, ReportResult, ScoreSection
from jixiao.schemas.models import Restated

_numbering = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+[、是]|[①-⑳])\s*")
_punct = re.compile(r"[\s\p{P}\p{S}]+")

BUDGET_FIELDS = ("initial_yuan", "adjusted_yuan", "final_yuan", "spent_yuan", "reported_rate_pct")
IND_FIELDS = ("level1", "level2", "canonical", "target_text", "actual_text", "target_op", "target_value",
              "actual_value", "unit", "weight", "score", "formula")
SCORE_FIELDS = ("max_points", "points", "reported_rate_pct")
TOL = {"reported_rate_pct": 0.005, "weight": 0.005, "score": 0.005, "max_points": 0.005, "points": 0.005,
       "target_value": 1e-9, "actual_value": 1e-9}


def key(text: str | None) -> str:
    """Names compared as a reader would: width folded, no numbering, spaces or punctuation."""
    t = unicodedata.normalize("NFKC", text or "").strip()
    return _punct.sub("", _numbering.sub("", t))


def _same(f: str, a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        try:
            return abs(float(a) - float(b)) <= TOL.get(f, 0.5)
        except (TypeError, ValueError):
            return False
    if isinstance(a, str) and isinstance(b, str):
        return key(a) == key(b)
    return a == b


def _fill(base, extra, fields, restated: list | None = None, what: str = "") -> tuple[bool, bool]:
    """Copy extra's fields into base's empty ones. Returns (added something, contradicted); a
    table row contradicted by a sentence is noted in ``restated``."""
    added = conflict = False
    for f in fields:
        mine, theirs = getattr(base, f), getattr(extra, f)
        if theirs is None:
            continue
        if mine is None:
            setattr(base, f, theirs)
            added = True
        elif f not in ("target_text", "actual_text", "formula", "canonical", "level1", "level2") and not _same(f, mine, theirs):
            conflict = True
            # a sentence's "预算安排 9,860 万元" may be the form's 年初 figure, not its 全年 one: a
            # figure the table states in another column is a wording, not a contradiction
            elsewhere = any(g != f and _same(g, getattr(base, g, None), theirs) for g in fields
                            if isinstance(getattr(base, g, None), float))
            if restated is not None and _is_table(base) and not _is_table(extra) and not elsewhere:
                restated.append(Restated(what=f"{what} {f}", kept=mine, kept_page=base.page,
                                         kept_evidence=base.evidence, other=theirs, other_source=extra.source,
                                         other_page=extra.page, other_evidence=extra.evidence))
    return added, conflict


def _is_table(row) -> bool:
    return row.source in (None, "table")


def merge_budgets(rows: list[BudgetLine], disputed: list[dict], restated: list | None = None) -> list[BudgetLine]:
    out: dict[str, BudgetLine] = {}
    for row in [r for r in rows if _is_table(r)] + [r for r in rows if not _is_table(r)]:
        k = "total" if row.line == "total" else key(row.line)
        base = out.get(k)
        if base is None:
            out[k] = row.model_copy()
            continue
        if not _is_table(base) or _is_table(row):
            _fill(base, row, BUDGET_FIELDS)
            continue
        replaced = False
        if k == "total":
            for d in disputed:
                f, theirs = d.get("field"), getattr(row, d.get("field", ""), None)
                if theirs is not None and abs(theirs - d["sum"]) <= 1.0 and getattr(base, f) == d["stated"]:
                    setattr(base, f, theirs)
                    replaced = True
            if replaced and row.reported_rate_pct is not None:
                base.reported_rate_pct = row.reported_rate_pct  # the stated rate follows the total it was computed from
            if replaced:
                base.evidence = "; ".join(filter(None, [base.evidence, row.evidence]))
        _fill(base, row, BUDGET_FIELDS, restated, f"budget {base.line}")
    return list(out.values())


def merge_indicators(rows: list[Indicator]) -> list[Indicator]:
    table = [r.model_copy() for r in rows if _is_table(r)]
    by_name: dict[str, list[Indicator]] = {}
    for r in table:
        by_name.setdefault(key(r.name), []).append(r)
    extra: list[Indicator] = []
    for p in (r for r in rows if not _is_table(r)):
        same = by_name.get(key(p.name), [])
        if len(same) == 1:
            base = same[0]
            if p.unit and base.unit and key(p.unit) != key(base.unit):
                extra.append(p.model_copy())
                continue
            probe = base.model_copy()
            _, conflict = _fill(probe, p, IND_FIELDS)
            if not conflict:
                _fill(base, p, IND_FIELDS)
                continue
        elif any(not _fill(r.model_copy(), p, IND_FIELDS)[0] and not _fill(r.model_copy(), p, IND_FIELDS)[1]
                 for r in same):
            continue  # says nothing a table row does not already say
        dup = next((e for e in extra if key(e.name) == key(p.name) and not any(_fill(e.model_copy(), p, IND_FIELDS))), None)
        if dup is None:
            extra.append(p.model_copy())
    merged = table + extra
    big = 10 ** 6
    merged.sort(key=lambda r: (r.page if r.page is not None else big))
    for i, r in enumerate(merged, 1):
        r.seq = i
    return merged


def merge_scores(rows: list[ScoreSection], restated: list | None = None) -> list[ScoreSection]:
    out: dict[str, ScoreSection] = {}
    for s in [r for r in rows if _is_table(r)] + [r for r in rows if not _is_table(r)]:
        k = key(s.section).removesuffix("指标")
        if k in out:
            _fill(out[k], s, SCORE_FIELDS, restated, f"score section {out[k].section}")
        else:
            out[k] = s.model_copy()
    return list(out.values())


def merge(report: Report, seg, facts, settings=None) -> ReportResult:
    disputed = [h.value for h in facts.hints.get("budget_total_disputed", []) if isinstance(h.value, dict)]
    restated: list[Restated] = []
    budgets = merge_budgets(facts.budgets, disputed, restated)
    indicators = merge_indicators(facts.indicators)
    scores = merge_scores(facts.scores, restated)
    if facts.problems and report.status == "ok":
        report.status = "partial"
        report.error = "; ".join(dict.fromkeys(facts.problems))
    return ReportResult(report=report, budgets=budgets, indicators=indicators, scores=scores,
                        table_seqs=list(seg.table_seqs), restated=restated)

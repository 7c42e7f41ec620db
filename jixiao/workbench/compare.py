"""One canonical indicator across every report that states it: the cross-city comparison.

Reports from different cities name the same indicator differently (预算执行率, 资金执行率,
预算资金支出率); normalize gives each a ``canonical`` key, and this module lines the reports up
on that key. Each row also says whether the report's own arithmetic checks out, because an
analyst comparing 97% in one city with 99% in another needs to know which figure the report
itself contradicts.
"""
from __future__ import annotations

import difflib
import sqlite3
from dataclasses import dataclass, field

from .connect import has_table
from .settings import WorkbenchSettings

KINDS = ("project_self", "department_self", "third_party")

COLUMNS = ["province", "city", "county", "fiscal_year", "kind", "unit", "project", "name", "target_text",
           "target_op", "target_value", "actual_text", "actual_value", "value_unit", "weight", "score",
           "checks", "n_mismatch", "n_in_report", "page", "evidence", "report_id", "path"]

# place and year first so a table reads city by city; NULL county (the city itself) first
_ORDER = ("coalesce(r.province, '~'), coalesce(r.city, '~'), r.county is not null, coalesce(r.county, ''), "
          "coalesce(r.fiscal_year, 9999), coalesce(r.unit, ''), coalesce(r.project, ''), r.id")

_CHECKS_SQL = """
    select report_id,
           sum(status = 'mismatch') as n_mismatch,
           sum(status in ('ok', 'rounding', 'mismatch')) as n_verified
    from checks group by report_id"""


@dataclass
class CompareResult:
    indicator: str
    rows: list[dict] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)  # close canonical keys when nothing matched
    message: str | None = None  # why there are no rows, for the user

    @property
    def columns(self) -> list[str]:
        return COLUMNS


def checks_label(n_mismatch: int | None, n_verified: int | None) -> str | None:
    """ok / mismatch / None: None when nothing of the report could be recomputed, so that
    "no check" is never shown as a pass."""
    if not n_verified:
        return None
    return "mismatch" if n_mismatch else "ok"


def _filters(year: int | None, kind: str | None) -> tuple[str, list]:
    where, params = [], []
    if year is not None:
        where.append("r.fiscal_year = ?")
        params.append(year)
    if kind is not None:
        where.append("r.kind = ?")
        params.append(kind)
    return "".join(f" and {w}" for w in where), params


def compare(conn: sqlite3.Connection, indicator: str, year: int | None = None, kind: str | None = None,
            settings: WorkbenchSettings | None = None) -> CompareResult:
    """Rows of ``indicator`` (a canonical key, matched case-insensitively), one per report.

    A report that states the indicator more than once (several sub-projects, a table and its
    prose) contributes its first statement; ``n_in_report`` says how many it holds, so nothing
    is hidden silently."""
    settings = settings or WorkbenchSettings()
    key = indicator.strip()
    out = CompareResult(indicator=key)
    if kind is not None and kind not in KINDS:
        out.message = f"unknown kind {kind!r}; one of: {', '.join(KINDS)}"
        return out
    if not has_table(conn, "indicators"):
        out.message = "this database has no indicators table (was it written by `jixiao ingest`?)"
        return out
    extra, params = _filters(year, kind)
    has_checks = has_table(conn, "checks")
    checks_join = f"left join ({_CHECKS_SQL}) c on c.report_id = r.id" if has_checks else ""
    checks_cols = "c.n_mismatch, c.n_verified" if has_checks else "null as n_mismatch, null as n_verified"
    sql = f"""
        with hits as (
            select i.*, row_number() over (partition by i.report_id order by i.seq) as nth,
                   count(*) over (partition by i.report_id) as n_in_report
            from indicators i where lower(i.canonical) = lower(?))
        select r.province, r.city, r.county, r.fiscal_year, r.kind, r.unit, r.project, h.name, h.target_text,
               h.target_op, h.target_value, h.actual_text, h.actual_value, h.unit as value_unit, h.weight,
               h.score, {checks_cols}, h.n_in_report, h.page, h.evidence, r.id as report_id, r.path
        from hits h join reports r on r.id = h.report_id
        {checks_join}
        where h.nth = 1 {extra}
        order by {_ORDER}"""
    for row in conn.execute(sql, [key, *params]):
        d = dict(row)
        n_verified = d.pop("n_verified")
        d["n_mismatch"] = (d["n_mismatch"] or 0) if n_verified else None
        d["checks"] = checks_label(d["n_mismatch"], n_verified)
        out.rows.append({c: d.get(c) for c in COLUMNS})
    if not out.rows:
        out.suggestions = suggest(conn, key, settings)
        scope = "".join([f" in {year}" if year is not None else "", f" of kind {kind}" if kind else ""])
        known = conn.execute("select 1 from indicators where canonical is not null limit 1").fetchone()
        if not known:
            out.message = "no indicator in this database has a canonical key yet"
        elif _exists(conn, key):
            out.message = f"no report{scope} states indicator {key!r}"
        else:
            out.message = f"no indicator with canonical key {key!r}"
    return out


def _exists(conn: sqlite3.Connection, key: str) -> bool:
    row = conn.execute("select 1 from indicators where lower(canonical) = lower(?) limit 1", [key]).fetchone()
    return row is not None


def suggest(conn: sqlite3.Connection, text: str, settings: WorkbenchSettings | None = None) -> list[str]:
    """Canonical keys the user may have meant: keys spelled alike (difflib), then keys of
    indicators whose name as written contains or resembles ``text`` (a user typing the
    Chinese name 预算执行率 finds the key, whatever language the keys are in)."""
    settings = settings or WorkbenchSettings()
    rows = conn.execute("select canonical, name, count(*) as n from indicators where canonical is not null "
                        "group by canonical, name").fetchall()
    weight: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    for canonical, name, n in rows:
        weight[canonical] = weight.get(canonical, 0) + n
        names.setdefault(canonical, []).append(name or "")
    folded = text.casefold()
    by_key = {k.casefold(): k for k in weight}
    found = [by_key[k] for k in difflib.get_close_matches(folded, list(by_key), n=settings.suggest_max,
                                                          cutoff=settings.suggest_cutoff)]
    found += sorted((k for k in weight if folded and folded in k.casefold()), key=lambda k: -weight[k])
    by_name = []
    for key, ns in names.items():
        best = max((difflib.SequenceMatcher(None, folded, n.casefold()).ratio() for n in ns), default=0.0)
        if any(folded and folded in n.casefold() for n in ns) or best >= settings.suggest_cutoff:
            by_name.append((-(best + (1 if any(folded in n.casefold() for n in ns) else 0)), -weight[key], key))
    found += [k for *_, k in sorted(by_name)]
    seen: list[str] = []
    for k in found:
        if k not in seen:
            seen.append(k)
    return seen[: settings.suggest_max]


def list_keys(conn: sqlite3.Connection, year: int | None = None, kind: str | None = None) -> list[tuple]:
    """Every canonical key with how many reports and places state it, most widespread first."""
    extra, params = _filters(year, kind)
    return conn.execute(f"""
        select i.canonical, count(distinct i.report_id) as reports,
               count(distinct coalesce(r.county, r.city, r.province)) as places,
               count(i.actual_value) as with_value, min(i.name) as example_name
        from indicators i join reports r on r.id = i.report_id
        where i.canonical is not null {extra}
        group by i.canonical order by places desc, reports desc, i.canonical""", params).fetchall()


BUDGET_COLUMNS = ["province", "city", "county", "fiscal_year", "kind", "unit", "project", "line", "initial_yuan",
                  "adjusted_yuan", "final_yuan", "spent_yuan", "reported_rate_pct", "recomputed_rate_pct", "page",
                  "evidence", "report_id", "path"]


def budget_execution(conn: sqlite3.Connection, year: int | None = None, kind: str | None = None,
                     line: str | None = "total") -> list[dict]:
    """Budget lines by place and year with the execution rate recomputed as spent / final.

    The recomputed rate sits beside the reported one rather than replacing it: where they
    differ the report contradicts itself, which is a finding, not a rounding to hide."""
    extra, params = _filters(year, kind)
    if line is not None:
        extra += " and b.line = ?"
        params.append(line)
    sql = f"""
        select r.province, r.city, r.county, r.fiscal_year, r.kind, r.unit, r.project, b.line, b.initial_yuan,
               b.adjusted_yuan, b.final_yuan, b.spent_yuan, b.reported_rate_pct,
               case when b.final_yuan > 0 and b.spent_yuan is not null
                    then round(100.0 * b.spent_yuan / b.final_yuan, 2) end as recomputed_rate_pct,
               b.page, b.evidence, r.id as report_id, r.path
        from budgets b join reports r on r.id = b.report_id
        where 1 = 1 {extra}
        order by {_ORDER}, b.rowid"""
    return [dict(r) for r in conn.execute(sql, params)]


_COPY_KEY = ("province", "city", "county", "fiscal_year", "kind", "unit", "project")


def merge_copies(rows: list[dict], value_keys: tuple[str, ...] = ("actual_value",)) -> list[dict]:
    """Fold rows of the same report published in several files (PDF and Word of one report)
    into one, listing the other paths under ``copies``.

    Rows are copies only when place, year, unit, project *and* the values agree: two files
    that disagree on a figure are both kept, since that disagreement is itself worth seeing."""
    out: list[dict] = []
    index: dict[tuple, dict] = {}
    for r in rows:
        key = tuple(r.get(k) for k in _COPY_KEY + value_keys)
        if key in index:
            index[key]["copies"].append(r.get("path"))
            continue
        first = {**r, "copies": []}
        index[key] = first
        out.append(first)
    return out

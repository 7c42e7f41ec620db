"""Budget lines from a money block: 年初预算数 / 调整数 / 全年预算数 / 全年执行数 / 执行率 per line.

The line is the row's most specific label (一级 group, then item); 合计/总计/年度资金总额 rows are
the whole project's line ("total"); 小计 rows are their group's line. A row carrying 分值/得分
(the national form scores the execution rate in the money block) also yields that indicator.
"""
from __future__ import annotations

import regex as re

from jixiao.schemas import BudgetLine, Indicator

from ..facts import Facts
from ..numbers import MONEY_UNITS, clean, parse_money, parse_percent, to_float
from .grid import MONEY_ROLES, Block, is_number_cell
from .settings import TablesSettings
from .units import unit_in
from .vocab import Vocab, drop_numbering, strip_notes

FIELD = {"initial": "initial_yuan", "adjusted": "adjusted_yuan", "final": "final_yuan", "spent": "spent_yuan"}
_year = re.compile(r"^(?:19|20)\d{2}年?度?$")


def points(text: str) -> float | None:
    """Points as forms write them: '10', '5.00', '10分', '40/3=13.33' (the figure after '=')."""
    t = clean(text)
    if "=" in t:
        t = t.rsplit("=", 1)[1]
    t = t.removesuffix("分")
    return to_float(t)


def rate(text: str, header: str = "") -> float | None:
    v = parse_percent(text)
    if v is None and "%" in clean(header):
        v = to_float(text)
    return v


def is_total_label(vocab: Vocab, text: str) -> bool:
    t = strip_notes(text)
    return bool(t) and any(t == w or t.startswith(w) and len(t) <= len(w) + 2 for w in vocab.row_list("total"))


def subtotal_group(vocab: Vocab, text: str) -> str | None:
    """'投入小计' -> '投入'; '小计' -> ''; None when the label is no subtotal."""
    t = strip_notes(text)
    for suf in vocab.row_list("subtotal_suffixes"):
        if t.endswith(suf) and suf != "合计":
            return t[: -len(suf)]
    for suf in vocab.row_list("subtotal_suffixes"):  # a label with text bled in after it (PDF)
        i = t.find(suf)
        if suf != "合计" and 0 <= i <= 12:
            return t[:i]
    return None


def block_unit(b: Block, default: str | None) -> dict[str, str | None]:
    """Money unit per money column: its own header first, then the block's header/label cells."""
    v = b.view
    around = [v.cell(b.header, c) for c in range(v.n_cols)] + [v.cell(b.header, c) for c in b.label_cols]
    block_u = next((u for t in around if t and (u := unit_in(t))), None)
    out = {}
    for role in MONEY_ROLES:
        c = b.col(role)
        if c is not None:
            out[role] = unit_in(b.header_text.get(c, "")) or block_u or default
    return out


def read_budget_block(b: Block, vocab: Vocab, s: TablesSettings, default_unit: str | None, facts: Facts,
                      hierarchy_label: str | None = None) -> list[tuple[BudgetLine, bool]]:
    """Budget rows of one block, each with whether it is a detail (leaf) row."""
    v = b.view
    units = block_unit(b, default_unit)
    line_cols = b.cols.get("line") or []
    first_val = b.first_value_col()
    if not line_cols:  # no 项目 column: the text columns left of the figures hold the line names
        line_cols = [c for c in range(first_val) if c not in b.label_cols
                     and c not in (b.cols.get("year") or []) + (b.cols.get("seq") or [])
                     and any(v.cell(r, c) and not _year.match(clean(v.cell(r, c))) and not is_number_cell(v.cell(r, c))
                             for r in b.body)]
    year_c = b.col("year")
    carry: dict[int, str] = {}
    out: list[tuple[BudgetLine, bool]] = []
    missing_unit = False
    for r in b.body:
        row = v.rows[r]
        labels = []
        for i, c in enumerate(line_cols):
            text = v.cell(r, c)
            if is_number_cell(text):
                text = ""
            if text:
                carry[c] = text
                for c2 in line_cols[i + 1:]:
                    carry.pop(c2, None)
            if i < len(line_cols) - 1:  # group columns carry down; the item column does not
                labels.append(carry.get(c, ""))
            else:
                labels.append(text)
        all_labels = [t for t in row[:first_val] if t]
        vals = {}
        for role in MONEY_ROLES:
            c = b.col(role)
            if c is None or vocab.is_empty_value(v.cell(r, c)):
                continue
            if units.get(role) is None:
                missing_unit = True
                continue
            y = parse_money(v.cell(r, c), units[role])
            if y is not None and abs(y) <= s.max_plausible_yuan:
                vals[FIELD[role]] = y
        rc = b.col("rate")
        pct = rate(v.cell(r, rc), b.header_text.get(rc, "")) if rc is not None else None
        if not vals and pct is None:
            continue
        total = any(is_total_label(vocab, t) for t in all_labels)
        sub = next((g for t in labels if t and (g := subtotal_group(vocab, t)) is not None), None)
        if total:
            line = "total"
        elif sub is not None:
            line = sub or next((t for t in labels[:-1] if t), "")
        else:
            line = next((t for t in reversed(labels) if t), "")
            if not line and year_c is not None and _year.match(clean(v.cell(r, year_c))):
                line = "total"
        line = _strip_prefix(vocab, line)
        if not line or vocab.roles_of(line):
            continue
        bl = BudgetLine(line=line, reported_rate_pct=pct, page=v.pages[r], evidence=v.evidence(r), source="table",
                        **vals)
        out.append((bl, line != "total" and sub is None))
        wc, sc = b.col("weight"), b.col("score")
        if (wc is not None or sc is not None) and rc is not None and (points(v.cell(r, wc)) is not None or
                                                                      points(v.cell(r, sc)) is not None):
            facts.indicators.append(Indicator(
                level1=hierarchy_label, name=strip_notes(v.cell(b.header, rc)) or "执行率",
                actual_text=v.cell(r, rc) or None, actual_value=pct, unit="%" if pct is not None else None,
                weight=points(v.cell(r, wc)) if wc is not None else None,
                score=points(v.cell(r, sc)) if sc is not None else None,
                source="table", page=v.pages[r], evidence=v.evidence(r)))
    if missing_unit:
        facts.problems.append(f"table p{v.pages[b.header]}: money unit not stated; figures not read")
    return out


def _strip_prefix(vocab: Vocab, line: str) -> str:
    line = drop_numbering(line.strip().rstrip("：:"))
    if line == "total":
        return line
    for p in vocab.rows.get("line_prefixes", []):
        if line.startswith(p):
            return line[len(p):].strip()
    return line


def check_total(lines: list[tuple[BudgetLine, bool]], s: TablesSettings, facts: Facts) -> None:
    """Record where a block's total disagrees with the sum of its detail rows: the merge then
    prefers another statement of that figure (e.g. the report text) when it agrees with the sum."""
    totals = [bl for bl, _ in lines if bl.line == "total"]
    details = [bl for bl, leaf in lines if leaf]
    if len(totals) != 1 or len(details) < 2:
        return
    tot = totals[0]
    for f in FIELD.values():
        stated = getattr(tot, f)
        parts = [getattr(d, f) for d in details if getattr(d, f) is not None]
        if stated is None or not parts:
            continue
        summed = round(sum(parts), 2)
        if abs(summed - stated) > s.sum_tolerance_yuan:
            facts.hint("budget_total_disputed", {"field": f, "stated": stated, "sum": summed},
                       tot.page, tot.evidence)


__all__ = ["read_budget_block", "check_total", "points", "rate", "is_total_label", "subtotal_group", "MONEY_UNITS"]

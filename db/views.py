"""Convenience views over the public tables, for analysts writing SQL by hand.

Views cost nothing to keep current (they are queries), so they are (re)created on every open."""
from __future__ import annotations

import sqlite_utils

VIEWS = {
    # one indicator per row with its report's place and year: the cross-city comparison
    "indicator_by_place": """
        select r.province, r.city, r.county, r.fiscal_year, r.kind, r.unit, r.project,
               i.canonical, i.name, i.target_text, i.target_op, i.target_value, i.actual_text,
               i.actual_value, i.unit as value_unit, i.weight, i.score, i.page, i.evidence,
               i.report_id, r.path
        from indicators i join reports r on r.id = i.report_id""",
    # budget execution by place and year
    "budget_execution": """
        select r.province, r.city, r.county, r.fiscal_year, r.kind, r.unit, r.project, b.line,
               b.initial_yuan, b.adjusted_yuan, b.final_yuan, b.spent_yuan, b.reported_rate_pct,
               case when b.final_yuan > 0 and b.spent_yuan is not null
                    then round(100.0 * b.spent_yuan / b.final_yuan, 2) end as recomputed_rate_pct,
               b.page, b.report_id, r.path
        from budgets b join reports r on r.id = b.report_id""",
    # every disagreement with its report
    "findings": """
        select r.province, r.city, r.fiscal_year, r.unit, r.project, c.rule, c.subject, c.reported,
               c.recomputed, c.reported_text, c.recomputed_text, c.status, c.detail, c.page, c.evidence,
               c.report_id, r.path
        from checks c join reports r on r.id = c.report_id
        where c.status in ('mismatch', 'rounding')""",
}


def create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.execute(f"drop view if exists [{name}]")
        db.create_view(name, sql)

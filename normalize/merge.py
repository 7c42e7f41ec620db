"""One set of rows per report.  (v0 stub: concatenation, numbered in order)"""
from __future__ import annotations

from jixiao.schemas import Report, ReportResult


def merge(report: Report, seg, facts, settings=None) -> ReportResult:
    for i, ind in enumerate(facts.indicators, 1):
        ind.seq = i
    if facts.problems and report.status == "ok":
        report.status = "partial"
        report.error = "; ".join(dict.fromkeys(facts.problems))
    return ReportResult(report=report, budgets=facts.budgets, indicators=facts.indicators, scores=facts.scores,
                        table_seqs=list(seg.table_seqs))

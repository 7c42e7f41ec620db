"""The report card.  (v0 stub: kind and fields from hints only)"""
from __future__ import annotations

from jixiao.schemas import Report


def read_card(seg, doc, facts, settings=None) -> Report:
    rep = Report(page_start=seg.page_start, page_end=seg.page_end)
    for name in ("reported_score", "reported_grade", "fiscal_year"):
        cands = facts.hints.get(name)
        if cands:
            best = max(cands, key=lambda h: h.strength)
            setattr(rep, name, best.value)
    return rep

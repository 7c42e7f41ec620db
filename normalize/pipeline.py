"""Run the normalize stages over one document, report by report."""
from __future__ import annotations

from jixiao.extract.document import Document
from jixiao.schemas import ReportResult

from . import card, merge, prose, segment, tables
from .facts import Facts


def normalize_document(doc: Document, settings=None) -> list[ReportResult]:
    results = []
    for seg in segment.split_reports(doc, settings):
        facts = Facts()
        facts.extend(tables.read_tables(seg, doc, settings))
        facts.extend(prose.read_prose(seg, doc, settings))
        report = card.read_card(seg, doc, facts, settings)
        results.append(merge.merge(report, seg, facts, settings))
    return results

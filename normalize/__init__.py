"""From a ``Document`` to the common schema: reports, budgets, indicators, scores.

The stages, each its own module:
  segment  - where each report of a file starts and ends (a file may hold several)
  card     - the report card: kind, title, place, department, unit, project, year, score, grade
  tables   - template-agnostic table reading: header rows mapped by meaning via vocabularies
  prose    - facts stated in sentences (jieba + spaCy Matcher patterns from data files)
  merge    - one set of rows per report: table values first, prose fills what tables lack
Numbers, units and dates are parsed in ``numbers``; canonical indicator keys come from
``canonical``. Vocabularies and patterns live in ``normalize/data/`` so users can extend them.
"""
from __future__ import annotations

from jixiao.extract.document import Document
from jixiao.schemas import ReportResult


def normalize(doc: Document, settings=None) -> list[ReportResult]:
    """Every report found in ``doc`` with what could be read from it.

    Never guesses: a value that cannot be read reliably stays None and the report is marked
    partial with the reason in ``error``."""
    from .pipeline import normalize_document  # noqa: PLC0415

    return normalize_document(doc, settings)

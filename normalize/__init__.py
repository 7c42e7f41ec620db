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


def warm_up() -> None:
    """Load segmenters, patterns and vocabularies now rather than on the first file.

    Worker processes call this before they report ready, so a file's time limit measures
    reading that file, not loading spaCy and jieba."""
    from jixiao.extract.document import Document as _Doc  # noqa: PLC0415
    from jixiao.extract.document import Paragraph  # noqa: PLC0415

    doc = _Doc(path="warm-up", format="docx", blocks=[Paragraph(text="项目自评得分为95分，预算执行率为100%。", page=1)])
    normalize_document_safe(doc)


def normalize_document_safe(doc: Document) -> None:
    try:
        normalize(doc)
    except Exception:  # noqa: BLE001 - warming up must never stop a worker; the real file will report
        pass

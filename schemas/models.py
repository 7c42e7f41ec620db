"""The common schema: what normalize/ produces, the spot-check rules read and db/ writes.

Field names follow the public database contract (CONTRACT.md) one to one, so a model dumps
straight into its table. Every value-bearing row carries ``page`` and ``evidence``: a figure
without its source text cannot be audited. Money is in yuan, rates are percent numbers.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["project_self", "department_self", "third_party"]
Status = Literal["ok", "partial", "failed"]
CheckStatus = Literal["ok", "rounding", "mismatch", "unverifiable"]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Report(_Row):
    """One report found in a file (a file may hold several)."""

    id: str = ""  # "<file id>:<n>", set by the pipeline
    file_id: str = ""
    path: str = ""
    format: str = ""
    status: Status = "ok"
    error: Optional[str] = None
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    kind: Optional[Kind] = None
    title: Optional[str] = None
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    department: Optional[str] = None
    unit: Optional[str] = None
    project: Optional[str] = None
    fiscal_year: Optional[int] = None
    report_date: Optional[str] = None
    evaluator: Optional[str] = None
    reported_score: Optional[float] = None
    reported_grade: Optional[str] = None
    # provenance of the card's fields: field name -> {"page": int, "evidence": str}
    provenance: dict[str, dict] = Field(default_factory=dict)


class BudgetLine(_Row):
    report_id: str = ""
    line: str = "total"
    initial_yuan: Optional[float] = None
    adjusted_yuan: Optional[float] = None
    final_yuan: Optional[float] = None
    spent_yuan: Optional[float] = None
    reported_rate_pct: Optional[float] = None
    page: Optional[int] = None
    evidence: Optional[str] = None
    source: Optional[str] = None  # table | prose


class Indicator(_Row):
    report_id: str = ""
    seq: int = 0
    level1: Optional[str] = None
    level2: Optional[str] = None
    name: str
    canonical: Optional[str] = None
    target_text: Optional[str] = None
    actual_text: Optional[str] = None
    target_op: Optional[Literal[">=", "<=", "=", ">", "<"]] = None
    target_value: Optional[float] = None
    actual_value: Optional[float] = None
    unit: Optional[str] = None
    weight: Optional[float] = None
    score: Optional[float] = None
    source: Optional[str] = None  # table | prose
    page: Optional[int] = None
    evidence: Optional[str] = None
    formula: Optional[str] = None  # 指标计算公式 / scoring rule text, when the report gives one


class ScoreSection(_Row):
    report_id: str = ""
    section: str
    max_points: Optional[float] = None
    points: Optional[float] = None
    reported_rate_pct: Optional[float] = None
    page: Optional[int] = None
    evidence: Optional[str] = None
    source: Optional[str] = None


class Check(_Row):
    report_id: str = ""
    rule: str
    subject: str
    reported: Optional[float] = None
    recomputed: Optional[float] = None
    reported_text: Optional[str] = None
    recomputed_text: Optional[str] = None
    status: CheckStatus
    detail: Optional[str] = None
    page: Optional[int] = None
    evidence: Optional[str] = None


class TableRow(_Row):
    """A table as extracted, kept whole for audit and for users who want the raw grid."""

    file_id: str = ""
    seq: int
    report_id: Optional[str] = None
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    n_rows: int
    n_cols: int
    cells: list[list[str]]
    merges: list[list[int]] = Field(default_factory=list)
    sheet: Optional[str] = None
    source: Optional[str] = None


class Paragraph(_Row):
    """Report prose for full-text search (one row per paragraph)."""

    file_id: str = ""
    report_id: Optional[str] = None
    seq: int
    page: Optional[int] = None
    text: str


class Restated(_Row):
    """A figure the report states twice with different values (a form's cell and a sentence).

    The merge keeps the table's value in the row; the other statement is kept here so that the
    spot checks can show the report contradicting itself, with both pages and texts."""

    what: str  # "score section 过程 points", "budget total spent_yuan", "indicator X actual_value"
    kept: float
    kept_page: Optional[int] = None
    kept_evidence: Optional[str] = None
    other: float
    other_source: Optional[str] = None
    other_page: Optional[int] = None
    other_evidence: Optional[str] = None


class ReportResult(_Row):
    """A report with everything read from it: what normalize/ returns per report."""

    report: Report
    budgets: list[BudgetLine] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    scores: list[ScoreSection] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    table_seqs: list[int] = Field(default_factory=list)  # which of the file's tables belong here
    restated: list[Restated] = Field(default_factory=list)  # figures stated twice, differently


class FileResult(_Row):
    """Everything one file yields: the unit of work of a worker process and of a DB transaction."""

    id: str  # sha256 of the bytes
    path: str
    format: str
    status: Status = "ok"
    error: Optional[str] = None
    pages: Optional[int] = None
    n_reports: int = 0
    seconds: Optional[float] = None
    reports: list[ReportResult] = Field(default_factory=list)
    tables: list[TableRow] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)

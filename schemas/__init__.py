"""Pydantic models of the common schema (see models.py) and their JSON Schema export."""
from .models import (BudgetLine, Check, FileResult, Indicator, Paragraph, Report, ReportResult,
                     ScoreSection, TableRow)

__all__ = ["BudgetLine", "Check", "FileResult", "Indicator", "Paragraph", "Report", "ReportResult",
           "ScoreSection", "TableRow"]

"""The analyst's workbench: compare an indicator across places, run read-only SQL, search
report prose, browse the database in Datasette, and chart it with Chinese labels.

Everything here only reads the database that ``jixiao ingest`` wrote (the public tables of
the contract), so it works on any database built by any version that keeps that contract."""
from .compare import CompareResult, budget_execution, compare
from .connect import DatabaseError, open_readonly
from .query import QueryError, run_query
from .search import SearchHit, search
from .settings import WorkbenchSettings

__all__ = ["CompareResult", "DatabaseError", "QueryError", "SearchHit", "WorkbenchSettings", "budget_execution",
           "compare", "open_readonly", "run_query", "search"]

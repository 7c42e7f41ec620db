"""Thresholds of the workbench, named in one place (and overridable) instead of buried."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class WorkbenchSettings:
    # compare: how close (difflib ratio, 0-1) a key must be to be offered as "did you mean"
    suggest_cutoff: float = 0.5
    suggest_max: int = 8
    # search: hits returned and characters of context shown either side of the match
    search_limit: int = 50
    context_chars: int = 40
    # query: rows printed in table format before the output says how many were left out
    table_max_rows: int = 500
    # serve
    default_port: int = 8001
    host: str = "127.0.0.1"  # loopback only: the database may hold unpublished drafts

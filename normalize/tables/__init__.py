"""Template-agnostic table reading.  (v0 stub)"""
from __future__ import annotations

from ..facts import Facts


def read_tables(seg, doc, settings=None) -> Facts:
    return Facts()

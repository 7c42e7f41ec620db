"""Facts stated in sentences.  (v0 stub)"""
from __future__ import annotations

from ..facts import Facts


def read_prose(seg, doc, settings=None) -> Facts:
    return Facts()

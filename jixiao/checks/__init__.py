"""Spot-check rules: recompute a report's figures from its own other figures.  (v0 stub)"""
from __future__ import annotations


def run_checks(result, seg=None, doc=None, settings=None) -> list:
    return []

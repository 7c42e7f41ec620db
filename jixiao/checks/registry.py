"""One registry of rules: each rule is a small function of the check context yielding Checks.

Rules register themselves with ``@rule``; ``run_checks`` runs them all and keeps going when one
fails, so one rule's bug on an odd template never hides the others' findings."""
from __future__ import annotations

from typing import Callable, Iterable

from jixiao.schemas import Check

RULES: dict[str, Callable] = {}


def rule(name: str):
    """Register ``fn(ctx) -> Iterable[Check]`` under ``name`` (a group of related checks)."""

    def deco(fn: Callable[..., Iterable[Check]]):
        RULES[name] = fn
        return fn

    return deco

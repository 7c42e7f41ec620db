"""Reported against recomputed: ok, rounding, mismatch.

A report writes a figure at some precision (94.28 %, 88.42 万元). The recomputed figure is kept
exact; the report's figure is called a rounding when the exact one, rounded half-up or truncated
to the reported precision, gives back the reported figure. Saying which of the two matters to an
auditor: truncation is a habit of some spreadsheets, rounding the norm."""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from .settings import CheckSettings


@dataclass
class Fig:
    """A reported figure: its value in schema units and the step it was written at (0.01 for '94.28')."""

    value: float
    quantum: float | None = None  # None: infer from the value's own decimals
    text: str | None = None

    def step(self, settings: CheckSettings) -> float:
        if self.quantum:
            return self.quantum
        return 10.0 ** -infer_decimals(self.value, settings.max_decimals)


def infer_decimals(value: float, max_decimals: int = 4) -> int:
    """How many decimals a float needs: 94.28 -> 2, 100.0 -> 0."""
    for d in range(max_decimals + 1):
        if abs(round(value, d) - value) < 1e-9 * max(1.0, abs(value)):
            return d
    return max_decimals


def quantum_of(text: str, multiplier: float = 1.0) -> float:
    """The step a number was written at, in schema units: '88.42' in 万元 -> 100 yuan."""
    t = text.replace(",", "").replace("，", "")
    d = len(t.split(".", 1)[1]) if "." in t else 0
    return (10.0 ** -d) * multiplier


def _to_step(x: float, step: float, mode) -> float:
    q = Decimal(repr(step))
    n = (Decimal(repr(x)) / q).quantize(Decimal(1), rounding=mode)
    return float(n * q)


def judge(reported: Fig, recomputed: float, settings: CheckSettings) -> tuple[str, str]:
    """Status and a short note on how the figures compare."""
    r = reported.value
    if math.isclose(r, recomputed, rel_tol=settings.rel_eps, abs_tol=settings.abs_eps):
        return "ok", "equal"
    step = reported.step(settings)
    eps = step * 1e-6
    rounded = _to_step(recomputed, step, ROUND_HALF_UP)
    if abs(rounded - r) <= eps:
        return "rounding", f"equal once rounded half-up to {fmt(step)}"
    truncated = _to_step(recomputed, step, ROUND_DOWN)
    if abs(truncated - r) <= eps:
        return "rounding", f"equal once truncated to {fmt(step)} (rounded it would be {fmt(rounded)})"
    return "mismatch", f"differs by {fmt(r - recomputed)}"


def fmt(x: float | None) -> str:
    """A figure for a human: no float noise, no trailing zeros."""
    if x is None:
        return "—"
    if abs(x) >= 1e15 or x != x:
        return repr(x)
    s = f"{x:,.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s

"""What a reading stage hands to the merge: candidate rows plus report-card hints.

Tables and prose are read independently and may state the same figure twice (a 自评表 and the
report text around it); keeping them apart until ``merge`` lets the merge prefer the table and
record where each value came from."""
from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.schemas import BudgetLine, Indicator, ScoreSection


@dataclass
class Hint:
    """A report-card value seen somewhere (total score, grade, unit, year ...)."""

    value: object
    page: int | None = None
    evidence: str | None = None
    strength: int = 1  # higher wins when two stages disagree: a labelled form cell beats a sentence


@dataclass
class Facts:
    budgets: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    scores: list[ScoreSection] = field(default_factory=list)
    hints: dict[str, list[Hint]] = field(default_factory=dict)  # report field -> candidates
    problems: list[str] = field(default_factory=list)  # what was seen but not understood

    def hint(self, name: str, value, page=None, evidence=None, strength: int = 1) -> None:
        if value is None or value == "":
            return
        self.hints.setdefault(name, []).append(Hint(value, page, evidence, strength))

    def extend(self, other: "Facts") -> None:
        self.budgets += other.budgets
        self.indicators += other.indicators
        self.scores += other.scores
        for k, v in other.hints.items():
            self.hints.setdefault(k, []).extend(v)
        self.problems += other.problems

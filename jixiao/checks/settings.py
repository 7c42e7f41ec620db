"""Every tolerance of the spot checks, in one place.

A user who wants stricter or looser checks sets these under ``[checks]`` in the settings TOML
(``jixiao ingest --config``); nothing else in the rules holds a threshold."""
from __future__ import annotations

from dataclasses import dataclass

from jixiao.settings import stage_settings


@dataclass
class CheckSettings:
    # two figures are equal when they differ by no more than this share of the larger one
    # (float noise from unit conversion, e.g. 万元 × 10 000)
    rel_eps: float = 1e-9
    abs_eps: float = 1e-6
    # a figure without a known precision is taken to be written with this many decimals at most
    max_decimals: int = 4
    # prose: a rate stated between two counts is only recomputed when it is at most this (percent)
    max_prose_rate: float = 100.0
    # a part list in prose is taken as complete only with at most this many parts
    max_prose_parts: int = 12
    # prose parts that miss their total by more than this share are taken as figures of another
    # kind (a contract sum, a payment) rather than a wrong breakdown, and not reported
    prose_parts_max_gap: float = 0.1
    # the full marks of a scored report: sections whose 分值 add up to less are part of the total only
    full_marks: float = 100.0

    @classmethod
    def from_settings(cls, settings=None) -> "CheckSettings":
        return stage_settings(cls, settings, "checks")

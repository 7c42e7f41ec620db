"""Small geometry shared by the readers that rebuild grids from positions (PDF rulings, OCR lines)."""
from __future__ import annotations


def cluster(values: list[float], tol: float) -> list[float]:
    """Positions closer than ``tol`` to their neighbour are one boundary (the mean of the group).

    Ruling lines drawn as several strokes, or a scan's slightly wavy line, give near-equal
    coordinates that must count as one column or row edge."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]

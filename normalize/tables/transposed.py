"""A money block laid out down a column: "年初预算数 | 8,652.40", "全年预算数 | 9,120.00", "全年执行数 |
8,983.20", "预算执行率 | 98.50%" under a "项目 | 金额（万元） | 备注" header.

Some 部门整体 forms state the year's budget this way instead of as columns. Each row's label is
a budget column word of ``headers.toml``; the figure is the first cell right of it; the money unit
is the one a header cell or caption declares (no unit, no money: the figures stay unread). Read
only when the table has no ordinary budget block, and only with two or more different figures."""
from __future__ import annotations

from jixiao.schemas import BudgetLine

from ..numbers import clean, parse_money, parse_percent
from .units import unit_in
from .vocab import Vocab

FIELD = {"initial": "initial_yuan", "adjusted": "adjusted_yuan", "final": "final_yuan", "spent": "spent_yuan",
         "rate": "reported_rate_pct"}
MAX_LABEL = 12  # a label cell, not a sentence that happens to hold 预算数


def read_transposed(v, vocab: Vocab, caption_unit: str | None) -> BudgetLine | None:
    got: dict[str, tuple[float, int, str]] = {}
    unit = caption_unit
    clash = set()
    for r, row in enumerate(v.rows):
        cells = [(c, t) for c, t in enumerate(row) if t]
        unit = next((u for _, t in cells if len(clean(t)) <= MAX_LABEL and (u := unit_in(t))), unit)
        labelled = False
        for i, (c, t) in enumerate(cells):
            role = next((x for x, _ in vocab.roles_of(t) if x in FIELD), None)
            if role is None or len(clean(t)) > MAX_LABEL:
                continue
            labelled = True
            figure = next((t2 for _, t2 in cells[i + 1:] if t2 != t), None)
            if figure is None:
                break
            if role == "rate":
                val = parse_percent(figure)
            else:
                val = parse_money(figure, unit) if unit else None
            if val is not None:
                if role in got and abs(got[role][0] - val) > 0.005:
                    clash.add(role)
                got.setdefault(role, (val, r, v.evidence(r)))
            break
        if got and not labelled:
            break  # the block ends at the first row without a budget label (an indicator table may follow)
    for role in clash:
        got.pop(role, None)
    if len([x for x in got if x != "rate"]) < 2:
        return None
    rows = sorted(r for _, r, _ in got.values())
    return BudgetLine(line="total", page=v.pages[rows[0]], source="table",
                      evidence=" ; ".join(e for _, _, e in sorted(got.values(), key=lambda x: x[1])),
                      **{FIELD[role]: val for role, (val, _, _) in got.items()})

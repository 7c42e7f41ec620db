"""Rules over table grids: totals and subtotals, 其中 parts, relations between columns,
points over their 分值, equal weights (40/m), and proportional rules written in a cell."""
from __future__ import annotations

import regex as re

from . import formula as fx
from .compare import Fig, fmt
from .context import Context, Grid
from .registry import rule
from .tablemodel import Block, blocks_of, is_blank, kind_of, label_of, parse_cell, role_of, value

SCORE_ROLES = {"points", "max_points"}


def _rows(grid: Grid, blocks: list[Block]):
    """(row index, its block) for every body row that sits under a header."""
    for b in blocks:
        for r in range(b.start, b.end):
            yield r, b


def _page(grid: Grid, r: int) -> int | None:
    return grid.pages[r] if r < len(grid.pages) else None


def _evidence(grid: Grid, r: int) -> str:
    return " | ".join(c for c in grid.raw[r] if c)


def _col_for(unit_block: Block, total_block: Block, c: int) -> int | None:
    """Where a total's column c lies in the block a component row belongs to."""
    if unit_block is total_block:
        return c
    role = total_block.roles.get(c)
    if role is None:
        return None if unit_block.roles else -1
    cols = [k for k, v in unit_block.roles.items() if v == role]
    if not cols:
        return -1  # the row's own block has no such column: it does not carry this figure
    return cols[0] if len(cols) == 1 else None


def _sum_check(ctx: Context, grid: Grid, r: int, block: Block, units: list[tuple[int, Block]],
               missing: bool, what: str, fixed: dict | None = None) -> None:
    """Each figure of row r against the sum of the same column over ``units``."""
    pct_roles = set(ctx.vocab.get("percent_roles", {}).get("roles", []))
    for c in range(len(grid.raw[r])):
        tot = value(grid, r, c, block)
        role = block.roles.get(c)
        if tot is None or tot.percent or role == "ignore" or role in pct_roles or role in ("target", "actual"):
            continue
        parts, ok = [], True
        for ur, ub in units:
            uc = _col_for(ub, block, c)
            if uc is None:
                ok = False
                break
            if uc < 0:
                continue
            v = value(grid, ur, uc, ub)
            if v is None:
                if not is_blank(grid, ur, uc):
                    ok = False
                    break
                continue
            if v.percent:
                ok = False
                break
            # a subtotal already found wrong enters with its recomputed value: one error, one finding
            parts.append((fixed or {}).get((ur, uc), v.value))
        if not ok or not parts:
            continue
        head = block.heads.get(c, "") or f"column {c + 1}"
        label = label_of(grid, r, block) or "total"
        kind = kind_of(label, ctx.vocab)
        if role == "points" or role == "max_points":
            name = "section_total" if kind == "subtotal" else "total_score"
        elif what == "parts":
            name = "budget_sum" if role in ctx.vocab.get("money_roles", {}).get("roles", []) else "table_total"
        else:
            name = "table_total"
        step = tot.quantum
        if role in SCORE_ROLES:  # "12" in a 得分 column of 1.5, 25.8 ...: written to 0.1 like the rest
            step = min([step] + [x.quantum for k in range(block.start, block.end)
                                 if (x := value(grid, k, c, block)) is not None and not x.percent])
        chk = ctx.compare(name, f"{label} · {head}: sum of {len(parts)} rows {what}",
                          Fig(tot.value, step, tot.text), None if missing else sum(parts),
                          f"table p{_page(grid, r)}: {' + '.join(fmt(p) for p in parts)}",
                          page=_page(grid, r), evidence=_evidence(grid, r))
        if fixed is not None and chk.status == "mismatch":
            fixed[(r, c)] = chk.recomputed


@rule("table_totals")
def table_totals(ctx: Context):
    for grid in ctx.grids:
        blocks = blocks_of(grid, ctx.vocab)
        units: list[tuple[int, Block]] = []
        since: list[tuple[int, Block]] = []
        miss_since = False
        miss_units = _continues_a_table(grid, blocks, ctx.vocab)
        skip_until = -1
        fixed: dict = {}
        for r, b in _rows(grid, blocks):
            if r <= skip_until:
                continue
            label = label_of(grid, r, b)
            kind = kind_of(label, ctx.vocab)
            numeric = any(value(grid, r, c, b) for c in range(len(grid.raw[r])))
            name_col = b.col("name")
            if not numeric and kind not in ("subtotal", "total"):
                if name_col is not None and not is_blank(grid, r, name_col) and kind == "item":
                    miss_units = miss_since = True  # a named item with no figures: sums can't be verified
                continue
            if kind == "item" or kind == "part":
                units.append((r, b))
                since.append((r, b))
            elif kind == "subtotal":
                if since:
                    _sum_check(ctx, grid, r, b, since, miss_since, "above", fixed)
                ids = {x for x, _ in since}
                units = [u for u in units if u[0] not in ids] + [(r, b)]
                since, miss_since = [], False
            elif kind == "total":
                if units:
                    _sum_check(ctx, grid, r, b, units, miss_units, "above", fixed)
                groups = _parts_below(ctx, grid, r, b, blocks)
                for parts in groups:
                    _sum_check(ctx, grid, r, b, [(p, b) for p in parts], False, "parts")
                if groups:
                    skip_until = groups[-1][-1]
                units, since, miss_units, miss_since = [(r, b)], [], False, False


def _continues_a_table(grid: Grid, blocks: list[Block], vocab: dict) -> bool:
    """A subtotal with figures above the grid's first header: the grid is the rest of a table
    broken off on the page before (its header changed, so the parts were not joined), and a
    total's "rows above" are not all here."""
    first = blocks[0].header_rows[0] if blocks else 0
    for r in range(first):
        label = next((t for t in grid.raw[r] if t and parse_cell(t) is None), "")
        if kind_of(label, vocab) == "subtotal" and any(parse_cell(t) for t in grid.raw[r] if t):
            return True
    return False


def _parts_below(ctx: Context, grid: Grid, r: int, b: Block, blocks) -> list[list[int]]:
    """The rows after a total that break it down, in groups: a group starts with 其中, or after a
    row naming the breakdown ("按收入性质分：", then "按支出性质分："), each adding up on its own."""
    patterns = [re.compile(p) for p in ctx.vocab.get("tables", {}).get("part_group_patterns", [])]
    groups: list[list[int]] = []
    cur: list[int] | None = None
    for k in range(r + 1, b.end):
        lab = label_of(grid, k, b)
        if not any(value(grid, k, c, b) for c in range(len(grid.raw[k]))) and \
                any(p.search(re.sub(r"\s", "", lab)) for p in patterns):
            cur = []
            groups.append(cur)
            continue
        kind = kind_of(lab, ctx.vocab)
        if cur is None and kind != "part":
            break
        if kind in ("total", "subtotal"):
            break
        if any(grid.raw[k][c] and parse_cell(grid.raw[k][c]) is None and not is_blank(grid, k, c)
               for c in b.roles if c < len(grid.raw[k])):
            break
        if cur is None:
            cur = []
            groups.append(cur)
        cur.append(k)
    return [g for g in groups if g]


def _relations(ctx: Context, block: Block) -> list[tuple[str, str]]:
    """The vocabulary's relations plus any a header states ('得分=完成率*权重')."""
    out = [(x.get("rule", "derived_column"), x["formula"]) for x in ctx.vocab.get("relations", [])]
    for c, head in block.heads.items():
        for m in re.finditer(r"([\p{Han}A-Za-z]+)=([\p{Han}A-Za-z0-9.%*/×÷+\-−()（）]+)", head):
            rhs = m.group(2)
            if not re.search(r"[*/×÷+\-−]", rhs):
                continue
            lhs = role_of(m.group(1), ctx.vocab.get("roles", {})) or f"col{c}"
            out.insert(0, ("derived_column", f"{lhs} = {rhs}"))
    return out


def _bind(ctx: Context, block: Block, name: str) -> int | None:
    """A formula's name to a column: a role, a column's own key, or words of a header."""
    if name.startswith("col") and name[3:].isdigit():
        return int(name[3:])
    c = block.col(name)
    if c is not None:
        return c
    role = role_of(name, ctx.vocab.get("roles", {}))
    if role and block.col(role) is not None and name in sum(ctx.vocab["roles"].values(), []):
        return block.col(role)
    hits = [k for k, h in block.heads.items() if h == name] or [k for k, h in block.heads.items() if h.startswith(name)]
    return hits[0] if len(hits) == 1 else None


@rule("table_relations")
def table_relations(ctx: Context):
    pct_roles = set(ctx.vocab.get("percent_roles", {}).get("roles", []))
    for grid in ctx.grids:
        blocks = blocks_of(grid, ctx.vocab)
        for b in blocks:
            rels = []
            for name, f in _relations(ctx, b):
                lhs, rhs = fx.split(f)
                try:
                    ins = fx.names(rhs)
                except SyntaxError:
                    continue
                cols = {n: _bind(ctx, b, n) for n in [lhs] + ins}
                if any(v is None for v in cols.values()) or len(set(cols.values())) < len(cols):
                    continue
                rels.append((name, lhs, rhs, cols))
            for r in range(b.start, b.end):
                done = set()
                for name, lhs, rhs, cols in rels:
                    out = value(grid, r, cols[lhs], b)
                    if out is None or cols[lhs] in done:
                        continue
                    vals, steps, texts = {}, {}, []
                    for n in fx.names(rhs):
                        v = value(grid, r, cols[n], b)
                        if v is None:
                            break
                        pct = v.percent or b.roles.get(cols[n]) in pct_roles
                        vals[n] = v.value / 100 if pct else v.value
                        # a figure written with decimals was rounded there; a whole number is a count
                        rounded = "." in v.text or "．" in v.text
                        steps[n] = 0.0 if not rounded else (v.quantum / 100 if pct else v.quantum)
                        texts.append(f"{b.heads.get(cols[n]) or n} {v.text}")
                    else:
                        got = fx.evaluate(rhs, vals)
                        if got is None:
                            continue
                        scale = 100 if out.percent or b.roles.get(cols[lhs]) in pct_roles else 1
                        done.add(cols[lhs])
                        label = label_of(grid, r, b)
                        ctx.compare(name, f"{label} · {b.heads.get(cols[lhs])} = {rhs}",
                                    Fig(out.value, out.quantum, out.text), got * scale,
                                    f"table p{_page(grid, r)}: {'; '.join(texts)}",
                                    page=_page(grid, r), evidence=_evidence(grid, r),
                                    spread=_spread(rhs, vals, steps, scale))


def _spread(rhs: str, vals: dict, steps: dict, scale: float) -> tuple[float, float] | None:
    """The formula's least and most over its inputs moved by half their written step each way."""
    names = list(vals)
    if len(names) > 4:
        return None
    outs = []
    for corner in range(2 ** len(names)):
        moved = {n: vals[n] + (steps[n] / 2 if corner >> i & 1 else -steps[n] / 2) for i, n in enumerate(names)}
        got = fx.evaluate(rhs, moved)
        if got is None:
            return None
        outs.append(got * scale)
    return min(outs), max(outs)


@rule("item_cap")
def item_cap(ctx: Context):
    for grid in ctx.grids:
        for r, b in _rows(grid, blocks_of(grid, ctx.vocab)):
            cp, cm = b.col("points"), b.col("max_points")
            if cp is None or cm is None:
                continue
            p, m = value(grid, r, cp, b), value(grid, r, cm, b)
            if p is None or m is None or m.value <= 0 or p.percent or m.percent:
                continue
            label = label_of(grid, r, b)
            if kind_of(label, ctx.vocab) != "item":
                continue
            if p.value > m.value:
                ctx.checks.append(_cap(ctx, label, p, m, grid, r))


def _cap(ctx, label, p, m, grid, r):
    from jixiao.schemas import Check  # noqa: PLC0415

    return Check(rule="item_cap", subject=f"{label}: points within its 分值", reported=p.value, recomputed=m.value,
                 status="mismatch", detail=f"points {p.text} exceed the 分值 {m.text}", page=_page(grid, r),
                 evidence=_evidence(grid, r))


@rule("equal_weights")
def equal_weights(ctx: Context):
    """'40/3=13.33' in a weight cell: the arithmetic, and m equal to the rows sharing the split."""
    for grid in ctx.grids:
        for b in blocks_of(grid, ctx.vocab):
            seen: dict[str, list[int]] = {}
            for r in range(b.start, b.end):
                for t in grid.raw[r]:
                    m = re.fullmatch(r"(\d+(?:\.\d+)?)/(\d+)=(\d+(?:\.\d+)?)", t)
                    if m:
                        seen.setdefault(f"{m.group(1)}/{m.group(2)}", []).append(r)
                        cell = parse_cell(t)
                        ctx.compare("equal_weight", f"weight {t}", Fig(cell.value, cell.quantum, m.group(3)),
                                    float(m.group(1)) / float(m.group(2)), f"{m.group(1)} / {m.group(2)}",
                                    page=_page(grid, r), evidence=_evidence(grid, r))
                        break
            for key, rows in seen.items():
                total, m_ = key.split("/")
                ctx.compare("equal_weight", f"weight {key}: m = number of indicators sharing it",
                            Fig(float(m_), 1.0, m_), float(len(rows)),
                            f"{len(rows)} rows carry the weight {key}", page=_page(grid, rows[0]),
                            evidence=_evidence(grid, rows[0]))

"""A grid read by meaning: header rows, each column's role, and what each body row is.

Forms put several header rows in one sheet (the national 自评表 has a budget block and an
indicator block), so a header row opens a *block* and a column's role holds until the next
header. Roles come from the header words in data/checks.toml, never from positions."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from jixiao.normalize.tables.vocab import earlier_year_columns

from .compare import quantum_of
from .context import MONEY_UNITS, NUM, Grid, clean

DASHES = {"", "-", "—", "--", "---", "/", "－", "——", "无", "/"}


@dataclass
class Cell:
    value: float
    quantum: float
    percent: bool
    text: str


def parse_cell(text: str) -> Cell | None:
    """'92.49%' -> 92.49 percent; '40/3=13.33' -> 13.33; '1,856,400' -> 1856400; text -> None."""
    t = clean(text)
    if "=" in t:  # a cell showing its own arithmetic: the figure is what follows '='
        t = t.rsplit("=", 1)[1]
    pct = t.endswith("%")
    t = t.rstrip("%")
    bracket = re.fullmatch(r"[(（]([^()（）]+)[)）]", t)  # (35.20): an accountant's negative
    m = re.fullmatch(rf"([-+]?)({NUM})", bracket.group(1) if bracket else t)
    if not m:
        return None
    digits = m.group(2)
    v = float(digits.replace(",", ""))
    if m.group(1) == "-" or bracket:
        v = -v
    return Cell(v, quantum_of(digits), pct, text)


@dataclass
class Block:
    header_rows: list[int]
    roles: dict[int, str] = field(default_factory=dict)  # column -> role
    heads: dict[int, str] = field(default_factory=dict)  # column -> combined header text
    units: dict[int, float] = field(default_factory=dict)  # column -> money multiplier
    start: int = 0
    end: int = 0

    def col(self, role: str) -> int | None:
        cols = [c for c, r in self.roles.items() if r == role]
        return cols[0] if cols else None


def role_of(head: str, roles: dict[str, list[str]]) -> str | None:
    """The role whose word appears earliest in the header text (longer word on a tie)."""
    best = None
    for role, words in roles.items():
        for w in words:
            i = head.find(w)
            if i >= 0:
                key = (i, -len(w))
                if best is None or key < best[0]:
                    best = (key, role)
    return best[1] if best else None


def is_header(row: list[str], roles: dict, below: list[str] | None = None) -> bool:
    """A row of words naming columns: two known roles, or three words over a row of figures."""
    if any(parse_cell(c) for c in row if c):
        return False
    hits = {role_of(c, roles) for c in set(row) if c}
    hits.discard(None)
    hits.discard("ignore")
    if len(hits) >= 2:
        return True
    if below is None:
        return False
    texts = [c for c in dict.fromkeys(row) if c]
    figures = sum(1 for c, t in enumerate(below) if parse_cell(t) and c < len(row) and row[c])
    return len(texts) >= 3 and figures >= 2


def blocks_of(grid: Grid, vocab: dict) -> list[Block]:
    roles = vocab.get("roles", {})
    money = set(vocab.get("money_roles", {}).get("roles", []))
    out: list[Block] = []
    i, n = 0, len(grid.rows)
    while i < n:
        if not is_header(grid.rows[i], roles, grid.rows[i + 1] if i + 1 < n else None):
            i += 1
            continue
        hdr = [i]
        # a second header line under the first (合计 | 其中：财政资金 under 批复金额)
        while i + 1 < n and not any(parse_cell(c) for c in grid.rows[i + 1] if c) \
                and sum(1 for c in grid.raw[i + 1] if c) >= 2 and not is_header(grid.rows[i + 1], roles) \
                and _under_roles(grid, i, i + 1, roles):
            i += 1
            hdr.append(i)
        b = Block(hdr, start=i + 1)
        older = earlier_year_columns(grid.rows[hdr[0]])  # last year's columns are no part of the checks
        for c in range(len(grid.rows[hdr[0]])):
            parts = []
            for r in hdr:
                t = grid.rows[r][c] if c < len(grid.rows[r]) else ""
                if t and (not parts or parts[-1] != t):
                    parts.append(t)
            head = "".join(parts)
            b.heads[c] = head
            if c > 0 and head == b.heads.get(c - 1) and all(not grid.raw[r][c] for r in hdr):
                continue  # the covered half of a merged header cell: not a column of its own
            role = "ignore" if c in older else role_of(head, roles)
            if role:
                b.roles[c] = role
            m = re.search(r"[（(](亿元|万元|千元|元)[)）]", head) or re.search(r"单位[:：]?(亿元|万元|千元|元)", head)
            unit = m.group(1) if m else None
            if unit is None:
                row_text = "".join(grid.rows[hdr[0]])
                m2 = re.search(r"[（(](亿元|万元|千元|元)[)）]", row_text)
                unit = m2.group(1) if m2 else grid.unit
            b.units[c] = MONEY_UNITS.get(unit, 1.0) if role in money else 1.0
        out.append(b)
        i += 1
    for k, b in enumerate(out):
        b.end = out[k + 1].header_rows[0] if k + 1 < len(out) else n
    return out


def _under_roles(grid: Grid, h: int, r: int, roles) -> bool:
    cols = [c for c, t in enumerate(grid.raw[r]) if t]
    return bool(cols) and all(role_of(grid.rows[h][c], roles) for c in cols if c < len(grid.rows[h]))


def label_of(grid: Grid, r: int, block: Block) -> str:
    """The row's own label: the first non-empty cell outside the role columns (raw, not copied down)."""
    first = min((c for c, role in block.roles.items() if role not in ("ignore", "name")), default=0)
    for c, t in enumerate(grid.raw[r][:first]):
        if t and parse_cell(t) is None and block.roles.get(c) != "ignore":
            return t
    for c, t in enumerate(grid.raw[r]):
        if t and c not in block.roles and parse_cell(t) is None:
            return t
    for c, t in enumerate(grid.raw[r]):
        if t and parse_cell(t) is None:
            return t
    return ""


def kind_of(label: str, vocab: dict) -> str:
    """total, subtotal, part (其中) or item."""
    tv = vocab.get("tables", {})
    lab = re.sub(r"[\s:：]", "", label)
    if any(lab.startswith(p.rstrip(":：")) for p in tv.get("part_prefixes", [])):
        return "part"
    if any(w in lab for w in tv.get("total_labels", [])):
        return "total"
    if any(w in lab for w in tv.get("subtotal_labels", [])):
        return "subtotal"
    return "item"


def value(grid: Grid, r: int, c: int, block: Block) -> Cell | None:
    if c >= len(grid.rows[r]):
        return None
    cell = parse_cell(grid.raw[r][c]) if grid.raw[r][c] else None
    if cell is None:
        return None
    f = block.units.get(c, 1.0)
    if f != 1.0 and not cell.percent:
        cell = Cell(cell.value * f, cell.quantum * f, False, cell.text)
    return cell


def is_blank(grid: Grid, r: int, c: int) -> bool:
    return c >= len(grid.raw[r]) or grid.raw[r][c] in DASHES


def has_numbers(grid: Grid, r: int, block: Block) -> bool:
    return any(value(grid, r, c, block) for c in block.roles)

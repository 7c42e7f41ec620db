"""A table as the readers of this package see it: tidy cells, provenance, and its header blocks.

A report's table may hold several blocks, each under its own header row (the national
项目支出绩效自评表 has a 项目资金 block, then a 绩效指标 block); a PDF may split one table over
pages, repeating the header or not. ``stitch`` joins page-continued tables back into one
``View``; ``find_blocks`` cuts a view at every header row and maps that header's columns to
roles by meaning (see ``vocab``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from jixiao.extract.document import Table

from ..numbers import clean, parse_money, parse_percent, to_float
from .settings import TablesSettings
from .vocab import Vocab, earlier_year_columns

_WIDE = r"[\p{Han}\u3000-\u303f\uff01-\uff60“”‘’、]"
_ws_cjk = re.compile(rf"(?<={_WIDE})\s+(?={_WIDE})|(?<={_WIDE})\s*\n\s*|\s*\n\s*(?={_WIDE})")
_ws = re.compile(r"\s+")


def tidy(text: str | None) -> str:
    """Text as written minus the breaks a cell wraps at: no whitespace between CJK characters
    (nor line breaks next to one); other runs of whitespace become one space, as they separate
    list items ('100% 5. 15秒接通率')."""
    if not text:
        return ""
    return _ws.sub(" ", _ws_cjk.sub("", str(text))).strip()


def is_number_cell(text: str) -> bool:
    t = clean(text)
    return bool(t) and (to_float(t) is not None or parse_percent(t) is not None or parse_money(t) is not None)


@dataclass
class View:
    """One logical table: the rows of one or more page-continued ``Table``s."""

    rows: list[list[str]]
    pages: list[int]
    merges: list[tuple[int, int, int, int]]
    table_index: list[int]  # which doc.tables entry each row came from
    first: Table
    raw: list[list[str]] = field(default_factory=list)  # cells as the reader gave them (line breaks kept)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, r: int, c: int | None) -> str:
        if c is None or r >= len(self.rows) or c >= len(self.rows[r]):
            return ""
        return self.rows[r][c]

    def span(self, r: int, c: int) -> tuple[int, int, int, int]:
        for m in self.merges:
            if m[0] == r and m[1] == c:
                return m
        return (r, c, r, c)

    def covered_by(self, r: int, c: int) -> tuple[int, int, int, int] | None:
        for m in self.merges:
            if m[0] <= r <= m[2] and m[1] <= c <= m[3] and (m[0], m[1]) != (r, c):
                return m
        return None

    def evidence(self, r: int) -> str:
        out: list[str] = []
        for c in self.rows[r]:
            if c and (not out or out[-1] != c):
                out.append(c)
        return " | ".join(out)


def _view_of(t: Table, index: int) -> View:
    rows = [[tidy(c) for c in row] for row in t.rows]
    n = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (n - len(r)) for r in rows]
    pages = [t.page_of_row(i) for i in range(len(rows))]
    raw = [[str(c or "") for c in row] + [""] * (n - len(row)) for row in t.rows]
    return View(rows=rows, pages=pages, merges=list(t.merges), table_index=[index] * len(rows), first=t, raw=raw)


def header_roles(vocab: Vocab, row: list[str]) -> dict[int, list[tuple[str, int]]]:
    older = earlier_year_columns(row)  # last year's figures beside this year's are left unread
    return {c: r for c, text in enumerate(row) if text and c not in older and (r := vocab.roles_of(text))}


def is_header_row(vocab: Vocab, row: list[str], s: TablesSettings) -> bool:
    if any(is_number_cell(c) for c in row if c):
        return False
    roles = header_roles(vocab, row)
    return len({r[0][0] for r in roles.values()}) >= s.header_min_roles


def stitch(tables: list[tuple[int, Table]], vocab: Vocab, s: TablesSettings, paginated: bool) -> list[View]:
    """Join tables a page break split: the next page's table repeats the header, or has no header
    of its own and as many columns (a header-less tail of the same grid)."""
    views: list[View] = []
    for idx, t in tables:
        v = _view_of(t, idx)
        prev = views[-1] if views else None
        if (paginated and prev is not None and v.rows and t.page_start == prev.pages[-1] + 1
                and any(is_header_row(vocab, r, s) for r in prev.rows)):
            headers = [clean("".join(r)) for r in prev.rows if is_header_row(vocab, r, s)]
            skip = 0
            while skip < len(v.rows) and clean("".join(v.rows[skip])) in headers:
                skip += 1
            logical = _logical_columns(prev, vocab, s)
            same_cols = v.n_cols == prev.n_cols
            remap = not same_cols and logical is not None and v.n_cols == len(logical)
            continued = skip > 0 or ((same_cols or remap) and not is_header_row(vocab, v.rows[0], s))
            if continued:
                off = len(prev.rows) - skip
                for row in v.rows[skip:]:
                    if remap:  # the PDF dropped the empty columns under merged cells: put cells back
                        full = [""] * prev.n_cols
                        for i, text in enumerate(row):
                            full[logical[i]] = text
                        row = full
                    prev.rows.append(row + [""] * (prev.n_cols - len(row)))
                    prev.raw.append(prev.rows[-1])
                prev.pages += v.pages[skip:]
                prev.table_index += v.table_index[skip:]
                if not remap:
                    prev.merges += [(a + off, b, c + off, d) for a, b, c, d in v.merges if a >= skip]
                continue
        views.append(v)
    return views


def _logical_columns(v: View, vocab: Vocab, s: TablesSettings) -> list[int] | None:
    """First physical column of each header cell of the view's last header row (merged spans
    collapsed): how a continuation that lost its empty columns maps back onto the grid."""
    heads = [r for r, row in enumerate(v.rows) if is_header_row(vocab, row, s)]
    if not heads:
        return None
    h = heads[-1]
    out, c = [], 0
    while c < v.n_cols:
        out.append(c)
        c = v.span(h, c)[3] + 1
    return out


@dataclass
class Block:
    """The rows under one header row, with that header's columns mapped to roles."""

    view: View
    header: int  # header row index
    body: range  # data rows
    kind: str  # budget | indicator | sections
    cols: dict[str, list[int]] = field(default_factory=dict)  # role -> columns (label roles may hold several)
    label_cols: list[int] = field(default_factory=list)  # columns holding a block label merged down
    sub_header: int | None = None
    header_text: dict[int, str] = field(default_factory=dict)  # column -> its header text (with sub-header)

    def col(self, role: str) -> int | None:
        cs = self.cols.get(role)
        return cs[0] if cs else None

    def first_value_col(self) -> int:
        cs = [c for role, cols in self.cols.items() if role in VALUE_ROLES for c in cols]
        return min(cs) if cs else self.view.n_cols


MONEY_ROLES = ("initial", "adjusted", "final", "spent")
VALUE_ROLES = set(MONEY_ROLES) | {"rate", "adjust_rate", "target", "actual", "op", "unit", "weight", "score",
                                  "score_rate", "completion"}
LABEL_ROLES = {"line", "level1", "level2", "name", "year", "seq", "desc"}
KIND_ROLES = {
    "budget": {"line", "seq", "year", "desc", "initial", "adjusted", "final", "spent", "rate", "adjust_rate",
               "weight", "score", "note", "formula"},
    "indicator": {"level1", "level2", "name", "seq", "target", "actual", "op", "unit", "weight", "score",
                  "score_rate", "completion", "formula", "note"},
    "sections": {"level1", "seq", "weight", "score", "score_rate", "note"},
}


def _kind(roles: set[str]) -> str | None:
    if roles & set(MONEY_ROLES):
        return "budget"
    if roles & {"name", "level2"} and roles & {"target", "actual", "weight", "score", "formula"}:
        return "indicator"
    if "level1" in roles and roles & {"weight", "score"}:
        return "sections"
    return None


def _spans(v: View, h: int, sub: int | None) -> dict[int, tuple[int, int]]:
    """Column span of each header cell: its merge, or (no merges, as PDFs give) the empty cells to
    its right that have a sub-header cell beneath."""
    out = {}
    row = v.rows[h]
    for c, text in enumerate(row):
        if not text:
            continue
        m = v.span(h, c)
        c2 = m[3]
        if c2 == c and sub is not None:
            while c2 + 1 < len(row) and not row[c2 + 1] and v.cell(sub, c2 + 1) and not v.covered_by(h, c2 + 1):
                c2 += 1
        out[c] = (c, c2)
    return out


def _make_block(vocab: Vocab, v: View, h: int, end: int) -> Block | None:
    row = v.rows[h]
    cand = header_roles(vocab, row)
    kind = _kind({r for rs in cand.values() for r, _ in rs})
    if kind is None:
        return None
    allowed = KIND_ROLES[kind]
    # a sub-header row: text only under spanning header cells, no numbers, no roles of its own
    sub = None
    if h + 1 < end:
        nxt = v.rows[h + 1]
        if (any(nxt) and not any(is_number_cell(c) for c in nxt if c)
                and not is_header_row(vocab, nxt, TablesSettings(header_min_roles=2))
                and any(c and (vocab.is_total_sub(c) or vocab.is_part_sub(c)) for c in nxt)):
            sub = h + 1
    spans = _spans(v, h, sub)
    chosen: dict[str, tuple[int, int]] = {}  # role -> (rank, header col)
    for c, rs in cand.items():
        for role, rank in rs:
            if role in allowed and (role not in chosen or rank < chosen[role][0]):
                chosen[role] = (rank, c)
    if kind == "indicator" and "name" in chosen:
        # "一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分": each level has its own 分值 column;
        # the indicator's own is the first one after its name, not the first in the row
        name_col = chosen["name"][1]
        for role in VALUE_ROLES & set(chosen):
            rank = chosen[role][0]
            same = sorted(c for c, rs in cand.items() if (role, rank) in rs)
            after = [c for c in same if c > name_col]
            if len(same) > 1 and after:
                chosen[role] = (rank, after[0])
    b = Block(view=v, header=h, body=range(h + 1 if sub is None else h + 2, end), kind=kind, sub_header=sub)
    for role, (_, c) in chosen.items():
        c1, c2 = spans.get(c, (c, c))
        if role in LABEL_ROLES:
            b.cols[role] = list(range(c1, c2 + 1))
        elif c2 > c1 and sub is not None:
            subs = [k for k in range(c1, c2 + 1) if vocab.is_total_sub(v.cell(sub, k))]
            parts = [k for k in range(c1, c2 + 1) if v.cell(sub, k) and vocab.is_part_sub(v.cell(sub, k))]
            b.cols[role] = subs[:1] or [k for k in range(c1, c2 + 1) if k not in parts][:1]
        else:
            b.cols[role] = [c]
    for c in range(len(row)):
        b.header_text[c] = row[c] + (v.cell(sub, c) if sub is not None else "")
    # a generic total column ("资金合计") takes the money role named by a label to its left
    # ("实际明细支出 | 年度 | … | 资金合计")
    used = {c for cs in b.cols.values() for c in cs}
    for c, text in enumerate(row):
        if text and c not in used and vocab.is_total_sub(text):
            for role in MONEY_ROLES:
                rc = b.col(role)
                if rc is not None and rc < c and not v.cell(b.body.start, rc):
                    b.cols[role] = [c]
    # columns whose header cell is merged down over the data, or whose data are all empty: labels
    for c, text in enumerate(row):
        m = v.span(h, c)
        if text and ((m[2] > h and m[2] >= b.body.start) or not any(v.cell(r, c) for r in b.body)):
            b.label_cols.append(c)
    return b


def find_blocks(vocab: Vocab, v: View, s: TablesSettings) -> list[Block]:
    heads = [r for r, row in enumerate(v.rows) if is_header_row(vocab, row, s)]
    blocks: list[Block] = []
    for i, h in enumerate(heads):
        end = heads[i + 1] if i + 1 < len(heads) else len(v.rows)
        b = _make_block(vocab, v, h, end)
        if b is None:
            continue
        prev = blocks[-1] if blocks else None
        if prev is not None and prev.kind == b.kind:
            # a repeated header whose cell the reader garbled (text bled in from a neighbour):
            # the column keeps the role it had under the previous header of the same kind
            used = {c for cs in b.cols.values() for c in cs}
            for role, cs in prev.cols.items():
                if role in VALUE_ROLES and role not in b.cols and cs and cs[0] not in used and v.cell(h, cs[0]) \
                        and not vocab.roles_of(v.cell(h, cs[0])):
                    b.cols[role] = list(cs)
        blocks.append(b)
    return blocks

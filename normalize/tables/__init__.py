"""Template-agnostic table reading: budgets, indicators, score sections and card hints.

Every table of a report is cut into blocks at its header rows; each header's columns are mapped
to roles by meaning through ``normalize/data/headers.toml`` (年初预算数 → initial, 三级指标 →
name, 分值 → weight ...), and each block is read by what its roles say it is: a money block
(``budgets``), an indicator/scoring block (``indicators``) or a section summary (表2 一级指标
得分情况). Tables without a header block, and rows of sentences inside a form (完成情况), are
text: their cells go to the prose reader (``narrative``). Nothing is keyed to a template: a new
template needs vocabulary, not code. Thresholds: ``TablesSettings`` (Settings.normalize["tables"]).
"""
from __future__ import annotations

from jixiao.extract.document import Table

from ..facts import Facts
from .budgets import check_total, read_budget_block
from .caption import caption_section
from .grid import find_blocks, stitch
from .hints import read_hints
from .indicators import SectionBook, read_indicator_block
from .narrative import read_narrative, text_rows
from .settings import TablesSettings
from .transposed import read_transposed
from .units import table_unit
from .vocab import load_vocab, strip_notes

__all__ = ["read_tables", "TablesSettings"]


def read_tables(seg, doc, settings=None) -> Facts:
    s = TablesSettings.from_settings(settings)
    vocab = load_vocab(s.vocab_path)
    facts = Facts()
    all_tables = doc.tables
    index = {id(t): i for i, t in enumerate(all_tables)}
    mine = [(index.get(id(t), -1), t) for t in _seg_tables(seg)]
    views = stitch(mine, vocab, s, paginated=doc.format == "pdf")
    book = SectionBook()
    text_views = []
    for v in views:
        try:
            has_blocks = _read_view(v, doc, vocab, s, facts, book)
            rows = text_rows(v, s.narrative_min_chars, whole=not has_blocks)
            if rows:
                text_views.append((v, rows))
        except Exception as exc:  # one odd table must not lose the report's other tables
            facts.problems.append(f"table p{v.pages[0] if v.pages else '?'} not read: {type(exc).__name__}: {exc}")
    facts.scores += list(book.rows.values())
    if s.read_text_cells and text_views:
        facts.extend(read_narrative(text_views, seg, doc, settings, s.narrative_min_chars))
    return facts


def _seg_tables(seg) -> list[Table]:
    """The segment's tables with their nested tables, in reading order."""
    out: list[Table] = []

    def walk(t: Table) -> None:
        out.append(t)
        for n in t.nested:
            walk(n)

    for t in seg.tables:
        walk(t)
    return out


def _read_view(v, doc, vocab, s: TablesSettings, facts: Facts, book: SectionBook) -> bool:
    """Read one table; False when it has no header block (a text container or a key-value card)."""
    read_hints(v, vocab, facts)
    blocks = find_blocks(vocab, v, s)
    if not any(b.kind == "budget" for b in blocks):
        line = read_transposed(v, vocab, table_unit(doc, v.first, [], s.unit_search_paragraphs))
        if line is not None:
            _add_budgets(facts, [line])
    if not blocks:
        return False
    unit = None
    if any(b.kind == "budget" for b in blocks):
        unit = table_unit(doc, v.first, v.rows, s.unit_search_paragraphs)
    for b in blocks:
        if b.kind == "budget":
            label = next((strip_notes(v.cell(b.header, c)) for c in b.label_cols if v.cell(b.header, c)), None)
            lines = read_budget_block(b, vocab, s, unit, facts, hierarchy_label=label)
            _add_budgets(facts, [bl for bl, _ in lines])
            check_total(lines, s, facts)
        else:
            read_indicator_block(b, vocab, s, facts, book, caption_section(doc, v.first))
    return True


def _add_budgets(facts: Facts, lines) -> None:
    """One row per line: a line stated in two blocks (budget in one, spending in the next) is joined."""
    for bl in lines:
        same = next((x for x in facts.budgets if x.line == bl.line and x.source == "table"), None)
        if same is None:
            facts.budgets.append(bl)
            continue
        for f in ("initial_yuan", "adjusted_yuan", "final_yuan", "spent_yuan", "reported_rate_pct"):
            mine, theirs = getattr(same, f), getattr(bl, f)
            if mine is None and theirs is not None:
                setattr(same, f, theirs)
                same.evidence = "; ".join(filter(None, [same.evidence, bl.evidence]))
            elif mine is not None and theirs is not None and abs(mine - theirs) > 0.005:
                facts.problems.append(f"budget line {bl.line}: {f} stated as {mine} and {theirs} in tables")

"""Facts stated in prose: budgets, scores, indicator targets and actuals, total score and grade.

Reads a report's paragraphs in order, keeping the context a sentence needs to be attributed:
the section being discussed (for level1 and for "该指标" in a section paragraph), the item a
numbered heading or paragraph head names, whether a target list is open. Everything it returns
is a candidate with ``source="prose"``, a page and the sentence as evidence; the merge prefers
table values. A sentence that cannot be attributed yields nothing.
"""
from __future__ import annotations

import regex as re

from jixiao.extract.document import Paragraph, Table
from jixiao.schemas import BudgetLine, Indicator, ScoreSection

from ..facts import Facts
from . import indicators as ind
from .rows import merge_rows, name_key
from . import scores as sc
from .budgets import TOTAL, BudgetReader
from .nlp import ents, vocab
from .settings import ProseSettings
from .text import NUMBERING, as_written, clauses, norm, numbering_level, reflow, sentences, strip_numbering

try:  # another stage owns the cross-city key; until it exists indicators keep canonical None
    from ..canonical import canonical_key  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the tree's state
    canonical_key = None

HINT_STRENGTH = 2  # a sentence: weaker than a labelled form cell, stronger than a guess from a title
EVIDENCE_MAX = 300
# a bracketed note of the points available after an item's name: （分值8分）, (权重10分), （5分）
POINTS_NOTE = re.compile(r"[（(](?:分值|权重|满分|标准分)?[:：]?\d+(?:\.\d+)?分[）)]$")


def read_prose(seg, doc, settings=None) -> Facts:
    facts = Facts()
    ps = ProseSettings.from_settings(settings)
    paras = reflow(_with_cell_prose(seg.blocks, ps), ps)
    if not paras:
        return facts
    reader = _Reader(ps, facts, title=" ".join(p.text for p in paras[:5] if p.heading))
    for p in paras:
        try:
            reader.paragraph(p)
        except Exception as exc:  # one odd paragraph must not cost the report its other facts
            facts.problems.append(f"prose: paragraph on page {p.page} not read ({type(exc).__name__}: {exc})")
    reader.finish()
    return facts


def _with_cell_prose(blocks, ps: ProseSettings) -> list:
    """Blocks with the running text of long table cells added after their table.

    Report forms (自评报告 as a two-column table) hold whole paragraphs in cells; each line of
    such a cell is read like a paragraph, and the table itself still ends the text before it."""
    out = []
    for b in blocks:
        out.append(b)
        if not isinstance(b, Table) or not ps.read_cell_prose:
            continue
        covered = b.covered()
        for r, row in enumerate(b.rows):
            for c, cell in enumerate(row):
                if (r, c) in covered or len(norm(cell)) < ps.cell_prose_min_chars or not re.search(r"[。；;]", cell):
                    continue
                out += [Paragraph(text=line, page=b.page_of_row(r)) for line in cell.split("\n") if line.strip()]
                out.append(b)  # a cell's text ends where the cell does
    return out


def _names_targets(name: str) -> bool:
    """A heading or paragraph head about the targets set ("绩效目标", "年度目标及任务"), not about
    how they were met ("目标完成情况", "偏差分析")."""
    return ("目标" in name and ind.implied_unit(name.rstrip("。.")) is None
            and not any(w in name for w in vocab().words("indicator", "not_target_heading")))


def _evidence(text: str) -> str:
    t = text.strip()
    return t if len(t) <= EVIDENCE_MAX else t[:EVIDENCE_MAX] + "…"


class _Reader:
    def __init__(self, ps: ProseSettings, facts: Facts, title: str):
        self.ps, self.facts = ps, facts
        self.budgets = BudgetReader(ps, title=title)
        self.rows: list[ind.Row] = []
        self.sections: list[ScoreSection] = []
        self.section: str | None = None  # the section (一级指标) being discussed
        self.heading_item: str | None = None  # the item a short heading names, for the body below it
        self.heading_body: list[str] = []
        self.heading_page: int | None = None
        self.heading_evidence: list[str] = []
        v = vocab()
        self.target_leads = [norm(w) for w in v.words("indicator", "target_lead")]
        self.actual_cues = v.words("indicator", "actual_cue")
        self.actual_leads = tuple(v.words("indicator", "actual_lead"))
        ops = sum((v.words("indicator", k) for k in ind.OPS), [])
        self.op_words = [norm(w) for w in ops if len(w) > 1 or w in "≥≤"]
        self.reach_words = v.words("indicator", "reach")
        self.target_section = False  # under a heading about targets ("绩效目标", "目标及任务")
        self.target_level: int | None = None  # its numbering level: a heading at that level or above ends it

    # ------------------------------------------------------------------ paragraphs
    def paragraph(self, p) -> None:
        t = norm(p.text)
        if p.heading:
            self._heading(p, t)
            return
        head, body = self._paragraph_head(p.text)
        fallback = head or self.heading_item or self.section
        if head is None and NUMBERING.match(t):
            fallback = None  # a numbered paragraph whose head is not a name: "该指标" has nothing to point at
        for sent in sentences(p.text):
            self._totals(sent, p.page)
            for got in sc.read_scorings(sent, fallback, self.ps):
                self._scored(got, sent, p.page)
        self.budgets.read_paragraph(p.text, p.page)
        self._clauses(p, t, head_targets=head is not None and _names_targets(head))
        if head:
            self._item(head, [c for s in sentences(body) for c in clauses(s)], p.page, [p.text])
            pts = sc.read_self_points(body)
            if pts is not None and pts <= self.ps.max_points and not any(r.name == head and r.score is not None
                                                                      for r in self.rows):
                self.rows.append(ind.Row(name=head, score=pts, level1=self.section, page=p.page, evidence=[p.text]))
        elif self.heading_item:
            self.heading_body += [c for s in sentences(p.text) for c in clauses(s)]
            self.heading_evidence.append(p.text)

    def _heading(self, p, t: str) -> None:
        self._flush_heading_item()
        name0 = strip_numbering(t)
        level = numbering_level(t) or (p.heading_level if getattr(p, "heading_level", None) else 0)
        if self.target_level is not None and level is not None and level <= self.target_level:
            self.target_section, self.target_level = False, None
        if _names_targets(name0):
            self.target_section, self.target_level = True, level
        for sent in sentences(p.text):
            self._totals(sent, p.page)
        got = sc.read_heading_scores(p.text, self.ps)
        if got:
            self._scored(got, p.text, p.page)
            if got.is_section:
                return
        name = strip_numbering(t).rstrip("。.:：")
        name = re.split(r"[(（]", name)[0] if got else name
        sec = sc.section_name(name)
        if sec:
            self.section = sec
            self.heading_item = None
            return
        if NUMBERING.match(t) and ind._name_ok(name, self.ps, item=True) and ind.implied_unit(name) is not None:
            self.heading_item, self.heading_page = name, p.page
            self.heading_body, self.heading_evidence = [], []
            return
        self.heading_item = None
        if (level or 9) <= self.ps.group_max_level and ind._name_ok(name, self.ps) and not got:
            self.section = name  # a group heading ("3.资产管理"): the level1 of the items under it

    def _flush_heading_item(self) -> None:
        if self.heading_item and self.heading_body:
            self._item(self.heading_item, self.heading_body, self.heading_page, self.heading_evidence)
        self.heading_item, self.heading_body, self.heading_evidence = None, [], []

    def _paragraph_head(self, text: str) -> tuple[str | None, str]:
        """'1.立项依据充分性：项目符合…' -> ('立项依据充分性', '项目符合…'): the item a paragraph opens with."""
        t = norm(text)
        numbered = bool(NUMBERING.match(t))
        rest = strip_numbering(t)
        m = re.match(r"^(?P<head>[^,，;；:：。]{2,40}?)(?P<sep>[:：。.])(?P<body>.*)$", rest)
        if not m:
            return None, text
        # "立项依据充分性（分值3分）：…" names the item with its points available in brackets
        head = POINTS_NOTE.sub("", m.group("head")).strip() or m.group("head")
        if not numbered and (m.group("sep") not in ":：" or len(head) > self.ps.unnumbered_head_max):
            return None, text
        if any(e.label in ind.VALUE_LABELS or e.label == "POINTS" for e in ents(head)):
            return None, text
        if len(head) > self.ps.heading_max_chars or not ind._name_ok(head, self.ps, item=True):
            return None, text
        return head, m.group("body")

    # ------------------------------------------------------------------ facts
    def _totals(self, sent: str, page: int) -> None:
        score = sc.total_score(sent, self.ps)
        if score is not None:
            self.facts.hint("reported_score", score, page, _evidence(sent), HINT_STRENGTH)
            for name, pts in sc.total_breakdown(sent):
                self._add_section(ScoreSection(section=name, points=pts, page=page, evidence=_evidence(sent),
                                               source="prose"))
        g = sc.grade(sent)
        if g:
            self.facts.hint("reported_grade", g, page, _evidence(sent), HINT_STRENGTH)

    def _scored(self, got: sc.Scored, sent: str, page: int) -> None:
        if got.is_section:
            self.section = got.name
            self._add_section(ScoreSection(section=got.name, max_points=got.weight, points=got.points,
                                           reported_rate_pct=got.rate, page=page, evidence=_evidence(sent),
                                           source="prose"))
            return
        self.rows.append(ind.Row(name=got.name, weight=got.weight, score=got.points, level1=self.section,
                                 page=page, evidence=[sent]))

    def _add_section(self, s: ScoreSection) -> None:
        for o in self.sections:
            if o.section == s.section:
                same = all(getattr(o, f) is None or getattr(s, f) is None or getattr(o, f) == getattr(s, f)
                           for f in ("max_points", "points", "reported_rate_pct"))
                if same:
                    for f in ("max_points", "points", "reported_rate_pct"):
                        if getattr(o, f) is None and getattr(s, f) is not None:
                            setattr(o, f, getattr(s, f))
                    return
        self.sections.append(s)

    def _clauses(self, p, t: str, head_targets: bool = False) -> None:
        """Targets and actuals of a paragraph; a bare figure among stated targets is left out.
        ``head_targets``: the paragraph opens with a head about targets ("（三）绩效目标。…")."""
        got: list[tuple[ind.Row, bool]] = []
        in_targets = head_targets
        for sent in sentences(p.text):
            ns = norm(sent)
            if any(lead in ns for lead in self.target_leads):
                in_targets = True
            elif in_targets and any(c in ns for c in self.actual_cues):
                in_targets = False
            whole: set[str] = set()
            for part, is_part in ind.sentence_parts(ns):
                prev = None
                for cl in clauses(part):
                    row = ind.read_clause(cl, in_targets, False, self.ps, self.target_section)
                    if prev is not None and (row is None or not row.strong or row.name.startswith(self.actual_leads)
                                             or row.actual_value is not None and not ind.implied_unit(row.name)
                                             or row.name != prev.name and prev.name.endswith(row.name)):
                        row = ind.read_continuation(cl, prev, self.ps) or row
                    prev = row if row is not None and row.strong else prev
                    if row is None or (is_part and name_key(row.name) in whole):
                        continue  # a part's figure where the whole states its own ("；其中企业诉求…")
                    if not is_part:
                        whole.add(name_key(row.name))
                    row.page, row.evidence = p.page, [sent]
                    got.append((row, in_targets))
        mixed = any(r.target_op is not None and not scoped for r, scoped in got)
        for row, scoped in got:
            if mixed and not scoped and row.actual_value is not None and not row.said_actual and not (
                    row.actual_text or "").startswith(tuple(self.reach_words)):
                continue  # "人员配备 149 人" beside "占比不少于 60%": target or actual, it does not say
            self.rows.append(row)

    def _item(self, head: str, body: list[str], page, evidence: list[str]) -> None:
        row = ind.read_item(head, body, self.ps)
        if row:
            row.level1, row.page, row.evidence = self.section, page, [e for e in evidence[:2]]
            self.rows.append(row)

    # ------------------------------------------------------------------ output
    @staticmethod
    def _written(text: str | None, evidence: list[str]) -> str | None:
        if not text:
            return text
        return next((w for w in (as_written(text, e) for e in evidence) if w != text), text)

    def finish(self) -> None:
        self._flush_heading_item()
        rows, _conflicts = merge_rows(self.rows, self.ps)
        # an indicator stated twice with different figures is left empty; that is a property of the
        # prose (two sub-measures under one name), not a part of the report the reader missed
        for r in rows:
            canon = None
            if canonical_key is not None:
                try:
                    canon = canonical_key(r.name, r.unit)
                except Exception:  # noqa: BLE001 - a key is a convenience, never a reason to lose the row
                    canon = None
            name = next((w for w in (as_written(r.name, e) for e in r.evidence) if w != r.name), r.name)
            self.facts.indicators.append(Indicator(
                level1=r.level1, name=name, canonical=canon, target_text=self._written(r.target_text, r.evidence),
                actual_text=self._written(r.actual_text, r.evidence),
                target_op=r.target_op, target_value=r.target_value, actual_value=r.actual_value, unit=r.unit,
                weight=r.weight, score=r.score, source="prose", page=r.page,
                evidence=_evidence(" … ".join(r.evidence))))
        self.facts.scores += self.sections
        lines, problems = self.budgets.lines()
        self.facts.problems += problems
        for line, cols in lines.items():
            first = min(cols.values(), key=lambda c: c[1] or 0)
            evid = []
            for _, _, e in cols.values():
                if e not in evid:
                    evid.append(e)
            if line != TOTAL:
                line = next((w for w in (as_written(line, e) for e in evid) if w != line), line)
            self.facts.budgets.append(BudgetLine(line=line if line != TOTAL else "total", page=first[1],
                                                 evidence=_evidence(" … ".join(evid)), source="prose",
                                                 **{c: v[0] for c, v in cols.items()}))

"""Report-card values stated in table cells: the grade ("自评等级：优", or 等级 above/left of 优)
and a total score written inside a text cell ("该项目自评等级为优，分数为99.98")."""
from __future__ import annotations

import regex as re

from ..facts import Facts
from ..numbers import clean, to_float
from .grid import View
from .vocab import Vocab, strip_notes

_score_in_text = re.compile(r"(?:自评得分|综合得分|评价得分|自评总分|总得分|总分|自评分数|得分|分数)[为是:：]?\s*"
                            r"(?P<v>\d{1,3}(?:\.\d+)?)\s*分?")
_grade_in_text = re.compile(r"(?:自评等级|评价等级|绩效等级|等级)[为是:：]\s*[“\"]?(?P<g>优秀|良好|优|良|中|差)[”\"]?")


def _grade_label(vocab: Vocab, text: str) -> bool:
    t = strip_notes(text)
    if any(t.startswith(x) for x in vocab.row_list("grade_label_exclude")):
        return False
    return any(t == w or t.endswith(w) for w in vocab.row_list("grade_labels"))


def read_hints(v: View, vocab: Vocab, facts: Facts, max_points: float = 100.0) -> None:
    for r, row in enumerate(v.rows):
        for c, text in enumerate(row):
            if not text:
                continue
            t = clean(text)
            # "自评绩效等级:优" in one cell
            if ":" in t and _grade_label(vocab, t.split(":", 1)[0]):
                g = vocab.grade_of(t.split(":", 1)[1])
                if g:
                    facts.hint("reported_grade", g, v.pages[r], v.evidence(r), strength=3)
                continue
            if _grade_label(vocab, text):
                right = next((x for x in row[c + 1:] if x), "")
                below = [x for x in v.rows[r + 1] if x] if r + 1 < len(v.rows) else []
                g = vocab.grade_of(right) if right else None
                if g is None and len(below) == 1 and not any(row[c + 1:]):
                    g = vocab.grade_of(below[0])
                if g:
                    facts.hint("reported_grade", g, v.pages[r], v.evidence(r), strength=3)
                continue
            if len(t) > 20:  # a sentence inside a cell: weaker than a labelled cell
                m = _grade_in_text.search(t)
                if m:
                    facts.hint("reported_grade", vocab.grade_of(m.group("g")), v.pages[r], text[:200], strength=2)
                for m in _score_in_text.finditer(t):
                    val = to_float(m.group("v"))
                    context = t[max(0, m.start() - 12):m.end()]
                    if val is not None and 0 < val <= max_points and re.search("总|综合|自评", context):
                        facts.hint("reported_score", val, v.pages[r], text[:200], strength=2)
                        break

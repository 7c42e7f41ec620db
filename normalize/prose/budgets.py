"""Budget figures stated in sentences, for the whole project/department and for its sub-lines.

"年初预算 987.09 万元，年中追减 57.08 万元，实际预算 930.01 万元。项目实际支出 910.46 万元，其中，
A 452.50 万元，B 457.96 万元，预算完成率 97.90%。" Each money amount is paired with the budget keyword
before it in its clause; the clause's subject says which line: nothing or a generic subject (该项目,
我局, 部门) is the total, a name after 其中/主要包括 is a sub-line. A breakdown of bare amounts
("其中 A x、B y") belongs to the figure it adds up to, else to the figure just before the 其中.
Figures of another year (上年, a smaller year than the sentence's own) are skipped, and a
named subject that is neither a breakdown item nor a line declared before is skipped too: a
"三公经费预算 7.5 万元" is not the project's budget.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import regex as re

from jixiao.normalize.numbers import parse_money, parse_percent

from .nlp import ents, vocab
from .text import clauses, norm, sentences, strip_numbering

FIELDS = ("initial", "adjust_up", "adjust_down", "final", "spent", "rate")
COLUMN = {"initial": "initial_yuan", "adjust_up": "adjusted_yuan", "adjust_down": "adjusted_yuan",
          "final": "final_yuan", "spent": "spent_yuan", "rate": "reported_rate_pct"}
SKIP = "\x00skip"  # line context of a clause about something that is not a budget line of this report
TOTAL = "total"
COPULAS = ("为", "是", "达", "达到", "共", "合计", "累计", "总计")
BARE_BUDGET = ("预算", "资金", "预算资金")  # a bare noun an adjust verb takes as its object


@dataclass
class Stated:
    line: str
    column: str
    value: float
    year: int | None
    page: int
    evidence: str


@dataclass
class BudgetReader:
    """Reads one report's paragraphs in order; lines declared early can be referred to later."""

    settings: object
    title: str = ""
    stated: list[Stated] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)

    # ------------------------------------------------------------------ helpers
    def _field(self, word: str) -> str | None:
        v = vocab()
        for f in FIELDS:
            if v.has(word, f"budget.{f}"):
                return f
        return None

    def _subject(self, text: str) -> str:
        """What a clause is about, with numbering, years, time words and causes removed."""
        v = vocab()
        t = strip_numbering(text)
        t = re.split(r"因|由于|根据|按照", t)[0]
        t = re.sub(r"^(?:[一二三四五六七八九十两\d]+个|各|全部)(?=项目|单位|部门)", "", t)  # "三个项目…合计": all of them
        t = re.sub(r"(?:截至|截止到|截止|到|至)?(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|止)?", "", t)
        t = re.sub(r"(?:截至|截止到|截止)?(?:19|20)\d{2}(?:年(?:度)?)?(?:底|末)?", "", t)
        t = re.sub(r"^(?:截至|截止到|截止)(?:年底|年末|目前)?", "", t)
        t = t.replace("“", "").replace("”", "").replace('"', "")
        changed = True
        while changed and t:
            changed = False
            for w in sorted(v.words("budget", "time_words") + v.words("budget", "breakdown"), key=len, reverse=True):
                if t.startswith(w):
                    t, changed = t[len(w):], True
                if t.endswith(w) and len(t) > len(w):
                    t, changed = t[: -len(w)], True
        t = t.strip(",，的为:：")
        while t and t[-1] in "(（" or (t and t[0] in ")）"):
            t = t[:-1] if t[-1] in "(（" else t[1:]
        if t.count("(") + t.count("（") > t.count(")") + t.count("）") and t[:1] in "(（":
            t = t[1:]
        return t

    def _is_generic(self, subject: str) -> bool:
        v = vocab()
        if not subject or subject in v.words("budget", "generic_subject"):
            return True
        t = norm(self.title)
        return len(subject) >= 4 and bool(t) and subject in t

    def _link(self, name: str) -> str | None:
        """A declared line this name refers to: the same, or clearly the most similar."""
        if name in self.declared:
            return name
        scored = sorted(((difflib.SequenceMatcher(None, name, d).ratio(), d) for d in self.declared), reverse=True)
        if not scored or scored[0][0] < self.settings.line_link_ratio:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < self.settings.line_link_margin:
            return None
        return scored[0][1]

    # ------------------------------------------------------------------ reading
    def read_paragraph(self, text: str, page: int) -> None:
        para_stated: list[Stated] = []
        for sent in sentences(text):
            para_stated += self._read_sentence(sent, page, para_stated)
        self.stated += para_stated

    def _read_sentence(self, sent: str, page: int, para_before: list[Stated]) -> list[Stated]:
        v = vocab()
        out: list[Stated] = []
        line = None  # line context set by a named subject in this sentence
        breakdown = False  # after 其中 / 主要包括 in this sentence
        items: list[tuple[str, float, bool]] = []  # bare "name amount" items after the breakdown word
        measure_before: list[Stated] = []  # figures stated before the breakdown word
        evidence = sent.strip()
        other = False  # the sentence has turned to another period ("上年支出…，执行率96.76%")
        for cl in clauses(sent):
            es = ents(cl)
            if any(w in cl for w in v.words("budget", "other_period")):
                other = True
                continue
            if _year(cl):
                other = False
            starts_breakdown = any(cl.startswith(w) for w in v.words("budget", "breakdown"))
            if starts_breakdown and not breakdown:
                breakdown = True
                measure_before = list(out)
            year = _year(cl)
            pairs = []
            kw = None
            first_kw_at = None
            prev_end = -1
            for e in es:
                if e.label == "KW":
                    f = self._field(e.text)
                    if f and kw and kw != "final" and f == "final" and (
                            prev_end == e.start or (kw.startswith("adjust") and e.text in BARE_BUDGET
                                                    and e.start - prev_end <= 2)):
                        # "追加"+"预算" split by the tokenizer, or "追加调整预算": one keyword, the first
                        # word's meaning (the bare noun is what was added, not the year's budget)
                        f = kw
                    prev_end = e.end
                    if f:
                        kw = f
                        if first_kw_at is None:
                            first_kw_at = e.start
                    elif e.text not in COPULAS and _is_bound(e.text):
                        kw = None  # "完成率 ≥ 95%": a bound, not the figure
                elif kw and ((e.label == "MONEY" and kw != "rate") or (e.label == "PCT" and kw == "rate")):
                    approx = cl[max(0, e.start - 1): e.start] in ("约", "近", "超")
                    if not approx:
                        pairs.append((kw, e))
                    kw = None
            if not pairs:
                money = [e for e in es if e.label == "MONEY"]
                if breakdown and first_kw_at is None and len(money) == 1 and money[0].end == len(cl):
                    approx = cl[max(0, money[0].start - 1): money[0].start] in ("约", "近", "超")
                    name = self._subject(cl[: money[0].start])
                    if name and not approx:
                        items.append((name, parse_money(money[0].text), line is None or line == TOTAL))
                continue
            subject = self._subject(cl[:first_kw_at])
            if other and subject == "":
                continue  # a bare figure after last year's: last year's too
            if self._is_generic(subject):
                target = line if (line is not None and subject == "") else TOTAL
            elif breakdown:
                target = self._link(subject) or subject
                if target not in self.declared:
                    self.declared.append(target)
            else:
                target = self._link(subject) or SKIP
            line = target
            if target == SKIP:
                continue
            for f, e in pairs:
                val = parse_percent(e.text) if f == "rate" else parse_money(e.text)
                if val is None:
                    continue
                if f == "adjust_down":
                    val = -abs(val)
                out.append(Stated(target, COLUMN[f], val, year, page, evidence))
        out += self._resolve_items(items, measure_before or out, para_before, page, evidence)
        return out

    def _resolve_items(self, items, before: list[Stated], para_before: list[Stated], page, evidence) -> list[Stated]:
        """Which figure a bare breakdown splits: the one it adds up to, else the one just before."""
        if not items or any(v is None for _, v, _ in items):
            return []
        total = sum(v for _, v, _ in items)
        money_cols = ("initial_yuan", "final_yuan", "spent_yuan")
        column = None
        for pool in (before, para_before, self.stated):
            hit = [s for s in pool if s.line == TOTAL and s.column in money_cols
                   and abs(s.value - total) <= self.settings.sum_tolerance_yuan]
            if hit:
                column = hit[-1].column
                break
        if column is None:
            # "…全年支出 X 万元。其中：A a 万元；B b 万元" splits the figure just before, even in the
            # sentence before; parts that do not add up to it are the report's error, for the checks
            cands = [s for s in (before or para_before) if s.column in money_cols and s.line == TOTAL]
            if not cands:
                return []
            column = cands[-1].column
        out = []
        for name, val, _ in items:
            target = self._link(name) or name
            if target not in self.declared:
                self.declared.append(target)
            out.append(Stated(target, column, val, None, page, evidence))
        return out

    # ------------------------------------------------------------------ result
    def lines(self) -> tuple[dict[str, dict], list[str]]:
        """line -> {column: (value, page, evidence)}; conflicting figures are dropped with a reason."""
        problems: list[str] = []
        by_key: dict[tuple[str, str], list[Stated]] = {}
        for s in self.stated:
            by_key.setdefault((s.line, s.column), []).append(s)
        out: dict[str, dict] = {}
        for (line, col), ss in by_key.items():
            years = [s.year for s in ss if s.year]
            if len(set(years)) > 1:
                # the report's own year: the one its title names, else the latest (earlier ones are comparisons)
                m = re.search(r"((?:19|20)\d{2})\s*年", self.title or "")
                keep = int(m.group(1)) if m and int(m.group(1)) in years else max(years)
                ss = [s for s in ss if s.year in (None, keep)]
            values = {round(s.value, 2) for s in ss}
            if len(values) > 1:
                problems.append(f"prose budget {line} {col}: different figures {sorted(values)}")
                continue
            out.setdefault(line, {})[col] = (ss[0].value, ss[0].page, ss[0].evidence)
        return out, problems


def _year(clause: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})年", clause)
    return int(m.group(1)) if m else None


def _is_bound(word: str) -> bool:
    v = vocab()
    return any(word in v.words("indicator", k) for k in ("op_ge", "op_le", "op_eq", "op_gt", "op_lt", "post_ge", "post_le"))

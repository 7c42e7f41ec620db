"""What every rule sees: the report's models, its prose as sentences, its tables as grids.

Prose from PDF readers often arrives one line per paragraph; sentences are rebuilt by joining
paragraphs and splitting at sentence ends, so a figure wrapped onto the next line is still read
with its words. Tables continued on the next page with a repeated header are joined back."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex as re

from jixiao.schemas import Check

from .compare import Fig, fmt, judge
from .settings import CheckSettings
from .vocab import load

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PAGE_FOOTER = re.compile(r"^[-—–第\s]*\d+\s*[-—–页]*(共\d+页)?$")
MONEY_UNITS = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "千元": 1e3}


def clean(text: str | None) -> str:
    """Width-folded, whitespace-free text: what every pattern in the rules runs on."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", t)


def number(text: str | None) -> tuple[float, str] | None:
    """A cell that is just a number ('1,856,400.00', '92.49%', '—' -> None): value and its digits."""
    t = clean(text).rstrip("%")
    if not re.fullmatch(rf"[-+]?(?:{NUM})", t):
        return None
    return float(t.replace(",", "")), t.lstrip("+-")


@dataclass
class Sentence:
    text: str  # cleaned
    page: int | None


@dataclass
class Grid:
    """A table as the rules read it: merged text copied down, plus where it came from."""

    rows: list[list[str]]  # filled, cleaned
    raw: list[list[str]]  # as extracted (merged regions' text in the top-left cell only), cleaned
    pages: list[int]
    unit: str | None = None  # money unit declared for the table ('万元'), None when unknown
    caption: str = ""


@dataclass
class Context:
    result: object  # ReportResult
    seg: object | None
    doc: object | None
    settings: CheckSettings
    vocab: dict = field(default_factory=load)
    checks: list[Check] = field(default_factory=list)
    _sentences: list[Sentence] | None = None
    _grids: list[Grid] | None = None

    # ------------------------------------------------------------------ emitting
    def compare(self, rule: str, subject: str, reported: Fig, recomputed: float | None, how: str,
                page: int | None = None, evidence: str | None = None,
                spread: tuple[float, float] | None = None) -> Check:
        """One recomputation recorded: status from the figures, detail says how and with what.

        ``spread``: the least and most the recomputed figure could be, its inputs being rounded
        themselves (3.88 of 4 points is 96.875–97.125 %): a reported figure inside it is a rounding."""
        if recomputed is None:
            status, note = "unverifiable", "an input is missing"
        else:
            status, note = judge(reported, recomputed, self.settings)
            if status == "mismatch" and spread is not None:
                half = reported.step(self.settings) / 2
                if spread[0] - half <= reported.value <= spread[1] + half:
                    status, note = "rounding", f"within the rounding of its inputs ({fmt(spread[0])}–{fmt(spread[1])})"
        c = Check(rule=rule, subject=subject, reported=reported.value,
                  recomputed=None if recomputed is None else round(recomputed, 6), status=status,
                  detail=f"{how}; reported {reported.text or fmt(reported.value)}, recomputed "
                         f"{fmt(recomputed)}: {note}",
                  page=page, evidence=(evidence or "")[:500] or None)
        self.checks.append(c)
        return c

    def text_check(self, rule: str, subject: str, reported: str, recomputed: str, how: str,
                   page=None, evidence=None, reported_value=None) -> Check:
        status = "ok" if reported == recomputed else "mismatch"
        c = Check(rule=rule, subject=subject, reported=reported_value, reported_text=reported,
                  recomputed_text=recomputed, status=status, detail=how, page=page,
                  evidence=(evidence or "")[:500] or None)
        self.checks.append(c)
        return c

    # ------------------------------------------------------------------ prose
    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = build_sentences(getattr(self.seg, "paragraphs", None) or
                                              (self.doc.paragraphs if self.doc is not None else []))
        return self._sentences

    # ------------------------------------------------------------------ tables
    @property
    def grids(self) -> list[Grid]:
        if self._grids is None:
            blocks = getattr(self.seg, "blocks", None)
            if blocks is None and self.doc is not None:
                blocks = self.doc.blocks
            self._grids = build_grids(blocks or [], self.vocab)
        return self._grids


def build_sentences(paragraphs) -> list[Sentence]:
    """Join paragraphs into one stream and cut it at 。！？ (and at headings)."""
    out: list[Sentence] = []
    buf, page = "", None
    for p in paragraphs:
        t = clean(p.text)
        if not t or PAGE_FOOTER.match(t):
            continue
        if getattr(p, "heading_level", None):
            if buf:
                out.append(Sentence(buf, page))
            out.append(Sentence(t, p.page))
            buf, page = "", None
            continue
        if not buf:
            page = p.page
        buf += t
        parts = re.split(r"(?<=[。！？!?])", buf)
        for s in parts[:-1]:
            if s:
                out.append(Sentence(s, page))
            page = p.page
        buf = parts[-1]
    if buf:
        out.append(Sentence(buf, page))
    return out


def _unit_in(text: str) -> str | None:
    m = re.search(r"(?:金额|资金)?单位[:：]?(亿元|万元|千元|元)", text)
    if m:
        return m.group(1)
    m = re.search(r"[（(](亿元|万元|千元|元)[)）]", text)
    return m.group(1) if m else None


def build_grids(blocks, vocab) -> list[Grid]:
    """Tables in reading order, each with the money unit declared in its header or just before it."""
    from jixiao.extract.document import Paragraph, Table  # noqa: PLC0415

    grids: list[Grid] = []
    recent: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            recent = (recent + [clean(b.text)])[-3:]
            continue
        if not isinstance(b, Table):
            continue
        tables = [b] + list(getattr(b, "nested", []) or [])
        for t in tables:
            filled = [[clean(c) for c in r] for r in t.filled()]
            raw = [[clean(c) for c in r] + [""] * (t.n_cols - len(r)) for r in t.rows]
            pages = [t.page_of_row(i) for i in range(t.n_rows)]
            head = " ".join(recent) + " " + " ".join(" ".join(r) for r in raw[:3])
            unit = _unit_in(head)
            prev = grids[-1] if grids else None
            if prev and filled and prev.rows and t is b and len(filled[0]) == len(prev.rows[0]) \
                    and t.page_start in (prev.pages[-1], prev.pages[-1] + 1):
                from .tablemodel import is_header  # noqa: PLC0415

                if filled[0] == prev.rows[0]:  # a continuation with its header repeated
                    prev.rows += filled[1:]
                    prev.raw += raw[1:]
                    prev.pages += pages[1:]
                    continue
                if t.page_start == prev.pages[-1] + 1 and not is_header(filled[0], vocab.get("roles", {})):
                    prev.rows += filled  # a continuation without a header: the rest of the same form
                    prev.raw += raw
                    prev.pages += pages
                    continue
            grids.append(Grid(filled, raw, pages, unit, " ".join(recent)))
        recent = []
    return grids

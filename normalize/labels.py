"""Label-value pairs: "项目名称：X" paragraphs and [项目名称 | X] table rows, with provenance.

Covers and forms of every template state the same few facts next to a label; the labels vary
("主管部门", "市级项目主管部门（公章）", "部门（单位）名称") but their meaning does not. This
module finds every pair generically and maps a label to a card field through the vocabulary in
``data/card.toml``, so a new template usually needs a synonym there, not code.
"""
from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import regex as re

from jixiao.extract.document import Paragraph, Table

DATA = Path(__file__).resolve().parent / "data"

_CJK = r"\p{Han}"
# whitespace with a CJK character or a full-width mark on either side is layout, not text
_LAYOUT_SPACE = re.compile(rf"(?<=[{_CJK}\p{{P}}])\s+|\s+(?=[{_CJK}\p{{P}}])")
_COLON = re.compile(r"[：:]")
# "标签：值" pieces inside one string: a break is whitespace followed by a short label and a colon
_PAIR_BREAK = re.compile(r"\s+(?=[^\s：:，。；,]{2,16}[：:])")


@lru_cache(maxsize=None)
def card_vocab() -> dict:
    """The parsed ``data/card.toml`` (cached: read once per process)."""
    return tomllib.loads((DATA / "card.toml").read_text(encoding="utf-8"))


def tidy(text: str | None) -> str:
    """Text as written, minus layout whitespace: '岳阳市 2018 年度' -> '岳阳市2018年度'.

    The contract stores names as written but without the spaces PDF extraction inserts between
    CJK characters; spaces between two Latin words or numbers are kept."""
    if text is None:
        return ""
    t = str(text).replace("\u3000", " ").strip()
    t = _LAYOUT_SPACE.sub("", t)
    return re.sub(r"\s{2,}", " ", t)


def fold(text: str | None) -> str:
    """Width-folded text without any whitespace: the form patterns are matched against."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@dataclass
class LabelValue:
    """One labelled value as found: which field it names (``key``) and where it was read."""

    label: str  # the label as written, without its colon
    value: str  # the value as written (tidied)
    key: str | None  # card field the label means (project, unit, ...), None when unknown
    page: int
    evidence: str
    source: str  # table | paragraph
    block: int | None = None  # index into the segment's blocks
    row: int | None = None
    col: int | None = None


@lru_cache(maxsize=None)
def _label_patterns() -> tuple[tuple[str, "re.Pattern"], ...]:
    labels = card_vocab()["labels"]
    out = []
    for key, words in labels.items():
        if not isinstance(words, list):
            continue  # settings of the section (label_noise, max_label_chars)
        for w in words:
            out.append((key, re.compile(re.escape(fold(w)))))
    return tuple(out)


def label_key(label: str) -> str | None:
    """The card field a label names: '市级项目主管部门（公章）' -> 'department'; None if unknown."""
    vocab = card_vocab()["labels"]
    t = fold(label).rstrip("：:")
    t = re.sub(vocab.get("label_noise", r"$^"), "", t)
    t = re.sub(r"^[一二三四五六七八九十\d]+[、.．]|^[（(][一二三四五六七八九十\d]+[）)]", "", t)
    if not t or len(t) > vocab.get("max_label_chars", 16):
        return None
    for key, pat in _label_patterns():
        if pat.fullmatch(t):
            return key
    return None


def _is_label(text: str) -> bool:
    t = fold(text)
    return bool(t) and (label_key(t) is not None or (t.endswith(("：", ":")) and len(t) <= 17))


@lru_cache(maxsize=None)
def _known_label_re() -> "re.Pattern":
    """A known label with its colon inside a value: where a PDF glued two pairs of one line."""
    words = sorted({w for ws in card_vocab()["labels"].values() if isinstance(ws, list) for w in ws if len(w) >= 3},
                   key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")(?:[（(][^）)]{1,6}[）)])?\s*[:：]")


def _at_known_labels(piece: str) -> list[str]:
    """'填报单位（盖章）：南通博物苑填报日期：2024年4月8日' -> the two pairs it holds."""
    m = _COLON.search(piece)
    if not m:
        return [piece]
    hit = _known_label_re().search(piece, m.end() + 1)
    if not hit:
        return [piece]
    return [piece[: hit.start()]] + _at_known_labels(piece[hit.start():])


def split_pairs(text: str) -> list[tuple[str, str]]:
    """Every "标签：值" pair in one string ('单位名称：X    填报日期：2023年4月28日' gives two)."""
    vocab = card_vocab()["labels"]
    out = []
    raw = (text or "").replace("\u3000", " ")  # values keep their width as written
    pieces = [q for piece in _PAIR_BREAK.split(raw.strip()) for q in _at_known_labels(piece)]
    for piece in pieces:
        m = _COLON.search(piece)
        if not m:
            continue
        label, value = piece[: m.start()].strip(), piece[m.end():].strip()
        flab = fold(label)
        if not flab or len(flab) > vocab.get("max_label_chars", 16) or re.search(r"[，。；,;]", flab):
            continue
        out.append((tidy(label), tidy(value)))
    return out


def _table_pairs(t: Table, bi: int) -> Iterable[LabelValue]:
    for r, row in enumerate(t.rows):
        cells = [(c, (v or "").strip()) for c, v in enumerate(row)]
        cells = [(c, v) for c, v in cells if v]
        page = t.page_of_row(r)
        for i, (c, v) in enumerate(cells):
            if _COLON.search(v) and not fold(v).endswith(("：", ":")):
                for lab, val in split_pairs(v):  # "单位名称（盖章）：X" inside one cell
                    if val:
                        yield LabelValue(lab, val, label_key(lab), page, tidy(v), "table", bi, r, c)
                continue
            key = label_key(v)
            if key is None and not fold(v).endswith(("：", ":")):
                continue
            nxt = next(((c2, v2) for c2, v2 in cells[i + 1:] if fold(v2) != fold(v)), None)
            if nxt is None and key is not None and len(cells) == 1:
                below = _below(t, r, c)  # a form's label row with the value on the row beneath
                if below is not None:
                    yield LabelValue(tidy(v).rstrip("：:"), tidy(below), key, t.page_of_row(r + 1),
                                     f"{tidy(v)} {tidy(below)}", "table", bi, r + 1, c)
                continue
            if nxt is None or _is_label(nxt[1]) or _is_column_header(nxt[1]):
                continue  # "项目名称 | 预算数 | 执行数": the header row of a list of projects, not a pair
            lab = tidy(v).rstrip("：:")
            yield LabelValue(lab, tidy(nxt[1]), key, page, f"{tidy(v)} {tidy(nxt[1])}", "table", bi, r, nxt[0])


def _is_column_header(text: str) -> bool:
    """A word that heads a column of figures (预算数, 执行率, 得分): never a card value."""
    from .tables.vocab import load_vocab  # noqa: PLC0415 - the header vocabulary of the table stage

    return any(role in _FIGURE_ROLES for role, _ in load_vocab().roles_of(text))


_FIGURE_ROLES = {"initial", "adjusted", "final", "spent", "rate", "adjust_rate", "weight", "score", "score_rate",
                 "target", "actual"}


def _below(t: Table, r: int, c: int) -> str | None:
    """The lone value on the row under a lone label, if that row holds nothing else."""
    if r + 1 >= len(t.rows):
        return None
    vals = [(j, (v or "").strip()) for j, v in enumerate(t.rows[r + 1]) if (v or "").strip()]
    if len(vals) != 1 or vals[0][0] != c or _is_label(vals[0][1]):
        return None
    return vals[0][1]


def block_label_values(blocks: list, start: int = 0) -> list[LabelValue]:
    """Label-value pairs of a run of blocks, in reading order (``block`` indices from ``start``)."""
    out: list[LabelValue] = []
    for bi, b in enumerate(blocks, start):
        if isinstance(b, Paragraph):
            if not _COLON.search(b.text or ""):
                continue
            for lab, val in split_pairs(b.text):
                if val:
                    out.append(LabelValue(lab, val, label_key(lab), b.page, tidy(b.text), "paragraph", bi))
        elif isinstance(b, Table):
            out.extend(_table_pairs(b, bi))
            for n in b.nested:
                out.extend(_table_pairs(n, bi))
    return out


def label_values(seg) -> list[LabelValue]:
    """Every label-value pair of a segment (anything with ``.blocks``), in reading order."""
    return block_label_values(list(seg.blocks))


def first_value(pairs: list[LabelValue], key: str) -> LabelValue | None:
    return next((p for p in pairs if p.key == key and p.value), None)

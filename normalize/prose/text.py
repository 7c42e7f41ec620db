"""Paragraphs, sentences and clauses as the prose rules need them.

PDF readers hand over one paragraph per printed line and DOCX files rebuilt from PDFs keep the
same breaks, so sentences are first reflowed: a line that fills the page width and does not end a
sentence continues on the next one. Rules then work on clauses (the text between commas,
semicolons and list numbers), because Chinese report prose packs several facts into one sentence
("年初预算 X 万元，年中追减 Y 万元，实际预算 Z 万元").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex as re

from jixiao.extract.document import Paragraph, Table

TERMINAL = "。！？!?；;：:"
CONTINUES = "的与和及、，,或"  # a line ending so is cut mid-sentence
PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})$")
NUMBERING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．](?!\d)|"
                       r"[①-⑳]|第[一二三四五六七八九十]+[部分章节条]?)\s*")
LIST_NUMBER = re.compile(r"(?:(?<![\d.])\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])")
THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


@dataclass
class Para:
    """A reflowed paragraph: its text as written (for evidence) and where it starts."""

    text: str
    page: int
    heading: bool = False
    lines: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    """Width-folded, whitespace-free, thousands separators dropped: what the rules read."""
    t = unicodedata.normalize("NFKC", text or "")
    t = re.sub(r"\s+", "", t)
    return THOUSANDS.sub("", t)


_LEVELS = [(re.compile(r"^[一二三四五六七八九十]+\s*[、.．]"), 1), (re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]"), 2),
           (re.compile(r"^\d+\s*[、.．](?!\d)"), 3), (re.compile(r"^[（(]\s*\d+\s*[)）]"), 4), (re.compile(r"^[①-⑳]"), 5)]


def numbering_level(text: str) -> int | None:
    """1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①; None when unnumbered."""
    t = norm(text)
    for pat, level in _LEVELS:
        if pat.match(t):
            return level
    return None


def strip_numbering(text: str) -> str:
    prev = None
    t = text.strip()
    while prev != t:
        prev = t
        t = NUMBERING.sub("", t, count=1).strip()
    return t


def looks_like_heading(text: str, max_chars: int, styled: bool = False) -> bool:
    """Short, no sentence punctuation inside, no stated figure; ``styled``: the reader saw a heading style."""
    t = norm(text)
    if not t or len(t) > max_chars:
        return False
    bare = re.sub(r"[(（][^()（）]*[)）]", "", t)  # "（分值20分，得分15分）" is part of a heading
    if re.search(r"\d(?:[%％]|元|万元|人|件|次|项)", bare):
        return False  # "群众满意率 91.15%。" states a fact: body text, however short
    if t[-1] in CONTINUES:
        return False
    if not styled and not NUMBERING.match(t) and len(t) > max_chars // 2:
        return False  # an unnumbered line this long is a broken-off piece of body text
    return not re.search(r"[，,。；;]", bare[:-1])


def reflow(blocks, settings) -> list[Para]:
    """Join printed lines back into paragraphs; drop page numbers; a table ends a paragraph."""
    paras: list[Para] = []
    lines = [b for b in blocks if isinstance(b, Paragraph) and norm(b.text)]
    lengths = sorted(len(norm(b.text)) for b in lines)
    full = lengths[int(len(lengths) * settings.full_line_quantile)] if lengths else 0
    cur: Para | None = None
    prev_len = 0
    for b in blocks:
        if isinstance(b, Table):
            cur = None
            continue
        if not isinstance(b, Paragraph):
            continue
        raw = b.text.strip()
        t = norm(raw)
        if not t or PAGE_NUMBER.match(t):
            continue
        joinable = (cur is not None and not cur.heading and cur.text and norm(cur.text)[-1] not in TERMINAL
                    and (prev_len >= settings.full_line_ratio * full and full >= settings.min_full_line
                         or norm(cur.text)[-1] in CONTINUES
                         or (b.heading_level is None and not NUMBERING.match(t)
                             and not looks_like_heading(raw, settings.heading_max_chars))))
        if joinable:
            cur.text += raw
            cur.lines.append(raw)
        else:
            heading = looks_like_heading(raw, settings.heading_max_chars, styled=b.heading_level is not None)
            cur = Para(raw, b.page, heading, [raw])
            paras.append(cur)
            if heading and not NUMBERING.match(t) and len(t) >= settings.full_line_ratio * full:
                cur.heading = False  # a full unnumbered line is body text that happens to be short of commas
        prev_len = len(t)
    for p in paras:
        if p.heading and len(norm(p.text)) > settings.heading_max_chars:
            p.heading = False
    return paras


SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def sentences(text: str) -> list[str]:
    """Sentences as written, each ending with its punctuation."""
    return [s for s in (x.strip() for x in SENTENCE_END.split(text)) if s]


def clauses(sentence: str) -> list[str]:
    """Normalized clauses of a sentence: split at commas, colons, 、 and list numbers, not inside brackets."""
    t = norm(sentence)
    out, buf, depth = [], "", 0
    i = 0
    while i < len(t):
        ch = t[i]
        if depth == 0 and buf == "":
            m = LIST_NUMBER.match(t, i)
            if m:
                i = m.end()
                continue
        if ch in "(（[【《“":
            depth += 1
        elif ch in ")）]】》”":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",，:：;；。!?！？、":
            if buf:
                out.append(buf)
            buf = ""
            i += 1
            continue
        buf += ch
        i += 1
    if buf:
        out.append(buf)
    return [c for c in out if c]


QUOTES = str.maketrans("", "", "“”\"‘’'「」《》")


def clean_name(name: str, strip_prefix: list[str], strip_suffix: list[str]) -> str:
    """An indicator name as written, without list numbering, discourse words and trailing qualifiers."""
    t = strip_numbering(norm(name))
    t = re.sub(r"^[（(][^)）]{0,12}[)）]", "", t)
    changed = True
    while changed and t:
        changed = False
        for p in sorted(strip_prefix, key=len, reverse=True):
            if t.startswith(p) and len(t) > len(p):
                t, changed = t[len(p):], True
        t2 = re.sub(r"^(?:\d{4}年(?:度)?|\d{1,2}月(?:份)?|\d{1,2}[-—至]\d{1,2}月)", "", t)
        if t2 != t:
            t, changed = t2, True
        for s in sorted(strip_suffix, key=len, reverse=True):
            if t.endswith(s) and len(t) > len(s):
                t, changed = t[: -len(s)], True
    t = t.strip("(（)）、，,:：的")
    if t.count("“") != t.count("”"):
        t = t.replace("“", "").replace("”", "")
    return t


def as_written(name: str, raw: str) -> str:
    """The name as the report writes it (full-width brackets kept), found back in the raw sentence."""
    chars, idx = [], []
    for i, ch in enumerate(raw or ""):
        if ch.isspace():
            continue
        for c in unicodedata.normalize("NFKC", ch):
            chars.append(c)
            idx.append(i)
    pos = "".join(chars).find(name)
    if not name or pos < 0:
        return name
    return re.sub(r"\s+", "", raw[idx[pos]: idx[pos + len(name) - 1] + 1])

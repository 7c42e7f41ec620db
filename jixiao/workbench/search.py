"""``jixiao search``: find report prose by any substring, Chinese or not.

Terms of 3 or more characters go through the trigram FTS5 index (``db/fts.py``); shorter
ones, and every term when the index is missing (an old SQLite, a database written before the
index existed), go through LIKE, which is exact but scans. Several terms separated by spaces
must all occur in the paragraph. Hits come back with file, page and the words around the
first match, because a paragraph number means nothing to a reader and a page does."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from jixiao.db.fts import FTS_TABLE, MIN_TRIGRAM_CHARS

from .connect import has_table
from .settings import WorkbenchSettings


@dataclass
class SearchHit:
    path: str
    page: int | None
    report_id: str | None
    seq: int
    text: str
    context: str  # the words around the first match, with … where cut
    spans: list[tuple[int, int]] = field(default_factory=list)  # matches inside ``context``


@dataclass
class SearchResult:
    query: str
    terms: list[str]
    hits: list[SearchHit]
    total: int  # matching paragraphs, of which ``hits`` are the first ``limit``
    used_index: bool


def split_terms(text: str) -> list[str]:
    """Terms are separated by whitespace (ASCII or ideographic); quotes are not operators."""
    return [t for t in re.split(r"[\s\u3000]+", text.strip().replace('"', " ")) if t]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def context_of(text: str, terms: list[str], chars: int) -> tuple[str, list[tuple[int, int]]]:
    """The text around the earliest match, and where every term occurs inside that window."""
    folded = text.casefold()
    starts = [folded.find(t.casefold()) for t in terms]
    starts = [s for s in starts if s >= 0]
    first = min(starts) if starts else 0
    lo, hi = max(0, first - chars), min(len(text), first + chars + max((len(t) for t in terms), default=0))
    window = text[lo:hi]
    prefix, suffix = ("…" if lo > 0 else ""), ("…" if hi < len(text) else "")
    spans = []
    wf = window.casefold()
    for t in terms:
        for m in re.finditer(re.escape(t.casefold()), wf):
            spans.append((m.start() + len(prefix), m.end() + len(prefix)))
    return prefix + window + suffix, sorted(spans)


def search(conn: sqlite3.Connection, text: str, limit: int | None = None, year: int | None = None,
           city: str | None = None, settings: WorkbenchSettings | None = None) -> SearchResult:
    settings = settings or WorkbenchSettings()
    limit = limit or settings.search_limit
    terms = split_terms(text)
    if not terms or not has_table(conn, "paragraphs"):
        return SearchResult(query=text, terms=terms, hits=[], total=0, used_index=False)
    indexed = has_table(conn, FTS_TABLE)
    long_terms = [t for t in terms if indexed and len(t) >= MIN_TRIGRAM_CHARS]
    short_terms = [t for t in terms if t not in long_terms]
    where, params = [], []
    source = "paragraphs p"
    order = "f.path, p.seq"
    if long_terms:
        source = (f"(select rowid as fts_rowid, rank from [{FTS_TABLE}] where [{FTS_TABLE}] match ?) m "
                  f"join paragraphs p on p.rowid = m.fts_rowid")
        params.append(" AND ".join(_fts_phrase(t) for t in long_terms))
        order = "m.rank, f.path, p.seq"
    for t in short_terms:
        where.append("p.text like ? escape '\\'")
        params.append(_like(t))
    if year is not None:
        where.append("r.fiscal_year = ?")
        params.append(year)
    if city:
        where.append("(r.city = ? or r.county = ? or r.province = ?)")
        params += [city, city, city]
    body = (f"from {source} join files f on f.id = p.file_id left join reports r on r.id = p.report_id "
            f"where {' and '.join(where) or '1 = 1'}")
    total = conn.execute(f"select count(*) {body}", params).fetchone()[0]
    rows = conn.execute(f"select f.path, p.page, p.report_id, p.seq, p.text {body} order by {order} limit ?",
                        [*params, limit]).fetchall()
    hits = []
    for path, page, report_id, seq, ptext in rows:
        ctx, spans = context_of(ptext or "", terms, settings.context_chars)
        hits.append(SearchHit(path=path, page=page, report_id=report_id, seq=seq, text=ptext, context=ctx,
                              spans=spans))
    return SearchResult(query=text, terms=terms, hits=hits, total=total, used_index=bool(long_terms))

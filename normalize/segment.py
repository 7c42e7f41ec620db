"""Where each report of a file starts and ends.

A file may hold several reports (a department's self-evaluation followed by a project's, or a
disclosure of several project forms), but far more often one report plus its own attachments: the
自评表 or 评分表 that belongs to the text before it, a finance bureau's cover notice, a title
repeated as a running header. Splitting on every title would give a spurious report that steals
the real one's tables, so a title starts a new report only when it contradicts the report in
progress: another kind of self-evaluation, or another project / unit named on its cover.
Everything else joins the current report. Patterns come from ``data/card.toml``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re
from jixiao.extract.document import Block, Document, Paragraph, Table

from jixiao.settings import stage_settings

from .labels import block_label_values, card_vocab, fold, tidy


@dataclass
class SegmentSettings:
    cover_blocks: int = 12  # blocks after a title searched for the cover's 项目名称 / 单位
    cover_rows: int = 8  # first rows of a table searched for a title or a cover label
    identity_min_chars: int = 4  # shorter names are too generic to tell two reports apart
    attachment_reach: int = 3  # a title this many blocks after "附件：" is that attachment's

    @classmethod
    def from_settings(cls, settings) -> "SegmentSettings":
        return stage_settings(cls, settings, "normalize", "segment")


@dataclass
class Segment:
    """A run of a document's blocks that forms one report."""

    blocks: list[Block]
    page_start: int
    page_end: int
    table_seqs: list[int] = field(default_factory=list)  # indices into doc.tables
    kind_hint: str | None = None
    title: str | None = None  # the report's title as written (tidied), when one was found
    title_page: int | None = None
    title_block: int | None = None  # index into ``blocks``
    block_start: int = 0  # index of the first block in doc.blocks

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


@dataclass
class Title:
    """A report or form title found in the block stream."""

    block: int  # first block of the title (earlier lines of a broken title included)
    text: str
    page: int
    kind: str | None
    form: bool  # a form (自评表/评分表) rather than a report text
    attached: bool = False  # announced by a preceding "附件：" line
    project: str | None = None
    unit: str | None = None

    @property
    def summary(self) -> bool:
        return bool(re.search(card_vocab()["title"].get("summary", r"$^"), fold(self.text)))


def kind_of(text: str | None) -> str | None:
    """The report kind a title names (rules in card.toml [[kind]], first match wins)."""
    t = fold(text)
    if not t:
        return None
    for rule in card_vocab().get("kind", []):
        if re.search(rule["pattern"], t) and not (rule.get("not") and re.search(rule["not"], t)):
            return rule["kind"]
    return None


def is_title(text: str) -> bool:
    v = card_vocab()["title"]
    t = fold(text)
    if not t or len(t) > v.get("max_chars", 60) or not re.search(v["pattern"], t):
        return False
    return not any(re.search(p, t) for p in v.get("not", []))


def _is_form(text: str) -> bool:
    return any(re.search(p, fold(text)) for p in card_vocab()["title"].get("form", []))


def _is_attachment_line(text: str) -> bool:
    return bool(re.match(card_vocab()["attachment"]["pattern"], fold(text)))


def _paragraph_title(blocks: list[Block], i: int) -> tuple[int, str] | None:
    """A title ending at paragraph i, with up to N short lines before it on the same page."""
    v = card_vocab()["title"]
    p = blocks[i]
    if not isinstance(p, Paragraph):
        return None
    start, text = i, fold(p.text)
    if not is_title(text):
        return None
    for _ in range(v.get("max_join_lines", 2)):
        j = start - 1
        if j < 0 or not isinstance(blocks[j], Paragraph) or blocks[j].page != p.page:
            break
        prev = fold(blocks[j].text)
        if (not prev or len(prev) > v.get("max_line_chars", 30) or re.search(r"[。；;，,：:！？]", prev)
                or is_title(prev) or _is_attachment_line(prev)
                or any(re.search(x, prev) for x in v.get("not_join", []))):
            break
        if not is_title(prev + text):
            break
        start, text = j, prev + text
    return start, tidy("".join(b.text for b in blocks[start:i + 1]))


def _table_title(t: Table, rows: int) -> str | None:
    """A title written in a lone cell of a table's first rows (a sheet's merged title row)."""
    for row in t.rows[:rows]:
        vals = [v for v in row if (v or "").strip()]
        if len(vals) == 1 and is_title(vals[0]):
            return tidy(vals[0])
    return None


def _attachment_names(text: str) -> str:
    """What an "附件：X" line announces (X, folded), '' when it names nothing."""
    return re.sub(card_vocab()["attachment"]["pattern"], "", fold(text))


def _same_title(a: str, b: str) -> bool:
    x, y = fold(a), fold(b)
    return bool(x and y) and (x in y or y in x)


def find_titles(blocks: list[Block], s: SegmentSettings) -> list[Title]:
    """Report and form titles in reading order; a title announced by the "附件：" line right
    before it (or by one naming no title) is marked ``attached``."""
    titles: list[Title] = []
    attach_at, attach_name = -10**9, ""

    def attached(i: int, text: str) -> bool:
        return i - attach_at <= s.attachment_reach and (not attach_name or _same_title(attach_name, text))

    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph):
            found = _paragraph_title(blocks, i)
            if found is None:
                if _is_attachment_line(b.text):
                    attach_at, attach_name = i, _attachment_names(b.text)
                continue
            start, text = found
            if titles and titles[-1].block >= start:
                continue
            titles.append(Title(start, text, blocks[start].page, kind_of(text), _is_form(text), attached(start, text)))
        elif isinstance(b, Table):
            text = _table_title(b, s.cover_rows)
            if text:
                titles.append(Title(i, text, b.page_start, kind_of(text), _is_form(text), attached(i, text)))
    return titles


def _identity(blocks: list[Block], t: Title, begin: int, end: int, s: SegmentSettings) -> None:
    """Project and unit named on the cover around a title (from ``begin``: tables that open the
    title's page, up to ``end``: the next title's page top)."""
    window = blocks[begin:min(end, t.block + s.cover_blocks)]
    for lv in block_label_values(window, begin):
        if lv.source == "table" and lv.row is not None and lv.row >= s.cover_rows:
            continue
        if lv.key == "project" and t.project is None:
            t.project = lv.value
        elif lv.key == "unit" and t.unit is None:
            t.unit = lv.value


def _norm_name(name: str | None) -> str:
    t = fold(name)
    t = re.sub(card_vocab()["names"]["code_prefix"], "", t)
    t = re.sub(card_vocab()["names"]["year_prefix"], "", t)
    return re.sub(r"[\p{P}\s]", "", t)


def _conflict(a: str | None, b: str | None, s: SegmentSettings) -> bool:
    """Two names that cannot denote the same report (neither contains the other)."""
    x, y = _norm_name(a), _norm_name(b)
    if len(x) < s.identity_min_chars or len(y) < s.identity_min_chars:
        return False
    return x not in y and y not in x


SELF_KINDS = {"project_self", "department_self"}


def _starts_new(cur: dict, t: Title, s: SegmentSettings) -> bool:
    """Whether title ``t`` begins another report than the one in progress (``cur``)."""
    if cur.get("summary") is not None and cur["summary"] != t.summary:
        return True  # a summary of several reports and a report it summarises are two
    if cur["kind"] and t.kind and t.kind != cur["kind"]:
        if not t.form and not t.attached:
            return True  # a report text of another kind: 部门整体 then 项目支出
        if t.kind in SELF_KINDS and cur["kind"] in SELF_KINDS:
            return True  # a project form inside a department's disclosure is its own report
    if _conflict(cur["project"], t.project, s):
        return True
    if cur["kind"] == "department_self" and t.kind == "department_self" and _conflict(cur["unit"], t.unit, s):
        return True
    return False


def _table_seq_map(doc: Document) -> dict[int, list[int]]:
    """Top-level block index -> its indices in doc.tables (the table, then its nested ones)."""
    out: dict[int, list[int]] = {}
    seq = 0

    def walk(t: Table, acc: list[int]) -> None:
        nonlocal seq
        acc.append(seq)
        seq += 1
        for n in t.nested:
            walk(n, acc)

    for i, b in enumerate(doc.blocks):
        if isinstance(b, Table):
            acc: list[int] = []
            walk(b, acc)
            out[i] = acc
    return out


def _pages(blocks: list[Block]) -> tuple[int, int]:
    pages = []
    for b in blocks:
        if isinstance(b, Table):
            pages += [b.page_start, b.page_end]
        else:
            pages.append(b.page)
    pages = [p for p in pages if p]
    return (min(pages), max(pages)) if pages else (1, 1)


def _page_top(blocks: list[Block], t: Title, floor: int) -> int:
    """Where a report starting at title ``t`` begins: a PDF reader may emit a page's tables
    before its text, so tables that open the title's page belong to the new report."""
    start = t.block
    while start - 1 > floor and isinstance(blocks[start - 1], Table) and blocks[start - 1].page_start == t.page:
        start -= 1
    if start == t.block or start == 0:
        return start
    before = blocks[start - 1]
    prev_page = before.page_end if isinstance(before, Table) else before.page
    return start if prev_page < t.page else t.block  # only when the tables open the page


def plan(blocks: list[Block], s: SegmentSettings) -> tuple[list[Title], list[tuple[int, Title | None]]]:
    """The titles found, with their cover identity, and where each report starts."""
    titles = find_titles(blocks, s)
    tops = [_page_top(blocks, t, titles[k - 1].block if k else -1) for k, t in enumerate(titles)]
    for k, t in enumerate(titles):
        _identity(blocks, t, tops[k], tops[k + 1] if k + 1 < len(titles) else len(blocks), s)
    starts: list[tuple[int, Title | None]] = [(0, titles[0] if titles else None)]
    cur = {"kind": None, "project": None, "unit": None, "summary": None}
    for k, t in enumerate(titles):
        if k > 0 and _starts_new(cur, t, s):
            starts.append((_page_top(blocks, t, starts[-1][0]), t))
            cur = {"kind": None, "project": None, "unit": None, "summary": None}
        if cur["summary"] is None:
            cur["summary"] = t.summary
        if t.kind and (cur["kind"] is None or (not t.form and not t.attached and starts[-1][1] is not None
                                               and starts[-1][1].form)):
            cur["kind"] = t.kind
        cur["project"] = cur["project"] or t.project
        cur["unit"] = cur["unit"] or t.unit
        if k == 0 or starts[-1][1] is t:
            continue
        # the report's own title is its first report-text title (a form title only when none)
        if starts[-1][1] is not None and starts[-1][1].form and not t.form and not t.attached:
            starts[-1] = (starts[-1][0], t)
    return titles, starts


def split_reports(doc: Document, settings=None) -> list[Segment]:
    """The reports of ``doc`` in order; at least one, so every file that was read has a report."""
    s = SegmentSettings.from_settings(settings)
    blocks = list(doc.blocks)
    titles, starts = plan(blocks, s)
    seq_map = _table_seq_map(doc)
    segments = []
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        part = blocks[start:end]
        p0, p1 = _pages(part) if part else (1, max(doc.n_pages, 1))
        if not blocks:
            p1 = max(doc.n_pages, 1)
        seqs = [q for i in range(start, end) for q in seq_map.get(i, [])]
        kinds = [t.kind for t in titles if start <= t.block < end and t.kind]
        report_kinds = [t.kind for t in titles if start <= t.block < end and t.kind and not t.form and not t.attached]
        segments.append(Segment(
            blocks=part, page_start=p0, page_end=p1, table_seqs=seqs,
            kind_hint=(report_kinds or kinds or [None])[0],
            title=title.text if title else None, title_page=title.page if title else None,
            title_block=(title.block - start) if title else None, block_start=start))
    return segments

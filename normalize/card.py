"""The report card: kind, title, place, department, unit, project, year, date, evaluator, score, grade.

Every field is read the same three ways, strongest first: a labelled cell or cover line
(项目名称：X), a stated sentence (自评得分为99分), a hint from another stage. A value that no
source states stays None: a guessed place or score misleads an analyst more than a gap does.
Each field set records its page and source text in ``Report.provenance``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex as re
from jixiao.extract.document import Paragraph, Table
from jixiao.schemas import Report

from jixiao.settings import stage_settings

from . import numbers, places
from .labels import LabelValue, card_vocab, fold, label_values, tidy
from .segment import kind_of


@dataclass
class CardSettings:
    max_score: float = 100.0  # a stated total above this is not a total score
    strength_table: int = 4  # a labelled form cell (自评总分 | 94.66)
    strength_label: int = 3  # a cover line (自评得分：95)
    strength_sentence: int = 2  # a sentence (自评得分为99分)
    cover_blocks: int = 12  # blocks after the title searched for a standalone date
    signature_blocks: int = 4  # last blocks of a report searched for its signature date when the cover has none
    cover_rows: int = 8  # first rows of a table that may hold the title and its year
    long_cell_chars: int = 15  # a table cell this long is read as running text too
    min_broken_line: int = 20  # a line at least this long without end punctuation continues on the next
    full_line_ratio: float = 0.85  # ... if it is also this close to the widest line of its page
    cover_line_chars: int = 14  # a line under the title this short may state the year: （2022年度）
    min_year: int = 1990
    max_year: int = 2100

    @classmethod
    def from_settings(cls, settings) -> "CardSettings":
        return stage_settings(cls, settings, "normalize", "card")


@dataclass
class _Cand:
    value: object
    page: int | None
    evidence: str | None
    strength: int
    order: int = 0


def _names() -> dict:
    return card_vocab()["names"]


def clean_name(value: str | None) -> str | None:
    """A name as written minus a budget code prefix ('219-池州市…' -> '池州市…')."""
    v = tidy(value)
    v = re.sub(_names()["code_prefix"], "", v).strip()
    return v or None


def strip_year(value: str | None) -> str | None:
    """A project name without its leading year ('2022年政务服务经费' -> '政务服务经费')."""
    v = clean_name(value)
    if not v:
        return None
    v = re.sub(_names()["year_prefix"], "", v).strip()
    return v or None


def grade_of(text: str | None) -> str | None:
    """优/良/中/差 from a grade as stated ('优秀', '“良”'); None for anything else."""
    t = re.sub(r"[\p{P}\s]", "", fold(text))
    for grade, words in card_vocab()["grades"].items():
        if t in words:
            return grade
    return None


def _year(text: str | None, s: CardSettings) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", numbers.clean(text)) or re.fullmatch(r"((?:19|20)\d{2})", numbers.clean(text))
    if m and s.min_year <= int(m.group(1)) <= s.max_year:
        return int(m.group(1))
    return None


def _squeeze(text: str | None) -> str:
    """No whitespace, width kept as written (values quoted from it keep their （）)."""
    return re.sub(r"\s+", "", text or "")


def _width(text: str) -> int:
    """Printed width: a CJK character is as wide as two digits."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


class _Text:
    """The segment's running text as one string (PDF lines re-joined), with a page per offset."""

    def __init__(self, seg, s: CardSettings):
        parts: list[tuple[str, int]] = []
        for b in seg.blocks:
            if isinstance(b, Paragraph):
                parts.append((_squeeze(b.text), b.page))
            elif isinstance(b, Table):
                for r, row in enumerate(b.rows):
                    for c in row:
                        if c and len(_squeeze(c)) >= s.long_cell_chars:
                            parts.append((_squeeze(c) + "\n", b.page_of_row(r)))
        # a PDF line broken mid-sentence is about as long as the page's longest line; a reflowed
        # paragraph (DOCX) or a short cover line is not, and keeps its own line
        widest: dict[int, int] = {}
        for t, page in parts:
            widest[page] = max(widest.get(page, 0), _width(t))
        self.text, self.starts = "", []
        prev: tuple[str, int] | None = None
        for t, page in parts:
            if prev is not None:
                pt, pp = prev
                broken = (len(pt) >= s.min_broken_line and _width(pt) >= s.full_line_ratio * widest[pp]
                          and not pt.endswith(("。", "；", "！", "？", "：", ":", "\n")))
                self.text += "" if broken else "\n"
            self.starts.append((len(self.text), page))
            self.text += t
            prev = (t, page)

    def page_at(self, pos: int) -> int | None:
        page = None
        for start, p in self.starts:
            if start > pos:
                break
            page = p
        return page

    def sentence_at(self, pos: int) -> str:
        a = max(self.text.rfind(ch, 0, pos) for ch in "。；\n") + 1
        ends = [i for i in (self.text.find(ch, pos) for ch in "。；\n") if i >= 0]
        return self.text[a:min(ends) + 1 if ends else len(self.text)].strip()


OTHER_PERIOD = re.compile(r"[较比与同](?:19|20)\d{2}\s*年|上年|去年|上一年")


def _sentence_cands(text: _Text, key: str, strength: int) -> list[_Cand]:
    out = []
    for pat in card_vocab()["sentences"].get(key, []):
        for m in re.finditer(pat, text.text):
            if OTHER_PERIOD.search(text.text[max(0, m.start() - 10): m.start("v")]):
                continue  # "较2022年度自评得分89分": another year's figure, for comparison
            sent = text.sentence_at(m.start("v"))
            out.append(_Cand(m.group("v"), text.page_at(m.start("v")), sent, strength, m.start("v")))
    return sorted(out, key=lambda c: c.order)


def _best(cands: list[_Cand]) -> _Cand | None:
    """Highest strength; among equals the value stated most often, then the earliest."""
    if not cands:
        return None
    top = max(c.strength for c in cands)
    tied = [c for c in cands if c.strength == top]
    counts = Counter(repr(c.value) for c in tied)
    return max(tied, key=lambda c: (counts[repr(c.value)], -tied.index(c)))


def _hint_cands(facts, key: str) -> list[_Cand]:
    hints = (getattr(facts, "hints", None) or {}).get(key, [])
    return [_Cand(h.value, h.page, h.evidence, h.strength, 10**9 + i) for i, h in enumerate(hints)]


def _table_score(seg, lv: LabelValue, s: CardSettings) -> float | None:
    """The score on a labelled total row: '总分 | 100 | 99.25' gives 99.25 (full marks come first)."""
    b = seg.blocks[lv.block] if lv.block is not None and lv.block < len(seg.blocks) else None
    if isinstance(b, Table) and lv.row is not None and lv.row < len(b.rows):
        row = b.rows[lv.row]
        nums = [numbers.to_float(numbers.clean(v).rstrip("分")) for v in row[lv.col:]]
        nums = [n for n in nums if n is not None]
        if len(nums) == 1:
            return nums[0]
        if len(nums) >= 2 and nums[0] >= max(nums):
            return nums[-1]
        return None
    return numbers.to_float(numbers.clean(lv.value).rstrip("分"))


def _score_cands(seg, pairs: list[LabelValue], text: _Text, facts, s: CardSettings) -> list[_Cand]:
    out = []
    for i, lv in enumerate(pairs):
        if lv.key != "reported_score":
            continue
        v = _table_score(seg, lv, s) if lv.source == "table" else numbers.to_float(numbers.clean(lv.value).rstrip("分"))
        if v is not None:
            out.append(_Cand(v, lv.page, lv.evidence, s.strength_table if lv.source == "table" else s.strength_label, i))
    for c in _sentence_cands(text, "reported_score", s.strength_sentence):
        # "该指标分值5分，评价得分3分" scores one item, not the report
        if re.search(r"该指标|指标分值|分值\d", c.evidence or ""):
            continue
        out.append(_Cand(float(c.value), c.page, c.evidence, c.strength, c.order))
    for c in _hint_cands(facts, "reported_score"):
        v = c.value if isinstance(c.value, (int, float)) else numbers.to_float(numbers.clean(str(c.value)).rstrip("分"))
        if v is not None:
            out.append(_Cand(float(v), c.page, c.evidence, c.strength, c.order))
    return [c for c in out if 0 <= c.value <= s.max_score]


def _grade_cands(pairs: list[LabelValue], text: _Text, facts, s: CardSettings) -> list[_Cand]:
    out = []
    for i, lv in enumerate(pairs):
        if lv.key == "reported_grade" and grade_of(lv.value):
            out.append(_Cand(grade_of(lv.value), lv.page, lv.evidence,
                             s.strength_table if lv.source == "table" else s.strength_label, i))
    for c in _sentence_cands(text, "reported_grade", s.strength_sentence) + _hint_cands(facts, "reported_grade"):
        g = grade_of(str(c.value))
        if g:
            out.append(_Cand(g, c.page, c.evidence, c.strength, c.order))
    return out


def _says_self(pairs: list[LabelValue]) -> bool:
    m = card_vocab().get("self_markers") or {}
    return bool(m) and any(re.fullmatch(f"(?:{m['label']})", fold(lv.label)) and re.search(m["method"], fold(lv.value))
                           for lv in pairs)


def _is_self_body(value: str) -> bool:
    """'部门（单位）评价组', '本单位' name the reporting unit itself, not an outside evaluator."""
    return bool(re.search(r"自评|评价组|评价小组|本单位|本部门|部门[（(]单位[）)]", fold(value)))


def _evaluator(seg, pairs: list[LabelValue], text: _Text) -> _Cand | None:
    for lv in pairs:
        if lv.key == "evaluator" and not _is_self_body(lv.value):
            return _Cand(lv.value, lv.page, lv.evidence, 3)
    cands = _sentence_cands(text, "evaluator", 2)
    if cands:
        c = cands[0]
        return _Cand(tidy(str(c.value)), c.page, c.evidence, 2)
    line = card_vocab()["sentences"].get("evaluator_line")
    if line:
        for b in seg.paragraphs:
            if re.search(line, fold(b.text)):
                return _Cand(tidy(b.text), b.page, tidy(b.text), 1)
    return None


def _project_from_title(title: str | None, place_names: list[str]) -> str | None:
    """'2020年度行政中心运作经费绩效评价报告' -> '行政中心运作经费'; None for a generic title."""
    t = tidy(title)
    m = re.search(r"(项目)?(支出)?绩效.*$", t)
    if not m:
        return None
    rest = t[:m.start()] + ("项目" if m.group(1) and not m.group(2) and len(t[:m.start()]) > 0 else "")
    rest = re.sub(r"(\d{4}\s*(年度|年))", "", rest)
    for n in place_names:
        if rest.startswith(n):
            rest = rest[len(n):]
    rest = re.sub(r"^关于|的$", "", rest.strip("（）()[]【】-—：: "))
    if len(rest) < 4 or rest in card_vocab()["names"].get("generic_project", []) or kind_of(rest) == "department_self":
        return None
    return rest


def _standalone_date(seg, s: CardSettings) -> tuple[str, int, str] | None:
    """A cover or signature line that is only a date ('2021 年 8 月', '二〇二二年十月')."""
    start = seg.title_block or 0
    order = list(range(start, min(len(seg.blocks), start + s.cover_blocks))) + list(range(0, start))
    # reports signed at the end ("评价机构名称" then "2023年5月") carry the date on their last lines
    order += [i for i in range(max(0, len(seg.blocks) - s.signature_blocks), len(seg.blocks)) if i not in order]
    for i in order:
        b = seg.blocks[i]
        if isinstance(b, Paragraph):
            for line in (b.text or "").split("\n"):  # a signature block may hold the date on its last line
                t = fold(line)
                if len(t) <= 12 and re.fullmatch(r"[\d〇零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,2}月([\d一二三四五六七八九十]{1,3}日)?", t):
                    d = numbers.parse_date(t)
                    if d:
                        return d, b.page, tidy(b.text)
    return None


def _cover_lines(seg, s: CardSettings) -> list[tuple[str, int]]:
    """Short lines right under the title: '（2022年度）', '(2022 年)' (paragraphs or lone cells)."""
    out = []
    if seg.title_block is None:
        return out
    for b in seg.blocks[seg.title_block:seg.title_block + 3]:
        if isinstance(b, Paragraph):
            out.append((b.text, b.page))
        elif isinstance(b, Table):
            for r, row in enumerate(b.rows[:s.cover_rows]):
                vals = [v for v in row if (v or "").strip()]
                if len(vals) == 1:
                    out.append((vals[0], b.page_of_row(r)))
    return [(t, p) for t, p in out if len(fold(t)) <= s.cover_line_chars and re.fullmatch(
        r"[（(]?[\d]{4}年度?[）)]?", fold(t))]


def _fiscal_year(seg, pairs, text: _Text, facts, s: CardSettings) -> _Cand | None:
    for i, lv in enumerate(pairs):
        if lv.key == "fiscal_year" and _year(lv.value, s):
            return _Cand(_year(lv.value, s), lv.page, lv.evidence, 4, i)
    if seg.title:
        lines = [(seg.title, seg.title_page)] + _cover_lines(seg, s)
        # "2023年XX项目绩效自评报告（2022年度）": the 年度 is the year evaluated
        for t, page in sorted(lines, key=lambda x: "年度" not in fold(x[0])):
            if _year(t, s):
                return _Cand(_year(t, s), page, tidy(t), 3)
    hints = _hint_cands(facts, "fiscal_year")
    if hints:
        c = _best(hints)
        y = _year(str(c.value), s) if not isinstance(c.value, int) else c.value
        if y:
            return _Cand(y, c.page, c.evidence, c.strength)
    years = [(int(m.group(1)), m.start()) for m in re.finditer(r"((?:19|20)\d{2})年度", text.text)]
    if years:
        y, _ = Counter(y for y, _ in years).most_common(1)[0][0], None
        pos = next(p for yy, p in years if yy == y)
        return _Cand(y, text.page_at(pos), text.sentence_at(pos)[:120], 1)
    return None


def read_card(seg, doc, facts, settings=None) -> Report:
    s = CardSettings.from_settings(settings)
    rep = Report(page_start=seg.page_start, page_end=seg.page_end)
    prov: dict[str, dict] = {}

    def put(field: str, value, page=None, evidence=None) -> None:
        if value is None or value == "":
            return
        setattr(rep, field, value)
        prov[field] = {"page": page, "evidence": (evidence or "")[:300] or None}

    pairs = label_values(seg)
    text = _Text(seg, s)
    first = {k: next((p for p in pairs if p.key == k and p.value), None) for k in ("project", "department", "unit")}

    kind = seg.kind_hint or kind_of(seg.title) or kind_of(text.text[:400])
    if kind is None and first["project"]:
        kind = "project_self"
    if kind == "third_party" and _says_self(pairs):
        # "评价方式：单位自评" under a title that reads like an evaluation report
        kind = "department_self" if re.search(card_vocab()["kind"][0]["pattern"], fold(seg.title)) else "project_self"
    put("kind", kind, seg.title_page, seg.title)
    put("title", seg.title, seg.title_page, seg.title)

    for field in ("department", "unit"):
        lv = first[field]
        if lv:
            put(field, clean_name(lv.value), lv.page, lv.evidence)
    if rep.unit is None:
        c = next(iter(_sentence_cands(text, "unit", 1)), None)
        if c:
            put("unit", tidy(str(c.value)), c.page, c.evidence)
    if rep.unit is None and seg.title and kind != "third_party":
        m = re.match(card_vocab()["sentences"]["title_unit"], fold(seg.title))
        if m:  # a self-evaluation titled by its own unit
            put("unit", tidy(m.group("v")), seg.title_page, seg.title)
    if rep.department is None:
        # third-party reports name the 主管部门 in running text ("项目主管部门为…局") rather than on a form
        c = next(iter(_sentence_cands(text, "department", 1)), None)
        if c:
            put("department", tidy(str(c.value)), c.page, c.evidence)
    if kind == "department_self" and rep.department is None and rep.unit:
        put("department", rep.unit, prov["unit"]["page"], prov["unit"]["evidence"])

    names = [(rep.unit, prov.get("unit", {}).get("page")), (rep.department, prov.get("department", {}).get("page")),
             (seg.title, seg.title_page)] + [(p.value, p.page) for p in pairs if p.key == "project"]
    context = text.text or " ".join(t for _, t in doc.iter_text())
    place = places.resolve(names, context)
    for field in ("province", "city", "county"):
        put(field, getattr(place, field), place.page, place.evidence)

    if kind != "department_self":
        lv = first["project"]
        if lv:
            put("project", strip_year(lv.value), lv.page, lv.evidence)
        else:
            pn = [n for n in (place.province, place.city, place.county) if n]
            put("project", _project_from_title(seg.title, pn), seg.title_page, seg.title)

    fy = _fiscal_year(seg, pairs, text, facts, s)
    if fy:
        put("fiscal_year", int(fy.value), fy.page, fy.evidence)
    dated = next(((numbers.parse_date(p.value), p) for p in pairs
                  if p.key == "report_date" and numbers.parse_date(p.value)), None)
    if dated:
        put("report_date", dated[0], dated[1].page, dated[1].evidence)
    else:
        sd = _standalone_date(seg, s)
        if sd:
            put("report_date", sd[0], sd[1], sd[2])

    if kind == "third_party":
        ev = _evaluator(seg, pairs, text)
        if ev:
            put("evaluator", clean_name(str(ev.value)), ev.page, ev.evidence)
    sc = _best(_score_cands(seg, pairs, text, facts, s))
    if sc:
        put("reported_score", float(sc.value), sc.page, sc.evidence)
    gr = _best(_grade_cands(pairs, text, facts, s))
    if gr:
        put("reported_grade", gr.value, gr.page, gr.evidence)

    rep.provenance = prov
    if kind is None:
        rep.status, rep.error = "partial", "card: the kind of report was not recognised (no title found)"
    return rep

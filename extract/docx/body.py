"""Walk a DOCX body in reading order, producing Paragraph and Table blocks with pages.

Content controls (w:sdt), custom XML and tracked insertions wrap paragraphs and tables at
every level, so the walk looks through them instead of reading only the body's direct
children; text boxes become blocks right after the paragraph that anchors them."""
from __future__ import annotations

import re

from jixiao.extract.document import Paragraph, Table

from .grid import GridBuilder, cell_props, grid_columns, iter_cells, iter_rows, row_height, row_props
from .inline import InlineReader
from .ooxml import int_val, local, on, val, w
from .pages import Metrics, Pager

WRAPPERS = {"customXml", "ins", "moveTo", "smartTag"}


# a line that starts a list item or follows a finished sentence keeps its line break
LIST_START = re.compile(r"^(?:\d{1,2}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是]"
                        r"|[①-⑳]|第[一二三四五六七八九十\d]+[条章节部分]|[•●■◆▪-]\s)")
SENTENCE_END = tuple("。；：！？;:!?")
# a signature's date under the signing body ("…卫生健康局" then "2024年3月15日") is a line of its own
DATE_LINE = re.compile(r"^[\d〇零一二三四五六七八九十]{4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$")


def clean(text: str) -> str:
    """Reflow soft line breaks: tools that rebuild a PDF's layout in Word break lines mid-sentence
    with w:br, and the text must read as one paragraph. Breaks that end a sentence, start a
    list item or put a date on its own line are structure, so they stay."""
    lines = [ln.strip() for ln in text.replace("\r", "\n").split("\n")]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if not out:
            out = ln
        elif out.endswith(SENTENCE_END) or LIST_START.match(ln) or DATE_LINE.match(ln):
            out += "\n" + ln
        elif out[-1].isascii() and out[-1].isalnum() and ln[0].isascii() and ln[0].isalnum():
            out += " " + ln
        else:
            out += ln
    return out


class BodyReader:
    def __init__(self, styles, numbering, settings, pager: Pager, default_font: float | None):
        self.styles = styles
        self.numbering = numbering
        self.settings = settings
        self.pager = pager
        self.default_font = default_font or settings.default_font_pt
        self.inline = InlineReader(settings, styles)
        self.warnings: list[str] = []
        self.depth = 0  # > 0 inside a table cell or text box: no page estimate of its own
        self.first_text_page: int | None = None  # page of the first text since the last reset
        self.metrics: list[Metrics] = []  # paragraphs read since the last reset (for row heights)
        self.table_styles: list[str | None] = []  # enclosing tables' styles (their pPr applies to cells)
        # inside a table row: whether Word's rendered page break was seen in it already (Word marks
        # the break in every cell of the row that starts a page; it is one break)
        self.row_broke: bool | None = None

    # -- containers ---------------------------------------------------------------------
    def blocks(self, container) -> list:
        out: list = []
        for child in container:
            name = local(child)
            if name == "p":
                out += self.paragraph(child)
            elif name == "tbl":
                t = self.table(child)
                if t is not None:
                    out.append(t)
            elif name == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    out += self.blocks(content)
            elif name in WRAPPERS:
                out += self.blocks(child)
            elif name == "altChunk":
                self._warn("an embedded document (w:altChunk) was not read")
        return out

    def _warn(self, msg: str) -> None:
        if msg not in self.warnings:
            self.warnings.append(msg)

    # -- paragraphs -----------------------------------------------------------------------
    def _num_pr(self, ppr, sid):
        num_id, ilvl = self.styles.num_pr(sid)
        el = ppr.find(w("numPr")) if ppr is not None else None
        if el is not None:
            own_id, own_lvl = val(el.find(w("numId"))), int_val(el.find(w("ilvl")))
            num_id = own_id if own_id is not None else num_id
            ilvl = own_lvl if own_lvl is not None else ilvl
        return num_id, ilvl or 0

    def _font(self, p, sid) -> float:
        sizes = [int_val(sz) for sz in p.iter(w("sz")) if sz.getparent() is not None and local(sz.getparent()) == "rPr"]
        sizes = [s / 2 for s in sizes if s]
        return max(sizes) if sizes else (self.styles.font_pt(sid) or self.default_font)

    def _heading(self, ppr, sid) -> int | None:
        own = int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None
        level = (own + 1 if own < 9 else None) if own is not None else self.styles.heading_level(sid)
        return min(level, self.settings.max_heading_level) if level else None

    def paragraph(self, p) -> list:
        ppr = p.find(w("pPr"))
        sid = val(ppr.find(w("pStyle"))) if ppr is not None else None
        pbb = ppr.find(w("pageBreakBefore")) if ppr is not None else None
        if (on(pbb) if pbb is not None else self.styles.page_break_before(sid)) and self.depth == 0:
            self.pager.explicit_break(skip_if_fresh=True)
        start_page = self.pager.page
        pieces, boxes, first_page = [], [], None
        for ev in self.inline.events(p):
            if ev.kind == "text" or ev.kind == "line":
                if ev.text.strip():
                    self.pager.content()
                    if first_page is None:
                        first_page = self.pager.page
                    if self.first_text_page is None:
                        self.first_text_page = first_page
                pieces.append(ev.text)
            elif ev.kind == "page":
                self.pager.explicit_break()
            elif ev.kind == "column":
                pieces.append("\n")
            elif ev.kind == "rendered":
                if self.row_broke is None:
                    self.pager.rendered_break()
                elif not self.row_broke:
                    self.row_broke = True
                    self.pager.rendered_break()
            elif ev.kind == "box":
                boxes.append(ev.element)
        text = clean("".join(pieces))
        num_id, ilvl = self._num_pr(ppr, sid)
        label, suff = self.numbering.label(num_id, ilvl) if num_id else (None, "")
        style = self.styles.name(sid)
        if num_id and num_id != "0":
            bullet = self.numbering.is_bullet(num_id, ilvl)
            if label is None or bullet:
                style = f"{style or 'list'} [{'bullet' if bullet else 'list ' + num_id} level {ilvl}]"
            elif label and text and self.settings.list_labels:
                sep = "" if suff == "nothing" or not label[-1].isascii() else " "
                text = f"{label}{sep}{text}"
        out: list = []
        page = first_page or start_page
        section_mark = ppr is not None and ppr.find(w("sectPr")) is not None
        # an empty paragraph is a blank line (how many users space a page), except the one that
        # only carries a section break
        if self.pager.estimate and (text or (self.depth == 0 and not section_mark)):
            own = ppr.find(w("spacing")) if ppr is not None else None
            spacing = self.styles.spacing(sid, self.table_styles[-1] if self.table_styles else None)
            if own is not None:
                spacing.update({k.rsplit("}", 1)[-1]: v for k, v in own.attrib.items()})
            m = Metrics(text, self._font(p, sid), spacing, self._indent(ppr))
            if self.depth > 0:
                self.metrics.append(m)
            else:
                page = self.pager.place(self.pager.paragraph_height(m), split=True)
        if text:
            out.append(Paragraph(text=text, page=page, heading_level=self._heading(ppr, sid), style=style))
        if boxes:
            self.depth += 1
            try:
                for box in boxes:
                    out += self.blocks(box)
            finally:
                self.depth -= 1
        if section_mark and self.depth == 0:
            self.pager.end_section()
        return out

    def _indent(self, ppr) -> float:
        ind = ppr.find(w("ind")) if ppr is not None else None
        if ind is None:
            return 0.0
        twips = sum(max(int_val(ind, k, default=0) or 0, 0) for k in ("left", "start", "right", "end"))
        return twips / 20.0

    # -- tables ---------------------------------------------------------------------------
    def cell(self, tc) -> tuple[str, list[Table], list[Metrics]]:
        """A cell's paragraphs joined with newlines; tables inside it are returned apart, with
        the metrics of the cell's own paragraphs for the row height estimate."""
        texts, nested = [], []
        outer, self.metrics = self.metrics, []
        self.depth += 1
        try:
            for block in self.blocks(tc):
                if isinstance(block, Paragraph):
                    texts.append(block.text)
                else:
                    nested.append(block)
        finally:
            self.depth -= 1
            mine, self.metrics = self.metrics, outer
        return "\n".join(texts), nested, mine

    def table(self, tbl) -> Table | None:
        cols = grid_columns(tbl)
        builder = GridBuilder()
        row_pages: list[int] = []
        nested: list[Table] = []
        top = self.depth == 0
        tpr = tbl.find(w("tblPr"))
        self.table_styles.append(val(tpr.find(w("tblStyle"))) if tpr is not None else None)
        for tr in iter_rows(tbl):
            before, after, deleted = row_props(tr)
            if deleted:
                continue
            start = self.pager.page
            outer_first, self.first_text_page = self.first_text_page, None
            outer_broke, self.row_broke = self.row_broke, False
            builder.start_row(before)
            col, sized = before, []
            for tc in iter_cells(tr):
                span, vmerge, hmerge = cell_props(tc)
                text, inner, cell_metrics = self.cell(tc)
                nested += inner
                builder.add_cell(text, span, vmerge, hmerge, self.pager.page)
                width = sum(cols[col:col + span]) / 20.0 if cols[col:col + span] else 0.0
                if not width:
                    tcw = tc.find(w("tcPr"))
                    width = (int_val(tcw.find(w("tcW")), "w", default=0) or 0) / 20.0 if tcw is not None and tcw.find(w("tcW")) is not None and tcw.find(w("tcW")).get(w("type")) in (None, "dxa") else 0.0
                sized.append((cell_metrics, width or self.pager.section.text_width / max(len(cols), 1)))
                col += span
            builder.end_row(after)
            self.row_broke = outer_broke
            page = self.first_text_page or start
            self.first_text_page = outer_first if outer_first is not None else self.first_text_page
            if top and self.pager.estimate:
                declared, rule = row_height(tr)
                page = self.pager.place(self.pager.row_height(sized, declared, rule), split=False)
            row_pages.append(page)
        self.table_styles.pop()
        rows, merges = builder.build(len(cols))
        if not rows or not any(any(c for c in r) for r in rows) and not nested:
            return None
        return Table(rows=rows, page_start=row_pages[0], page_end=max(row_pages), merges=merges,
                     row_pages=row_pages, nested=nested)

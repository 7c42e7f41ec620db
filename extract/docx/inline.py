"""The runs of one paragraph as a stream of events: text, breaks and embedded text boxes.

A paragraph's printed text is spread over runs nested in hyperlinks, fields, content controls
(w:sdt), tracked insertions and smart tags. Deleted text, field instructions and hidden runs
are not printed, so they are left out; text boxes are handed back to the body reader so that
their paragraphs and tables become blocks of their own instead of being lost."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .ooxml import MC, M, W, local, ns, on, val, w
from .styles import symbol_fonts

# containers whose children are read as if they were the paragraph's own runs
TRANSPARENT = {"hyperlink", "fldSimple", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo", "sdtContent"}
# printed nowhere: deleted or moved-away text, field codes, footnote marks, proofing marks
SKIPPED = {"del", "moveFrom", "instrText", "delText", "delInstrText", "rPr", "pPr", "sdtPr", "sdtEndPr",
           "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "fldData",
           "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart",
           "permEnd", "object"}


@dataclass
class Event:
    kind: str  # text | page | column | line | rendered | box
    text: str = ""
    element: object = None  # the w:txbxContent of a box


class InlineReader:
    def __init__(self, settings, styles=None):
        self.settings = settings
        self.styles = styles

    def events(self, p) -> Iterator[Event]:
        for child in p:
            yield from self._node(child)

    def _node(self, el) -> Iterator[Event]:
        name, space = local(el), ns(el)
        if space == MC and name == "AlternateContent":
            yield from self._alternate(el)
            return
        if space == M:
            if name in ("oMath", "oMathPara"):
                yield Event("text", "".join(t.text or "" for t in el.iter(f"{{{M}}}t")))
            return
        if space != W:
            yield from self._boxes(el)  # drawings from other namespaces may hold text boxes
            return
        if name in SKIPPED:
            return
        if name == "r":
            yield from self._run(el)
        elif name == "sdt":
            content = el.find(w("sdtContent"))
            if content is not None:
                yield from self._children(content)
        elif name in TRANSPARENT:
            yield from self._children(el)
        elif name == "ruby":
            base = el.find(w("rubyBase"))
            if base is not None:
                yield from self._children(base)
        elif name in ("drawing", "pict"):
            yield from self._boxes(el)

    def _children(self, el) -> Iterator[Event]:
        for child in el:
            yield from self._node(child)

    def _hidden(self, r) -> bool:
        if self.settings.keep_hidden_text:
            return False
        rpr = r.find(w("rPr"))
        if rpr is None:
            return False
        if on(rpr.find(w("vanish"))):
            return True
        style = val(rpr.find(w("rStyle")))
        return bool(style and self.styles is not None and self.styles.hidden(style))

    def _run(self, r) -> Iterator[Event]:
        hidden = self._hidden(r)
        table = _run_symbol_table(r)
        for child in r:
            name = local(child)
            if ns(child) == MC and name == "AlternateContent":
                yield from self._alternate(child)
                continue
            if ns(child) != W:
                continue
            if name == "t":
                if not hidden:
                    text = child.text or ""
                    yield Event("text", "".join(table.get(ord(ch), ch) for ch in text) if table else text)
            elif name == "tab" or name == "ptab":
                if not hidden:
                    yield Event("text", self.settings.tab_text)
            elif name == "br":
                kind = child.get(w("type")) or "textWrapping"
                if kind == "page":
                    yield Event("page")
                elif kind == "column":
                    yield Event("column")
                elif not hidden:
                    yield Event("line", "\n")
            elif name == "cr":
                if not hidden:
                    yield Event("line", "\n")
            elif name == "lastRenderedPageBreak":
                yield Event("rendered")
            elif name == "noBreakHyphen" and not hidden:
                yield Event("text", "-")
            elif name == "sym" and not hidden:
                yield Event("text", _symbol(child))
            elif name in ("drawing", "pict"):
                yield from self._boxes(child)

    def _alternate(self, el) -> Iterator[Event]:
        """mc:AlternateContent holds the same content twice (new and legacy markup): read one."""
        for branch in list(el.iterchildren(f"{{{MC}}}Choice")) + list(el.iterchildren(f"{{{MC}}}Fallback")):
            events = list(self._children(branch))
            if events or branch.find(f".//{{{W}}}txbxContent") is None:
                yield from events
                return

    def _boxes(self, el) -> Iterator[Event]:
        if not self.settings.text_boxes:
            return
        for box in el.iter(w("txbxContent")):
            # a box inside a box is read by the outer box's own body walk
            parent, nested = box.getparent(), False
            while parent is not None and parent is not el:
                if local(parent) == "txbxContent":
                    nested = True
                    break
                parent = parent.getparent()
            if not nested:
                yield Event("box", element=box)


def _run_symbol_table(r) -> dict[int, str] | None:
    """The glyph table of the run's font when it is a symbol font (Wingdings 2 'R' = ☑)."""
    rpr = r.find(w("rPr"))
    fonts = rpr.find(w("rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    known = symbol_fonts()
    for attr in ("ascii", "hAnsi"):
        name = fonts.get(w(attr))
        if name and name.lower() in known:
            return known[name.lower()]
    return None


def _symbol(el) -> str:
    """w:sym: a glyph of a symbol font, by code. Private-use codes (F0xx) stand for the font's
    byte xx. Known fonts map through the vocabulary; unknown glyphs are dropped rather than
    shown as the unrelated letter that shares their code."""
    code = el.get(w("char")) or ""
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    table = symbol_fonts().get((el.get(w("font")) or "").lower())
    low = n - 0xF000 if 0xF000 <= n <= 0xF0FF else n
    if table is not None:
        return table.get(low, "")
    return chr(n) if n > 0xFF and not 0xE000 <= n <= 0xF8FF else ""

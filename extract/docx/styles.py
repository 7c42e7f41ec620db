"""Paragraph styles: heading levels, list numbering and page breaks inherited through basedOn.

Word stores most of what a paragraph looks like in its style chain, not in the paragraph:
a 标题 2 paragraph usually has no outline level of its own, and a 一、 heading often gets its
numbering from the style's numPr. So each question asked of a paragraph walks the chain."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from .ooxml import int_val, on, val, w

VOCAB = Path(__file__).with_name("vocab.toml")


@lru_cache(maxsize=1)
def heading_vocab() -> tuple[tuple[str, ...], dict[str, int]]:
    data = tomllib.loads(VOCAB.read_text(encoding="utf-8")).get("headings", {})
    numbered = tuple(s.lower().replace(" ", "") for s in data.get("numbered", []))
    fixed = {k.lower().replace(" ", ""): int(v) for k, v in data.get("fixed", {}).items()}
    return numbered, fixed


@lru_cache(maxsize=1)
def symbol_fonts() -> dict[str, dict[int, str]]:
    """Font name (lower case) -> character code -> the glyph's Unicode meaning."""
    data = tomllib.loads(VOCAB.read_text(encoding="utf-8")).get("symbols", {})
    return {font.lower(): {int(code, 16): ch for code, ch in table.items()} for font, table in data.items()}


def level_from_name(name: str | None) -> int | None:
    """Heading level a style's display name implies: 'heading 2' / '标题 2' -> 2, 'Title' -> 1."""
    if not name:
        return None
    key = name.lower().replace(" ", "").replace("\u3000", "")
    numbered, fixed = heading_vocab()
    if key in fixed:
        return fixed[key]
    for prefix in numbered:
        if key.startswith(prefix):
            m = re.fullmatch(r"(\d{1,2})", key[len(prefix):])
            if m:
                return int(m.group(1))
    return None


class Styles:
    def __init__(self, root=None):
        self.by_id: dict[str, object] = {}
        self.default_para: str | None = None
        self.default_ppr = None
        self._memo: dict[tuple, object] = {}
        if root is None:
            return
        self.default_ppr = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if sid is None:
                continue
            self.by_id[sid] = st
            if st.get(w("type")) == "paragraph" and on_attr(st.get(w("default"))):
                self.default_para = sid

    def chain(self, sid: str | None) -> list:
        """The style and its basedOn ancestors, nearest first (cycles cut); memoised because
        every paragraph asks several questions of the same few styles."""
        key = ("chain", sid)
        if key not in self._memo:
            self._memo[key] = list(self._walk(sid))
        return self._memo[key]

    def _walk(self, sid: str | None):
        seen = set()
        sid = sid or self.default_para
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            yield st
            sid = val(st.find(w("basedOn")))

    def name(self, sid: str | None) -> str | None:
        st = self.by_id.get(sid or self.default_para or "")
        if st is None:
            return sid
        return val(st.find(w("name"))) or sid

    def _ppr(self, sid, tag):
        for st in self.chain(sid):
            ppr = st.find(w("pPr"))
            el = ppr.find(w(tag)) if ppr is not None else None
            if el is not None:
                return el
        return None

    def _heading_level(self, sid: str | None) -> int | None:
        """Outline level set in the style chain (0-based in the file, 1-based here), else the
        level its name implies. Outline level 9 means body text."""
        for st in self.chain(sid):
            ppr = st.find(w("pPr"))
            lvl = int_val(ppr.find(w("outlineLvl"))) if ppr is not None else None
            if lvl is not None:
                return lvl + 1 if lvl < 9 else None
            found = level_from_name(val(st.find(w("name"))))
            if found is not None:
                return found
        return None

    def _num_pr(self, sid: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs; a style's numPr often omits ilvl."""
        el = self._ppr(sid, "numPr")
        if el is None:
            return None, None
        return val(el.find(w("numId"))), int_val(el.find(w("ilvl")))

    def _page_break_before(self, sid: str | None) -> bool:
        return on(self._ppr(sid, "pageBreakBefore"))

    def _memoised(self, name: str, *args):
        key = (name, *args)
        if key not in self._memo:
            self._memo[key] = getattr(self, f"_{name}")(*args)
        return self._memo[key]

    def heading_level(self, sid):
        return self._memoised("heading_level", sid)

    def num_pr(self, sid):
        return self._memoised("num_pr", sid)

    def page_break_before(self, sid):
        return self._memoised("page_break_before", sid)

    def font_pt(self, sid):
        return self._memoised("font_pt", sid)

    def hidden(self, sid):
        return self._memoised("hidden", sid)

    def spacing(self, sid: str | None, table_style: str | None = None) -> dict[str, str]:
        return dict(self._memoised("spacing_layers", sid, table_style))

    def _spacing_layers(self, sid: str | None, table_style: str | None = None) -> dict[str, str]:
        """w:spacing attributes (before/after/line/lineRule) in Word's order of precedence:
        document defaults, then the table style (inside a table), then the paragraph style chain."""
        out: dict[str, str] = {}
        layers = [self.default_ppr]
        layers += [st.find(w("pPr")) for st in reversed(list(self.chain(table_style)))] if table_style else []
        layers += [st.find(w("pPr")) for st in reversed(list(self.chain(sid)))]
        for ppr in layers:
            el = ppr.find(w("spacing")) if ppr is not None else None
            if el is not None:
                out.update({k.rsplit("}", 1)[-1]: v for k, v in el.attrib.items()})
        return out

    def _font_pt(self, sid: str | None) -> float | None:
        """Font size of the style chain (w:sz is in half-points)."""
        for st in self.chain(sid):
            rpr = st.find(w("rPr"))
            sz = int_val(rpr.find(w("sz"))) if rpr is not None else None
            if sz:
                return sz / 2
        return None

    def _hidden(self, sid: str | None) -> bool:
        for st in self.chain(sid):
            rpr = st.find(w("rPr"))
            if rpr is not None and rpr.find(w("vanish")) is not None:
                return on(rpr.find(w("vanish")))
        return False


def on_attr(v: str | None) -> bool:
    return v is not None and v.lower() in ("1", "true", "on")

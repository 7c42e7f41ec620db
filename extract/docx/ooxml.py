"""Namespaces and tiny helpers shared by the DOCX modules.

WordprocessingML spreads one logical attribute over several spellings (``w:val="0"``,
``"false"``, ``"off"``), so the on/off and integer readers live here once."""
from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w('p') -> '{ns}p'."""
    return f"{{{W}}}{tag}"


def local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return tag.rsplit("}", 1)[-1]


def ns(el) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def val(el, attr: str = "val") -> str | None:
    if el is None:
        return None
    return el.get(w(attr))


def on(el) -> bool:
    """A toggle property: present and not switched off by w:val."""
    if el is None:
        return False
    v = el.get(w("val"))
    return v is None or v.lower() not in ("0", "false", "off", "none")


def int_val(el, attr: str = "val", default: int | None = None) -> int | None:
    v = val(el, attr)
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def parser() -> etree.XMLParser:
    """No entity resolution or network: a report file must not reach outside itself."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


STRICT = {  # ISO 29500 Strict spells the namespaces differently; the vocabulary is the same
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/math": M.encode(),
}


def parse(data: bytes):
    for strict, transitional in STRICT.items():
        if strict in data:
            data = data.replace(strict, transitional)
    return etree.fromstring(data, parser())

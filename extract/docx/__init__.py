"""DOCX reader: the body in reading order, tables on their true column grid, pages estimated.

Read straight from the package XML (zip + lxml) rather than through python-docx's object
model: merges, gridBefore/gridAfter offsets, content controls, text boxes and
rendered page breaks are all invisible or lossy in that model, and a damaged part must
become a one-line ReadError rather than a traceback."""
from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from jixiao.extract.document import Document, Page

from .body import BodyReader
from .numbering import Numbering
from .ooxml import CP, DC, DCTERMS, local, parse, w
from .pages import Pager, Section
from .settings import DocxSettings
from .styles import Styles

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC = "/officeDocument"


def _error(msg: str):
    from jixiao.extract import ReadError  # noqa: PLC0415 - the package imports this module lazily

    return ReadError(msg)


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type suffix -> target part name, for one part ('' = the package)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    try:
        root = parse(zf.read(rels_name))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    out = {}
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind.rsplit("/", 1)[-1], path)
    return out


def _read(zf: zipfile.ZipFile, name: str | None, what: str, required: bool = False):
    if not name:
        if required:
            raise _error(f"damaged DOCX: no {what} part")
        return None
    try:
        return parse(zf.read(name))
    except KeyError:
        if required:
            raise _error(f"damaged DOCX: the {what} part ({name}) is missing") from None
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, etree.XMLSyntaxError) as exc:
        if required:
            raise _error(f"damaged DOCX: cannot read {name}: {exc}") from None
        return None


def _core(zf: zipfile.ZipFile) -> dict:
    root = _read(zf, _rels(zf, "").get("core-properties", "docProps/core.xml"), "core properties")
    if root is None:
        return {}
    keys = {f"{{{DC}}}title": "title", f"{{{DC}}}creator": "author", f"{{{DCTERMS}}}created": "created",
            f"{{{DCTERMS}}}modified": "modified", f"{{{CP}}}lastModifiedBy": "last_modified_by"}
    return {keys[el.tag]: el.text.strip() for el in root if el.tag in keys and el.text and el.text.strip()}


def _sections(body) -> list[Section]:
    """Every section's sectPr in body order (those in tracked-change records excluded)."""
    out = []
    for sect in body.iter(w("sectPr")):
        parent = sect.getparent()
        if parent is not None and local(parent) in ("pPr", "body"):
            out.append(Section.from_xml(sect))
    return out


def _default_font(styles_root) -> float | None:
    if styles_root is None:
        return None
    for sz in styles_root.iterfind(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('sz')}"):
        try:
            return int(sz.get(w("val"))) / 2
        except (TypeError, ValueError):
            return None
    return None


def read_docx(path, settings=None) -> Document:
    path = Path(path)
    s = DocxSettings.from_settings(settings)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _error(f"damaged DOCX (not a readable zip archive): {exc}") from None
    with zf:
        main = _rels(zf, "").get("officeDocument") or "word/document.xml"
        root = _read(zf, main, "main document", required=True)
        raw_has_rendered = b"lastRenderedPageBreak" in etree.tostring(root)
        rels = _rels(zf, main)
        styles_root = _read(zf, rels.get("styles"), "styles")
        styles = Styles(styles_root)
        numbering = Numbering(_read(zf, rels.get("numbering"), "numbering"), styles)
        metadata = _core(zf)
    body = root.find(w("body"))
    if body is None:
        raise _error("damaged DOCX: the document has no body")
    sections = _sections(body)
    pager = Pager(s, sections, estimate=not raw_has_rendered)
    reader = BodyReader(styles, numbering, s, pager, _default_font(styles_root) or styles.font_pt(None))
    blocks = reader.blocks(body)
    last = max([pager.page - (1 if pager.fresh and pager.page > 1 else 0)] +
               [getattr(b, "page_end", getattr(b, "page", 1)) for b in blocks])
    first = sections[0] if sections else Section()
    pages = [Page(number=n, width=round(first.width, 1), height=round(first.height, 1)) for n in range(1, last + 1)]
    metadata["page_source"] = "rendered" if raw_has_rendered else ("estimated" if pager.estimate else "breaks")
    return Document(path=str(path), format="docx", pages=pages, blocks=blocks, warnings=reader.warnings,
                    metadata=metadata)


__all__ = ["read_docx", "DocxSettings"]

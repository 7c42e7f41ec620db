"""Tell a file's format from its bytes: a .pdf that is really a Word file is read as Word.

Office Open XML files are all zip archives; the part names inside tell DOCX from XLSX. Legacy
OLE2 files (.doc/.xls/.wps/.et) share one signature; the stream names tell them apart.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: str | Path) -> str:
    """pdf, docx, xlsx, doc, xls, wps, et, zip, ole, or 'unknown'."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(2048)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "unknown"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return "zip"
    if head.startswith(OLE2):
        return _ole_kind(path, path.suffix.lower())
    return "unknown"


def _ole_kind(path: Path, suffix: str) -> str:
    """Look for the stream names of Word and Excel inside an OLE2 compound file.

    A full OLE parser is not needed: the directory entries store names as UTF-16LE, so a byte
    search is enough to tell WordDocument from Workbook."""
    data = path.read_bytes()[:1 << 20]
    if "WordDocument".encode("utf-16-le") in data:
        return "wps" if suffix == ".wps" else "doc"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "et" if suffix == ".et" else "xls"
    return "ole"

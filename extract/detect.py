"""Tell a file's format from its bytes: a .pdf that is really a Word file is read as Word.

Office Open XML files are all zip archives; the part names inside tell DOCX from XLSX. Legacy
OLE2 files (.doc/.xls/.wps/.et) share one signature; the stream names tell them apart.
Government sites also publish HTML or MHTML saved with a .doc/.xls name, RTF, OFD and
images; those get their own names so that the failure message says what the file really is.
A zip whose directory cannot be read (a truncated download) is still named after the parts
its first entries show, so that the reader reports "damaged DOCX" instead of "unknown"."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD_BYTES = 4096

# leading bytes -> format, for formats told by a fixed signature. Only document formats are
# named: images and archives stay 'unknown', which the folder scan treats as "not a report".
MAGIC = [
    (b"{\\rtf", "rtf"),
]


def detect_format(path: str | Path) -> str:
    """pdf, docx, xlsx, doc, xls, wps, et, odt, ods, ofd, rtf, html, mht, wordml, xmlss,
    zip, ole, or 'unknown' (also for an empty file)."""
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    return detect_bytes(head, path)


def detect_bytes(head: bytes, path: Path | None = None) -> str:
    if not head:
        return "unknown"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path, head)
    if head.startswith(OLE2):
        return _ole_kind(path, path.suffix.lower() if path else "") if path else "ole"
    for magic, fmt in MAGIC:
        if head.startswith(magic):
            return fmt
    return _text_kind(head)


def _zip_kind(path: Path | None, head: bytes) -> str:
    names: set[str] = set()
    if path is not None:
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            names = set()
    if not names:
        # damaged central directory: the local headers at the start still name the parts
        names = {m.decode("latin-1") for m in re.findall(rb"PK\x03\x04.{26}([\x20-\x7e]{1,200}?)(?=[^\x20-\x7e]|PK)", head,
                                                          re.S)}
        names |= {m.decode("latin-1") for m in re.findall(rb"(word/document\.xml|xl/workbook\.xml|OFD\.xml)", head)}
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    mimetype = b"mimetypeapplication/vnd.oasis.opendocument."
    if mimetype in head[:200]:
        rest = head[head.index(mimetype) + len(mimetype):][:20]
        return "odt" if rest.startswith(b"text") else "ods" if rest.startswith(b"spreadsheet") else "zip"
    return "zip"


def _text_kind(head: bytes) -> str:
    """HTML/MHTML/XML saved under an Office name; decoded loosely since only markers matter."""
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n")
    if text[:1] == b"\x00" or text[1:2] == b"\x00":  # UTF-16
        try:
            text = head.decode("utf-16").encode("utf-8", "ignore").lstrip(b"\xef\xbb\xbf \t\r\n")
        except UnicodeDecodeError:
            return "unknown"
    low = text[:2048].lower()
    if low.startswith(b"mime-version:") or b"\nmime-version:" in low[:512] or b"multipart/related" in low[:1024]:
        return "mht"
    if b'progid="word.document"' in low or b"<w:worddocument" in low:
        return "wordml"
    if b'progid="excel.sheet"' in low or b"urn:schemas-microsoft-com:office:spreadsheet" in low:
        return "xmlss"
    if re.match(rb"\s*(<!doctype html|<html|<head|<table|<meta|<body)", low) or b"<html" in low[:1024]:
        return "html"
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

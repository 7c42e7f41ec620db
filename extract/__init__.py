"""Readers: one per format, each turning a file into the same ``Document``.

``read_document`` is the single entry point: it detects the format from the bytes and
dispatches to the reader registered for it. A format without a reader raises ``ReadError``
with a one-line reason that ends up in the ``files.error`` column.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from .detect import detect_format
from .document import Document, Page, Paragraph, Table


class ReadError(Exception):
    """A file that cannot be read; the message is shown to the user as is."""


# format -> "module:function"; readers are imported lazily so that a missing optional
# dependency (OCR, LibreOffice) only affects the files that need it.
READERS = {
    "pdf": "jixiao.extract.pdf:read_pdf",
    "docx": "jixiao.extract.docx:read_docx",
    "xlsx": "jixiao.extract.xlsx:read_xlsx",
    "doc": "jixiao.extract.legacy:read_legacy",
    "wps": "jixiao.extract.legacy:read_legacy",
    "xls": "jixiao.extract.legacy:read_legacy",
    "et": "jixiao.extract.legacy:read_legacy",
}

SUPPORTED_SUFFIXES = {".pdf", ".docx", ".xlsx", ".doc", ".wps", ".xls", ".et", ".xlsm"}


def read_document(path: str | Path, settings=None) -> Document:
    path = Path(path)
    fmt = detect_format(path)
    target = READERS.get(fmt)
    if target is None:
        raise ReadError(f"unsupported format ({fmt}): not a PDF, Word or Excel file")
    module, func = target.split(":")
    try:
        reader = getattr(import_module(module), func)
    except ModuleNotFoundError as exc:  # a reader not built yet, or an optional package missing
        raise ReadError(f"no reader for {fmt}: {exc}") from exc
    return reader(path, settings=settings)


__all__ = ["Document", "Page", "Paragraph", "Table", "ReadError", "read_document", "detect_format",
           "SUPPORTED_SUFFIXES"]

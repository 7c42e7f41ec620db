"""Opening a PDF: encrypted files with an empty user password open, other failures are ReadErrors.

pdfplumber wraps pdfminer's exceptions (a wrong password, a damaged cross-reference table, a
file that is not a PDF at all) in its own ``PdfminerException``; the user gets one clear line
for each instead of a traceback."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from .. import ReadError


def _root_cause(exc: BaseException) -> BaseException:
    """The pdfminer exception inside pdfplumber's wrapper."""
    seen = 0
    while seen < 5:
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__cause__
        if inner is None or inner is exc:
            return exc
        exc, seen = inner, seen + 1
    return exc


def open_pdf(path: Path):
    """An open pdfplumber PDF (a context manager), or ReadError with a one-line reason."""
    pdf = None
    try:
        pdf = pdfplumber.open(str(path), password="")
        _ = len(pdf.pages)  # build the page tree now: a broken file fails here, not halfway
        return pdf
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types for damaged files
        if pdf is not None:
            pdf.close()
        cause = _root_cause(exc)
        name = type(cause).__name__
        if "Password" in name or "Encrypt" in name:
            raise ReadError("encrypted PDF: it needs a password to open") from exc
        detail = str(cause).strip().splitlines()[0] if str(cause).strip() else name
        raise ReadError(f"damaged or unreadable PDF ({name}): {detail[:200]}") from exc

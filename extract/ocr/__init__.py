"""OCR of scanned PDF pages into the format-neutral blocks every reader produces.

The PDF reader calls ``ocr_page`` for a page without a usable text layer; ``ocr_page_full``
also gives the page's confidence warning and whether its first paragraph continues the
previous page's, and ``ocr_into`` applies both to a Document. Everything runs on the CPU
from models shipped inside the installed packages; nothing is downloaded at run time.

    from jixiao.extract.ocr import OcrUnavailable, ocr_page
    blocks = ocr_page(Path("scan.pdf"), 3)   # [Paragraph | Table], source="ocr"
"""
from __future__ import annotations

from pathlib import Path

from jixiao.extract.document import Block, Document, Paragraph

from .engine import OcrUnavailable
from .layout import join_texts
from .page import OcrPage, ocr_page_full
from .settings import OcrSettings
from .textfix import fix_numbers, vocabulary


def _ends_paragraph(text: str) -> bool:
    return text[-1:] in vocabulary()["layout"]["paragraph_end_chars"]


def ocr_page(pdf_path: Path, page_number: int, settings=None) -> list[Block]:
    """Paragraphs and tables of one 1-based page, read by OCR, in reading order.

    ``settings``: an OcrSettings, a jixiao Settings (its ``extract["ocr"]`` table) or None.
    Raises OcrUnavailable when no OCR engine is installed."""
    return ocr_page_full(pdf_path, page_number, settings).blocks


def ocr_into(doc: Document, pdf_path: Path, page_number: int, settings=None) -> OcrPage:
    """OCR one page and add it to ``doc``: its blocks, the page's OCR flag and any warning.

    A page read with low confidence adds a warning, which makes the pipeline mark the file
    partial: its figures came from pixels and deserve a human look."""
    res = ocr_page_full(pdf_path, page_number, settings)
    blocks = list(res.blocks)
    if res.continues_paragraph and blocks and doc.blocks:
        prev = doc.blocks[-1]
        if isinstance(prev, Paragraph) and prev.page == page_number - 1 and not _ends_paragraph(prev.text):
            first = blocks.pop(0)  # the sentence runs on over the page break: one paragraph
            prev.text = join_texts(prev.text, first.text)
            if prev.confidence is not None and first.confidence is not None:
                prev.confidence = round(min(prev.confidence, first.confidence), 4)
    doc.blocks.extend(blocks)
    for page in doc.pages:
        if page.number == page_number:
            page.ocr = True
            page.text_layer = False
    if res.warning:
        doc.warnings.append(res.warning)
    doc.metadata.setdefault("ocr", {})[str(page_number)] = {
        "engine": res.engine, "dpi": round(res.dpi, 1), "skew_degrees": res.skew_degrees,
        "mean_confidence": res.mean_confidence, "seconds": res.seconds}
    return res


__all__ = ["OcrUnavailable", "OcrSettings", "OcrPage", "ocr_page", "ocr_page_full", "ocr_into", "fix_numbers"]

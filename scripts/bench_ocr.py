#!/usr/bin/env python
"""Measure OCR speed (seconds per page) and, given the born-digital twin, its accuracy.

    python scripts/bench_ocr.py corpus/jiangmen-2020-third-party-scanned.pdf \
        --reference corpus/jiangmen-2020-third-party.pdf [--pages 1-3] [--threads 2]

Accuracy is the character similarity (difflib ratio) of each page's OCR text against the
reference page's text layer, whitespace removed; it is a rough figure for the README, not a
test. Model loading (about a second) is reported apart. On a busy machine wall seconds grow;
cpu_seconds (all threads of this process) measure the work itself.
"""
from __future__ import annotations

import argparse
import difflib
import json
import statistics
import sys
import time
from pathlib import Path


def _pages(spec: str | None, n: int) -> list[int]:
    if not spec:
        return list(range(1, n + 1))
    out = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return [p for p in out if 1 <= p <= n]


def _squash(text: str) -> str:
    return "".join(text.split())


def _reference_text(path: Path, page: int) -> str:
    import pdfplumber  # noqa: PLC0415

    from jixiao.extract.ocr.layout import is_page_number  # noqa: PLC0415

    with pdfplumber.open(str(path)) as pdf:
        lines = (pdf.pages[page - 1].extract_text() or "").splitlines()
    return "\n".join(ln for ln in lines if not is_page_number(ln))  # OCR drops page-number footers


def _block_text(blocks) -> str:
    from jixiao.extract.document import Table  # noqa: PLC0415

    parts = []
    for b in blocks:
        if isinstance(b, Table):
            parts += [c for row in b.rows for c in row if c]
        else:
            parts.append(b.text)
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--reference", type=Path, help="the same document with a text layer")
    ap.add_argument("--pages", help="e.g. 1-3,7 (default: all)")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    import pypdfium2 as pdfium  # noqa: PLC0415

    from jixiao.extract.ocr import OcrSettings, ocr_page_full  # noqa: PLC0415
    from jixiao.extract.ocr.engine import get_engine  # noqa: PLC0415

    settings = OcrSettings(threads=args.threads)
    t0 = time.monotonic()
    get_engine(settings)
    load = time.monotonic() - t0
    n = len(pdfium.PdfDocument(str(args.pdf)))
    rows = []
    for p in _pages(args.pages, n):
        cpu0 = time.process_time()
        res = ocr_page_full(args.pdf, p, settings)
        row = {"page": p, "seconds": res.seconds, "cpu_seconds": round(time.process_time() - cpu0, 2), "confidence": res.mean_confidence, "dpi": round(res.dpi),
               "skew": res.skew_degrees, "blocks": len(res.blocks)}
        if args.reference:
            ref = _squash(_reference_text(args.reference, p))
            got = _squash(_block_text(res.blocks))
            row["similarity"] = round(difflib.SequenceMatcher(None, ref, got, autojunk=False).ratio(), 4)
        rows.append(row)
        if not args.json:
            print(" ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    secs = [r["seconds"] for r in rows]
    cpu = [r["cpu_seconds"] for r in rows]
    summary = {"file": args.pdf.name, "pages": len(rows), "threads": settings.n_threads,
               "model_load_seconds": round(load, 2), "seconds_per_page_mean": round(statistics.mean(secs), 2),
               "seconds_per_page_median": round(statistics.median(secs), 2), "seconds_total": round(sum(secs), 1),
               # CPU time is what the page costs whatever else the machine runs; wall time on an
               # idle machine lies between cpu/threads and cpu
               "cpu_seconds_per_page_mean": round(statistics.mean(cpu), 2)}
    if args.reference:
        summary["similarity_mean"] = round(statistics.mean(r["similarity"] for r in rows), 4)
    if args.json:
        print(json.dumps({"summary": summary, "pages": rows}, ensure_ascii=False, indent=1))
    else:
        print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

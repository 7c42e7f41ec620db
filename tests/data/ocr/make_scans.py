"""Rebuild the image-only test PDFs in this folder from born-digital corpus files.

A page is rendered, turned slightly, given scanner noise and grey paper, JPEG-compressed and
written back as a PDF holding nothing but that image: what a scanned disclosure looks like.
Run from the repository root: python tests/data/ocr/make_scans.py
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "corpus"

# (output, source, 1-based page, dpi, rotation degrees, noise sigma)
SCANS = [
    ("anhui-form-p1-scanned.pdf", "anhui-chizhou-guichi-2022-xmzpb.pdf", 1, 150, 0.4, 12.0),
]


def scan(src: Path, page: int, dpi: int, degrees: float, sigma: float, seed: int = 7) -> Image.Image:
    pdf = pdfium.PdfDocument(str(src))
    img = pdf[page - 1].render(scale=dpi / 72).to_pil().convert("L")
    img = img.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    rng = np.random.default_rng(seed)
    a = a * 0.93 + 8 + rng.normal(0, sigma, a.shape)  # grey paper, sensor noise
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def write_pdf(img: Image.Image, out: Path, dpi: int) -> None:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=70)
    Image.open(buf).save(out, format="PDF", resolution=dpi)


def main() -> None:
    for name, src, page, dpi, degrees, sigma in SCANS:
        write_pdf(scan(CORPUS / src, page, dpi, degrees, sigma), HERE / name, dpi)
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()

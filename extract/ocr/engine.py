"""The OCR engines behind one small interface: find text boxes, then read given boxes.

Detection and recognition are separate calls on purpose: a text box found on a scanned
table may run across a ruling line (two neighbouring cells read as one line), so the page
code splits such boxes at the rulings *before* recognition. RapidOCR (PP-OCR models shipped
inside its wheel, CPU onnxruntime) is the default; Tesseract is used when asked for or when
RapidOCR is missing and a ``tesseract`` binary is on PATH.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Protocol

import numpy as np

from .settings import OcrSettings


class OcrUnavailable(Exception):
    """No OCR engine can run here; the message says what to install."""


INSTALL_HINT = "install the OCR extra: pip install 'jixiao[ocr]' (rapidocr-onnxruntime)"


class Engine(Protocol):
    name: str

    def detect(self, img: np.ndarray) -> list[np.ndarray]:
        """Quadrilaterals (4×2 float32, clockwise from top-left) around text lines."""

    def recognize(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[str, float]]:
        """(text, confidence 0..1) for each quad, in order."""

    def upside_down(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[bool, float]] | None:
        """For each quad whether its text reads upside down, with confidence; None if unknown."""


def crop_quad(img: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The quad's content warped to an upright rectangle (what the recogniser expects)."""
    import cv2  # noqa: PLC0415

    quad = np.asarray(quad, dtype=np.float32)
    w = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    h = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    w, h = max(w, 2), max(h, 2)
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(quad, dst)
    out = cv2.warpPerspective(img, m, (w, h), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC)
    if h / w >= 1.5:  # a vertical run of characters (a narrow table column): read it lying down
        out = np.rot90(out)
    return out


class RapidOcrEngine:
    """PP-OCRv4 detection + recognition through rapidocr-onnxruntime, on the CPU."""

    name = "rapidocr"

    def __init__(self, settings: OcrSettings):
        try:
            from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415
        except ImportError as exc:  # the optional extra is not installed
            raise OcrUnavailable(f"OCR engine missing ({exc}); {INSTALL_HINT}") from exc
        n = settings.n_threads
        self._ocr = RapidOCR(intra_op_num_threads=n, inter_op_num_threads=1)
        self._max_side = settings.det_max_side

    def detect(self, img: np.ndarray) -> list[np.ndarray]:
        import cv2  # noqa: PLC0415

        h, w = img.shape[:2]
        ratio = 1.0
        if max(h, w) > self._max_side:
            ratio = self._max_side / max(h, w)
            img = cv2.resize(img, (int(w * ratio), int(h * ratio)), interpolation=cv2.INTER_AREA)
        boxes, _ = self._ocr.text_det(img)
        if boxes is None or len(boxes) == 0:
            return []
        return [np.asarray(b, dtype=np.float32) / ratio for b in boxes]

    def recognize(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[str, float]]:
        if not quads:
            return []
        crops = [crop_quad(img, q) for q in quads]
        res, _ = self._ocr.text_rec(crops)
        return [(str(r[0]), float(r[1])) for r in res]

    def upside_down(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[bool, float]] | None:
        if not quads:
            return []
        _, res, _ = self._ocr.text_cls([crop_quad(img, q) for q in quads])
        return [(str(label) == "180", float(score)) for label, score in res]


class TesseractEngine:
    """Tesseract through its command line (no Python binding needed); slower, optional.

    Tesseract finds and reads words in one pass, so ``detect`` keeps what it read and
    ``recognize`` answers from that cache when asked about the same boxes; a box the page code
    split is read again on its own (``--psm 7``: one line)."""

    name = "tesseract"

    def __init__(self, settings: OcrSettings):
        self._bin = shutil.which("tesseract")
        if not self._bin:
            raise OcrUnavailable("tesseract is not on PATH; " + INSTALL_HINT)
        self._lang = settings.tesseract_lang
        self._cache: dict[tuple, tuple[str, float]] = {}

    def upside_down(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[bool, float]] | None:
        return None  # tesseract's own orientation detection needs the osd data: not relied on

    def _run(self, img: np.ndarray, psm: int, fmt: str) -> str:
        import cv2  # noqa: PLC0415

        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "page.png"
            cv2.imwrite(str(p), img)
            out = subprocess.run([self._bin, str(p), "stdout", "-l", self._lang, "--psm", str(psm), fmt],
                                 capture_output=True, text=True, timeout=300, check=False)
        return out.stdout

    def detect(self, img: np.ndarray) -> list[np.ndarray]:
        quads = []
        lines: dict[tuple, list] = {}
        for row in self._run(img, 3, "tsv").splitlines()[1:]:
            parts = row.split("\t")
            if len(parts) < 12 or not parts[11].strip() or float(parts[10]) < 0:
                continue
            key = tuple(parts[1:5])  # page, block, paragraph, line
            x, y, w, h = (int(v) for v in parts[6:10])
            lines.setdefault(key, []).append((x, y, w, h, parts[11], float(parts[10]) / 100))
        for words in lines.values():
            x0 = min(w[0] for w in words)
            y0 = min(w[1] for w in words)
            x1 = max(w[0] + w[2] for w in words)
            y1 = max(w[1] + w[3] for w in words)
            q = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)
            text = "".join(w[4] for w in words)
            self._cache[self._key(q)] = (text, sum(w[5] for w in words) / len(words))
            quads.append(q)
        return quads

    @staticmethod
    def _key(q: np.ndarray) -> tuple:
        return tuple(int(round(v)) for v in np.asarray(q).ravel())

    def recognize(self, img: np.ndarray, quads: list[np.ndarray]) -> list[tuple[str, float]]:
        out = []
        for q in quads:
            hit = self._cache.get(self._key(q))
            if hit is None:
                text = self._run(crop_quad(img, q), 7, "txt").strip()
                hit = (text, 0.6 if text else 0.0)  # tesseract gives no line confidence in txt mode
            out.append(hit)
        return out


_ENGINES: dict[tuple, Engine] = {}


def get_engine(settings: OcrSettings) -> Engine:
    """One engine per process and configuration: loading the models takes about a second."""
    key = (settings.engine, settings.n_threads, settings.det_max_side, settings.tesseract_lang)
    if key in _ENGINES:
        return _ENGINES[key]
    if settings.engine == "rapidocr":
        eng: Engine = RapidOcrEngine(settings)
    elif settings.engine == "tesseract":
        eng = TesseractEngine(settings)
    else:
        try:
            eng = RapidOcrEngine(settings)
        except OcrUnavailable:
            if not shutil.which("tesseract"):
                raise
            eng = TesseractEngine(settings)
    _ENGINES[key] = eng
    return eng

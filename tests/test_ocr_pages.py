"""OCR on real pages: a scanned form's cells against its born-digital grid, a scanned report
page against its born-digital twin, and proof that nothing is downloaded at run time.

Marked ``ocr``; skipped with the reason when the OCR engine is not installed. Each page is
read once per session (a page takes a few seconds on two cores)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from jixiao.extract.document import Paragraph, Table

pytestmark = pytest.mark.ocr

try:
    import rapidocr_onnxruntime  # noqa: F401

    HAVE_ENGINE = True
except ImportError:  # pragma: no cover - the test extra installs it
    HAVE_ENGINE = False

if not HAVE_ENGINE:
    pytest.skip("OCR engine not installed: pip install 'jixiao[ocr]' (rapidocr-onnxruntime)",
                allow_module_level=True)

DATA = Path(__file__).parent / "data" / "ocr"
SCANNED_FORM = DATA / "anhui-form-p1-scanned.pdf"  # page 1 of the corpus form, rendered, tilted, noised
SCANNED_REPORT = "jiangmen-2020-third-party-scanned.pdf"
DIGITAL_REPORT = "jiangmen-2020-third-party.pdf"


@pytest.fixture(scope="session")
def ocr_cache():
    from jixiao.extract.ocr import ocr_page_full

    cache = {}

    def read(path: Path, page: int):
        key = (str(path), page)
        if key not in cache:
            cache[key] = ocr_page_full(path, page)
        return cache[key]

    return read


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _covered(n_rows, n_cols, merges):
    out = set()
    for r1, c1, r2, c2 in merges:
        for r in range(r1, min(r2, n_rows - 1) + 1):
            for c in range(c1, min(c2, n_cols - 1) + 1):
                if (r, c) != (r1, c1):
                    out.add((r, c))
    return out


def _drop_hidden_columns(rows, merges):
    """Columns covered by a merge in every row exist only in the source's column model."""
    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    cov = _covered(n_rows, n_cols, merges)
    keep = [c for c in range(n_cols) if not all((r, c) in cov for r in range(n_rows))]
    return [[row[c] if c < len(row) else "" for c in keep] for row in rows]


def test_scanned_form_cells_match_the_born_digital_grid(corpus, ocr_cache):
    res = ocr_cache(SCANNED_FORM, 1)
    tables = [b for b in res.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    got = tables[0]
    assert got.source == "ocr" and 0.9 <= got.confidence <= 1 and got.page_start == 1
    truth = json.loads((corpus / "anhui-chizhou-guichi-2022-xmzpb.pdf.tables.json").read_text("utf-8"))[0]
    n = got.n_rows  # the scan holds the first page of a table continued on page 2
    want_rows = _drop_hidden_columns(truth["cells"][:n], [m for m in truth["merges"] if m[0] < n])
    got_rows = _drop_hidden_columns(got.rows, got.merges)
    assert len(got_rows) == len(want_rows) and len(got_rows[0]) == len(want_rows[0])
    pairs = [(_norm(a), _norm(b)) for ra, rb in zip(got_rows, want_rows) for a, b in zip(ra, rb)]
    scored = [(a, b) for a, b in pairs if a or b]
    right = sum(a == b for a, b in scored)
    assert len(scored) >= 60
    assert right / len(scored) >= 0.90, [(a, b) for a, b in scored if a != b]
    # the merged regions come from missing rulings: the vertical 项目资金 block and the title row
    assert (2, 0, 6, 0) in got.merges and (0, 1, 0, got.n_cols - 1) in got.merges


def _digital_text(path: Path, page: int) -> str:
    """The text layer's lines, less the page-number footer (OCR drops it as furniture)."""
    import pdfplumber

    from jixiao.extract.ocr.layout import is_page_number

    with pdfplumber.open(str(path)) as pdf:
        lines = (pdf.pages[page - 1].extract_text() or "").splitlines()
    return "".join(ln for ln in lines if not is_page_number(ln))


def _numbers(text: str) -> list[str]:
    import regex

    return regex.findall(r"\d+(?:\.\d+)?", text)


def test_scanned_page_reads_like_its_born_digital_twin(corpus, ocr_cache):
    import difflib

    res = ocr_cache(corpus / SCANNED_REPORT, 3)
    paras = [b for b in res.blocks if isinstance(b, Paragraph)]
    assert paras and all(p.source == "ocr" and p.page == 3 and p.confidence > 0.8 for p in paras)
    assert res.warning is None and res.mean_confidence > 0.95
    got = "".join(_norm(p.text) for p in paras)
    want = _norm(_digital_text(corpus / DIGITAL_REPORT, 3))
    assert difflib.SequenceMatcher(None, got, want, autojunk=False).ratio() >= 0.95
    # every figure of the page, in order: OCR may drop a character, but no digit is invented
    assert _numbers(got) == _numbers(want)
    # reflowed: a paragraph runs over many visual lines, joined without spaces or breaks
    longest = max(paras, key=lambda p: len(p.text)).text
    assert len(longest) > 150 and "\n" not in longest


def test_a_page_scanned_sideways_is_read_upright(tmp_path, corpus, ocr_cache):
    """Turned 90° clockwise: set upright by a quarter turn and then a half turn."""
    import pypdfium2 as pdfium

    from jixiao.extract.ocr import ocr_page_full

    img = pdfium.PdfDocument(str(corpus / SCANNED_REPORT))[0].render(scale=1.2).to_pil().rotate(-90, expand=True)
    turned = tmp_path / "sideways.pdf"
    img.save(turned, format="PDF", resolution=86)
    res = ocr_page_full(turned, 1)
    want = [b.text for b in ocr_cache(corpus / SCANNED_REPORT, 1).blocks]
    assert res.turned_degrees == 270
    assert [_norm(b.text) for b in res.blocks] == [_norm(t) for t in want]


def test_a_blank_scanned_page_gives_nothing_and_no_warning(tmp_path):
    from PIL import Image

    from jixiao.extract.ocr import ocr_page_full

    blank = tmp_path / "blank.pdf"
    Image.new("L", (600, 850), 255).save(blank, format="PDF", resolution=72)
    res = ocr_page_full(blank, 1)
    assert res.blocks == [] and res.warning is None and res.mean_confidence is None


SITECUSTOMIZE = textwrap.dedent('''
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("network disabled for this test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
''')


def test_ocr_runs_with_the_network_disabled(tmp_path, corpus):
    """Models ship inside the installed package: OCR works with every connection refused."""
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    code = textwrap.dedent(f'''
        import json, socket
        try:
            socket.create_connection(("127.0.0.1", 9))
            raise SystemExit("sockets were not disabled")
        except OSError:
            pass
        from jixiao.extract.ocr import ocr_page_full
        res = ocr_page_full({str(corpus / SCANNED_REPORT)!r}, 1)
        print(json.dumps({{"texts": [b.text for b in res.blocks], "conf": res.mean_confidence}}))
    ''')
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])),
               HOME=str(tmp_path))
    cmd = [sys.executable, "-c", code]
    if sys.platform.startswith("linux") and os.geteuid() == 0 and _unshare_works():
        cmd = ["unshare", "-n"] + cmd  # also no network namespace at all, where allowed
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["conf"] > 0.9
    assert any("绩效评价报告" in t for t in res["texts"])


def _unshare_works() -> bool:
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _tesseract_chi_sim() -> bool:
    import shutil

    if not shutil.which("tesseract"):
        return False
    out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return "chi_sim" in out.stdout


@pytest.mark.skipif(not _tesseract_chi_sim(),
                    reason="optional Tesseract engine not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
def test_optional_tesseract_engine_reads_a_page(corpus):
    from jixiao.extract.ocr import OcrSettings, ocr_page_full

    res = ocr_page_full(corpus / SCANNED_REPORT, 1, OcrSettings(engine="tesseract"))
    assert res.engine == "tesseract"
    texts = [_norm(b.text) for b in res.blocks]
    assert "绩效评价报告" in texts and "2021年8月" in texts

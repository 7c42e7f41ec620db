"""Legacy .doc/.wps/.xls files: converted through LibreOffice and read like their modern twins.

The samples in corpus/legacy/ were saved by LibreOffice from corpus files, so the converted
documents must hold the same tables as the originals. Tests that need LibreOffice skip with a
visible reason when it is not installed (scripts/install-libreoffice.sh installs it)."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from jixiao.extract import ReadError, detect_format, read_document
from jixiao.extract.legacy import LegacySettings, find_soffice, read_legacy

NO_LIBREOFFICE = "LibreOffice (soffice) is not installed: run scripts/install-libreoffice.sh"
needs_lo = pytest.mark.skipif(find_soffice() is None, reason=NO_LIBREOFFICE)

PAIRS = [("legacy/anhui-chizhou-guichi-2022-xmzpb.xls", "anhui-chizhou-guichi-2022-xmzpb.xlsx", "xls"),
         ("legacy/jiangmen-2022-project-self.doc", "jiangmen-2022-project-self.docx", "doc")]


def test_samples_are_legacy_binaries(corpus):
    for legacy, _, fmt in PAIRS:
        assert detect_format(corpus / legacy) == fmt


def test_without_libreoffice_the_error_says_how_to_install(corpus):
    s = LegacySettings(soffice="no-such-soffice-binary")
    with pytest.raises(ReadError, match=r"needs LibreOffice to convert: install it with `apt-get install "
                                        r"libreoffice-writer libreoffice-calc`"):
        read_legacy(corpus / PAIRS[0][0], s)


def _cells(doc):
    return [c for t in doc.tables for row in t.rows for c in row]


@needs_lo
@pytest.mark.parametrize("legacy, modern, fmt", PAIRS)
def test_legacy_reads_like_its_modern_twin(corpus, legacy, modern, fmt):
    doc = read_document(corpus / legacy)
    twin = read_document(corpus / modern)
    assert doc.format == fmt and doc.path.endswith(legacy.split("/")[-1])
    assert doc.metadata["converted_from"] == fmt
    assert len(doc.tables) == len(twin.tables) >= 1
    a, b = _cells(doc), _cells(twin)
    assert len(a) == len(b)
    same = sum(x == y for x, y in zip(a, b))
    assert same / len(b) >= 0.98
    paras = [p.text for p in twin.paragraphs]
    if paras:
        assert [p.text for p in doc.paragraphs] == paras


@needs_lo
def test_wps_extension_is_kept_as_the_format(tmp_path, corpus):
    """A WPS Writer file is an OLE Word document; its format is reported as wps."""
    f = tmp_path / "report.wps"
    shutil.copy(corpus / PAIRS[1][0], f)
    doc = read_document(f)
    assert doc.format == "wps" and len(doc.tables) == 1


@needs_lo
def test_conversion_time_limit(corpus):
    with pytest.raises(ReadError, match="longer than"):
        read_legacy(corpus / PAIRS[1][0], LegacySettings(timeout=0.01))


@needs_lo
def test_legacy_files_ingest_with_reports(corpus_db):
    """The shared corpus database holds corpus/legacy/ too: rows with the legacy formats."""
    con = sqlite3.connect(corpus_db)
    rows = {r[0]: r[1:] for r in con.execute("select path, format, status, n_reports from files")}
    for legacy, _, fmt in PAIRS:
        got_fmt, status, n_reports = rows[legacy]
        assert got_fmt == fmt
        assert status != "failed", (legacy, status)
        assert n_reports >= 1, legacy
    fmts = {r[0] for r in con.execute("select format from reports where path like 'legacy/%'")}
    assert fmts == {"doc", "xls"}

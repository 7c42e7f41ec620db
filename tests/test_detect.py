"""Format detection from bytes, whatever the file is called."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jixiao.extract import ReadError, read_document
from jixiao.extract.detect import detect_format
from jixiao.pipeline import process_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("source, fmt", [
    ("jiangmen-2022-project-self.docx", "docx"),
    ("zhongshan-2022-project-self.xlsx", "xlsx"),
    ("zhongshan-2022-project-self.pdf", "pdf"),
])
@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".xlsx", ".doc", ""])
def test_format_from_bytes_not_name(tmp_path, source, fmt, suffix):
    target = tmp_path / f"file{suffix}"
    shutil.copy(CORPUS / source, target)
    assert detect_format(target) == fmt


@pytest.mark.parametrize("payload, fmt", [
    (b"", "unknown"),
    (b"\x13\x37" * 500, "unknown"),
    (b"{\\rtf1\\ansi hello}", "rtf"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html><body><table></table></body></html>", "html"),
    (b"<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>", "html"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x", "mht"),
    (b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument>', "wordml"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "unknown"),
    (b"PK\x03\x04broken", "zip"),
])
def test_signatures(tmp_path, payload, fmt):
    f = tmp_path / "x.doc"
    f.write_bytes(payload)
    assert detect_format(f) == fmt


def test_truncated_docx_still_named_docx(tmp_path):
    """A cut download keeps its first local headers: the error then says 'damaged DOCX'."""
    data = (CORPUS / "shaoguan-2020-project-self.docx").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) * 2 // 3])
    assert detect_format(cut) == "docx"
    with pytest.raises(ReadError, match="damaged DOCX"):
        read_document(cut)


@pytest.mark.parametrize("payload", [b"", os.urandom(3000), b"PK\x03\x04" + os.urandom(3000)])
def test_broken_files_fail_cleanly_in_pipeline(tmp_path, payload):
    f = tmp_path / "report.docx"
    f.write_bytes(payload)
    result = process_file(f)
    assert result.status == "failed"
    assert result.error and "\n" not in result.error and "Traceback" not in result.error

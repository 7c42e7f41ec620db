"""Legacy Word/Excel/WPS files (.doc, .wps, .xls, .et) read through a LibreOffice conversion.

Their binary formats are undocumented in practice; LibreOffice's import filters are the most
faithful reader available, so the file is converted to DOCX/XLSX in a private temporary
folder and read by the same readers as modern files. Each conversion runs with its own
LibreOffice profile (parallel workers would otherwise fight over one profile's lock) and a
time limit (a damaged file can make LibreOffice hang).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.settings import stage_settings

from .detect import detect_format

# the format the bytes are in -> (suffix LibreOffice recognises them by, target format, filter)
TARGETS = {
    "doc": (".doc", "docx", "docx:MS Word 2007 XML"),
    "wps": (".wps", "docx", "docx:MS Word 2007 XML"),
    "xls": (".xls", "xlsx", "xlsx:Calc MS Excel 2007 XML"),
    "et": (".xls", "xlsx", "xlsx:Calc MS Excel 2007 XML"),  # WPS spreadsheets are BIFF inside
}

INSTALL_HINT = ("needs LibreOffice to convert: install it with "
                "`apt-get install libreoffice-writer libreoffice-calc` (or your system's package)")


@dataclass
class LegacySettings:
    soffice: str | None = None  # path of the soffice binary; None = soffice/libreoffice on PATH
    timeout: float = 120.0  # seconds one conversion may take before it is killed

    @classmethod
    def from_any(cls, settings=None) -> "LegacySettings":
        return stage_settings(cls, settings, "extract", "legacy")


def find_soffice(settings: LegacySettings | None = None) -> str | None:
    s = settings or LegacySettings()
    if s.soffice:
        return s.soffice if Path(s.soffice).exists() or shutil.which(s.soffice) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group so a timeout kills every helper it spawned."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def convert(path: Path, fmt: str, workdir: Path, settings: LegacySettings) -> Path:
    """Convert ``path`` (bytes in ``fmt``) into ``workdir``; the converted file's path."""
    from . import ReadError  # noqa: PLC0415 - the package imports this module lazily

    soffice = find_soffice(settings)
    if soffice is None:
        raise ReadError(f"{fmt} file {INSTALL_HINT}")
    suffix, target, filt = TARGETS[fmt]
    src = workdir / f"input{suffix}"  # a plain ASCII name: some filters choke on others
    shutil.copyfile(path, src)
    profile = (workdir / "profile").as_uri()
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           f"-env:UserInstallation={profile}", "--convert-to", filt, "--outdir", str(workdir / "out"), str(src)]
    try:
        done = _run(cmd, settings.timeout)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"LibreOffice took longer than {settings.timeout:.0f} s converting this {fmt} file") from exc
    out = workdir / "out" / f"input.{target}"
    if not out.exists():
        tail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or ["no output"]
        raise ReadError(f"LibreOffice could not convert this {fmt} file: {tail[0]}")
    return out


def read_legacy(path: str | Path, settings=None):
    """The Document of a legacy file, read from its DOCX/XLSX conversion, ``format`` as detected."""
    from . import ReadError, read_document  # noqa: PLC0415

    path = Path(path)
    fmt = detect_format(path)
    if fmt not in TARGETS:
        raise ReadError(f"not a legacy Word/Excel file ({fmt})")
    s = LegacySettings.from_any(settings)
    with tempfile.TemporaryDirectory(prefix="jixiao-legacy-") as tmp:
        converted = convert(path, fmt, Path(tmp), s)
        doc = read_document(converted, settings=settings)
    doc.path = str(path)
    doc.metadata["converted_from"] = fmt
    doc.metadata["converted_to"] = TARGETS[fmt][1]
    doc.format = fmt
    return doc

"""One file in, one ``FileResult`` out; and the folder-level ingest that drives it.

``process_file`` is a pure function of a path (no database, no globals) so it can run in a
worker process here or on a cluster later. ``ingest`` walks a folder, skips files already
stored with the same bytes, runs ``process_file`` in killable workers (see ``workers``), and
writes each result in the parent, one transaction per file.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from jixiao.extract import SUPPORTED_SUFFIXES, ReadError, detect_format, read_document
from jixiao.extract.document import Paragraph as DocParagraph
from jixiao.schemas import FileResult, Paragraph, TableRow

from . import __version__
from .settings import Settings

# files never worth a row: the truth files beside the corpus, editor leftovers
IGNORED_SUFFIXES = {".json", ".md", ".txt", ".db", ".db-wal", ".db-shm", ".py", ".ipynb"}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def process_file(path: str | Path, rel_path: str | None = None, settings: Settings | None = None,
                 file_id: str | None = None) -> FileResult:
    """Read, normalize and check one file. Never raises for a bad file: it returns a failed result."""
    from jixiao.checks import run_checks  # noqa: PLC0415 - heavy imports stay in the worker
    from jixiao.normalize import normalize  # noqa: PLC0415
    from jixiao.normalize.segment import split_reports  # noqa: PLC0415

    settings = settings or Settings()
    path = Path(path)
    rel = rel_path or path.name
    started = time.monotonic()
    fid = file_id or sha256_of(path)
    try:
        fmt = detect_format(path)
    except OSError as exc:
        return FileResult(id=fid, path=rel, format="unknown", status="failed", error=f"cannot open: {exc}")
    result = FileResult(id=fid, path=rel, format=fmt)
    size_mb = path.stat().st_size / 1e6
    if size_mb > settings.pipeline.max_file_mb:
        return _failed(result, f"file too large ({size_mb:.0f} MB > {settings.pipeline.max_file_mb:.0f} MB); "
                               "raise pipeline.max_file_mb to read it", started)
    try:
        doc = read_document(path, settings=settings)
    except ReadError as exc:
        return _failed(result, str(exc), started)
    except Exception as exc:  # a parser crash on a malformed file is that file's failure only
        return _failed(result, f"{fmt} reader failed: {type(exc).__name__}: {exc}", started)
    result.format = doc.format or fmt
    result.pages = doc.n_pages
    result.tables = [TableRow(file_id=fid, seq=i, page_start=t.page_start, page_end=t.page_end, n_rows=t.n_rows,
                              n_cols=t.n_cols, cells=[[c or "" for c in r] for r in t.rows],
                              merges=[list(m) for m in t.merges], sheet=t.sheet, source=t.source)
                     for i, t in enumerate(doc.tables)]
    problems = list(doc.warnings)
    try:
        reports = normalize(doc, settings)
        segments = split_reports(doc, settings)
    except Exception as exc:
        problems.append(f"normalize failed: {type(exc).__name__}: {exc}")
        reports, segments = [], []
    for n, rr in enumerate(reports, 1):
        rep = rr.report
        rep.id, rep.file_id, rep.path, rep.format = f"{fid}:{n}", fid, rel, result.format
        for rows in (rr.budgets, rr.indicators, rr.scores):
            for row in rows:
                row.report_id = rep.id
        try:
            seg = segments[n - 1] if n - 1 < len(segments) else None
            rr.checks = run_checks(rr, seg, doc, settings)
        except Exception as exc:
            rr.checks = []
            rep.status = "partial"
            rep.error = "; ".join(filter(None, [rep.error, f"checks failed: {type(exc).__name__}: {exc}"]))
        for c in rr.checks:
            c.report_id = rep.id
        for seq in rr.table_seqs:
            if 0 <= seq < len(result.tables):
                result.tables[seq].report_id = rep.id
    result.reports = reports
    result.n_reports = len(reports)
    result.paragraphs = _paragraph_rows(fid, doc, reports, segments)
    if not reports:
        problems.append("no report recognised in this file")
    if any(r.report.status != "ok" for r in reports):
        problems += [f"report {r.report.id}: {r.report.error}" for r in reports if r.report.error]
    if problems:
        result.status = "partial"
        result.error = "; ".join(dict.fromkeys(problems))
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _paragraph_rows(fid: str, doc, reports, segments) -> list[Paragraph]:
    """Paragraph rows for full-text search, each tagged with the report whose blocks hold it.

    Blocks, not pages: a DOCX has only estimated pages, and two reports may share one."""
    owner: dict[int, str] = {}
    for rr, seg in zip(reports, segments):
        for i in range(seg.block_start, seg.block_start + len(seg.blocks)):
            owner[i] = rr.report.id
    rows = []
    seq = 0
    for i, block in enumerate(doc.blocks):
        if isinstance(block, DocParagraph):
            rows.append(Paragraph(file_id=fid, report_id=owner.get(i), seq=seq, page=block.page, text=block.text))
            seq += 1
    return rows


def _failed(result: FileResult, error: str, started: float) -> FileResult:
    result.status = "failed"
    result.error = error
    result.seconds = round(time.monotonic() - started, 3)
    return result


# --------------------------------------------------------------------------- folder ingest


@dataclass
class IngestSummary:
    seen: int = 0
    skipped_unchanged: int = 0
    aliases: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    reports: int = 0
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)


def candidate_files(root: Path) -> list[Path]:
    """Every file under root that could be a report, in a stable order.

    Files with unknown suffixes are still offered when their bytes look like a document, so a
    report saved without an extension is not skipped silently."""
    out = []
    for p in sorted(root.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts):
            continue
        suffix = p.suffix.lower()
        if suffix in IGNORED_SUFFIXES or p.name.endswith(".tables.json"):
            continue
        if suffix in SUPPORTED_SUFFIXES or detect_format(p) != "unknown":
            out.append(p)
    return out


def ingest(root: str | Path, db_path: str | Path, settings: Settings | None = None,
           progress: Callable[[str, FileResult | None], None] | None = None, force: bool = False) -> IngestSummary:
    """Read every report file under ``root`` into the database at ``db_path``.

    A file already stored with the same bytes, path and jixiao version is skipped; a newer
    jixiao re-reads it (its readers may understand more), and so does ``force``."""
    from jixiao.db import known_file, open_db, record_alias, write_file_result  # noqa: PLC0415

    from .workers import run_pool  # noqa: PLC0415

    settings = settings or Settings()
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"{root} is not a folder")
    started = time.monotonic()
    db = open_db(db_path)
    summary = IngestSummary()
    todo: list[tuple[Path, str, str]] = []
    by_id: dict[str, list[str]] = {}
    for p in candidate_files(root):
        summary.seen += 1
        rel = p.relative_to(root).as_posix()
        fid = sha256_of(p)
        by_id.setdefault(fid, []).append(rel)
        if len(by_id[fid]) > 1:
            continue  # identical bytes under another name: one file, both paths
        row = known_file(db, fid)
        if row is not None and row["path"] == rel and row.get("reader_version") == __version__ and not force:
            summary.skipped_unchanged += 1
            if progress:
                progress(rel, None)
            continue
        if row is not None and row["path"] != rel:  # same bytes stored under another path
            if (root / row["path"]).exists():
                record_alias(db, fid, rel)
                summary.aliases += 1
                if progress:
                    progress(rel, None)
                continue
        todo.append((p, rel, fid))
    for fid, paths in by_id.items():
        for extra in paths[1:]:
            summary.aliases += 1
            if known_file(db, fid):
                record_alias(db, fid, extra)
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for (p, rel, fid), result in run_pool(todo, settings):
        also = by_id.get(fid, [])[1:]
        counts = write_file_result(db, result, also_at=also or None, size=p.stat().st_size, ingested_at=stamp,
                                   reader_version=__version__)
        for k, v in counts.items():
            summary.rows[k] = summary.rows.get(k, 0) + v
        setattr(summary, result.status, getattr(summary, result.status) + 1)
        summary.reports += result.n_reports
        if result.status == "failed":
            summary.failures.append((rel, result.error or ""))
        if progress:
            progress(rel, result)
    summary.seconds = round(time.monotonic() - started, 2)
    return summary


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def iter_files(paths: Iterable[Path]) -> Iterable[Path]:
    yield from paths

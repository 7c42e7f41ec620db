"""``jixiao ingest`` and ``jixiao extract``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table as RichTable

from . import app
from .common import err, fail


@app.command()
def ingest(
    folder: Path = typer.Argument(..., help="Folder to read recursively (PDF, DOCX, XLSX; DOC/XLS/WPS/ET with LibreOffice)."),
    db: Path = typer.Option(Path("reports.db"), "--db", help="SQLite database to create or update."),
    workers: int = typer.Option(0, "--workers", "-j", help="Worker processes (0: one per core, up to 4)."),
    timeout: float = typer.Option(300.0, "--timeout", help="Seconds one file may take before it is stopped and marked failed (PDFs get 30 s more per page, for OCR)."),
    force: bool = typer.Option(False, "--force", help="Re-read files even when their bytes are unchanged."),
    config: Path = typer.Option(None, "--config", help="TOML file overriding thresholds (see jixiao/settings.py)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Read every report under FOLDER into the database; unchanged files are skipped."""
    from jixiao.pipeline import candidate_files, default_workers  # noqa: PLC0415
    from jixiao.pipeline import ingest as run_ingest
    from jixiao.settings import Settings  # noqa: PLC0415

    if not folder.exists():
        fail(f"{folder}: no such folder")
    if not folder.is_dir():
        fail(f"{folder} is a file; give the folder that holds it (or use `jixiao extract {folder}`)")
    if config is not None and not config.is_file():
        fail(f"{config}: no such settings file")
    try:
        settings = Settings.from_toml(config) if config else Settings()
        settings.validate()
    except (ValueError, OSError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        fail(f"{config}: {exc}")
    settings.pipeline.workers = workers or default_workers()
    settings.pipeline.file_timeout = timeout
    total = len(candidate_files(folder))
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=err, disable=quiet or not sys.stderr.isatty()) as bar:
        task = bar.add_task("", total=total)

        def tick(rel, result):
            status = "unchanged" if result is None else result.status
            bar.update(task, advance=1, description=f"{rel} [{status}]")

        summary = run_ingest(folder, db, settings, progress=tick, force=force)
    out = Console()
    t = RichTable(title=f"ingest {folder} → {db}", show_header=False)
    for label, value in (("files seen", summary.seen), ("unchanged (skipped)", summary.skipped_unchanged),
                         ("duplicates (same bytes)", summary.aliases), ("ok", summary.ok),
                         ("partial", summary.partial), ("failed", summary.failed),
                         ("reports found", summary.reports),
                         ("rows written", ", ".join(f"{k} {v}" for k, v in summary.rows.items() if v) or "0"),
                         ("seconds", summary.seconds)):
        t.add_row(label, str(value))
    out.print(t)
    for rel, why in summary.failures:
        out.print(f"[red]failed[/red] {rel}: {why}")


@app.command()
def extract(
    file: Path = typer.Argument(..., help="One PDF, DOCX or XLSX file."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole Document as JSON."),
    normalized: bool = typer.Option(False, "--normalized", "-n", help="Also run normalize and checks; print the FileResult JSON."),
) -> None:
    """Show the format-neutral Document of one file (for debugging a template)."""
    from jixiao.extract import ReadError, read_document  # noqa: PLC0415
    from jixiao.extract.document import Table  # noqa: PLC0415

    if not file.is_file():
        fail(f"{file}: no such file")
    if normalized:
        from jixiao.pipeline import process_file  # noqa: PLC0415

        print(json.dumps(process_file(file).model_dump(), ensure_ascii=False, indent=1))
        return
    try:
        doc = read_document(file)
    except ReadError as exc:
        fail(f"{file}: {exc}")
    if as_json:
        print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=1))
        return
    out = Console()
    out.print(f"[bold]{file}[/bold]  format={doc.format} pages={doc.n_pages} blocks={len(doc.blocks)}")
    for w in doc.warnings:
        out.print(f"[yellow]warning[/yellow] {w}")
    for b in doc.blocks:
        if isinstance(b, Table):
            out.print(f"[cyan]table p{b.page_start}-{b.page_end} {b.n_rows}x{b.n_cols} merges={len(b.merges)}[/cyan]")
            for row in b.rows:
                out.print("  | " + " | ".join(c.replace("\n", " ") for c in row), markup=False)
        else:
            head = f"h{b.heading_level} " if b.heading_level else ""
            out.print(f"p{b.page} {head}{b.text}", markup=False)

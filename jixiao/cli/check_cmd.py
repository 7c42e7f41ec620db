"""``jixiao check``: the spot-check findings stored at ingest, per report, and the HTML audit page."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table as RichTable

from . import app
from .common import fail

STATUS_STYLE = {"mismatch": "bold red", "rounding": "yellow", "unverifiable": "dim", "ok": "green"}


@app.command()
def check(
    db: Path = typer.Option(Path("reports.db"), "--db", help="Database written by `jixiao ingest`."),
    status: list[str] = typer.Option(None, "--status", "-s",
                                     help="Only findings with this status (ok, rounding, mismatch, unverifiable); repeatable."),
    report: str = typer.Option(None, "--report", "-r", help="Only this report id (or a prefix of it, or part of its path)."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Show every recomputation, the ones that agree included."),
    html: Path = typer.Option(None, "--html", help="Also write a self-contained audit page to this file."),
) -> None:
    """Show, per report, each recomputed figure that disagrees with the report (every one with --all)."""
    from jixiao.checks.audit import load_reports, write_html  # noqa: PLC0415

    if not db.is_file():
        fail(f"{db}: no such database (run `jixiao ingest FOLDER --db {db}` first)")
    bad = [s for s in status or [] if s not in STATUS_STYLE]
    if bad:
        fail(f"unknown status {', '.join(bad)}; use one of {', '.join(STATUS_STYLE)}")
    wanted = set(status or []) or (set(STATUS_STYLE) if show_all else {"mismatch", "rounding", "unverifiable"})
    reports = load_reports(db, report)
    if report and not reports:
        fail(f"no report matches {report!r}")
    out = Console()
    shown = 0
    for rep in reports:
        rows = [c for c in rep["checks"] if c["status"] in wanted]
        counts = rep["counts"]
        head = (f"[bold]{rep['title'] or rep['project'] or rep['unit'] or rep['path']}[/bold]  {rep['path']}  "
                f"score {rep['reported_score'] if rep['reported_score'] is not None else '—'} "
                f"grade {rep['reported_grade'] or '—'}  " +
                "  ".join(f"[{STATUS_STYLE[k]}]{k} {counts.get(k, 0)}[/]" for k in STATUS_STYLE))
        out.print(head)
        if not rows:
            continue
        t = RichTable(show_lines=False, expand=True)
        for col in ("status", "rule", "what was checked", "reported", "recomputed", "how (inputs)", "page"):
            t.add_column(col, overflow="fold")
        for c in rows:
            t.add_row(f"[{STATUS_STYLE[c['status']]}]{c['status']}[/]", c["rule"], c["subject"],
                      c["reported_text"] or _fmt(c["reported"]), c["recomputed_text"] or _fmt(c["recomputed"]),
                      c["detail"] or "", str(c["page"] or ""))
            shown += 1
        out.print(t)
    out.print(f"{len(reports)} report(s), {shown} finding(s) shown")
    if html:
        write_html(reports, html, title=f"jixiao audit — {db.name}")
        out.print(f"audit page written to {html}")


def _fmt(x) -> str:
    from jixiao.checks.compare import fmt  # noqa: PLC0415

    return "" if x is None else fmt(x)

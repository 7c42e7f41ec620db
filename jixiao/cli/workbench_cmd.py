"""``jixiao compare``, ``query``, ``search`` and ``serve``: the analyst's workbench.

Thin wrappers over ``jixiao.workbench``; every command opens the database read-only and
ends a user error with one line and exit code 2 (a traceback is for bugs, not typos)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text

from . import app
from .common import err, fail

DB_OPTION = typer.Option(Path("reports.db"), "--db", help="SQLite database written by `jixiao ingest`.")
FORMAT_HELP = "Output: table (for reading), csv or json (every row, full precision)."


def _open(db: Path):
    from jixiao.workbench import DatabaseError, open_readonly  # noqa: PLC0415

    try:
        return open_readonly(db)
    except DatabaseError as exc:
        fail(str(exc))


def _check_format(fmt: str) -> str:
    from jixiao.workbench.output import FORMATS  # noqa: PLC0415

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    return fmt


def _emit(columns: list[str], rows: list[tuple], fmt: str, title: str | None = None) -> None:
    from jixiao.workbench.output import render_table, to_csv, to_json  # noqa: PLC0415
    from jixiao.workbench.settings import WorkbenchSettings  # noqa: PLC0415

    if fmt == "csv":
        sys.stdout.write(to_csv(columns, rows))
    elif fmt == "json":
        sys.stdout.write(to_json(columns, rows) + "\n")
    else:
        Console().print(render_table(columns, rows, title=title, max_rows=WorkbenchSettings().table_max_rows))


# the table format of compare fits a terminal: place and subject folded into one column each
# (csv and json carry every column, province and both unit and project included)
_COMPARE_TABLE = ["place", "year", "project / unit", "file", "target", "actual", "score", "checks", "page"]
_SUBJECT_CHARS = 14


def _compare_table_row(r: dict) -> tuple:
    place = "".join(x for x in (r["city"], r["county"]) if x) or r["province"]
    subject = r["project"] or r["unit"] or ""
    if len(subject) > _SUBJECT_CHARS:
        subject = subject[: _SUBJECT_CHARS - 1] + "…"
    fmt = (r["path"] or "").rsplit(".", 1)[-1] if r["path"] and "." in r["path"] else r["path"]
    actual = r["actual_text"] or (None if r["actual_value"] is None else f"{r['actual_value']:g}{r['value_unit'] or ''}")
    return (place, r["fiscal_year"], subject, fmt, r["target_text"], actual, r["score"], r["checks"] or "-", r["page"])


_BUDGET_TABLE = ["place", "year", "unit / project", "final (万元)", "spent (万元)", "rate reported", "rate recomputed",
                 "page"]


def _wan(yuan: float | None) -> str:
    return "" if yuan is None else f"{yuan / 1e4:,.2f}"


def _compare_budget(conn, year: int | None, kind: str | None, line: str, fmt: str) -> None:
    from jixiao.workbench.compare import BUDGET_COLUMNS, budget_execution  # noqa: PLC0415

    rows = budget_execution(conn, year=year, kind=kind, line=line)
    if not rows:
        err.print(f"[yellow]no budget rows for line {line!r}[/yellow]", highlight=False)
        raise typer.Exit(1)
    if fmt != "table":
        _emit(BUDGET_COLUMNS, [tuple(r[c] for c in BUDGET_COLUMNS) for r in rows], fmt)
        return
    out = []
    for r in rows:
        place = "".join(x for x in (r["city"], r["county"]) if x) or r["province"] or ""
        subject = r["project"] or r["unit"] or ""
        if len(subject) > _SUBJECT_CHARS:
            subject = subject[: _SUBJECT_CHARS - 1] + "…"
        rate = lambda v: "" if v is None else f"{v:g}%"  # noqa: E731
        out.append((place, r["fiscal_year"], subject, _wan(r["final_yuan"]), _wan(r["spent_yuan"]),
                    rate(r["reported_rate_pct"]), rate(r["recomputed_rate_pct"]), r["page"]))
    _emit(_BUDGET_TABLE, out, fmt, title=f"budget line {line}: {len(out)} report(s)")


@app.command()
def compare(
    indicator: str = typer.Argument(None, help="Canonical indicator key (indicators.canonical); see --list."),
    db: Path = DB_OPTION,
    year: int = typer.Option(None, "--year", help="Only reports of this fiscal year."),
    kind: str = typer.Option(None, "--kind", help="project_self, department_self or third_party."),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    list_keys: bool = typer.Option(False, "--list", help="List the canonical keys, most widespread first."),
    budget: bool = typer.Option(False, "--budget", help="Compare budget execution instead: final, spent, "
                                "reported and recomputed rate per report."),
    line: str = typer.Option("total", "--line", help="With --budget: the budget line (total, 财政拨款, ...)."),
) -> None:
    """One canonical indicator across every report that states it, one row per report
    (or, with --budget, each report's budget execution)."""
    from jixiao.workbench.compare import compare as run_compare  # noqa: PLC0415
    from jixiao.workbench.compare import list_keys as keys_of  # noqa: PLC0415

    _check_format(fmt)
    conn = _open(db)
    if budget:
        _compare_budget(conn, year, kind, line, fmt)
        return
    if list_keys:
        rows = [tuple(r) for r in keys_of(conn, year=year, kind=kind)]
        _emit(["canonical", "reports", "places", "with_value", "example_name"], rows, fmt)
        return
    if not indicator:
        fail("give an INDICATOR (a canonical key) or --list to see them")
    result = run_compare(conn, indicator, year=year, kind=kind)
    if not result.rows:
        msg = result.message or f"no rows for {indicator!r}"
        if result.suggestions:
            msg += "; did you mean: " + ", ".join(result.suggestions)
        err.print(f"[yellow]{msg}[/yellow]", highlight=False)
        if kind is not None and "unknown kind" in msg:
            raise typer.Exit(2)
        raise typer.Exit(1)
    if fmt == "table":
        cols, rows = _COMPARE_TABLE, [_compare_table_row(r) for r in result.rows]
    else:
        cols, rows = result.columns, [tuple(r[c] for c in result.columns) for r in result.rows]
    _emit(cols, rows, fmt, title=f"{result.indicator}: {len(rows)} report(s)")


@app.command()
def query(
    sql: str = typer.Argument(..., help="One SQL statement; the database is opened read-only."),
    db: Path = DB_OPTION,
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
    param: list[str] = typer.Option(None, "--param", "-p", help="NAME=VALUE for :NAME in the SQL (repeatable)."),
) -> None:
    """Run one SQL query over the database (read-only: writes are refused)."""
    from jixiao.workbench.query import QueryError, run_query  # noqa: PLC0415

    _check_format(fmt)
    params = {}
    for p in param or []:
        if "=" not in p:
            fail(f"--param {p!r}: expected NAME=VALUE")
        k, v = p.split("=", 1)
        params[k] = v
    conn = _open(db)
    try:
        result = run_query(conn, sql, params or None)
    except QueryError as exc:
        fail(str(exc))
    _emit(result.columns, result.rows, fmt)


@app.command()
def search(
    text: str = typer.Argument(..., help="Words to find in report prose; several words must all occur."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", help="Hits to show."),
    year: int = typer.Option(None, "--year", help="Only reports of this fiscal year."),
    place: str = typer.Option(None, "--place", help="Only reports of this province, city or county."),
    fmt: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Full-text search of report prose; prints file, page and the words around each hit."""
    from jixiao.workbench.search import search as run_search  # noqa: PLC0415

    _check_format(fmt)
    conn = _open(db)
    result = run_search(conn, text, limit=limit, year=year, city=place)
    if fmt != "table":
        cols = ["path", "page", "report_id", "context", "text"]
        _emit(cols, [(h.path, h.page, h.report_id, h.context, h.text) for h in result.hits], fmt)
        return
    out = Console(soft_wrap=True)
    if not result.hits:
        err.print(f"[yellow]no paragraph contains {' + '.join(result.terms) or repr(text)}[/yellow]")
        raise typer.Exit(1)
    for h in result.hits:
        line = Text(f"{h.path}  p.{h.page if h.page is not None else '?'}  ", style="bold cyan")
        ctx = Text(h.context)
        for a, b in h.spans:
            ctx.stylize("bold yellow", a, b)
        out.print(line + ctx, highlight=False)
    how = "index" if result.used_index else "scan"
    out.print(f"[dim]{len(result.hits)} of {result.total} paragraph(s) ({how})[/dim]")


@app.command()
def serve(
    db: Path = DB_OPTION,
    port: int = typer.Option(8001, "--port", help="Port on 127.0.0.1 (0: any free port)."),
    metadata: Path = typer.Option(None, "--metadata", help="Extra Datasette metadata (TOML or JSON) merged over the built-in."),
    write_metadata_to: Path = typer.Option(None, "--write-metadata", help="Write the metadata JSON here and exit."),
) -> None:
    """Browse the database in Datasette (read-only, loopback only), with facets and canned queries."""
    from jixiao.workbench.serve import (  # noqa: PLC0415
        datasette_available,
        datasette_command,
        free_port,
        write_metadata,
    )

    conn = _open(db)
    conn.close()
    if metadata is not None and not metadata.is_file():
        fail(f"{metadata}: no such metadata file")
    if write_metadata_to is not None:
        write_metadata(db, write_metadata_to, metadata)
        err.print(f"metadata written to {write_metadata_to}")
        return
    if not datasette_available():
        fail("Datasette is not installed: pip install 'jixiao[serve]' (or pip install datasette)")
    meta = write_metadata(db, None, metadata)
    port = port or free_port()
    err.print(f"serving {db} read-only at http://127.0.0.1:{port}/  (Ctrl-C to stop)")
    try:
        raise typer.Exit(subprocess.call(datasette_command(db, meta, port)))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
    finally:
        meta.unlink(missing_ok=True)

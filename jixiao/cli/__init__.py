"""The ``jixiao`` command: a thin layer over the library, one module per command group.

Each module registers its commands on ``app``; importing it here is all it takes to add one."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="jixiao",
    help="Read budget-performance evaluation reports (绩效自评表 / 自评报告 / 绩效评价报告) from PDF, Word "
         "and Excel into one SQLite database, compare indicators across cities, and spot-check reported "
         "figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from . import ingest_cmd  # noqa: E402,F401  (registers ingest, extract)

for _optional in ("check_cmd", "workbench_cmd"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    app()

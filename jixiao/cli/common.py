"""What every command shares: the stderr console and the one-line error exit."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, soft_wrap=True)


def fail(message: str) -> None:
    """One clear line and exit code 2: bad input is the user's to fix, not a traceback.

    The message is escaped: a settings table name like [extract.pdf] is text, not markup."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(2)

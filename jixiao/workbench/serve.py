"""``jixiao serve``: the database in Datasette, read-only, on the loopback interface.

Immutable mode (``-i``) lets Datasette count rows once and cache them, and guarantees the web
UI cannot change the file. The metadata is written to a temporary JSON file per run because
it depends on the database (its name in URLs, the tables it holds)."""
from __future__ import annotations

import importlib.util
import json
import os
import socket
import sys
import tempfile
from pathlib import Path

from .connect import open_readonly
from .metadata import build_metadata
from .settings import WorkbenchSettings


def db_name(path: Path) -> str:
    """Datasette's name for a database file: its stem, as in the URLs /<name>/<table>."""
    return Path(path).stem


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def write_metadata(db: Path, out: Path | None = None, extra: Path | None = None) -> Path:
    conn = open_readonly(db)
    try:
        meta = build_metadata(conn, db_name(db), extra)
    finally:
        conn.close()
    if out is None:
        fd, name = tempfile.mkstemp(prefix="jixiao-datasette-", suffix=".json")
        out = Path(name)
        os.close(fd)
    out.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def datasette_command(db: Path, metadata: Path, port: int, host: str | None = None,
                      settings: WorkbenchSettings | None = None) -> list[str]:
    settings = settings or WorkbenchSettings()
    return [sys.executable, "-m", "datasette", "serve", "-i", str(db), "--metadata", str(metadata),
            "--host", host or settings.host, "--port", str(port),
            "--setting", "sql_time_limit_ms", "5000", "--setting", "default_facet_size", "20"]


def datasette_available() -> bool:
    return importlib.util.find_spec("datasette") is not None

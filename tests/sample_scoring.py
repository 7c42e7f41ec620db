"""Ingest a folder of sample reports and score it with the gold scorer: shared by the tests of
the project's own samples and of the blind sets."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT / "scripts" / "score.py"


def ingest_folder(folder: Path, db: Path) -> Path:
    from jixiao.pipeline import ingest
    from jixiao.settings import Settings

    s = Settings()
    s.pipeline.workers = 2
    ingest(folder, db, s)
    return db


def score(db: Path, gold: Path, corpus: Path | None = None) -> dict:
    cmd = [sys.executable, str(SCORER), str(db), str(gold), "--json"]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)

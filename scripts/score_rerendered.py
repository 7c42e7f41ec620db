#!/usr/bin/env python3
"""Robustness to another PDF renderer: print the corpus's DOCX and XLSX files to PDF with
LibreOffice and score those PDFs against the same gold (the text and figures are the same, only
the layout engine differs: other line breaks, page breaks, clipped cells, "###" for numbers that
do not fit a column).

    python scripts/score_rerendered.py [CORPUS] [GOLD]     (needs soffice and jixiao installed)
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT / "corpus"
    gold_dir = Path(argv[2]) if len(argv) > 2 else corpus / "gold"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: install LibreOffice (scripts/install-libreoffice.sh)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src, out, gold = tmp / "src", tmp / "pdf", tmp / "gold"
        for d in (src, out, gold):
            d.mkdir()
        for f in sorted(corpus.glob("*.docx")) + sorted(corpus.glob("*.xlsx")):
            shutil.copy(f, src / f"{f.stem}-{f.suffix[1:]}{f.suffix}")  # a.docx -> a-docx.docx -> a-docx.pdf
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(out), *map(str, src.iterdir())], check=True, capture_output=True,
                       timeout=600)
        for g in sorted(gold_dir.glob("*.json")):
            data = json.loads(g.read_text(encoding="utf-8"))
            files = []
            for name in data.get("files", []):
                p = Path(name)
                pdf = f"{p.stem}-{p.suffix[1:]}.pdf"
                if p.suffix in (".docx", ".xlsx") and (out / pdf).exists():
                    files.append(pdf)
                    truth = corpus / f"{name}.tables.json"
                    if truth.exists():
                        shutil.copy(truth, out / f"{pdf}.tables.json")
            if files:
                (gold / g.name).write_text(json.dumps({**data, "files": files}, ensure_ascii=False), encoding="utf-8")
        db = tmp / "rerendered.db"
        subprocess.run([sys.executable, "-m", "jixiao", "ingest", str(out), "--db", str(db), "-q"], check=True,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "score.py"), str(db), str(gold), "--corpus",
                               str(out), *argv[3:]]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))

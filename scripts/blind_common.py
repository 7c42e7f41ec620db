"""What every blind-set writer does once its reports are made: print each to PDF, write the table
truths beside both copies and one gold file per report."""
from __future__ import annotations

import json
from pathlib import Path

from make_samples import to_pdf, write_gold


def write_truth(out: Path, names: list[str], tables: list[dict]) -> None:
    for name in names:
        (out / f"{name}.tables.json").write_text(json.dumps(tables, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")


def publish(out: Path, makers) -> None:
    """Each maker writes its source file into ``out`` and returns (path, gold or [(name, gold)], tables)."""
    out.mkdir(parents=True, exist_ok=True)
    for make in makers:
        src, golds, tables = make(out)
        if isinstance(golds, dict):
            golds = [(src.stem, golds)]
        files = [src.name]
        pdf = to_pdf(src, out)
        if pdf is not None:
            files.append(pdf.name)
        write_truth(out, files, tables)
        for name, gold in golds:
            gold.pop("files", None)
            write_gold(out / "gold", name, {"files": files, **gold})
    print(f"blind samples written to {out}")

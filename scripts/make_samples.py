#!/usr/bin/env python3
"""Write the project's own realistic sample reports, of templates and provinces the corpus lacks.

    python scripts/make_samples.py [OUT_DIR]          (default: tests/data/samples)

Why: the corpus holds Guangdong, Anhui, Hunan, Yunnan and Fujian layouts; a reader tuned on
them alone may key on their wording.  These samples vary what real reports vary - header words
(预算数/执行数/完成率, 指标值/实际值, 权重/评分), money units (元 with cents, 万元 as numeric
cells with number formats), several forms in one workbook, a third-party scoring table with
得分率 - and each report carries exactly ONE deliberate discrepancy that the spot checks must flag
(one project sheet is left consistent, as a control against false alarms).
Gold files in the corpus's gold format are written beside them (OUT_DIR/gold/), derived from
the same figures, so the samples and their gold cannot drift apart.  PDFs are made from the
DOCX files and the workbook with LibreOffice when ``soffice`` is on PATH (skipped, with a note, otherwise).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples_forms import make_county_form, make_workbook  # noqa: E402
from samples_third_party import make_third_party  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def to_pdf(src: Path, out_dir: Path) -> Path | None:
    """Convert with LibreOffice in a private profile so a running office instance does not interfere."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: PDF sample skipped", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), str(src)], check=True, capture_output=True, timeout=180)
    pdf = out_dir / (src.stem + ".pdf")
    return pdf if pdf.exists() else None


def write_gold(gold_dir: Path, name: str, gold: dict) -> None:
    gold_dir.mkdir(parents=True, exist_ok=True)
    (gold_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "samples"
    out.mkdir(parents=True, exist_ok=True)
    gold_dir = out / "gold"

    county_docx, county_gold = make_county_form(out)
    pdf = to_pdf(county_docx, out)
    if pdf is not None:
        county_gold["files"].append(pdf.name)
    write_gold(gold_dir, county_docx.stem, county_gold)

    book, golds = make_workbook(out)
    pdf = to_pdf(book, out)  # printed from the workbook: one page per sheet, as departments publish them
    for name, gold in golds:
        if pdf is not None:
            gold["files"].append(pdf.name)
        write_gold(gold_dir, name, gold)

    tp_docx, tp_gold = make_third_party(out)
    pdf = to_pdf(tp_docx, out)
    if pdf is not None:
        tp_gold["files"].append(pdf.name)
    write_gold(gold_dir, tp_docx.stem, tp_gold)
    print(f"samples written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The spot checks on the real corpus: every gold finding flagged with its figures, few false
alarms, and the `jixiao check` command and its HTML audit page."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bs4 import BeautifulSoup
from typer.testing import CliRunner

from jixiao.cli import app

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def _checks_of(db, fname):
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    return [dict(r) for r in con.execute("select c.*, r.project, r.kind, r.unit from checks c join reports r "
                                         "on r.id = c.report_id where r.path = ?", [fname])]


def _close(a, b, tol):
    return a is not None and b is not None and abs(float(a) - float(b)) <= max(tol, 1e-6 * abs(float(a)))


def test_every_gold_finding_is_flagged(corpus_db):
    missed = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for fname in gold["files"]:
            rows = _checks_of(corpus_db, fname)
            for g in gold.get("checks", []):
                if "scanned" in fname:
                    continue  # read only when OCR is available
                hit = [c for c in rows if c["status"] == g["expect"] and _close(g["reported"], c["reported"], 0.005)
                       and _close(g["recomputed"], c["recomputed"], 0.011)]
                if not hit:
                    missed.append(f"{fname}: {g['what']}")
    assert not missed, "\n".join(missed)


def test_false_alarms_are_rare(corpus_db):
    con = sqlite3.connect(corpus_db)
    gold_figs = set()
    for gold_path in GOLD.glob("*.json"):
        for g in json.loads(gold_path.read_text(encoding="utf-8")).get("checks", []):
            gold_figs.add(round(float(g["reported"]), 2))
    per_report = {}
    for rid, rep in con.execute("select report_id, reported from checks where status = 'mismatch'"):
        if rep is None or round(rep, 2) not in gold_figs:
            per_report[rid] = per_report.get(rid, 0) + 1
    assert all(n <= 1 for n in per_report.values()), per_report


def test_check_command_and_audit_page(corpus_db, tmp_path):
    page = tmp_path / "audit.html"
    res = CliRunner().invoke(app, ["check", "--db", str(corpus_db), "--status", "mismatch", "--html", str(page)])
    assert res.exit_code == 0, res.output
    assert "mismatch" in res.output and "884,200" in res.output
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    # self-contained: nothing to fetch
    assert not soup.find_all(["link", "script", "img", "iframe"])
    assert "url(" not in (soup.style.string or "") and "@import" not in (soup.style.string or "")
    sections = soup.select("section.report")
    con = sqlite3.connect(corpus_db)
    assert len(sections) == con.execute("select count(*) from reports").fetchone()[0]
    for sec in sections:
        summary = sec.select_one("p.summary")
        assert summary.select_one(".score") and summary.select_one(".grade")
        counts = {s["data-status"]: int(s.get_text().split(":")[1]) for s in summary.select("span.count")}
        rows = sec.select("tr.finding")
        assert sum(counts.values()) == len(rows)  # every finding listed, the agreeing ones too
        for tr in sec.select("tr.finding.mismatch"):
            assert tr.select_one("td.evidence").get_text(strip=True)
            assert tr.select_one("td.page").get_text(strip=True).isdigit()
    anhui = [s for s in sections if "anhui" in s.get_text()]
    assert anhui and anhui[0].select("tr.mismatch td.reported")[0].get_text() in {"884,200", "99.25"}


def test_check_command_rejects_bad_input(tmp_path):
    res = CliRunner().invoke(app, ["check", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "no such database" in " ".join(res.output.split())

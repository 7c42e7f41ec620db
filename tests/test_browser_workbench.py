"""Headless Chromium opens the pages an analyst sees: Datasette served by ``jixiao serve``'s
command on a free loopback port, and the audit HTML page of ``jixiao check --html``.

Each page is loaded twice: ``--dump-dom`` to assert the visible text (a canned query's result,
a mismatch row with its evidence), and ``--screenshot`` for a person to look at. Screenshots
go to $JIXIAO_SCREENSHOTS (default out/screenshots); their paths and sizes are printed and
listed in index.txt there. Without Chromium every test here skips, saying why
(install it with scripts/install-chromium.sh)."""
from __future__ import annotations

import html
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from jixiao.workbench.serve import datasette_command, db_name, free_port, write_metadata
from test_workbench import build_sample_db  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM, reason="headless Chromium not found: run scripts/install-chromium.sh "
                                                      "(or set CHROMIUM to its path)")]
SHOTS = Path(os.environ.get("JIXIAO_SCREENSHOTS") or ROOT / "out" / "screenshots")
PAGE_SECONDS = 60  # one page load, generous for a cold browser on a 2-core machine


def chromium(url: str, tmp: Path, *, screenshot: Path | None = None, size: str = "1400,1000") -> str:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            f"--user-data-dir={tmp / 'chromium-profile'}", f"--window-size={size}"]
    args += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
    proc = subprocess.run([*args, url], capture_output=True, timeout=PAGE_SECONDS, cwd=tmp)
    if screenshot:
        assert screenshot.is_file() and screenshot.stat().st_size > 5_000, proc.stderr.decode(errors="replace")[-800:]
        return ""
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-800:]
    return proc.stdout.decode("utf-8", errors="replace")


def visible_text(dom: str) -> str:
    dom = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", dom)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"(?s)<[^>]+>", " ", dom)))


def shoot(url: str, name: str, tmp: Path, size: str = "1400,1000") -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / f"{name}.png"
    chromium(url, tmp, screenshot=out, size=size)
    line = f"{out} {out.stat().st_size} bytes  <- {url}"
    print(f"screenshot: {line}")
    with (SHOTS / "index.txt").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    return out


@pytest.fixture(scope="module", autouse=True)
def fresh_index():
    """index.txt lists this run's screenshots only."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "index.txt").write_text("", encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Datasette on a free loopback port over the sample database, stopped after the module."""
    tmp = tmp_path_factory.mktemp("browser")
    db = build_sample_db(tmp / "reports.db")
    meta = write_metadata(db, tmp / "metadata.json")
    port = free_port()
    log = (tmp / "datasette.log").open("wb")
    proc = subprocess.Popen(datasette_command(db, meta, port), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"datasette did not start: {(tmp / 'datasette.log').read_text(errors='replace')[-800:]}")
        time.sleep(0.3)
    yield base, db_name(db), tmp
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_database_page_lists_tables_and_canned_queries(served):
    base, name, tmp = served
    text = visible_text(chromium(f"{base}/{name}", tmp))
    for words in ("同一指标的跨地区比较", "全部不一致及原文", "各地各年度预算执行", "按等级列出报告", "reports", "checks"):
        assert words in text
    shoot(f"{base}/{name}", "datasette-database", tmp)


def test_canned_query_shows_one_indicator_across_cities(served):
    base, name, tmp = served
    url = f"{base}/{name}/indicator_across_cities?canonical=budget_execution_rate"
    text = visible_text(chromium(url, tmp))
    assert "4 rows" in text
    for city in ("临沧市", "江门市", "韶关市", "乐昌市"):
        assert city in text
    assert "项目资金执行率" in text and "mismatch" in text
    shoot(url, "datasette-indicator-across-cities", tmp, size="1600,1000")


def test_mismatch_rows_show_their_evidence(served):
    base, name, tmp = served
    url = f"{base}/{name}/mismatches_with_evidence"
    text = visible_text(chromium(url, tmp))
    assert "2 rows" in text
    assert "其中人员经费120.00万元，运营经费57.56万元" in text  # the evidence of the 江门 budget_sum mismatch
    assert "11,707,780.58 / 11,803,715.26 = 99.19% ≠ 99.91%" in text
    shoot(url, "datasette-mismatches", tmp, size="1600,1000")


def test_reports_table_has_descriptions_and_facets(served):
    base, name, tmp = served
    url = f"{base}/{name}/reports"
    text = visible_text(chromium(url, tmp))
    assert "每份报告一行" in text and "One row per report" in text
    assert "province" in text and "广东省 3" in text  # the province facet with its count
    shoot(url, "datasette-reports", tmp, size="1400,2400")


def test_paragraphs_are_searchable(served):
    base, name, tmp = served
    url = f"{base}/{name}/paragraphs?_search=满意度调查"
    text = visible_text(chromium(url, tmp))
    assert "1 row where search matches" in text and "回收问卷320份" in text
    shoot(url, "datasette-search", tmp)


def _check_command_available() -> bool:
    from jixiao.cli import app

    return any(c.name == "check" or (c.callback and c.callback.__name__ == "check")
               for c in app.registered_commands)


def test_audit_page_shows_a_mismatch_row(corpus_db, tmp_path):
    if not _check_command_available():
        pytest.skip("`jixiao check` is not registered yet (jixiao/cli/check_cmd.py): audit page not tested")
    db = tmp_path / "audit.db"
    with sqlite3.connect(corpus_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # a consistent copy even while the WAL holds pages (the command may write)
    out = tmp_path / "audit.html"
    cli = [sys.executable, "-c", "from jixiao.cli import main; main()"]
    proc = subprocess.run([*cli, "check", "--db", str(db), "--html", str(out)], capture_output=True, text=True,
                          timeout=600, cwd=tmp_path)
    assert out.is_file(), proc.stdout[-500:] + proc.stderr[-800:]
    with sqlite3.connect(db) as c:
        mism = c.execute("select c.subject, c.evidence, r.path from checks c join reports r on r.id = c.report_id "
                         "where c.status = 'mismatch'").fetchall()
    text = visible_text(chromium(out.as_uri(), tmp_path))
    if mism:
        squeeze = lambda t: re.sub(r"\s+", " ", t or "").strip()  # noqa: E731
        assert any(squeeze(subject) and squeeze(subject) in text for subject, _, _ in mism), \
            "no mismatch subject on the audit page"
        assert any(Path(path).name in text for _, _, path in mism), "no file of a mismatch named on the audit page"
    else:
        assert text.strip()
    shoot(out.as_uri(), "audit-page", tmp_path)


def test_install_script_is_idempotent():
    """With Chromium and a CJK font present the install script changes nothing and says so."""
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig not installed: the script would install it")
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "install-chromium.sh")], capture_output=True, text=True,
                          timeout=60)
    if "already installed" not in proc.stdout:
        pytest.skip(f"no CJK system font yet (the script would install one): {proc.stdout[-200:]}")
    assert proc.returncode == 0

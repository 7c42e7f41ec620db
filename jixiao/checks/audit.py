"""The audit page: every report with its summary line and every finding with its evidence.

One self-contained HTML file (inline CSS, no scripts, fonts or links to fetch), so it can be
mailed or archived and opened anywhere without network."""
from __future__ import annotations

import html as _h
import sqlite3
from collections import Counter
from pathlib import Path

from .compare import fmt

ORDER = {"mismatch": 0, "rounding": 1, "unverifiable": 2, "ok": 3}
CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em} td,th{border:1px solid #ddd;padding:4px;vertical-align:top}
th{background:#f4f4f4} .mismatch{background:#fde2e2} .rounding{background:#fff6d5} .unverifiable{color:#777}
.ok{color:#2a7a2a} .summary span{margin-right:1em} .evidence{color:#555;font-size:.85em} .num{text-align:right}
"""


def load_reports(db_path: str | Path, report: str | None = None) -> list[dict]:
    """Reports with their checks, worst findings first within each report."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    reps = [dict(r) for r in con.execute("select * from reports order by path, id")]
    if report:
        reps = [r for r in reps if r["id"] == report or r["id"].startswith(report) or report in (r["path"] or "")]
    for r in reps:
        cs = [dict(c) for c in con.execute("select * from checks where report_id = ?", [r["id"]])]
        cs.sort(key=lambda c: (ORDER.get(c["status"], 9), c["page"] or 0))
        r["checks"] = cs
        r["counts"] = dict(Counter(c["status"] for c in cs))
    con.close()
    return reps


def _e(x) -> str:
    return _h.escape("" if x is None else str(x))


def render(reports: list[dict], title: str = "jixiao audit") -> str:
    parts = [f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{_e(title)}</title>"
             f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1>"]
    total = Counter()
    for r in reports:
        total.update(r["counts"])
    parts.append("<p class='summary'>" + "".join(f"<span class='{k}'>{k}: {total.get(k, 0)}</span>" for k in ORDER)
                 + f"<span>reports: {len(reports)}</span></p>")
    for n, r in enumerate(reports, 1):
        name = r.get("title") or r.get("project") or r.get("unit") or r.get("path")
        parts.append(f"<section class='report' id='report-{n}' data-report-id='{_e(r['id'])}'>"
                     f"<h2>{_e(name)}</h2><p class='summary'>"
                     f"<span>file: {_e(r.get('path'))}</span>"
                     f"<span class='score'>score: {_e(fmt(r['reported_score']) if r.get('reported_score') is not None else '—')}</span>"
                     f"<span class='grade'>grade: {_e(r.get('reported_grade') or '—')}</span>"
                     + "".join(f"<span class='count {k}' data-status='{k}'>{k}: {r['counts'].get(k, 0)}</span>" for k in ORDER)
                     + "</p>")
        if r["checks"]:
            parts.append("<table><tr><th>status</th><th>rule</th><th>what was checked</th><th>reported</th>"
                         "<th>recomputed</th><th>how</th><th>page</th><th>evidence</th></tr>")
            for c in r["checks"]:
                rep = c.get("reported_text") or ("" if c.get("reported") is None else fmt(c["reported"]))
                rec = c.get("recomputed_text") or ("" if c.get("recomputed") is None else fmt(c["recomputed"]))
                parts.append(f"<tr class='finding {c['status']}' data-status='{c['status']}'><td>{_e(c['status'])}</td>"
                             f"<td>{_e(c['rule'])}</td><td>{_e(c['subject'])}</td><td class='num reported'>{_e(rep)}</td>"
                             f"<td class='num recomputed'>{_e(rec)}</td><td>{_e(c.get('detail'))}</td>"
                             f"<td class='page'>{_e(c.get('page'))}</td><td class='evidence'>{_e(c.get('evidence'))}</td></tr>")
            parts.append("</table>")
        else:
            parts.append("<p>No recomputation was possible for this report.</p>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)


def write_html(reports: list[dict], path: str | Path, title: str = "jixiao audit") -> Path:
    p = Path(path)
    p.write_text(render(reports, title), encoding="utf-8")
    return p

#!/usr/bin/env python3
"""Score an ingested SQLite database against hand-labelled gold files.

    python score.py DB GOLD_DIR [--corpus DIR] [--min-overall 0.9] [--json]

DB is what `jixiao ingest` wrote (tables files, reports, budgets, indicators,
scores, checks, tables as in the public database contract). GOLD_DIR holds one JSON per
source report (see the gold folder, e.g. corpus/gold/*.json); each names the corpus files it applies to.
Where a file holds several reports, the gold's project (or unit) picks one.
With --corpus, every `<file>.tables.json` beside a corpus file is also scored
for table-structure accuracy.

Standard library only. Prints one line per metric and an overall line last;
exits 1 when the overall figure is under --min-overall.
"""
import argparse
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

NUMBERING = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+[、是]|[①-⑳])\s*")
PUNCT = re.compile(r"[\s　,，。.、:：;；\"“”'‘’()（）\[\]【】《》<>·/\\-—]+")


def norm(text):
    """Fold width, drop spaces, punctuation and leading numbering."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    t = NUMBERING.sub("", t)
    return PUNCT.sub("", t)


def name_match(gold, got):
    g, h = norm(gold), norm(got)
    if not g or not h:
        return False
    if g == h or (len(g) >= 4 and g in h) or (len(h) >= 4 and h in g):
        return True
    # short names (产出, 效益) match a longer label that starts or ends with them (产出指标, 项目产出)
    return len(g) >= 2 and (h.startswith(g) or h.endswith(g))


def num_eq(a, b, tol):
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= tol
    except (TypeError, ValueError):
        return False


def close(a, b, tol):
    """Equal within an absolute tolerance, or within 1e-6 relative for large figures such as money in yuan."""
    try:
        return abs(float(a) - float(b)) <= max(tol, 1e-6 * abs(float(a)))
    except (TypeError, ValueError):
        return False


TOL = {"yuan": 0.5, "pct": 0.005, "value": 1e-6, "points": 0.005}
FIELD_TOL = {
    "initial_yuan": "yuan", "adjusted_yuan": "yuan", "budget_yuan": "yuan", "spent_yuan": "yuan",
    "reported_rate_pct": "pct", "target_value": "value", "actual_value": "value",
    "weight": "points", "score": "points", "max_points": "points", "points": "points",
    "reported_score": "points",
}


def rows(db, sql, *args):
    db.row_factory = sqlite3.Row
    return [dict(r) for r in db.execute(sql, args)]


def field_ok(key, gold_value, got):
    if key in FIELD_TOL:
        return num_eq(gold_value, got, TOL[FIELD_TOL[key]])
    if key in ("project", "department", "unit", "evaluator"):
        return (gold_value is None and not got) or name_match(gold_value, got)
    if gold_value is None:
        return got in (None, "")
    return norm(gold_value) == norm(got)


def budget_value(row, key):
    if key == "budget_yuan":
        return row.get("final_yuan") if row.get("final_yuan") is not None else row.get("initial_yuan")
    return row.get(key)


class Tally:
    def __init__(self):
        self.hit, self.total, self.misses = {}, {}, {}

    def add(self, metric, ok, what):
        self.total[metric] = self.total.get(metric, 0) + 1
        if ok:
            self.hit[metric] = self.hit.get(metric, 0) + 1
        else:
            self.misses.setdefault(metric, []).append(what)

    def rate(self, metric):
        return self.hit.get(metric, 0) / self.total[metric] if self.total.get(metric) else None


def count_wrong(t, name, what, gold_row, got_rows, value_of):
    """Wrong numbers: a value stated in the gold, present in the best-matching row, but different.

    A wrong number misleads an analyst; a missing one does not. Among the rows that match by name,
    the one agreeing on most values is compared; each of its non-NULL values is one trial."""
    keys = [k for k in gold_row if k in FIELD_TOL and gold_row[k] is not None]
    if not got_rows or not keys:
        return
    best = max(got_rows, key=lambda r: sum(num_eq(gold_row[k], value_of(r, k), TOL[FIELD_TOL[k]]) for k in keys))
    for k in keys:
        got = value_of(best, k)
        if got is not None:
            ok = num_eq(gold_row[k], got, TOL[FIELD_TOL[k]])
            t.add("values_right", ok, f"{name}: {what} {k} want {gold_row[k]!r} got {got!r}")


def check_figures_match(g, c):
    """Numbers within tolerance; figures that are words (a grade: 良 against 优) in the *_text columns."""
    if isinstance(g["reported"], str):
        return norm(g["reported"]) == norm(c.get("reported_text")) and norm(g["recomputed"]) == norm(c.get("recomputed_text"))
    return close(g["reported"], c.get("reported"), 0.005) and close(g["recomputed"], c.get("recomputed"), 0.011)


def score_file(db, rep, gold, t, name):
    rid = rep["id"]
    for key, value in gold["report"].items():
        t.add("report_fields", field_ok(key, value, rep.get(key)), f"{name}: {key} want {value!r} got {rep.get(key)!r}")
    count_wrong(t, name, "report", gold["report"], [rep], lambda r, k: r.get(k))

    got_budgets = rows(db, "select * from budgets where report_id = ?", rid)
    for g in gold.get("budgets", []):
        cands = [b for b in got_budgets if (b["line"] == "total") == (g["line"] == "total")
                 and (g["line"] == "total" or name_match(g["line"], b["line"]))]
        keys = [k for k in g if k != "line"]
        ok = any(all(num_eq(g[k], budget_value(b, k), TOL[FIELD_TOL[k]]) for k in keys) for b in cands)
        t.add("budgets", ok, f"{name}: budget line {g['line']} {dict((k, g[k]) for k in keys)}")
        count_wrong(t, name, f"budget {g['line']}", g, cands, budget_value)

    got_ind = rows(db, "select * from indicators where report_id = ?", rid)
    for g in gold.get("indicators", []):
        keys = [k for k in g if k in FIELD_TOL]
        ok = any(name_match(g["name"], r.get("name")) and all(num_eq(g[k], r.get(k), TOL[FIELD_TOL[k]]) for k in keys)
                 and ("target_op" not in g or r.get("target_op") == g["target_op"])
                 for r in got_ind)
        t.add(f"indicators_tier{g.get('tier', 2)}", ok, f"{name}: indicator {g['name']} {dict((k, g[k]) for k in keys)}")
        count_wrong(t, name, f"indicator {g['name']}", g, [r for r in got_ind if name_match(g["name"], r.get("name"))],
                    lambda r, k: r.get(k))

    got_scores = rows(db, "select * from scores where report_id = ?", rid)
    for g in gold.get("scores", []):
        keys = [k for k in g if k in FIELD_TOL]
        ok = any(name_match(g["section"], s.get("section")) and all(num_eq(g[k], s.get(k), TOL[FIELD_TOL[k]]) for k in keys)
                 for s in got_scores)
        t.add("scores", ok, f"{name}: score section {g['section']} {dict((k, g[k]) for k in keys)}")
        count_wrong(t, name, f"section {g['section']}", g, [s for s in got_scores if name_match(g["section"], s.get("section"))],
                    lambda r, k: r.get(k))

    got_checks = rows(db, "select * from checks where report_id = ?", rid)
    claimed = set()
    for g in gold.get("checks", []):
        hit = [i for i, c in enumerate(got_checks) if c.get("status") == g["expect"] and check_figures_match(g, c)]
        claimed.update(hit)
        t.add("checks_flagged", bool(hit), f"{name}: check {g['what']}")
    extra = [c for i, c in enumerate(got_checks) if c.get("status") == "mismatch" and i not in claimed]
    return extra


def pick_report(candidates, gold_report):
    """The report of a file that the gold describes: the only one, or the one whose kind, project and unit match."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    same_kind = [r for r in candidates if r.get("kind") == gold_report.get("kind")] or candidates
    want = gold_report.get("project")
    if want:
        hit = [r for r in same_kind if name_match(want, r.get("project"))]
    else:
        hit = [r for r in same_kind if not r.get("project")]
    for key in ("unit", "department"):
        if len(hit) > 1 and gold_report.get(key):
            hit = [r for r in hit if name_match(gold_report[key], r.get(key))] or hit
    return hit[0] if hit else None


def score_tables(db, file_row, truth_path, t, name):
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    got = rows(db, "select * from tables where file_id = ? order by seq", file_row["id"])
    grids = [json.loads(g["cells"]) if isinstance(g["cells"], str) else g["cells"] for g in got]
    for i, table in enumerate(truth if isinstance(truth, list) else truth.get("tables", [])):
        cells = [(r, c, norm(v)) for r, row in enumerate(table["cells"]) for c, v in enumerate(row) if norm(v)]
        if not cells:
            continue
        r0, c0, anchor = cells[0]
        # the cells a merged region covers must stay empty: text repeated into them is a merge not understood
        cells += [(r, c, "") for r1, c1, r2, c2 in table.get("merges", []) for r in range(r1, r2 + 1)
                  for c in range(c1, c2 + 1) if (r, c) != (r1, c1)]
        best = 0
        for grid in grids:
            # the extracted grid may carry extra rows or columns around the table (titles, a sheet's margins):
            # align on every place the table's first cell appears
            offsets = {(0, 0)} | {(r - r0, c - c0) for r, row in enumerate(grid) for c, v in enumerate(row)
                                  if norm(v) == anchor}
            for dr, dc in offsets:
                same = sum(1 for r, c, v in cells if 0 <= r + dr < len(grid) and 0 <= c + dc < len(grid[r + dr])
                           and norm(grid[r + dr][c + dc]) == v)
                best = max(best, same)
        t.total["table_cells"] = t.total.get("table_cells", 0) + len(cells)
        t.hit["table_cells"] = t.hit.get("table_cells", 0) + best
        if best < len(cells):
            t.misses.setdefault("table_cells", []).append(f"{name}: table {i} {best}/{len(cells)} cells")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("gold_dir")
    ap.add_argument("--corpus", help="folder holding the ingested files and their .tables.json truths")
    ap.add_argument("--min-overall", type=float, default=0.0)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    a = ap.parse_args()

    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    files = {Path(f["path"]).name: f for f in rows(db, "select * from files")}
    reports_in = {}
    for r in rows(db, "select * from reports order by id"):
        reports_in.setdefault(Path(r["path"]).name, []).append(r)
    t = Tally()
    tables_done = set()
    false_alarms = []
    for gold_path in sorted(Path(a.gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for fname in gold["files"]:
            f = files.get(fname)
            t.add("files_ingested", f is not None and f.get("status") != "failed", f"{fname}: not ingested")
            rep = pick_report(reports_in.get(fname, []), gold["report"])
            if rep is None:
                t.add("reports_found", False, f"{fname}: no report matching {gold['report'].get('project') or gold['report'].get('unit')!r}")
                continue
            t.add("reports_found", True, "")
            false_alarms += [f"{fname}: {c.get('rule')} {c.get('subject')} reported={c.get('reported')} recomputed={c.get('recomputed')}"
                             for c in score_file(db, rep, gold, t, fname)]
            if a.corpus and f is not None and fname not in tables_done:
                tables_done.add(fname)
                truth = Path(a.corpus) / f"{fname}.tables.json"
                if truth.exists():
                    score_tables(db, f, truth, t, fname)

    weights = {"files_ingested": 1, "reports_found": 1, "report_fields": 3, "budgets": 3, "scores": 2, "indicators_tier2": 3,
               "indicators_tier3": 1, "checks_flagged": 2, "table_cells": 2}
    figures = {m: t.rate(m) for m in weights if t.rate(m) is not None}
    used = {m: w for m, w in weights.items() if m in figures}
    overall = sum(figures[m] * w for m, w in used.items()) / sum(used.values()) if used else 0.0
    if a.json:
        wrong = t.total.get("values_right", 0) - t.hit.get("values_right", 0)
        print(json.dumps({"figures": figures, "counts": t.total, "false_alarms": len(false_alarms),
                          "wrong_values": wrong, "values_present": t.total.get("values_right", 0), "overall": overall},
                         ensure_ascii=False, indent=1))
    else:
        for m in weights:
            if m in figures:
                print(f"{m:18s} {figures[m]:6.1%}  ({t.hit.get(m, 0)}/{t.total[m]})")
        if t.total.get("values_right"):
            wrong = t.total["values_right"] - t.hit.get("values_right", 0)
            print(f"{'wrong_values':18s} {wrong / t.total['values_right']:6.1%}  ({wrong} of {t.total['values_right']} values present are wrong)")
        print(f"{'false_alarms':18s} {len(false_alarms)} mismatch rows not in gold")
        if a.misses:
            for m, items in t.misses.items():
                for item in items:
                    print(f"  miss [{m}] {item}")
            for item in false_alarms:
                print(f"  extra mismatch {item}")
        print(f"overall {overall:.3f}")
    sys.exit(0 if overall >= a.min_overall else 1)


if __name__ == "__main__":
    main()

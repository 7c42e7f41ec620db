"""Benchmark ingest speed on a folder (default corpus/): seconds per file and per page, by format.

    python scripts/bench.py [FOLDER] [--workers N]

Runs process_file serially (per-file timings without pool noise), then a full ingest with N
workers for wall-clock throughput. Prints a table; numbers go into the README by hand."""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from jixiao.pipeline import candidate_files, ingest, process_file
from jixiao.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default="corpus")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    root = Path(a.folder)
    files = candidate_files(root)
    process_file(files[0])  # warm imports (spaCy, jieba) so the first file is not charged for them
    per_fmt: dict[str, list[tuple[float, int, str]]] = defaultdict(list)
    for f in files:
        t = time.perf_counter()
        r = process_file(f, f.relative_to(root).as_posix())
        per_fmt[r.format].append((time.perf_counter() - t, r.pages or 1, f.name))
    print(f"{'format':8s} {'files':>5s} {'pages':>5s} {'s/file':>8s} {'s/page':>8s} {'max s':>8s}  slowest")
    for fmt, items in sorted(per_fmt.items()):
        secs = [s for s, _, _ in items]
        pages = sum(p for _, p, _ in items)
        slow = max(items)
        print(f"{fmt:8s} {len(items):5d} {pages:5d} {statistics.mean(secs):8.2f} {sum(secs) / pages:8.2f} "
              f"{slow[0]:8.2f}  {slow[2]}")
    with tempfile.TemporaryDirectory() as tmp:
        s = Settings()
        s.pipeline.workers = a.workers
        t = time.perf_counter()
        summary = ingest(root, Path(tmp) / "bench.db", s)
        wall = time.perf_counter() - t
    print(f"ingest {len(files)} files with {a.workers} workers: {wall:.1f} s wall "
          f"({summary.ok} ok, {summary.partial} partial, {summary.failed} failed)")


if __name__ == "__main__":
    main()

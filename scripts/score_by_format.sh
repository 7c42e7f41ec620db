#!/usr/bin/env bash
# Score the corpus per format: ingest each format's files into its own database and run the
# gold scorer on it. Usage: scripts/score_by_format.sh [SCORER] [GOLD]   (needs jixiao installed)
set -euo pipefail
cd "$(dirname "$0")/.."
SCORER=${1:-../shared/tools/score.py}
GOLD=${2:-corpus/gold}
out=$(mktemp -d)
for fmt in pdf docx xlsx; do
  mkdir -p "$out/$fmt"
  for f in corpus/*."$fmt"; do cp "$f" "$out/$fmt/"; cp "$f.tables.json" "$out/$fmt/" 2>/dev/null || true; done
  jixiao ingest "$out/$fmt" --db "$out/$fmt.db" -q > /dev/null
  echo "== $fmt"
  python "$SCORER" "$out/$fmt.db" "$GOLD" --corpus "$out/$fmt" | sed 's/^/  /'
done

#!/usr/bin/env bash
# README command 1: install, ingest corpus/ into reports.db, then show a cross-city comparison
# and the spot-check findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
J=.venv/bin/jixiao
export COLUMNS=${COLUMNS:-160}  # rich tables wrap less when output is piped
DB=${DB:-reports.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
$J ingest corpus --db "$DB"
# the canonical indicator reported by the most cities: a fair first comparison
KEY=$($J query --db "$DB" --format csv "select i.canonical from indicators i join reports r on r.id = i.report_id
  where i.canonical is not null group by i.canonical order by count(distinct r.city) desc, count(*) desc limit 1" | tail -n 1)
echo
echo "== cross-city comparison: $KEY"
$J compare "$KEY" --db "$DB"
echo
echo "== budget execution across reports (reported rate beside the recomputed one)"
$J compare --budget --db "$DB"
echo
echo "== spot-check findings (mismatches)"
$J check --db "$DB" --status mismatch --html audit.html
cat <<MSG

Next steps:
  browse in Datasette:   $J serve --db $DB        (then open http://127.0.0.1:8001)
  audit page:            audit.html (written just now; opens offline)
  notebooks:             .venv/bin/pip install notebook && JIXIAO_DB=\$PWD/$DB .venv/bin/jupyter notebook notebooks/
  SQL:                   $J query --db $DB "select city, canonical, actual_value from indicator_by_place limit 20"
MSG

#!/bin/sh
# The peer of `kcwb bench import`: times the sqlite3 CLI's .import of the same TSV (text TAB label)
# into a fresh WAL database. `kcwb bench import` runs exactly these steps itself (SqliteCliImport) in
# the same run and prints the ratio; this script is for checking the peer by hand.
# Usage: storage/src/bench/import_sqlite_cli.sh FILE.tsv [DB]
set -eu
file=$1
db=${2:-${TMPDIR:-/tmp}/kcwb-sqlite-cli.db}
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: apt-get install -y sqlite3" >&2; exit 1; }
rm -f "$db" "$db-wal" "$db-shm"
start=$(date +%s.%N)
sqlite3 "$db" -cmd "PRAGMA journal_mode=WAL" -cmd "CREATE TABLE t(text TEXT, label TEXT)" ".mode tabs" ".import $file t" >/dev/null
end=$(date +%s.%N)
rows=$(sqlite3 "$db" "SELECT count(*) FROM t")
echo "sqlite3 .import: $rows rows in $(echo "$end - $start" | bc) s = $(echo "$rows / ($end - $start)" | bc) rows/s"

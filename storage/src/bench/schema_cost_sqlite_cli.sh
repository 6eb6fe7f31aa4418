#!/bin/bash
# What our schema costs SQLite itself, without Java: the sqlite3 CLI imports FILE.tsv (text TAB
# label) into a plain table, then copies it with INSERT ... SELECT into a workspace-like schema, one
# transaction, WAL, synchronous=NORMAL, 256 MiB cache (as an import does). Prints CPU seconds of
# the copy per variant; compare with the plain .import's (storage/src/bench/import_sqlite_cli.sh).
# Variants (words in the name switch parts on/off):
#   idxfirst  content-hash index exists during the insert     idxafter  index built after the rows
#   ann       one annotations row per item (UNIQUE(item_id, annotator))   annwr  same, WITHOUT ROWID
#   nosf      source_file NULL (schema v2 keeps it on the batch)
# Usage: storage/src/bench/schema_cost_sqlite_cli.sh FILE.tsv [PAGE_SIZE] [VARIANT...]
set -eu
file=$1; page=${2:-4096}; shift $(( $# > 1 ? 2 : 1 ))
variants=${*:-plain idxfirst idxafter idxfirst-ann idxafter-ann-nosf idxafter-annwr-nosf}
dir=${TMPDIR:-/tmp}/kcwb-schema-cost; mkdir -p "$dir"
src=$dir/source.db
rm -f "$src"*
sqlite3 "$src" -cmd "CREATE TABLE t(text TEXT, label TEXT)" ".mode tabs" ".import $file t" >/dev/null
for v in $variants; do
  rm -f "$dir/e.db"*
  {
    echo "PRAGMA page_size=$page; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;"
    echo "CREATE TABLE items (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, text TEXT NOT NULL, content_hash INTEGER NOT NULL, source_file TEXT, source_line INTEGER, batch_id INTEGER, split TEXT, metadata_json TEXT, annotation_count INTEGER NOT NULL DEFAULT 0);"
    case $v in
      *annwr*) echo "CREATE TABLE annotations (item_id INTEGER NOT NULL, annotator TEXT NOT NULL, labels_json TEXT NOT NULL, spans_json TEXT, note TEXT, updated_at TEXT NOT NULL, PRIMARY KEY (item_id, annotator)) WITHOUT ROWID;";;
      *) echo "CREATE TABLE annotations (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, annotator TEXT NOT NULL, labels_json TEXT NOT NULL, spans_json TEXT, note TEXT, updated_at TEXT NOT NULL, UNIQUE (item_id, annotator));";;
    esac
    echo "CREATE INDEX items_unlabeled ON items(project_id, id) WHERE annotation_count = 0;"
    case $v in *idxfirst*) echo "CREATE INDEX items_project_hash ON items(project_id, content_hash);";; esac
    echo "ATTACH '$src' AS c; BEGIN;"
    sf="'comments.tsv'"; case $v in *nosf*) sf=NULL;; esac
    echo "INSERT INTO items(id, project_id, text, content_hash, source_file, source_line, batch_id, annotation_count) SELECT rowid, 1, text, random(), $sf, rowid, 1, 1 FROM c.t;"
    case $v in *ann*) echo "INSERT INTO annotations(item_id, annotator, labels_json, updated_at) SELECT rowid, 'import', '[\"' || label || '\"]', '2026-11-28T14:00:00Z' FROM c.t;";; esac
    case $v in *idxafter*) echo "CREATE INDEX items_project_hash ON items(project_id, content_hash);";; esac
    echo "COMMIT;"
  } > "$dir/e.sql"
  /usr/bin/time -f "$v (page $page): %e s wall, %U + %S s CPU" sqlite3 "$dir/e.db" < "$dir/e.sql" > /dev/null
  echo "  file $(( $(stat -c %s "$dir/e.db") >> 20 )) MiB"
done

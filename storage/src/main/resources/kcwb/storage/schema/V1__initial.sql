-- Schema version 1. Forward-only: never edit a released migration, add V2__*.sql instead.
-- Statements are separated by a line holding only ';' (see Migrations).
CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID
;
-- task_type 'span' is reserved for NER-style projects; labels.kind leaves room for span labels.
CREATE TABLE projects (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    task_type  TEXT NOT NULL CHECK (task_type IN ('single_label', 'multi_label', 'span')),
    guideline  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
)
;
CREATE TABLE labels (
    id           INTEGER PRIMARY KEY,
    project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    display_name TEXT NOT NULL,
    color        TEXT,
    hotkey       TEXT,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'class' CHECK (kind IN ('class', 'span')),
    UNIQUE (project_id, name)
)
;
CREATE TABLE import_batches (
    id             INTEGER PRIMARY KEY,
    project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    source_file    TEXT NOT NULL,
    sha256         TEXT,
    state          TEXT NOT NULL CHECK (state IN ('running', 'complete', 'aborted')),
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    rows_read      INTEGER NOT NULL DEFAULT 0,
    rows_imported  INTEGER NOT NULL DEFAULT 0,
    rows_rejected  INTEGER NOT NULL DEFAULT 0,
    rows_duplicate INTEGER NOT NULL DEFAULT 0,
    rows_too_short INTEGER NOT NULL DEFAULT 0,
    options_json   TEXT NOT NULL DEFAULT '{}',
    message        TEXT
)
;
CREATE TABLE import_errors (
    id       INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    line     INTEGER NOT NULL,
    reason   TEXT NOT NULL
)
;
CREATE INDEX import_errors_batch ON import_errors(batch_id, line)
;
-- annotation_count is kept by AnnotationRepository so that "next unlabeled item" is one probe of
-- the partial index items_unlabeled instead of a scan over labelled items.
CREATE TABLE items (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    text             TEXT NOT NULL,
    content_hash     INTEGER NOT NULL,
    source_file      TEXT,
    source_line      INTEGER,
    batch_id         INTEGER REFERENCES import_batches(id),
    split            TEXT CHECK (split IN ('train', 'dev', 'test')),
    metadata_json    TEXT,
    annotation_count INTEGER NOT NULL DEFAULT 0
)
;
CREATE INDEX items_project_hash ON items(project_id, content_hash)
;
CREATE INDEX items_unlabeled ON items(project_id, id) WHERE annotation_count = 0
;
-- The current state: one row per (item, annotator). labels_json is a JSON array of label names;
-- spans_json is reserved for span/NER projects.
CREATE TABLE annotations (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    labels_json TEXT NOT NULL,
    spans_json  TEXT,
    note        TEXT,
    updated_at  TEXT NOT NULL,
    UNIQUE (item_id, annotator)
)
;
-- Append-only: every change, undo and redo is a new row; rows are never updated or deleted.
-- Labels that came with an import are recorded by their import batch (items.batch_id, annotator
-- in import_batches.options_json), not here: history starts at the first change after the import,
-- whose before_json shows the imported labels; undo never reverts an import.
-- kind 'undo' rows name the row they revert in target_id; 'redo' rows name the undo they revert.
CREATE TABLE annotation_history (
    id          INTEGER PRIMARY KEY,
    project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    annotator   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo')),
    target_id   INTEGER REFERENCES annotation_history(id),
    before_json TEXT,
    after_json  TEXT,
    before_note TEXT,
    after_note  TEXT,
    at          TEXT NOT NULL
)
;
CREATE INDEX annotation_history_annotator ON annotation_history(project_id, annotator, id)
;
CREATE INDEX annotation_history_target ON annotation_history(target_id) WHERE target_id IS NOT NULL
;
CREATE INDEX annotation_history_item ON annotation_history(item_id, id)
;
CREATE TRIGGER annotation_history_append_only_update BEFORE UPDATE ON annotation_history
BEGIN SELECT RAISE(ABORT, 'annotation_history is append-only'); END
;
CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'interrupted', 'cancelled')),
    config_json     TEXT NOT NULL,
    dataset_hash    TEXT,
    provenance_json TEXT,
    run_dir         TEXT,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    message         TEXT
)
;
CREATE TABLE run_events (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step         INTEGER NOT NULL,
    epoch        REAL,
    kind         TEXT NOT NULL,
    metrics_json TEXT NOT NULL,
    at           TEXT NOT NULL
)
;
CREATE INDEX run_events_run ON run_events(run_id, step)
;
CREATE TABLE checkpoints (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path         TEXT NOT NULL,
    step         INTEGER NOT NULL,
    metrics_json TEXT NOT NULL,
    is_best      INTEGER NOT NULL DEFAULT 0 CHECK (is_best IN (0, 1)),
    created_at   TEXT NOT NULL
)
;
CREATE INDEX checkpoints_run ON checkpoints(run_id, step)
;
CREATE TABLE predictions (
    id                 INTEGER PRIMARY KEY,
    run_id             INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    item_id            INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    model              TEXT NOT NULL,
    label              TEXT NOT NULL,
    probabilities_json TEXT NOT NULL,
    uncertainty        REAL,
    created_at         TEXT NOT NULL
)
;
CREATE INDEX predictions_item ON predictions(item_id)
;
CREATE INDEX predictions_run ON predictions(run_id, item_id)

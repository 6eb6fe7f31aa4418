-- Schema version 2. Forward-only: never edit a released migration, add V3__*.sql instead.
-- Items imported from version 2 on keep their source file name once, on their import batch
-- (source_name), instead of repeating it in every item row (20+ bytes a row, 20 MB per million
-- rows). items.source_file stays for items inserted one by one and for items imported by version 1;
-- readers use coalesce(items.source_file, import_batches.source_name).
ALTER TABLE import_batches ADD COLUMN source_name TEXT

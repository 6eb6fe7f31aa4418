-- Schema version 3. Forward-only: never edit a released migration, add V4__*.sql instead.
-- Imports are not annotator actions: from version 3 on, labels that arrive with an import stay on
-- the item (items.imported_labels, a JSON array of label names, as annotations.labels_json) and are
-- attributed to the batch's annotator (import_batches.annotator), instead of one annotations row plus
-- one unique-index entry per item. Readers see them as that annotator's current annotation; the
-- first change by that annotator moves them into annotations (AnnotationRepository), so an item never
-- holds both for the same annotator. items.annotation_count keeps counting them. Items imported by
-- versions 1 and 2 keep their annotations rows.
ALTER TABLE items ADD COLUMN imported_labels TEXT
;
ALTER TABLE import_batches ADD COLUMN annotator TEXT
;
-- The content-hash index cost a third of a large import (a million random B-tree inserts, or a sort
-- of a million keys when built afterwards) for one use: dedupe. Imports dedupe through an in-memory
-- hash map loaded with one scan of the project's items; ItemRepository.findDuplicate scans too.
DROP INDEX items_project_hash

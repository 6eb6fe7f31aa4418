package kcwb.storage.item;

/**
 * One comment to label. {@code text} is exactly as imported; {@code split} and
 * {@code metadataJson} may be null; {@code annotationCount} is how many annotators labelled it.
 */
public record Item(long id, long projectId, String text, long contentHash, String sourceFile, Long sourceLine,
        Long batchId, Split split, String metadataJson, int annotationCount) {}

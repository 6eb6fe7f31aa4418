package kcwb.storage.item;

/** An item about to be inserted; nullable fields may be null. */
public record NewItem(String text, String sourceFile, Long sourceLine, Long batchId, Split split, String metadataJson) {
    public static NewItem of(String text) {
        return new NewItem(text, null, null, null, null, null);
    }
}

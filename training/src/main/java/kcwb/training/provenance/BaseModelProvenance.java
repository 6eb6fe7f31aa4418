package kcwb.training.provenance;

/**
 * The starting weights.
 *
 * @param source a folder path, a hub id, or {@code from-scratch:<preset>}
 * @param revision the hub revision when known, else null
 * @param weightsSha256 SHA-256 of the weights file, or {@code from-scratch:<preset>}
 * @param newlyInitialized keys initialised fresh (a new classification head), as transformers reports them
 */
public record BaseModelProvenance(String source, String revision, String weightsSha256,
        java.util.List<String> newlyInitialized) {
    public BaseModelProvenance {
        newlyInitialized = java.util.List.copyOf(newlyInitialized);
    }

    public static BaseModelProvenance fromScratch(String preset) {
        String id = "from-scratch:" + preset;
        return new BaseModelProvenance(id, null, id, java.util.List.of());
    }

    public boolean startsFromScratch() {
        return source.startsWith("from-scratch:");
    }

    /** The preset name of a from-scratch model. */
    public String preset() {
        return source.substring("from-scratch:".length());
    }
}

package kcwb.training.provenance;

/** The tokenizer: the vocabulary file's SHA-256 and origin, max length, and how long texts are cut. */
public record TokenizerProvenance(String vocabSha256, String origin, int vocabSize, int maxLength, String truncation) {
    public static final String TRUNCATE_END = "longest_first: keep the first max_length-2 tokens, then [SEP]";
}

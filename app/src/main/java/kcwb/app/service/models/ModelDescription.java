package kcwb.app.service.models;

import java.util.List;

/**
 * What {@code kcwb model info} says about a folder plus what the models view adds: size on disk and the
 * tokenizer kind. {@code problem} is set (and the rest may be empty) when the folder cannot be read.
 */
public record ModelDescription(String architecture, int vocabSize, int hiddenSize, int layers, List<String> labels,
        long parameterCount, String weightFormat, TokenizerKind tokenizer, long sizeBytes, String problem) {
    /** The tokenizer a folder carries: KcELECTRA v2021/v2022 are WordPiece (vocab.txt), main is byte-level BPE. */
    public enum TokenizerKind { WORDPIECE, BPE, UNIGRAM, OTHER, NONE }

    public ModelDescription {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public static ModelDescription unreadable(long sizeBytes, TokenizerKind tokenizer, String problem) {
        return new ModelDescription("", 0, 0, 0, List.of(), 0, "", tokenizer, sizeBytes, problem);
    }

    public boolean readable() {
        return problem == null;
    }
}

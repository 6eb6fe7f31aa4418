package kcwb.training.text;

/** A corpus-level filter applied to texts (usually cleaned ones) in corpus order. */
public interface CorpusFilter {
    /** Stable kebab-case key. */
    String key();

    /** Whether {@code text} stays in the corpus. May remember what it has seen (see DuplicateFilter). */
    boolean keep(String text);
}

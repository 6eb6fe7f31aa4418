package kcwb.training.text;

import java.util.HashSet;
import java.util.Set;

/**
 * KcELECTRA's "exact duplicates are merged into one": keeps the first occurrence of each text and drops
 * later identical ones. Holds every distinct text it has kept, so memory grows with the corpus; not
 * thread-safe (feed it in corpus order from one thread).
 */
public final class DuplicateFilter implements CorpusFilter {
    private final Set<String> seen = new HashSet<>();

    @Override
    public String key() {
        return "exact-duplicate";
    }

    @Override
    public boolean keep(String text) {
        return seen.add(text);
    }
}

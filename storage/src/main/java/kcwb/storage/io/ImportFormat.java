package kcwb.storage.io;

import java.util.Locale;

/**
 * Input layouts. BEEP is the korean-hate-speech TSV (header comments, contain_gender_bias, bias,
 * hate; choose one label column). PIPE is {@code text|label} split on the LAST '|' (curse-detection).
 */
public enum ImportFormat {
    CSV, TSV, JSONL, TEXT, BEEP, PIPE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportFormat fromKey(String key) {
        try {
            return valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + key + "' (expected csv, tsv, jsonl, text, beep or pipe)");
        }
    }
}

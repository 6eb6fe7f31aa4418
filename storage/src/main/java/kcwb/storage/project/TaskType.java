package kcwb.storage.project;

import java.util.Locale;

/** What annotators produce for an item. SPAN is reserved for NER-style projects (schema ready, no UI yet). */
public enum TaskType {
    SINGLE_LABEL, MULTI_LABEL, SPAN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskType fromKey(String key) {
        for (TaskType type : values()) {
            if (type.key().equals(key) || type.key().replace('_', '-').equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown task type '" + key + "' (expected single_label, multi_label or span)");
    }
}

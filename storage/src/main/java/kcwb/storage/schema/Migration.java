package kcwb.storage.schema;

import java.util.List;

/** One forward-only schema step: after it runs, {@code PRAGMA user_version} equals {@code version}. */
public record Migration(int version, String name, List<String> statements) {
    public Migration {
        statements = List.copyOf(statements);
    }
}

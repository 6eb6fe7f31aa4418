package kcwb.app.gui.runs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The settings two runs do not share: one row per key whose values differ (missing on one side = null). */
public final class ConfigDiff {
    /** A differing key with run A's and run B's values. */
    public record Row(String key, String valueA, String valueB) {}

    private ConfigDiff() {}

    /** Keys in A's order, then the keys only B has. */
    public static List<Row> of(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                rows.add(new Row(key, a.get(key), b.get(key)));
            }
        }
        return rows;
    }
}

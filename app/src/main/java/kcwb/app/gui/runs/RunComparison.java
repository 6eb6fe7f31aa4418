package kcwb.app.gui.runs;

import java.util.List;

/** Two opened runs side by side: A's and B's curves on the same charts and the settings that differ. */
public record RunComparison(RunDetails a, RunDetails b, List<ConfigDiff.Row> diff) {
    static RunComparison of(RunDetails a, RunDetails b) {
        return new RunComparison(a, b, ConfigDiff.of(a.settings(), b.settings()));
    }
}

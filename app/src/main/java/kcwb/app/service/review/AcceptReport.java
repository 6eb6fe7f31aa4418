package kcwb.app.service.review;

import java.util.List;
import java.util.Map;

/**
 * What a bulk accept wrote: the items (in writing order), the count per label, and how many planned items were
 * skipped because someone labelled them between the plan and the write.
 */
public record AcceptReport(String annotator, List<Long> written, Map<String, Integer> perLabel, int skippedLabelled) {
    public AcceptReport {
        written = List.copyOf(written);
        perLabel = Map.copyOf(perLabel);
    }
}

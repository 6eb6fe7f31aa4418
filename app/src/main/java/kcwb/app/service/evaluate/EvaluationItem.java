package kcwb.app.service.evaluate;

import java.util.List;

/** One labelled item to evaluate on: its id (to link results back to the item), RAW text, final labels. */
public record EvaluationItem(long itemId, String text, List<String> gold) {
    public EvaluationItem {
        gold = List.copyOf(gold);
    }
}

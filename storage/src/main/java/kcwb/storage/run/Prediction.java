package kcwb.storage.run;

/**
 * A model's prediction for an item: the predicted label, the probability per label (JSON object
 * label to probability) and an uncertainty score (e.g. entropy; may be null). runId may be null
 * for a model that was not trained here.
 */
public record Prediction(long id, Long runId, long itemId, String model, String label, String probabilitiesJson,
        Double uncertainty) {}

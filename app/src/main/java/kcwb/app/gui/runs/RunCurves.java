package kcwb.app.gui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.run.RunEvent;

/**
 * A run's curves as stored in its events: training loss and learning rate per logged step, eval loss and
 * the run's metric per evaluation, and the epoch reached at each step (for the checkpoints table).
 */
public record RunCurves(List<Point> trainLoss, List<Point> learningRate, List<Point> evalLoss, List<Point> evalMetric,
        String metricName, Map<Long, Double> epochAtStep) {

    /** One value at one optimiser step. */
    public record Point(long step, double value) {}

    public RunCurves {
        trainLoss = List.copyOf(trainLoss);
        learningRate = List.copyOf(learningRate);
        evalLoss = List.copyOf(evalLoss);
        evalMetric = List.copyOf(evalMetric);
        epochAtStep = Map.copyOf(epochAtStep);
    }

    /** Reads "step" and "eval" events; {@code metricName} (e.g. macro_f1) picks the eval metric curve. */
    public static RunCurves of(List<RunEvent> events, String metricName) {
        List<Point> loss = new ArrayList<>();
        List<Point> rate = new ArrayList<>();
        List<Point> evalLoss = new ArrayList<>();
        List<Point> metric = new ArrayList<>();
        Map<Long, Double> epochs = new HashMap<>();
        for (RunEvent event : events) {
            if (event.epoch() != null) {
                epochs.put(event.step(), event.epoch());
            }
            JsonNode fields = RunJson.parse(event.metricsJson());
            switch (event.kind()) {
                case "step" -> {
                    add(loss, event.step(), RunJson.number(fields, "loss"));
                    add(rate, event.step(), RunJson.number(fields, "learning_rate"));
                }
                case "eval" -> {
                    JsonNode metrics = fields.path("metrics");
                    add(evalLoss, event.step(), RunJson.number(metrics, "loss"));
                    if (metricName != null && !metricName.equals("loss")) {
                        add(metric, event.step(), RunJson.number(metrics, metricName));
                    }
                }
                default -> { }
            }
        }
        return new RunCurves(loss, rate, evalLoss, metric, metricName, epochs);
    }

    private static void add(List<Point> points, long step, Double value) {
        if (value != null && Double.isFinite(value)) {
            points.add(new Point(step, value));
        }
    }

    /** The epoch at {@code step}, or null when no event at that step carried one. */
    public Double epochAt(long step) {
        return epochAtStep.get(step);
    }
}

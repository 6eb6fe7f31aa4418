package kcwb.app.service.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kcwb.storage.project.Project;
import kcwb.storage.run.Prediction;
import kcwb.storage.workspace.Workspace;
import kcwb.training.eval.Evaluation;
import kcwb.training.finetune.FileDataset;
import kcwb.training.finetune.FileDatasetOptions;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;
import kcwb.training.train.LabeledExample;
import kcwb.training.train.ProblemType;

/** Evaluate and predict with a trained model folder: {@code kcwb eval}, {@code kcwb predict}, and the GUI. */
public final class ModelUseService {
    static final int BATCH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Metrics on a labelled file, read as the model's problem type says (multi-label: {@code ;}-separated cells or
     * JSON arrays; {@code allowEmptyLabels} lets a multi-label row hold none). Every bad row, and every label the
     * model does not know, is reported with its file and line.
     */
    public Evaluation evaluate(Path modelDir, Path dataFile, String textColumn, String labelColumn,
            boolean allowEmptyLabels) throws IOException {
        try (TrainedModel model = TrainedModel.open(modelDir)) {
            boolean multiLabel = model.problemType() == ProblemType.MULTI_LABEL;
            var options = new FileDatasetOptions(textColumn, labelColumn, multiLabel, multiLabel && allowEmptyLabels);
            List<LabeledExample> examples = FileDataset.forLabels(dataFile, options, model.labels(), label -> "label '"
                    + label + "' is not one of the model's " + model.labels().size() + " labels " + model.labels());
            return model.evaluate(examples);
        }
    }

    /** Reads JSONL (a JSON string or an object with "text") and writes one JSON prediction per line, in order. */
    public long predictStream(Path modelDir, BufferedReader in, PrintWriter out) throws IOException {
        try (TrainedModel model = TrainedModel.open(modelDir)) {
            List<String> batch = new ArrayList<>();
            long line = 0;
            long written = 0;
            for (String text; (text = in.readLine()) != null; ) {
                line++;
                batch.add(textOf(text, line));
                if (batch.size() == BATCH) {
                    written += write(model, batch, out);
                }
            }
            return written + write(model, batch, out);
        }
    }

    private static String textOf(String line, long number) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("stdin line " + number + ": invalid JSON: " + e.getOriginalMessage());
        }
        if (node != null && node.isTextual()) {
            return node.asText();
        }
        if (node != null && node.isObject() && node.path("text").isTextual()) {
            return node.get("text").asText();
        }
        throw new IllegalArgumentException("stdin line " + number + ": expected a JSON string or an object with a \"text\" string");
    }

    private static long write(TrainedModel model, List<String> batch, PrintWriter out) {
        List<PredictedLabel> predictions = model.predict(batch);
        for (PredictedLabel p : predictions) {
            out.println(toJson(model, p));
        }
        out.flush();
        batch.clear();
        return predictions.size();
    }

    public static String toJson(TrainedModel model, PredictedLabel p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", p.label());
        if (model.problemType() == ProblemType.MULTI_LABEL) {
            json.put("labels", p.labels()); // every label with probability ≥ 0.5, in label order
        }
        json.put("probabilities", probabilities(model, p));
        json.put("margin", p.margin());
        json.put("entropy", p.entropy());
        return EventJson.toJson(json);
    }

    private static Map<String, Double> probabilities(TrainedModel model, PredictedLabel p) {
        return WorkspacePredictor.probabilities(model, p);
    }

    /**
     * Predicts every unlabelled item of the project and stores a {@link Prediction} per item, with the entropy as
     * its uncertainty (higher = less sure: label these first). Returns how many were stored.
     * {@link WorkspacePredictor} does the same with a scope, progress and cancel (the GUI).
     */
    public int predictWorkspace(Path modelDir, Workspace workspace, String projectName, Long runId) throws IOException {
        Project project = workspace.projects().find(projectName)
                .orElseThrow(() -> new IllegalArgumentException(workspace.file() + ": no project '" + projectName + "'"));
        return Math.toIntExact(new WorkspacePredictor(BATCH).predict(modelDir, WorkspaceAccess.of(workspace), project.id(),
                WorkspacePredictor.Scope.UNLABELED, runId, WorkspacePredictor.Progress.NONE).stored());
    }
}

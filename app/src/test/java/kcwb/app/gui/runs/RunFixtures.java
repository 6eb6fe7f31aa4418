package kcwb.app.gui.runs;

import java.nio.file.Path;
import java.util.Map;
import kcwb.app.service.train.EventJson;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import kcwb.storage.run.Run;
import kcwb.storage.run.RunState;
import kcwb.storage.workspace.Workspace;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingPresets;

/**
 * Runs recorded through {@code ws.runs()} the way {@code RunRecorder} records them (same event and config
 * JSON), without training: fast fixtures for the view model and the TestFX test.
 */
final class RunFixtures {
    private RunFixtures() {}

    static Project project(Workspace ws, String name) {
        Project project = ws.projects().create(name, TaskType.SINGLE_LABEL);
        for (String label : new String[] {"hate", "offensive", "none"}) {
            ws.labels().add(project.id(), label);
        }
        return project;
    }

    /**
     * A finished run: {@code steps} train steps (loss falling from 1.2), an eval every 2 steps whose macro_f1
     * is {@code f1} at the last eval, a checkpoint per eval, the best one last.
     */
    static Run finishedRun(Workspace ws, long projectId, String name, double learningRate, String datasetHash, int steps,
            double f1) {
        TrainingConfig config = TrainingPresets.quick().toBuilder().optLearningRate(learningRate).optBatchSize(8)
                .optMetricForBest("macro_f1", true).build();
        Run run = ws.runs().start(projectId, name, EventJson.toJson(config), datasetHash, "/tmp/kcwb-runs/" + name);
        ws.runs().setProvenance(run.id(), provenance(datasetHash));
        for (int step = 1; step <= steps; step++) {
            double epoch = step / 4.0;
            ws.runs().addEvent(run.id(), step, epoch, "step", EventJson.toJson(Map.of("kind", "step", "step", step,
                    "epoch", epoch, "loss", 1.2 - step * 0.05, "learning_rate", learningRate * (1 - (double) step / steps))));
            if (step % 2 == 0) {
                double stepF1 = f1 * step / steps;
                String metrics = EventJson.toJson(Map.of("loss", 1.0 - stepF1 / 2, "accuracy", stepF1 + 0.05, "macro_f1", stepF1));
                ws.runs().addEvent(run.id(), step, epoch, "eval", "{\"kind\":\"eval\",\"step\":" + step + ",\"metrics\":" + metrics + "}");
                ws.runs().addCheckpoint(run.id(), "/tmp/kcwb-runs/" + name + "/checkpoint-" + step, step, metrics, step == steps);
            }
        }
        ws.runs().finish(run.id(), RunState.FINISHED, "max_steps");
        return ws.runs().get(run.id()).orElseThrow();
    }

    static String provenance(String datasetHash) {
        return """
                {"schemaVersion": 1, "kcwbVersion": "test",
                 "dataset": {"source": "workspace:/tmp/ws.kcwb#project=news", "labels": ["hate", "offensive", "none"],
                             "problemType": "single_label", "rowsPerSplit": {"train": 40, "dev": 10}, "splitSeed": 42,
                             "sha256": "%s"},
                 "cleaning": {"recipeId": "kcelectra"},
                 "baseModel": {"source": "from-scratch:tiny", "revision": null, "weightsSha256": "from-scratch:tiny",
                               "newlyInitialized": []},
                 "startedAt": "2026-11-28T10:00:00Z"}
                """.formatted(datasetHash);
    }

    static Path noLockFolder(Path dir) {
        return dir.resolve("dead-run");
    }
}

package kcwb.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import kcwb.app.service.train.ModelUseService;
import kcwb.storage.StorageException;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb predict}: stdin JSONL → JSONL predictions, or predictions for a project's unlabelled items. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict labels: stdin JSONL (strings or {\"text\": ...}) to JSONL {label, probabilities, margin,"
                + " entropy}; with --workspace/--project, predict the unlabelled items and store the predictions.")
public final class PredictCommand implements Runnable {
    @Spec
    private CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "DIR") private Path model;
    @Option(names = "--workspace", paramLabel = "PATH") private Path workspace;
    @Option(names = "--project") private String project;

    @Override
    public void run() {
        try {
            if (workspace != null) {
                if (project == null) {
                    throw new UserFacingException("--workspace needs --project NAME");
                }
                try (Workspace opened = WorkspaceStore.open(workspace)) {
                    int stored = new ModelUseService().predictWorkspace(model, opened, project, null);
                    spec.commandLine().getOut().printf("stored %d predictions for unlabelled items of '%s'%n", stored, project);
                }
                return;
            }
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            new ModelUseService().predictStream(model, in, spec.commandLine().getOut());
        } catch (IllegalArgumentException | StorageException | IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }
}

package kcwb.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import kcwb.app.service.WorkspaceService;
import kcwb.storage.StorageException;
import kcwb.storage.project.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb workspace init|info}. */
@Command(mixinStandardHelpOptions = true, name = "workspace", description = "Create a workspace file or show what it holds.",
        subcommands = {WorkspaceCommand.Init.class, WorkspaceCommand.Info.class})
public final class WorkspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(mixinStandardHelpOptions = true, name = "init", description = "Create a new workspace file, optionally with a first project and labels.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOptions options;
        @Option(names = "--project", paramLabel = "NAME", description = "Also create this project.")
        String project;
        @Option(names = "--task", defaultValue = "single_label", description = "single_label or multi_label (default ${DEFAULT-VALUE}).")
        String task;
        @Option(names = "--labels", split = ",", paramLabel = "L1,L2", description = "Labels of the new project.")
        List<String> labels = List.of();

        @Override
        public Integer call() {
            try {
                TaskType taskType = TaskType.fromKey(task);
                options.print(spec.commandLine().getOut(), WorkspaceService.init(options.workspace, project, taskType, labels));
                return 0;
            } catch (StorageException | IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "info", description = "Show the workspace's projects, labels, item counts and imports.")
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        WorkspaceOptions options;

        @Override
        public Integer call() {
            options.print(spec.commandLine().getOut(), options.withWorkspace(WorkspaceService::info));
            return 0;
        }
    }
}

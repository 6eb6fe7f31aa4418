package kcwb.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kcwb.storage.annotation.Annotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb label}: set (or clear) one annotator's labels for an item, for scripts and tests. */
@Command(mixinStandardHelpOptions = true, name = "label", description = "Set an annotator's label(s) for an item id; the change is saved in the history.")
public final class LabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    WorkspaceOptions options;
    @Option(names = "--item", required = true, description = "Item id.")
    long item;
    @Option(names = "--label", description = "Label name (repeat for multi-label projects).")
    List<String> labels = List.of();
    @Option(names = "--annotator", required = true, description = "Who labels.")
    String annotator;
    @Option(names = "--note", description = "Optional note.")
    String note;
    @Option(names = "--clear", description = "Remove the annotator's labels for the item.")
    boolean clear;

    @Override
    public Integer call() {
        if (labels.isEmpty() && !clear) {
            throw new UserFacingException("give --label NAME (or --clear)");
        }
        Map<String, Object> summary = options.withWorkspace(workspace -> {
            workspace.annotations().save(item, annotator, clear ? List.of() : labels, note);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("item", item);
            result.put("annotator", annotator);
            result.put("labels", workspace.annotations().find(item, annotator).map(Annotation::labels).orElse(List.of()));
            return result;
        });
        options.print(spec.commandLine().getOut(), summary);
        return 0;
    }
}

package kcwb.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import kcwb.app.service.train.EventJson;
import kcwb.app.service.train.ModelUseService;
import kcwb.training.eval.ClassScores;
import kcwb.training.eval.ClassificationMetrics;
import kcwb.training.eval.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb eval}: a trained model's metrics on a labelled file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model folder on a labelled TSV/CSV/JSONL file: loss, accuracy, F1, confusion matrix.",
            "A multi-label model reads label lists (';'-separated cells or JSON arrays) and prints per-label scores."})
public final class EvalCommand implements Runnable {
    @Spec
    private CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Checkpoint or exported model folder.")
    private Path model;
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled file.")
    private Path data;
    @Option(names = "--text-col", defaultValue = "text") private String textColumn;
    @Option(names = "--label-col", description = "Label column/field. Default: label, or labels when there is no label.")
    private String labelColumn;
    @Option(names = "--allow-empty-labels", description = "Multi-label model: a row may hold no label (none applies).")
    private boolean allowEmptyLabels;
    @Option(names = "--json", description = "Print the metrics as one JSON object.") private boolean json;

    @Override
    public void run() {
        Evaluation e;
        try {
            e = new ModelUseService().evaluate(model, data, textColumn, labelColumn, allowEmptyLabels);
        } catch (IllegalArgumentException | IOException ex) {
            throw new UserFacingException(ex.getMessage(), ex);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(EventJson.toJson(EventJson.metrics(e)));
            return;
        }
        out.printf(Locale.ROOT, "%d examples%nloss      %.4f%naccuracy  %.4f%n", e.examples(), e.loss(), e.accuracy());
        if (e.multiLabel()) {
            out.printf(Locale.ROOT, "subset accuracy  %.4f   (multi-label: a label is predicted when its sigmoid ≥ %.1f)%n",
                    e.subsetAccuracy(), ClassificationMetrics.MULTI_LABEL_THRESHOLD);
        }
        out.printf(Locale.ROOT, "macro-F1  %.4f%nmicro-F1  %.4f%n%n", e.macroF1(), e.microF1());
        out.printf("%-16s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
        for (ClassScores c : e.perClass()) {
            out.printf(Locale.ROOT, "%-16s %9.4f %9.4f %9.4f %8d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support());
        }
        if (e.confusion().length > 0) {
            out.println();
            out.println("confusion (rows = gold, columns = predicted):");
            out.printf("%-16s", "");
            e.perClass().forEach(c -> out.printf(" %8.8s", c.label()));
            out.println();
            for (int g = 0; g < e.confusion().length; g++) {
                out.printf("%-16s", e.perClass().get(g).label());
                for (long count : e.confusion()[g]) {
                    out.printf(" %8d", count);
                }
                out.println();
            }
        }
    }
}

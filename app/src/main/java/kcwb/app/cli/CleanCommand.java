package kcwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import kcwb.app.service.BadInputLineException;
import kcwb.app.service.CleanService;
import kcwb.training.text.CleaningRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kcwb clean}: KcELECTRA's clean() over stdin, one output line per input line. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Cleans texts from stdin like KcELECTRA's clean(), one output line per input line, in order.",
                "Lines end at \\n; a \\r before it is dropped. Invalid UTF-8 or JSON stops with the line number."})
public final class CleanCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rules", defaultValue = CleaningRecipe.KCELECTRA, paramLabel = "RECIPE",
            description = "Cleaning recipe: kcelectra (the README's clean(), default) or kcelectra-pretrain.")
    private String rules;

    @Option(names = "--jsonl", description = "Each input line is one JSON string; each output line is one JSON string.")
    private boolean jsonl;

    private final InputStream in;
    private final OutputStream out;

    public CleanCommand() {
        this(System.in, System.out);
    }

    CleanCommand(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        CleaningRecipe recipe;
        try {
            recipe = CleaningRecipe.byId(rules);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
        }
        try {
            new CleanService().clean(in, "stdin", out, recipe, jsonl);
        } catch (BadInputLineException e) {
            throw new UserFacingException(e.getMessage() + "; the lines before it were cleaned and written", e);
        }
        return 0;
    }
}

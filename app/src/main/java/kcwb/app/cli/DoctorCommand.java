package kcwb.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kcwb.app.service.DoctorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kcwb doctor}: which Java, engine, PyTorch native, device, fonts and caches this install uses. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Report Java, DJL/PyTorch (flavor, native library, GPUs), threads, Korean fonts and cache folders.")
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--no-engine", description = "Do not load the PyTorch engine (fast; skips the native checks).")
    private boolean noEngine;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (DoctorService.Finding finding : new DoctorService().report(!noEngine)) {
            out.printf("%-28s %s%n", finding.key(), finding.value());
        }
        out.flush();
        return 0;
    }
}

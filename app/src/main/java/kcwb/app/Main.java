package kcwb.app;

import kcwb.app.cli.KcwbCommand;
import kcwb.app.gui.KcwbGui;

/** The one entry point: {@code kcwb} with no arguments opens the GUI, otherwise runs a subcommand. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            KcwbGui.launch();
            return;
        }
        System.exit(KcwbCommand.commandLine().execute(args));
    }
}

package kcwb.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import kcwb.training.hub.HubDownloader;
import kcwb.training.hub.HubException;
import kcwb.training.hub.HubSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kcwb model pull beomi/KcELECTRA-base --revision v2022}: downloads a revision into the shared
 * Hugging Face cache (HF_HOME / HF_HUB_CACHE) and prints the snapshot folder, which {@code --model}
 * options accept. Progress goes to stderr; the snapshot path is the only line on stdout.
 */
@Command(name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Download a model revision from the Hugging Face hub into the shared cache",
            "(HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub) and print its folder.",
            "Honours HF_ENDPOINT, HF_TOKEN (or the token file of `hf auth login`) and HF_HUB_OFFLINE=1.",
            "An interrupted download resumes where it stopped."})
public final class ModelPullCommand implements Callable<Integer> {
    /** Exit code when the hub cannot be reached and nothing is cached (EX_UNAVAILABLE). */
    public static final int EXIT_NO_NETWORK = 69;
    /** Exit code for a full disk or an unwritable cache (EX_IOERR). */
    public static final int EXIT_IO = 74;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REPO", description = "Repository id, e.g. beomi/KcELECTRA-base.")
    private String repo;

    @Option(names = "--revision", defaultValue = "v2022", paramLabel = "REV",
            description = "Branch, tag or commit: v2022 (default), v2021 or main.")
    private String revision;

    @Option(names = "--offline", description = "Use the local cache only; never touch the network.")
    private boolean offline;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Hub cache folder (default: as huggingface_hub).")
    private Path cacheDir;

    @Option(names = "--endpoint", paramLabel = "URL", hidden = true,
            description = "Hub base URL (default: HF_ENDPOINT or https://huggingface.co).")
    private String endpoint;

    private final Map<String, String> environment;

    public ModelPullCommand() {
        this(System.getenv());
    }

    /** For tests: the environment variables the hub settings are read from. */
    ModelPullCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        HubSettings settings = HubSettings.fromEnvironment(environment, Path.of(System.getProperty("user.home")));
        if (cacheDir != null) {
            settings = settings.withCacheDir(cacheDir);
        }
        if (endpoint != null) {
            settings = settings.withEndpoint(java.net.URI.create(endpoint));
        }
        if (offline) {
            settings = settings.withOffline(true);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean tty = System.console() != null && isTerminal(System.console());
        PullProgressPrinter printer = new PullProgressPrinter(err, tty);
        err.println("kcwb: " + (settings.offline() ? "resolving " : "pulling ") + repo + " at " + revision
                + (settings.offline() ? " from the cache " : " from " + settings.endpoint() + " into ")
                + settings.cacheDir());
        try {
            Path snapshot = new HubDownloader(settings).pull(repo, revision, printer);
            printer.finish();
            spec.commandLine().getOut().println(snapshot);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (HubException e) {
            printer.finish();
            throw new UserFacingException(repo + " " + revision + ": " + e.getMessage(), exitCodeFor(e.reason()), e);
        }
    }

    static int exitCodeFor(HubException.Reason reason) {
        return switch (reason) {
            case NETWORK -> EXIT_NO_NETWORK;
            case DISK_FULL -> EXIT_IO;
            default -> CliExceptionHandler.EXIT_BAD_INPUT;
        };
    }

    private static boolean isTerminal(Console console) {
        try {
            return console.isTerminal();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

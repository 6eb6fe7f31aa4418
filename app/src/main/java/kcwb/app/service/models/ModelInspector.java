package kcwb.app.service.models;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import kcwb.app.service.ModelFolderService;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.tokenize.KcTokenizer;

/**
 * Describes a model folder the way {@code kcwb model info} does (config and weight header only: fast), and on
 * demand checks that it really loads: every weight tensor read and matched against the ELECTRA classifier, the
 * tokenizer built. Never throws for a bad folder: the problem is part of the answer.
 */
public final class ModelInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of {@link #loadCheck(Path)}: {@code summary} lists loaded / newly initialised tensors. */
    public record LoadCheck(boolean loadable, String summary) {}

    public ModelDescription describe(Path dir) {
        long size = sizeOnDisk(dir);
        ModelDescription.TokenizerKind tokenizer = tokenizerKind(dir);
        try {
            ModelFolderService.ModelSummary summary = new ModelFolderService().info(dir);
            ElectraConfig config = summary.config();
            String format = weightFormat(dir);
            return new ModelDescription(summary.architecture(), config.vocabSize(), config.hiddenSize(),
                    config.numHiddenLayers(), config.labels(), summary.parameterCount(), format, tokenizer, size, null);
        } catch (IOException | RuntimeException e) {
            return ModelDescription.unreadable(size, tokenizer, message(e));
        }
    }

    private static String weightFormat(Path dir) {
        try {
            return HfFolder.open(dir).format() == HfFolder.WeightFormat.SAFETENSORS ? "safetensors" : "pytorch_model.bin";
        } catch (IOException e) {
            return "no weights"; // a pull that stopped early, or a tokenizer-only folder: still worth listing
        }
    }

    /** Reads all weights (hundreds of MB for KcELECTRA-base: run it in the background) and the tokenizer. */
    public LoadCheck loadCheck(Path dir) {
        try {
            HfFolder folder = HfFolder.open(dir);
            ElectraConfig config = ElectraConfig.fromJson(folder.readConfig());
            LoadReport report;
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                report = StateDictLoader.check(ElectraForSequenceClassification.create(config, manager, 0),
                        folder.readWeights(), StateDictLoader.ELECTRA_PREFIX);
            }
            String tokenizer;
            try (KcTokenizer loaded = KcTokenizer.load(dir)) {
                tokenizer = "tokenizer: " + loaded.vocabSize() + " tokens from " + Path.of(loaded.origin()).getFileName();
            }
            return new LoadCheck(report.isLoadable(), report.summary() + "\n" + tokenizer);
        } catch (IOException | RuntimeException e) {
            return new LoadCheck(false, message(e));
        }
    }

    /** WordPiece when tokenizer.json says so or only vocab.txt is there; BPE / Unigram from tokenizer.json. */
    static ModelDescription.TokenizerKind tokenizerKind(Path dir) {
        Path json = dir.resolve("tokenizer.json");
        if (Files.isRegularFile(json)) {
            try {
                JsonNode type = JSON.readTree(json.toFile()).path("model").path("type");
                return switch (type.asText("").toUpperCase(Locale.ROOT)) {
                    case "WORDPIECE" -> ModelDescription.TokenizerKind.WORDPIECE;
                    case "BPE" -> ModelDescription.TokenizerKind.BPE;
                    case "UNIGRAM" -> ModelDescription.TokenizerKind.UNIGRAM;
                    default -> ModelDescription.TokenizerKind.OTHER;
                };
            } catch (IOException e) {
                return ModelDescription.TokenizerKind.OTHER;
            }
        }
        return Files.isRegularFile(dir.resolve("vocab.txt")) ? ModelDescription.TokenizerKind.WORDPIECE
                : ModelDescription.TokenizerKind.NONE;
    }

    /** Bytes of the files in the folder, following the hub cache's symlinks to their blobs. */
    static long sizeOnDisk(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

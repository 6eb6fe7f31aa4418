package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.checkpoint.SafetensorsReader;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.tokenize.KcTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three published KcELECTRA-base revisions load the way a user's download would: v2021 and v2022 (WordPiece
 * vocab.txt + a torch.save'd pytorch_model.bin with a question-answering head and the old position_ids buffer) and
 * main (byte-level BPE tokenizer.json + model.safetensors). The real weights are not on our machines, so
 * fixtures/revisions/make_layouts.py builds stand-ins with the real vocabularies from ../shared and the real file
 * layouts at a small geometry, plus transformers' own token ids and logits as the oracle.
 *
 * <p>Needs ../shared and a Python with transformers (-Dkcwb.python, default ../venv/bin/python beside ../shared);
 * skipped with a printed reason otherwise.
 */
class RevisionLayoutsIT {
    static final double LOGITS_TOLERANCE = 1e-4;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    @BeforeAll
    static void makeLayouts() throws Exception {
        Path shared = Path.of(System.getProperty("kcwb.shared.dir", "../shared"));
        String configured = System.getProperty("kcwb.python");
        Path python = configured != null ? Path.of(configured) : shared.resolveSibling("venv").resolve("bin/python");
        boolean haveShared = Files.isRegularFile(shared.resolve("kcelectra/v2022/vocab.txt"));
        boolean havePython = haveShared && Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import transformers, torch, tokenizers").start().waitFor() == 0;
        String reason = !haveShared ? "no ../shared/kcelectra at " + shared.toAbsolutePath()
                : "no python with transformers and torch at " + python;
        if (!havePython) {
            System.err.println("RevisionLayoutsIT skipped: " + reason);
        }
        assumeTrue(havePython, reason);

        Path script = out.resolve("make_layouts.py");
        try (InputStream in = RevisionLayoutsIT.class.getResourceAsStream("/fixtures/revisions/make_layouts.py")) {
            Files.copy(in, script);
        }
        Process process = new ProcessBuilder(python.toString(), script.toString(), shared.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("make_layouts.log").toFile()).start();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "make_layouts.py did not finish in 10 minutes");
        assertEquals(0, process.exitValue(), () -> "make_layouts.py failed:\n" + log());
    }

    private static String log() {
        try {
            return Files.readString(out.resolve("make_layouts.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @ParameterizedTest
    @CsvSource({"v2021, PYTORCH_BIN", "v2022, PYTORCH_BIN", "main, SAFETENSORS"})
    void revisionLoadsForFineTuningAndMatchesTransformers(String revision, HfFolder.WeightFormat format) throws Exception {
        Path folder = out.resolve(revision);
        Path oracle = out.resolve(revision + "-oracle");
        JsonNode expected = JSON.readTree(oracle.resolve("expected.json").toFile());
        List<String> labels = JSON.convertValue(expected.get("labels"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertEquals(format, HfFolder.open(folder).format());

        try (KcTokenizer tokenizer = KcTokenizer.load(folder); NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < expected.get("comments").size(); i++) {
                String comment = expected.get("comments").get(i).asText();
                long[] want = JSON.convertValue(expected.get("input_ids").get(i), long[].class);
                assertArrayEquals(want, tokenizer.encode(comment, 64).ids(), revision + ": token ids of " + comment);
            }

            // The fine-tuning path: the whole trunk comes from the checkpoint, only the new head is initialised.
            BaseModel.Loaded loaded = BaseModel.folder(folder).load(labels, "single_label_classification",
                    tokenizer.vocabSize(), tokenizer.specialTokenIds().pad(), manager, 42);
            LoadReport report = loaded.report();
            assertTrue(report.missing().isEmpty(), report.summary());
            assertTrue(report.mismatched().isEmpty(), report.summary());
            assertTrue(report.newlyInitialized().stream().allMatch(key -> key.startsWith("classifier.")), report.summary());
            assertTrue(report.unexpected().stream().noneMatch(key -> key.startsWith("electra.encoder")), report.summary());

            // transformers' model of the same folder with its seeded head: the trunks are bit-identical and the
            // logits agree once that head is in place.
            ElectraForSequenceClassification reference = ElectraForSequenceClassification.create(loaded.config(), manager, 1);
            StateDictLoader.load(reference, SafetensorsReader.read(oracle.resolve("with_head.safetensors")),
                    StateDictLoader.ELECTRA_PREFIX);
            List<String> differing = new ArrayList<>();
            for (Map.Entry<String, Parameter> entry : loaded.model().namedParameters().entrySet()) {
                if (entry.getKey().startsWith("electra.") && !entry.getValue().getArray()
                        .contentEquals(reference.namedParameters().get(entry.getKey()).getArray())) {
                    differing.add(entry.getKey());
                }
            }
            assertEquals(List.of(), differing, revision + ": trunk parameters differ from transformers' load");

            double worst = 0;
            for (int i = 0; i < expected.get("comments").size(); i++) {
                long[] ids = tokenizer.encode(expected.get("comments").get(i).asText(), 64).ids();
                NDArray input = manager.create(ids).reshape(1, ids.length);
                NDList inputs = new NDList(input, manager.ones(input.getShape(), input.getDataType()),
                        manager.zeros(input.getShape(), input.getDataType()));
                float[] logits = reference.forward(new ParameterStore(manager, false), inputs, false)
                        .singletonOrThrow().toFloatArray();
                float[] want = JSON.convertValue(expected.get("logits").get(i), float[].class);
                for (int j = 0; j < want.length; j++) {
                    worst = Math.max(worst, Math.abs(want[j] - logits[j]));
                }
            }
            System.out.printf("RevisionLayoutsIT %s: vocab %d, %d weights loaded, max |logits diff| %.3g%n", revision,
                    tokenizer.vocabSize(), report.loadedCount(), worst);
            assertTrue(worst <= LOGITS_TOLERANCE, revision + ": logits differ from transformers by " + worst);
        }
    }
}

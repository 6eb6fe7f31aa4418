package kcwb.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kcwb.training.eval.Evaluation;
import kcwb.training.model.HfModule;

/** Synthetic data, a character-level encoder and a safetensors weights store for engine tests. */
final class TestData {
    static final int VOCAB = 40;
    static final List<String> LABELS = List.of("neg", "pos", "neutral");

    private TestData() {}

    /** [CLS]=2, one id per code point (4 + cp mod 36), [SEP]=3, truncated to maxLength. */
    static EncodedText encode(String text, int maxLength) {
        int[] cps = text.codePoints().toArray();
        int n = Math.min(cps.length, maxLength - 2);
        long[] ids = new long[n + 2];
        ids[0] = 2;
        for (int i = 0; i < n; i++) {
            ids[i + 1] = 4 + Math.floorMod(cps[i], VOCAB - 4);
        }
        ids[n + 1] = 3;
        return EncodedText.of(ids);
    }

    /**
     * Texts of random letters whose label follows the letters they contain: mostly 'a'/'b' → neg, 'x'/'y' → pos,
     * otherwise neutral; lengths vary from 3 to 30 so padding and bucketing matter.
     */
    static List<LabeledExample> examples(int count, long seed) {
        Random random = new Random(seed);
        List<LabeledExample> out = new ArrayList<>();
        String[] pools = {"abcdeab", "xyzwvxy", "mnopqrs"};
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(3);
            int length = 3 + random.nextInt(28);
            StringBuilder text = new StringBuilder();
            for (int j = 0; j < length; j++) {
                String pool = random.nextInt(4) == 0 ? pools[random.nextInt(3)] : pools[label];
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            out.add(LabeledExample.of("ex-" + seed + "-" + i, text.toString(), label));
        }
        return out;
    }

    /** Writes and reads {@code model.safetensors} under HF names (stand-in for the checkpoint module). */
    static final class WeightsStore implements CheckpointWriter, CheckpointReader {
        @Override
        public void write(Path dir, HfModule model, long step, Evaluation metrics) throws IOException {
            NDList list = new NDList();
            model.namedParameters().forEach((name, parameter) -> {
                NDArray array = parameter.getArray();
                array.setName(name);
                list.add(array);
            });
            try (OutputStream out = Files.newOutputStream(dir.resolve("model.safetensors"))) {
                list.encode(out, NDList.Encoding.SAFETENSORS);
            }
            Files.writeString(dir.resolve("metrics.txt"), metrics == null ? "none" : metrics.headline().toString());
        }

        @Override
        public void readInto(Path dir, HfModule model) throws IOException {
            try (NDManager manager = NDManager.newBaseManager();
                    InputStream in = Files.newInputStream(dir.resolve("model.safetensors"))) {
                NDList list = NDList.decode(manager, in);
                for (NDArray array : list) {
                    model.namedParameters().get(array.getName()).getArray().set(FloatBuffer.wrap(array.toFloatArray()));
                }
            }
        }
    }
}

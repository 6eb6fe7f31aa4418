package kcwb.training.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads optim/optim_fixture.json (made by make_fixture.py from torch + transformers). */
final class OptimizerFixture {
    final JsonNode root;

    private OptimizerFixture(JsonNode root) {
        this.root = root;
    }

    static OptimizerFixture load() {
        try (InputStream in = OptimizerFixture.class.getResourceAsStream("/fixtures/optim/optim_fixture.json")) {
            return new OptimizerFixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode config() {
        return root.get("config");
    }

    Map<String, float[]> initial() {
        Map<String, float[]> values = new LinkedHashMap<>();
        root.get("initial").properties().forEach(e -> values.put(e.getKey(), floats(e.getValue().get("data"))));
        return values;
    }

    Map<String, float[]> finalValues() {
        Map<String, float[]> values = new LinkedHashMap<>();
        root.get("final").properties().forEach(e -> values.put(e.getKey(), floats(e.getValue())));
        return values;
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    static long[] flatLongs(JsonNode matrix) {
        int rows = matrix.size();
        int cols = matrix.get(0).size();
        long[] out = new long[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = matrix.get(r).get(c).asLong();
            }
        }
        return out;
    }
}

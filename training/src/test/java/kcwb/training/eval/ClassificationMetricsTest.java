package kcwb.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Metrics against fixtures/metrics/make_fixture.py (textbook formulas, sklearn's definitions). */
class ClassificationMetricsTest {
    private static final double EPS = 1e-12;

    private static JsonNode fixture() throws Exception {
        try (InputStream in = ClassificationMetricsTest.class.getResourceAsStream("/fixtures/metrics/metrics_fixture.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void singleLabelMatchesReference() throws Exception {
        JsonNode s = fixture().get("single");
        int[] gold = ints(s.get("gold"));
        int[] pred = ints(s.get("pred"));
        List<String> labels = List.of("a", "b", "c", "d");
        Evaluation e = ClassificationMetrics.singleLabel(gold, pred, labels, 0.25);
        assertEquals(s.get("accuracy").asDouble(), e.accuracy(), EPS);
        assertEquals(s.get("macro_f1").asDouble(), e.macroF1(), EPS);
        assertEquals(s.get("micro_f1").asDouble(), e.microF1(), EPS);
        assertEquals(0.25, e.loss());
        for (int c = 0; c < labels.size(); c++) {
            assertScores(s.get("per_class").get(c), e.perClass().get(c));
            assertArrayEquals(longs(s.get("confusion").get(c)), e.confusion()[c]);
        }
    }

    @Test
    void multiLabelMatchesReference() throws Exception {
        JsonNode m = fixture().get("multi");
        boolean[][] gold = bools(m.get("gold"));
        boolean[][] pred = bools(m.get("pred"));
        List<String> labels = List.of("l0", "l1", "l2", "l3", "l4");
        Evaluation e = ClassificationMetrics.multiLabel(gold, pred, labels, 0.5);
        assertEquals(m.get("accuracy").asDouble(), e.accuracy(), EPS);
        assertEquals(m.get("subset_accuracy").asDouble(), e.subsetAccuracy(), EPS);
        assertEquals(m.get("macro_f1").asDouble(), e.macroF1(), EPS);
        assertEquals(m.get("micro_f1").asDouble(), e.microF1(), EPS);
        for (int l = 0; l < labels.size(); l++) {
            assertScores(m.get("per_label").get(l), e.perClass().get(l));
        }
    }

    @Test
    void perfectPredictionsScoreOne() {
        int[] gold = {0, 1, 2, 1};
        Evaluation e = ClassificationMetrics.singleLabel(gold, gold.clone(), List.of("x", "y", "z"), 0);
        assertEquals(1.0, e.accuracy());
        assertEquals(1.0, e.macroF1());
        assertEquals(1.0, e.microF1());
        assertEquals(2, e.confusion()[1][1]);
    }

    @Test
    void aClassNeverPredictedNorPresentScoresZeroNotNaN() {
        Evaluation e = ClassificationMetrics.singleLabel(new int[] {0, 1}, new int[] {0, 0}, List.of("x", "y", "z"), 0);
        assertEquals(0.0, e.perClass().get(2).f1());
        assertEquals(0.0, e.perClass().get(1).precision());
        assertEquals((2.0 / 3 + 0 + 0) / 3, e.macroF1(), EPS, "x: P=1/2 R=1 → F1 2/3; y and z: 0");
    }

    private static void assertScores(JsonNode expected, ClassScores actual) {
        assertEquals(expected.get("precision").asDouble(), actual.precision(), EPS);
        assertEquals(expected.get("recall").asDouble(), actual.recall(), EPS);
        assertEquals(expected.get("f1").asDouble(), actual.f1(), EPS);
        assertEquals(expected.get("support").asLong(), actual.support());
    }

    private static int[] ints(JsonNode a) {
        return IntStream.range(0, a.size()).map(i -> a.get(i).asInt()).toArray();
    }

    private static long[] longs(JsonNode a) {
        return IntStream.range(0, a.size()).mapToLong(i -> a.get(i).asLong()).toArray();
    }

    private static boolean[][] bools(JsonNode a) {
        boolean[][] out = new boolean[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new boolean[a.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = a.get(i).get(j).asBoolean();
            }
        }
        return out;
    }
}

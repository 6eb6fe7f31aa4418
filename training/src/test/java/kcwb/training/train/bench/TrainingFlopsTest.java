package kcwb.training.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kcwb.training.model.ElectraConfig;
import org.junit.jupiter.api.Test;

class TrainingFlopsTest {
    private static final ElectraConfig SMALL = ElectraConfig.small().withVocabSize(54343)
            .withLabels(List.of("none", "offensive", "hate"), ElectraConfig.SINGLE_LABEL);

    /** Forward FLOPs counted matmul by matmul (2·m·n·k each), times 3 for forward + backward. */
    private static double enumerated(ElectraConfig c, int l) {
        long h = c.hiddenSize();
        long i = c.intermediateSize();
        double forward = 0;
        for (int layer = 0; layer < c.numHiddenLayers(); layer++) {
            forward += 4 * 2.0 * l * h * h;           // query, key, value, attention output
            forward += 2 * 2.0 * l * h * i;           // intermediate and output dense
            forward += 2.0 * l * l * h;               // Q·Kᵀ over all heads
            forward += 2.0 * l * l * h;               // probs·V over all heads
        }
        forward += 2.0 * h * h + 2.0 * h * c.numLabels(); // classifier dense + out_proj on token 0
        return 3 * forward;
    }

    @Test
    void formulaEqualsTheMatmulsOfTheModel() {
        for (int l : new int[] {1, 7, 19, 64}) {
            assertEquals(enumerated(SMALL, l), TrainingFlops.perExample(SMALL, l), 1e-6 * enumerated(SMALL, l));
        }
        assertEquals(4 * (4L * 256 * 256 + 2L * 256 * 1024), TrainingFlops.encoderMatmulWeights(SMALL));
    }

    @Test
    void meanIsOverExamples() {
        double expected = (TrainingFlops.perExample(SMALL, 10) + TrainingFlops.perExample(SMALL, 30)) / 2;
        assertEquals(expected, TrainingFlops.meanPerExample(SMALL, new int[] {10, 30}), 1e-6 * expected);
        assertEquals(0, TrainingFlops.meanPerExample(SMALL, new int[0]));
    }
}

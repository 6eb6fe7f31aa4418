package kcwb.training.train;

import java.util.List;

/** Random access to the examples of one split; a workspace table or a file adapts to this. */
public interface ExampleSource {
    int size();

    LabeledExample get(int index);

    static ExampleSource of(List<LabeledExample> examples) {
        List<LabeledExample> copy = List.copyOf(examples);
        return new ExampleSource() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public LabeledExample get(int index) {
                return copy.get(index);
            }
        };
    }
}

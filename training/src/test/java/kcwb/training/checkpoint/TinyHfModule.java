package kcwb.training.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import kcwb.training.model.HfModule;

/** A hand-made HfModule for loader tests: dense 4->3, LayerNorm(3), optional head 3->2, HF-style keys. */
final class TinyHfModule extends SequentialBlock implements HfModule {
    private final SequencedMap<String, Parameter> named = new LinkedHashMap<>();

    TinyHfModule(NDManager manager, String basePrefix, boolean withHead) {
        Linear dense = Linear.builder().setUnits(3).build();
        LayerNorm norm = LayerNorm.builder().axis(1).build();
        add(dense).add(norm);
        Linear head = Linear.builder().setUnits(2).build();
        if (withHead) {
            add(head);
        }
        initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        String p = basePrefix.isEmpty() ? "" : basePrefix + ".";
        named.put(p + "encoder.dense.weight", dense.getParameters().get("weight"));
        named.put(p + "encoder.dense.bias", dense.getParameters().get("bias"));
        named.put(p + "encoder.LayerNorm.weight", norm.getParameters().get("gamma"));
        named.put(p + "encoder.LayerNorm.bias", norm.getParameters().get("beta"));
        if (withHead) {
            named.put("classifier.out_proj.weight", head.getParameters().get("weight"));
            named.put("classifier.out_proj.bias", head.getParameters().get("bias"));
        }
    }

    @Override
    public SequencedMap<String, Parameter> namedParameters() {
        return named;
    }
}

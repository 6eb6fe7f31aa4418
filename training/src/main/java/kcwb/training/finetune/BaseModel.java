package kcwb.training.finetune;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.checkpoint.HostTensor;
import kcwb.training.checkpoint.LoadReport;
import kcwb.training.checkpoint.StateDict;
import kcwb.training.checkpoint.StateDictLoader;
import kcwb.training.model.ElectraConfig;
import kcwb.training.model.ElectraForSequenceClassification;
import kcwb.training.provenance.BaseModelProvenance;
import kcwb.training.provenance.DatasetHash;

/**
 * Where training starts: a local HF folder (its encoder weights; the classification head too when its labels
 * equal ours, else a new head, reported like transformers' "newly initialized" warning), or a from-scratch
 * preset sized to the tokenizer's vocabulary.
 *
 * @param folder the HF folder, or null for a preset
 * @param preset tiny, small or base, or null for a folder
 */
public record BaseModel(Path folder, String preset) {
    public BaseModel {
        if ((folder == null) == (preset == null)) {
            throw new IllegalArgumentException("give either a base model folder or a from-scratch preset");
        }
    }

    public static BaseModel folder(Path dir) {
        return new BaseModel(dir, null);
    }

    public static BaseModel fromScratch(String preset) {
        ElectraConfig.preset(preset); // fails early on an unknown name
        return new BaseModel(null, preset);
    }

    /** A model ready to train, with what was loaded and what was initialised fresh. */
    public record Loaded(ElectraForSequenceClassification model, ElectraConfig config, LoadReport report,
            BaseModelProvenance provenance) {}

    /**
     * Builds the model on {@code manager}: weights drawn from {@code seed}, then the folder's weights copied in.
     *
     * @param vocabSize the tokenizer's vocabulary size: a preset is sized to it, a folder must match it
     */
    public Loaded load(List<String> labels, String problemType, int vocabSize, int padTokenId, NDManager manager,
            long seed) throws IOException {
        if (preset != null) {
            ElectraConfig p = ElectraConfig.preset(preset);
            ElectraConfig config = new ElectraConfig(vocabSize, p.embeddingSize(), p.hiddenSize(), p.numHiddenLayers(),
                    p.numAttentionHeads(), p.intermediateSize(), p.hiddenAct(), p.hiddenDropoutProb(),
                    p.attentionProbsDropoutProb(), p.maxPositionEmbeddings(), p.typeVocabSize(), p.layerNormEps(),
                    p.initializerRange(), padTokenId, p.classifierDropout(), labels, problemType);
            var model = ElectraForSequenceClassification.create(config, manager, seed);
            return new Loaded(model, config, null, BaseModelProvenance.fromScratch(preset));
        }
        HfFolder hf = HfFolder.open(folder);
        ElectraConfig saved;
        try {
            saved = ElectraConfig.fromJson(hf.readConfig());
        } catch (IllegalArgumentException e) {
            throw new IOException(hf.config() + ": " + e.getMessage(), e);
        }
        if (saved.vocabSize() < vocabSize) {
            throw new IOException(folder + ": the model's vocabulary has " + saved.vocabSize()
                    + " rows but the tokenizer has " + vocabSize + " tokens; use the tokenizer saved with the model");
        }
        boolean sameHead = saved.labels().equals(labels);
        ElectraConfig config = saved.withLabels(labels, problemType);
        var model = ElectraForSequenceClassification.create(config, manager, seed);
        StateDict weights = hf.readWeights();
        if (!sameHead) {
            weights = withoutHead(weights);
        }
        LoadReport report = StateDictLoader.load(model, weights, StateDictLoader.ELECTRA_PREFIX);
        String sha = hf.weightFiles().size() == 1 ? DatasetHash.sha256(hf.weightFiles().getFirst()) : "sharded";
        return new Loaded(model, config, report,
                new BaseModelProvenance(folder.toAbsolutePath().normalize().toString(), null, sha, report.newlyInitialized()));
    }

    /** The checkpoint minus its classification head: a head for other labels starts fresh. */
    private static StateDict withoutHead(StateDict weights) {
        var kept = new LinkedHashMap<String, HostTensor>();
        weights.tensors().forEach((key, tensor) -> {
            if (!key.startsWith("classifier.")) {
                kept.put(key, tensor);
            }
        });
        return new StateDict(kept, weights.metadata());
    }

    @Override
    public String toString() {
        return folder != null ? folder.toString() : "from-scratch:" + preset;
    }
}

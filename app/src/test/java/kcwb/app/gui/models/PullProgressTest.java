package kcwb.app.gui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kcwb.training.hub.RevisionManifest;
import org.junit.jupiter.api.Test;

class PullProgressTest {
    @Test
    void eachFileOfTheRevisionIsOneShareAndTheCurrentFileCountsWithItsFraction() {
        // v2022: config, vocab|tokenizer.json, tokenizer_config (opt), special_tokens_map (opt), bin|safetensors
        PullProgress progress = new PullProgress(RevisionManifest.forRevision("v2022"));
        assertEquals(0.0, progress.total());
        progress.ready("config.json");
        progress.ready("vocab.txt");
        assertEquals(2 / 5.0, progress.total(), 1e-9);
        progress.skipped("tokenizer_config.json"); // optional with a single candidate: done when skipped
        assertEquals(3 / 5.0, progress.total(), 1e-9);
        progress.ready("special_tokens_map.json");
        progress.started("pytorch_model.bin");
        progress.progress("pytorch_model.bin", 0.5);
        assertEquals(4.5 / 5, progress.total(), 1e-9);
        progress.ready("pytorch_model.bin");
        assertEquals(1.0, progress.total(), 1e-9);
    }

    @Test
    void aSkippedPreferredCandidateOfARequiredFileIsNotDone() {
        PullProgress progress = new PullProgress(RevisionManifest.forRevision("main"));
        progress.skipped("tokenizer.json"); // main prefers tokenizer.json, falls back to vocab.txt
        assertEquals(0.0, progress.total());
        progress.progress("vocab.txt", -1); // unknown size counts as nothing yet
        assertEquals(0.0, progress.total());
        progress.ready("vocab.txt");
        assertEquals(1 / 5.0, progress.total(), 1e-9);
    }
}

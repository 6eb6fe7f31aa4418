package kcwb.training.finetune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.checkpoint.HfFolder;
import kcwb.training.predict.PredictedLabel;
import kcwb.training.predict.TrainedModel;
import kcwb.training.provenance.ProvenanceJson;
import kcwb.training.provenance.RunProvenance;
import kcwb.training.train.TrainingConfig;
import kcwb.training.train.TrainingEvent;
import kcwb.training.train.TrainingStateStore;
import kcwb.training.train.TrainingSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tiny ELECTRA (from scratch, demo tokenizer, kcelectra cleaning) trained end to end on 60 comments. */
class FineTuneJobTest {
    @TempDir
    static Path shared;
    static Path tokenizer;
    static Path fullRun;
    static List<TrainingEvent> fullEvents;
    static TrainingSummary fullSummary;
    static float[][] fullLogits;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainOnce() throws IOException {
        fullEvents = new ArrayList<>(); // a rerun of a failed test runs this again: start from no events
        tokenizer = DemoModel.extractTo(shared.resolve("demo"));
        fullRun = shared.resolve("full");
        try (var job = FineTuneJob.prepare(FineTuneData.request(tokenizer, fullRun, FineTuneData.config(6)))) {
            fullSummary = job.run(List.of(fullEvents::add));
            fullLogits = job.logits(FineTuneData.devTexts());
        }
    }

    @Test
    void lossDecreasesAndTheRunEndsWithCheckpointsAndCompleteProvenance() throws IOException {
        List<Double> losses = losses(fullEvents);
        System.out.printf("tiny ELECTRA on 60 comments: %d steps, loss %.4f -> %.4f, %.1f samples/s%n", losses.size(),
                losses.getFirst(), losses.getLast(), fullSummary.samplesPerSecond());
        // one epoch is 6 steps: compare the mean loss of the first and the last epoch
        double first = losses.subList(0, 6).stream().mapToDouble(d -> d).average().orElseThrow();
        double last = losses.subList(losses.size() - 6, losses.size()).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(last < first - 0.05, "loss did not decrease: " + losses);
        assertEquals(TrainingSummary.StopReason.COMPLETED, fullSummary.reason());
        assertInstanceOf(TrainingEvent.Started.class, fullEvents.getFirst());
        assertInstanceOf(TrainingEvent.Finished.class, fullEvents.getLast());

        RunProvenance provenance = ProvenanceJson.read(fullRun);
        assertEquals("kcelectra", provenance.cleaning().recipeId());
        assertEquals("from-scratch:tiny", provenance.baseModel().weightsSha256());
        assertEquals(64, provenance.dataset().sha256().length());
        assertEquals(45, provenance.dataset().rowsPerSplit().get("train"));
        assertNotNull(provenance.outcome(), "provenance completed at the end");
        assertEquals(fullSummary.steps(), provenance.outcome().steps());
        assertEquals(fullSummary.bestCheckpoint().getFileName().toString(), provenance.outcome().bestCheckpoint());
    }

    @Test
    void everyCheckpointIsAnHfFolderThatReloadsToTheSameLogits() throws IOException {
        Path last = fullSummary.lastCheckpoint();
        HfFolder folder = HfFolder.open(last);
        JsonNode config = folder.readConfig();
        assertEquals("praise", config.get("id2label").get("0").asText());
        assertEquals(2, config.get("label2id").get("neutral").asInt());
        assertEquals("single_label_classification", config.get("problem_type").asText());
        assertTrue(Files.isRegularFile(last.resolve("vocab.txt")));
        assertTrue(Files.isRegularFile(last.resolve(HfCheckpointIo.METRICS_FILE)));
        assertNotNull(HfCheckpointIo.readMetrics(last), "epoch-end checkpoints carry their evaluation");
        assertNotNull(ProvenanceJson.read(last).outcome(), "the final checkpoint holds the completed provenance");
        try (TrainedModel reloaded = TrainedModel.open(last)) {
            float[][] logits = reloaded.logits(FineTuneData.devTexts());
            for (int i = 0; i < logits.length; i++) {
                assertArrayEquals(fullLogits[i], logits[i], 1e-5f, "dev text " + i);
            }
            for (PredictedLabel p : reloaded.predict(FineTuneData.devTexts())) {
                assertEquals(1.0, java.util.Arrays.stream(p.probabilities()).sum(), 1e-6);
                assertTrue(FineTuneData.LABELS.contains(p.label()));
                assertTrue(p.margin() >= 0 && p.margin() <= 1 && p.entropy() >= 0 && p.entropy() <= Math.log(3) + 1e-9);
            }
            assertEquals(15, reloaded.evaluate(FineTuneData.DEV).examples());
        }
    }

    @Test
    void resumingAfterEpochOneReproducesTheUninterruptedLosses() throws IOException {
        long epochOneStep = fullEvents.stream().filter(e -> e instanceof TrainingEvent.Eval ev && ev.epoch() == 1.0)
                .map(e -> ((TrainingEvent.Eval) e).step()).findFirst().orElseThrow();
        Path checkpoint = fullRun.resolve("checkpoint-" + epochOneStep);
        assertTrue(TrainingStateStore.isResumable(checkpoint));
        List<TrainingEvent> resumed = new ArrayList<>();
        try (var job = FineTuneJob.prepare(FineTuneData.request(tokenizer, tmp.resolve("resumed"), FineTuneData.config(6)))) {
            job.resume(checkpoint, List.of(resumed::add));
            float[][] logits = job.logits(FineTuneData.devTexts());
            for (int i = 0; i < logits.length; i++) {
                assertArrayEquals(fullLogits[i], logits[i], 1e-5f, "dev text " + i);
            }
        }
        List<Double> expected = losses(fullEvents).subList((int) epochOneStep, losses(fullEvents).size());
        List<Double> actual = losses(resumed);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-5, "loss at step " + (epochOneStep + i + 1));
        }
    }

    @Test
    void cancelLeavesAResumableCheckpointThatFinishesTheRun() throws IOException {
        Path run = tmp.resolve("cancelled");
        List<TrainingEvent> events = new ArrayList<>();
        try (var job = FineTuneJob.prepare(FineTuneData.request(tokenizer, run, FineTuneData.config(2)))) {
            TrainingSummary summary = job.run(List.of(events::add, e -> {
                if (e instanceof TrainingEvent.Step s && s.step() == 3) {
                    job.cancel();
                }
            }));
            assertEquals(TrainingSummary.StopReason.CANCELLED, summary.reason());
            assertEquals(3, summary.steps(), "stops within one step of the request");
        }
        var cancelled = (TrainingEvent.Cancelled) events.getLast();
        assertTrue(TrainingStateStore.isResumable(cancelled.checkpoint()));
        try (var job = FineTuneJob.prepare(FineTuneData.request(tokenizer, run, FineTuneData.config(2)))) {
            TrainingSummary summary = job.resume(cancelled.checkpoint(), List.of());
            assertEquals(TrainingSummary.StopReason.COMPLETED, summary.reason());
        }
    }

    @Test
    void resumingWithTheCheckpointsOwnTokenizerSurvivesThatCheckpointBeingPruned() throws IOException {
        // The CLI resumes with the checkpoint as tokenizer folder; keeping only one best checkpoint prunes it mid-run.
        TrainingConfig keepOne = TrainingConfig.builder().optLearningRate(5e-3).optEpochs(2).optBatchSize(8)
                .optEvalBatchSize(32).optMaxLength(32).optLoggingSteps(1).optKeepBestCheckpoints(1)
                .optMetricForBest("macro_f1", true).optSeed(11).build();
        Path run = tmp.resolve("pruned");
        List<TrainingEvent> events = new ArrayList<>();
        try (var job = FineTuneJob.prepare(FineTuneData.request(tokenizer, run, keepOne))) {
            job.run(List.of(events::add, e -> {
                if (e instanceof TrainingEvent.Step s && s.step() == 2) {
                    job.cancel();
                }
            }));
        }
        Path cancelled = ((TrainingEvent.Cancelled) events.getLast()).checkpoint();
        try (var job = FineTuneJob.prepare(FineTuneData.request(cancelled, run, keepOne))) {
            assertEquals(TrainingSummary.StopReason.COMPLETED, job.resume(cancelled, List.of()).reason());
        }
        assertFalse(Files.exists(cancelled.resolve("vocab.txt")), "the resumed-from checkpoint was pruned");
        try (var checkpoints = Files.list(run)) {
            List<Path> kept = checkpoints.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).toList();
            assertTrue(kept.size() >= 1, kept.toString());
            kept.forEach(dir -> assertTrue(Files.isRegularFile(dir.resolve("vocab.txt")), dir + " has the tokenizer"));
        }
    }

    @Test
    void aRunReplayedFromItsProvenanceGivesTheSameLogits() throws IOException {
        RunProvenance recorded = ProvenanceJson.read(fullRun);
        var request = new FineTuneRequest(BaseModel.fromScratch(recorded.baseModel().preset()), tokenizer,
                recorded.cleaning().recipeId(), recorded.dataset().labels(), FineTuneData.request(tokenizer, fullRun,
                recorded.config()).problemType(), FineTuneData.TRAIN, FineTuneData.DEV, recorded.dataset().source(),
                recorded.dataset().splitSeed(), recorded.config(), tmp.resolve("replay"), "test", null);
        try (var job = FineTuneJob.prepare(request)) {
            assertEquals(recorded.dataset().sha256(), job.provenance().dataset().sha256());
            assertEquals(recorded.tokenizer().vocabSha256(), job.provenance().tokenizer().vocabSha256());
            job.run(List.of());
            float[][] logits = job.logits(FineTuneData.devTexts());
            for (int i = 0; i < logits.length; i++) {
                assertArrayEquals(fullLogits[i], logits[i], 1e-5f, "dev text " + i);
            }
        }
    }

    static List<Double> losses(List<TrainingEvent> events) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step).map(e -> ((TrainingEvent.Step) e).loss()).toList();
    }
}

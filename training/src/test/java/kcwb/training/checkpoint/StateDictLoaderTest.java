package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateDictLoaderTest {
    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void loadsAFullCheckpointValueForValue() throws CheckpointException {
        TinyHfModule model = new TinyHfModule(manager, "electra", true);
        StateDict sd = stateDict("electra.", true, "weight", "bias");
        LoadReport report = StateDictLoader.load(model, sd, "electra");
        assertEquals(6, report.loadedCount());
        assertTrue(report.newlyInitialized().isEmpty() && report.unexpected().isEmpty(), report.summary());
        for (var entry : model.namedParameters().entrySet()) {
            assertArrayEquals(sd.get(entry.getKey()).toFloatArray(), entry.getValue().getArray().toFloatArray(), entry.getKey());
        }
    }

    /**
     * DJL turns torch's (thread-local) grad mode off only on the thread that loaded the engine; on any other thread
     * (a GUI worker) a copy into a parameter that records gradients is "a leaf Variable ... in-place operation".
     */
    @Test
    void loadsOnAThreadWhereTorchRecordsGradients() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (NDManager own = NDManager.newBaseManager()) {
                TinyHfModule model = new TinyHfModule(own, "electra", true);
                StateDict sd = stateDict("electra.", true, "weight", "bias");
                StateDictLoader.load(model, sd, "electra");
                for (var entry : model.namedParameters().entrySet()) {
                    assertArrayEquals(sd.get(entry.getKey()).toFloatArray(), entry.getValue().getArray().toFloatArray());
                    assertTrue(entry.getValue().getArray().hasGradient(), entry.getKey() + " still records gradients");
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw new AssertionError("loading on a second thread failed: " + failure.get(), failure.get());
        }
    }

    @Test
    void encoderCheckpointWithoutPrefixAndLegacyNamesLeavesTheHeadNewlyInitialised() throws CheckpointException {
        TinyHfModule model = new TinyHfModule(manager, "electra", true);
        float[] headBefore = model.namedParameters().get("classifier.out_proj.weight").getArray().toFloatArray();
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>(stateDict("", false, "gamma", "beta").tensors());
        tensors.put("discriminator_predictions.dense.weight", tensor("discriminator_predictions.dense.weight", 3, 3));
        LoadReport report = StateDictLoader.load(model, StateDict.of(tensors), "electra");
        assertEquals(4, report.loadedCount());
        assertEquals(List.of("classifier.out_proj.weight", "classifier.out_proj.bias"), report.newlyInitialized());
        assertEquals(List.of("discriminator_predictions.dense.weight"), report.unexpected());
        assertArrayEquals(tensors.get("encoder.LayerNorm.gamma").toFloatArray(),
                model.namedParameters().get("electra.encoder.LayerNorm.weight").getArray().toFloatArray());
        assertArrayEquals(headBefore, model.namedParameters().get("classifier.out_proj.weight").getArray().toFloatArray());
        assertTrue(report.summary().contains("newly initialized (not in the checkpoint; train them): classifier.out_proj.weight"));
    }

    @Test
    void baseModelStripsThePrefixAndIgnoresTheHead() throws CheckpointException {
        TinyHfModule model = new TinyHfModule(manager, "", false);
        LoadReport report = StateDictLoader.load(model, stateDict("electra.", true, "weight", "bias"), "electra");
        assertEquals(4, report.loadedCount());
        assertEquals(List.of("classifier.out_proj.weight", "classifier.out_proj.bias"), report.unexpected());
    }

    @Test
    void shapeMismatchIsRefusedBeforeAnyParameterChanges() {
        TinyHfModule model = new TinyHfModule(manager, "electra", true);
        float[] before = model.namedParameters().get("electra.encoder.dense.weight").getArray().toFloatArray();
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>(stateDict("electra.", true, "weight", "bias").tensors());
        tensors.put("classifier.out_proj.weight", tensor("classifier.out_proj.weight", 5, 3));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> StateDictLoader.load(model, StateDict.of(tensors), "electra"));
        assertTrue(e.getMessage().contains("classifier.out_proj.weight: checkpoint [5, 3], model [2, 3]"), e.getMessage());
        assertArrayEquals(before, model.namedParameters().get("electra.encoder.dense.weight").getArray().toFloatArray());
    }

    @Test
    void missingBaseModelKeyIsAnError() {
        TinyHfModule model = new TinyHfModule(manager, "electra", true);
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>(stateDict("electra.", true, "weight", "bias").tensors());
        tensors.remove("electra.encoder.dense.bias");
        LoadReport report = StateDictLoader.check(model, StateDict.of(tensors), "electra");
        assertEquals(List.of("electra.encoder.dense.bias"), report.missing());
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> StateDictLoader.load(model, StateDict.of(tensors), "electra"));
        assertTrue(e.getMessage().contains("MISSING from the checkpoint: electra.encoder.dense.bias"), e.getMessage());
    }

    @Test
    void loadsTensorsReadFromTheTorchFixture() throws Exception {
        TinyHfModule model = new TinyHfModule(manager, "", false);
        StateDict fixture = PytorchBinReader.read(CheckpointFixtures.path("tensors/pytorch_model.bin"));
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>(fixture.tensors());
        LoadReport report = StateDictLoader.check(model, StateDict.of(tensors), "electra");
        assertEquals(List.of("encoder.LayerNorm.weight", "encoder.LayerNorm.bias"), report.missing());
        tensors.put("encoder.LayerNorm.weight", tensor("encoder.LayerNorm.weight", 3));
        tensors.put("encoder.LayerNorm.bias", tensor("encoder.LayerNorm.bias", 3));
        StateDictLoader.load(model, StateDict.of(tensors), "electra");
        assertArrayEquals(fixture.get("encoder.dense.weight").toFloatArray(),
                model.namedParameters().get("encoder.dense.weight").getArray().toFloatArray());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {8, 20, 40})
    void copiesHeapTensorsThroughASmallStagingBufferBlockByBlock(int stagingBytes) throws CheckpointException {
        TinyHfModule model = new TinyHfModule(manager, "electra", true);
        StateDict sd = stateDict("electra.", true, "weight", "bias");
        StateDictLoader.load(model, sd, "electra", stagingBytes);
        for (var entry : model.namedParameters().entrySet()) {
            assertArrayEquals(sd.get(entry.getKey()).toFloatArray(), entry.getValue().getArray().toFloatArray(), entry.getKey());
        }
    }

    @Test
    void aModelWrittenAsAnHfFolderLoadsBackIntoAFreshModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        TinyHfModule trained = new TinyHfModule(manager, "electra", true);
        StateDictLoader.load(trained, stateDict("electra.", true, "weight", "bias"), "electra");
        java.nio.file.Path out = tmp.resolve("export");
        HfFolderWriter.write(out, trained, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("model_type", "electra"), null, null);
        TinyHfModule fresh = new TinyHfModule(manager, "electra", true);
        LoadReport report = StateDictLoader.load(fresh, HfFolder.open(out).readWeights(), "electra");
        assertEquals(6, report.loadedCount());
        for (var entry : trained.namedParameters().entrySet()) {
            assertArrayEquals(entry.getValue().getArray().toFloatArray(),
                    fresh.namedParameters().get(entry.getKey()).getArray().toFloatArray(), entry.getKey());
        }
        assertEquals(List.copyOf(trained.namedParameters().keySet()),
                List.copyOf(ModelWeights.snapshot(fresh).tensors().keySet()));
    }

    private static StateDict stateDict(String prefix, boolean withHead, String lnWeight, String lnBias) {
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        put(tensors, prefix + "encoder.dense.weight", 3, 4);
        put(tensors, prefix + "encoder.dense.bias", 3);
        put(tensors, prefix + "encoder.LayerNorm." + lnWeight, 3);
        put(tensors, prefix + "encoder.LayerNorm." + lnBias, 3);
        if (withHead) {
            put(tensors, "classifier.out_proj.weight", 2, 3);
            put(tensors, "classifier.out_proj.bias", 2);
        }
        return StateDict.of(tensors);
    }

    private static void put(SequencedMap<String, HostTensor> tensors, String name, long... shape) {
        tensors.put(name, tensor(name, shape));
    }

    /** Values distinct per tensor and element, so a mix-up shows. */
    static HostTensor tensor(String name, long... shape) {
        int count = (int) HostTensor.elementCount(shape);
        ByteBuffer data = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            data.putFloat(name.hashCode() % 1000 / 100f + i * 0.25f);
        }
        return new HostTensor(name, ElementType.F32, shape, data.flip());
    }
}

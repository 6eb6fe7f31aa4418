package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytorchBinReaderTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tensors/pytorch_model.bin", "tensors/torch1x_model.bin", "tensors/legacy_model.bin"})
    void readsTorch2AndTorch1ZipsAndTheLegacyFormatExactly(String fixture) throws IOException {
        StateDict sd = PytorchBinReader.read(CheckpointFixtures.path(fixture));
        CheckpointFixtures.assertMatchesExpected(sd);
    }

    @Test
    void tiedAndTransposedViewsShareTheirStorageValues() throws IOException {
        StateDict sd = PytorchBinReader.read(CheckpointFixtures.path("tensors/pytorch_model.bin"));
        float[] dense = sd.get("encoder.dense.weight").toFloatArray();
        assertArrayEquals(dense, sd.get("tied").toFloatArray());
        float[] transposed = sd.get("transposed").toFloatArray();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertTrue(dense[r * 4 + c] == transposed[c * 3 + r]);
            }
        }
    }

    @Test
    void storedStoragesAreMemoryMappedNotCopied() throws IOException {
        StateDict sd = PytorchBinReader.read(CheckpointFixtures.path("tensors/pytorch_model.bin"));
        assertTrue(sd.get("encoder.dense.weight").data().isDirect());
        assertTrue(sd.get("embeddings.position_ids").data().isDirect());
    }

    @Test
    void deflatedEntriesAreStreamedInstead() throws IOException {
        Path deflated = tmp.resolve("deflated.bin");
        try (var in = new java.util.zip.ZipFile(CheckpointFixtures.path("tensors/pytorch_model.bin").toFile());
                OutputStream out = Files.newOutputStream(deflated); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(zip);
                zip.closeEntry();
            }
        }
        StateDict sd = PytorchBinReader.read(deflated);
        CheckpointFixtures.assertMatchesExpected(sd);
        assertTrue(!sd.get("encoder.dense.weight").data().isDirect());
    }

    @Test
    void corruptedPicklesAndStoragesOnlyEverGiveCheckpointExceptions() throws IOException {
        java.util.Random random = new java.util.Random(42);
        Path original = CheckpointFixtures.path("tensors/pytorch_model.bin");
        for (int round = 0; round < 150; round++) {
            Path file = tmp.resolve("corrupt-" + round + ".bin");
            try (var in = new java.util.zip.ZipFile(original.toFile());
                    OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    byte[] bytes = in.getInputStream(entry).readAllBytes();
                    if (entry.getName().endsWith("data.pkl")) {
                        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                        }
                    }
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            try {
                PytorchBinReader.read(file);
            } catch (CheckpointException expected) {
                assertTrue(expected.getMessage().contains(file.toString()), expected.getMessage());
            }
        }
    }

    @Test
    void refusesTheMaliciousPickleNamingTheGlobal() {
        Path file = CheckpointFixtures.path("bad/malicious.bin");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PytorchBinReader.read(file));
        assertTrue(e.getMessage().contains("malicious.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("refused to load global 'posix.system'"), e.getMessage());
    }

    @Test
    void refusesBuiltinsEvalReachedThroughStackGlobal() throws IOException {
        // PROTO 4, SHORT_BINUNICODE 'builtins', SHORT_BINUNICODE 'eval', STACK_GLOBAL, ..., REDUCE, STOP
        byte[] pickle = HexFormat.of().parseHex("8004" + "8c086275696c74696e73" + "8c046576616c" + "93"
                + "8c0131" + "85" + "52" + "2e");
        Path file = zip("evil.bin", "evil/data.pkl", pickle);
        CheckpointException e = assertThrows(CheckpointException.class, () -> PytorchBinReader.read(file));
        assertTrue(e.getMessage().contains("refused to load global 'builtins.eval'"), e.getMessage());
    }

    @Test
    void truncatedZipIsAClearError() {
        Path file = CheckpointFixtures.path("bad/truncated.bin");
        CheckpointException e = assertThrows(CheckpointException.class, () -> PytorchBinReader.read(file));
        assertTrue(e.getMessage().contains("truncated.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedLegacyFileIsAClearError() throws IOException {
        byte[] legacy = Files.readAllBytes(CheckpointFixtures.path("tensors/legacy_model.bin"));
        for (int cut : new int[] {legacy.length - 5, legacy.length / 2, 40}) {
            Path file = Files.write(tmp.resolve("legacy-" + cut + ".bin"), java.util.Arrays.copyOf(legacy, cut));
            CheckpointException e = assertThrows(CheckpointException.class, () -> PytorchBinReader.read(file));
            assertTrue(e.getMessage().contains("legacy-" + cut + ".bin") && e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void garbageAndSafetensorsGivenAsBinAreClearErrors() throws IOException {
        Path garbage = Files.writeString(tmp.resolve("garbage.bin"), "hello");
        assertTrue(assertThrows(CheckpointException.class, () -> PytorchBinReader.read(garbage))
                .getMessage().contains("not a PyTorch checkpoint"));
        Path noPickle = zip("other.bin", "other/readme.txt", new byte[] {1});
        assertTrue(assertThrows(CheckpointException.class, () -> PytorchBinReader.read(noPickle))
                .getMessage().contains("no <folder>/data.pkl"));
    }

    private Path zip(String name, String entry, byte[] content) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}

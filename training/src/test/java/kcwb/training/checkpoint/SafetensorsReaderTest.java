package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsEveryTensorOfThePythonFileExactlyWithHalvesWidened() throws IOException {
        StateDict sd = SafetensorsReader.read(CheckpointFixtures.path("tensors/model.safetensors"));
        CheckpointFixtures.assertMatchesExpected(sd);
        assertEquals(Map.of("format", "pt"), sd.metadata());
    }

    @Test
    void truncatedDataSectionNamesFileAndTensor() {
        Path file = CheckpointFixtures.path("bad/truncated.safetensors");
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsReader.read(file));
        assertTrue(e.getMessage().contains("truncated.safetensors"), e.getMessage());
        assertTrue(e.getMessage().contains("tensor '") && e.getMessage().contains("outside the data section"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsAClearError() {
        Path file = CheckpointFixtures.path("bad/truncated_header.safetensors");
        CheckpointException e = assertThrows(CheckpointException.class, () -> SafetensorsReader.read(file));
        assertTrue(e.getMessage().contains("header length"), e.getMessage());
    }

    @Test
    void garbageAndEmptyFilesAreClearErrors() throws IOException {
        Path garbage = Files.write(tmp.resolve("garbage.safetensors"), "this is not a checkpoint at all".getBytes());
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(garbage))
                .getMessage().contains("garbage.safetensors"));
        Path empty = Files.write(tmp.resolve("empty.safetensors"), new byte[0]);
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(empty))
                .getMessage().contains("shorter than the 8-byte header"));
        Path notJson = write("notjson.safetensors", "{\"a\": [1,", new byte[8]);
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(notJson))
                .getMessage().contains("not valid JSON"));
    }

    @Test
    void headerContradictionsAreRefused() throws IOException {
        Path wrongSize = write("size.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(wrongSize))
                .getMessage().contains("tensor 'w': shape [3] of F32 needs 12 bytes but data_offsets span 8"));
        Path overlap = write("overlap.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]);
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(overlap))
                .getMessage().contains("overlap"));
        Path dtype = write("dtype.safetensors", "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]);
        assertTrue(assertThrows(CheckpointException.class, () -> SafetensorsReader.read(dtype))
                .getMessage().contains("unsupported dtype 'F8_E4M3'"));
    }

    @Test
    void corruptedFilesOnlyEverGiveCheckpointExceptions() throws IOException {
        byte[] original = Files.readAllBytes(CheckpointFixtures.path("tensors/model.safetensors"));
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = original.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(Math.min(bytes.length, 400))] = (byte) random.nextInt(256); // length + header
            }
            Path file = Files.write(tmp.resolve("corrupt-" + round + ".safetensors"), bytes);
            try {
                SafetensorsReader.read(file);
            } catch (CheckpointException expected) {
                assertTrue(expected.getMessage().contains(file.toString()), expected.getMessage());
            }
        }
    }

    private Path write(String name, String header, byte[] data) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(json.length).put(json).put(data);
        return Files.write(tmp.resolve(name), buffer.array());
    }
}

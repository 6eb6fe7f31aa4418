package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheSameBytesAsTheRustImplementation() throws IOException {
        StateDict sd = SafetensorsReader.read(CheckpointFixtures.path("tensors/model.safetensors"));
        Path written = tmp.resolve("java.safetensors");
        SafetensorsWriter.write(written, sd);
        assertArrayEquals(Files.readAllBytes(CheckpointFixtures.path("tensors/python_written_f32.safetensors")),
                Files.readAllBytes(written));
    }

    @Test
    void readsBackWhatItWroteWithFormatPtAndAnAlignedHeader() throws IOException {
        StateDict sd = PytorchBinReader.read(CheckpointFixtures.path("tensors/pytorch_model.bin"));
        Path written = tmp.resolve("roundtrip.safetensors");
        SafetensorsWriter.write(written, new StateDict(sd.tensors(), Map.of("origin", "kcwb")));
        StateDict back = SafetensorsReader.read(written);
        CheckpointFixtures.assertMatchesExpected(back);
        assertEquals(Map.of("format", "pt", "origin", "kcwb"), back.metadata());
        long headerLength = java.nio.ByteBuffer.wrap(Files.readAllBytes(written), 0, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
    }
}

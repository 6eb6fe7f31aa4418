package kcwb.training.checkpoint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Reads a {@code .safetensors} file: 8-byte little-endian header length, a JSON header
 * ({@code name -> {dtype, shape, data_offsets}} plus optional {@code __metadata__}), then raw bytes.
 * Everything is validated before a tensor is returned. F32 and integer tensors are zero-copy views of
 * a memory-mapped file; F16/BF16 are widened to F32 (one copy of those tensors only).
 */
public final class SafetensorsReader {
    /** The Rust implementation refuses headers over 100 MB; so do we, before allocating anything. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {}

    private record Entry(String name, ElementType type, long[] shape, long begin, long end) {}

    public static StateDict read(Path file) throws CheckpointException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            JsonNode header = readHeader(file, channel, fileSize);
            long dataStart = 8 + headerLength(channel);
            long dataSize = fileSize - dataStart;
            List<Entry> entries = parseEntries(file, header, dataSize);
            SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
            for (Entry entry : entries) {
                tensors.put(entry.name(), load(file, channel, dataStart, entry));
            }
            return new StateDict(tensors, metadata(file, header));
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw CheckpointException.inFile(file, "cannot read safetensors file: " + e);
        }
    }

    private static long headerLength(FileChannel channel) throws IOException {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.read(length, 0);
        return length.flip().getLong();
    }

    private static JsonNode readHeader(Path file, FileChannel channel, long fileSize) throws IOException {
        if (fileSize < 8) {
            throw CheckpointException.inFile(file, "not a safetensors file: " + fileSize
                    + " bytes, shorter than the 8-byte header length (truncated?)");
        }
        long headerLength = headerLength(channel);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
            throw CheckpointException.inFile(file, "not a safetensors file or truncated: header length "
                    + Long.toUnsignedString(headerLength) + " does not fit the file size " + fileSize);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) headerLength);
        while (bytes.hasRemaining() && channel.read(bytes, 8 + bytes.position()) > 0) {
            // read until full
        }
        try {
            JsonNode header = JSON.readTree(bytes.array());
            if (header == null || !header.isObject()) {
                throw CheckpointException.inFile(file, "safetensors header is not a JSON object");
            }
            return header;
        } catch (JacksonException e) {
            throw CheckpointException.inFile(file, "safetensors header is not valid JSON (wrong format or corrupt): "
                    + e.getOriginalMessage());
        }
    }

    private static List<Entry> parseEntries(Path file, JsonNode header, long dataSize) throws CheckpointException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (!field.getKey().equals("__metadata__")) {
                entries.add(parseEntry(file, field.getKey(), field.getValue(), dataSize));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry previous = byOffset.get(i - 1);
            Entry current = byOffset.get(i);
            if (current.begin() < previous.end()) {
                throw CheckpointException.inTensor(file, current.name(), "data_offsets overlap tensor '"
                        + previous.name() + "' (corrupt header)");
            }
        }
        return entries;
    }

    private static Entry parseEntry(Path file, String name, JsonNode node, long dataSize) throws CheckpointException {
        String dtype = node.path("dtype").asText("");
        ElementType type = ElementType.fromSafetensorsName(dtype).orElseThrow(() -> CheckpointException.inTensor(
                file, name, "unsupported dtype '" + dtype + "' (supported: F32, F16, BF16, F64, I64, I32, I16, I8, U8, BOOL)"));
        JsonNode shapeNode = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw CheckpointException.inTensor(file, name, "header entry needs 'shape' (array) and 'data_offsets' [begin, end]");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!shapeNode.get(i).canConvertToExactIntegral() || shapeNode.get(i).asLong() < 0) {
                throw CheckpointException.inTensor(file, name, "bad dimension " + shapeNode.get(i) + " in shape " + shapeNode);
            }
            shape[i] = shapeNode.get(i).asLong();
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataSize) {
            throw CheckpointException.inTensor(file, name, "data_offsets [" + offsets.get(0) + ", " + offsets.get(1)
                    + "] outside the data section of " + dataSize + " bytes (truncated file?)");
        }
        long expected;
        try {
            expected = Math.multiplyExact(HostTensor.elementCount(shape), type.byteSize());
        } catch (ArithmeticException e) {
            throw CheckpointException.inTensor(file, name, "shape " + shapeNode + " is too large");
        }
        if (expected != end - begin) {
            throw CheckpointException.inTensor(file, name, "shape " + shapeNode + " of " + type + " needs " + expected
                    + " bytes but data_offsets span " + (end - begin));
        }
        if (expected > Integer.MAX_VALUE - 8) {
            throw CheckpointException.inTensor(file, name, "tensors over 2 GB are not supported");
        }
        return new Entry(name, type, shape, begin, end);
    }

    private static HostTensor load(Path file, FileChannel channel, long dataStart, Entry entry) throws IOException {
        long length = entry.end() - entry.begin();
        // Empty tensors get no mapping (mapping zero bytes at the end of a file is allowed but pointless).
        ByteBuffer bytes = length == 0 ? ByteBuffer.allocate(0)
                : mapReadOnly(channel, dataStart + entry.begin(), length);
        if (entry.type().isHalfPrecision()) {
            ByteBuffer widened = HalfFloats.widenToFloat32(bytes, entry.type(), (int) (length / 2));
            return new HostTensor(entry.name(), ElementType.F32, entry.shape(), widened);
        }
        return new HostTensor(entry.name(), entry.type(), entry.shape(), bytes);
    }

    private static MappedByteBuffer mapReadOnly(FileChannel channel, long position, long length) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, position, length);
    }

    private static Map<String, String> metadata(Path file, JsonNode header) throws CheckpointException {
        JsonNode node = header.get("__metadata__");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw CheckpointException.inFile(file, "__metadata__ must be a JSON object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }
}

package kcwb.training.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .safetensors} file the way the Rust implementation does, byte for byte: tensors
 * ordered by descending dtype rank then name, compact JSON header with {@code __metadata__} first,
 * header padded with spaces to a multiple of 8. Transformers refuses files whose metadata lacks
 * {@code "format": "pt"}; {@link #write(Path, StateDict)} adds it.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {}

    /** Writes {@code weights} with its metadata plus {@code format=pt}. */
    public static void write(Path file, StateDict weights) throws IOException {
        List<HostTensor> ordered = new ArrayList<>(weights.tensors().values());
        ordered.sort(Comparator.comparingInt((HostTensor t) -> -t.type().safetensorsRank()).thenComparing(HostTensor::name));
        byte[] header = header(ordered, weights.metadata());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
                WritableByteChannel channel = Channels.newChannel(out)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
            channel.write(length);
            channel.write(ByteBuffer.wrap(header));
            for (HostTensor tensor : ordered) {
                ByteBuffer data = tensor.data();
                while (data.hasRemaining()) {
                    channel.write(data);
                }
            }
        }
    }

    private static byte[] header(List<HostTensor> ordered, Map<String, String> metadata) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode meta = root.putObject("__metadata__");
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> meta.put(e.getKey(), e.getValue()));
        meta.put("format", "pt");
        long offset = 0;
        for (HostTensor tensor : ordered) {
            if (tensor.type().isHalfPrecision()) {
                throw new IllegalArgumentException("tensor '" + tensor.name() + "' is " + tensor.type()
                        + "; host tensors are F32 after reading");
            }
            ObjectNode entry = root.putObject(tensor.name());
            entry.put("dtype", tensor.type().name());
            ArrayNode shape = entry.putArray("shape");
            for (long dim : tensor.shape()) {
                shape.add(dim);
            }
            ArrayNode offsets = entry.putArray("data_offsets");
            offsets.add(offset);
            offset += tensor.byteSize();
            offsets.add(offset);
        }
        byte[] json = JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        System.arraycopy(json, 0, header, 0, json.length);
        java.util.Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }
}

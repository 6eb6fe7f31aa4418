package kcwb.training.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The committed fixtures made by fixtures/checkpoint/make_fixture.py, and the exact comparison against expected.json. */
final class CheckpointFixtures {
    private CheckpointFixtures() {}

    static Path path(String relative) {
        try {
            return Path.of(CheckpointFixtures.class.getResource("/fixtures/checkpoint/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + relative, e);
        }
    }

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(path("tensors/expected.json").toFile());
    }

    /** Every tensor of expected.json is present with the same type, shape and bit-identical values. */
    static void assertMatchesExpected(StateDict actual) throws IOException {
        JsonNode expected = expected();
        assertEquals(expected.size(), actual.size(), "tensor count");
        for (Map.Entry<String, JsonNode> entry : expected.properties()) {
            String name = entry.getKey();
            JsonNode want = entry.getValue();
            HostTensor tensor = actual.get(name);
            assertEquals(want.get("dtype").asText(), tensor.type().name(), name + " dtype");
            assertArrayEquals(longs(want.get("shape")), tensor.shape(), name + " shape");
            ByteBuffer data = tensor.data();
            long[] values = switch (tensor.type()) {
                case F32 -> { long[] v = new long[(int) tensor.elementCount()]; for (int i = 0; i < v.length; i++) v[i] = Integer.toUnsignedLong(data.getInt()); yield v; }
                case F64, I64 -> { long[] v = new long[(int) tensor.elementCount()]; for (int i = 0; i < v.length; i++) v[i] = data.getLong(); yield v; }
                case I32 -> { long[] v = new long[(int) tensor.elementCount()]; for (int i = 0; i < v.length; i++) v[i] = data.getInt(); yield v; }
                case I8, BOOL -> { long[] v = new long[(int) tensor.elementCount()]; for (int i = 0; i < v.length; i++) v[i] = data.get(); yield v; }
                case U8 -> { long[] v = new long[(int) tensor.elementCount()]; for (int i = 0; i < v.length; i++) v[i] = Byte.toUnsignedInt(data.get()); yield v; }
                default -> throw new AssertionError("unexpected type " + tensor.type());
            };
            JsonNode wantValues = want.has("bits") ? want.get("bits") : want.get("values");
            assertArrayEquals(longs(wantValues), values, name + " values");
        }
    }

    static long[] longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
    }
}

package kcwb.training.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import kcwb.training.checkpoint.AllowListUnpickler.StorageType;
import kcwb.training.checkpoint.AllowListUnpickler.TensorRef;
import net.razorvine.pickle.PickleException;

/**
 * The torch &lt; 1.6 format (still written with {@code _use_new_zipfile_serialization=False}): five
 * pickles in a row (magic number, protocol 1001, sys info, the state dict, the storage keys), then
 * each storage as an int64 element count and its raw bytes. The whole file is memory-mapped; the
 * state dict goes through the same allow-listed unpickler as the zip format.
 */
final class LegacyTorchReader {
    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private LegacyTorchReader() {}

    /** A storage named by the pickle before its bytes (which follow all pickles) are known. */
    private record PendingStorage(String key, ElementType type) {}

    static SequencedMap<String, HostTensor> read(Path file) throws CheckpointException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw CheckpointException.inFile(file, "legacy-format files over 2 GB are not supported; re-save with torch >= 1.6");
            }
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()).order(ByteOrder.LITTLE_ENDIAN);
            return read(file, mapped);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | ArithmeticException e) {
            throw CheckpointException.inFile(file, "cannot read legacy checkpoint: " + e);
        }
    }

    private static SequencedMap<String, HostTensor> read(Path file, ByteBuffer mapped) throws CheckpointException {
        InputStream in = new ByteBufferInputStream(mapped);
        Map<String, PendingStorage> pending = new HashMap<>();
        Object root;
        List<?> keys;
        try {
            Object magic = new AllowListUnpickler(pid -> null).load(in);
            if (!(magic instanceof Number n) || !MAGIC.equals(new BigInteger(n.toString()))) {
                throw CheckpointException.inFile(file, "not a PyTorch checkpoint (bad legacy magic number)");
            }
            Object protocol = new AllowListUnpickler(pid -> null).load(in);
            if (!(protocol instanceof Number p) || p.intValue() != 1001) {
                throw CheckpointException.inFile(file, "unsupported legacy protocol version " + protocol);
            }
            if (!(new AllowListUnpickler(pid -> null).load(in) instanceof Map<?, ?> sysInfo)
                    || !Boolean.TRUE.equals(sysInfo.get("little_endian"))) {
                throw CheckpointException.inFile(file, "big-endian legacy checkpoints are not supported");
            }
            root = new AllowListUnpickler(pid -> pendingStorage(pid, pending)).load(in);
            if (!(new AllowListUnpickler(pid -> null).load(in) instanceof List<?> keyList)) {
                throw CheckpointException.inFile(file, "legacy checkpoint lacks its storage key list");
            }
            keys = keyList;
        } catch (AllowListUnpickler.UnsafePickleException e) {
            throw CheckpointException.inFile(file, "unsafe pickle: " + e.getMessage());
        } catch (IOException | RuntimeException e) { // Pyrolite on a cut or corrupt pickle
            throw CheckpointException.inFile(file, "not a readable legacy state dict (truncated or corrupt?): " + e);
        }
        Map<PendingStorage, ByteBuffer> storages = new HashMap<>();
        for (Object key : keys) {
            PendingStorage storage = pending.get(String.valueOf(key));
            if (storage == null || mapped.remaining() < 8) {
                throw CheckpointException.inFile(file, "storage " + key + " is unknown or truncated");
            }
            long count = mapped.getLong();
            long bytes = Math.multiplyExact(count, storage.type().byteSize());
            if (count < 0 || bytes > mapped.remaining()) {
                throw CheckpointException.inFile(file, "storage " + key + " needs " + bytes + " bytes, "
                        + mapped.remaining() + " left (truncated)");
            }
            storages.put(storage, mapped.slice(mapped.position(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN));
            mapped.position(mapped.position() + (int) bytes);
        }
        return materialise(file, root, storages);
    }

    private static Object pendingStorage(Object pid, Map<String, PendingStorage> pending) {
        if (!(pid instanceof Object[] id) || id.length != 6 || !"storage".equals(id[0])
                || !(id[1] instanceof StorageType type) || !(id[2] instanceof String key)) {
            throw new PickleException("unexpected persistent id in a legacy checkpoint");
        }
        if (id[5] != null) {
            throw new PickleException("storage views (torch < 1.0 view_metadata) are not supported");
        }
        return pending.computeIfAbsent(key, k -> new PendingStorage(k, type.elementType()));
    }

    private static SequencedMap<String, HostTensor> materialise(Path file, Object root, Map<PendingStorage, ByteBuffer> storages)
            throws CheckpointException {
        if (!(root instanceof Map<?, ?> map)) {
            throw CheckpointException.inFile(file, "the checkpoint holds a " + AllowListUnpickler.describe(root)
                    + ", not a state dict");
        }
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof TensorRef ref) || !(ref.storage() instanceof PendingStorage storage)
                    || !storages.containsKey(storage)) {
                throw CheckpointException.inTensor(file, name, "not a tensor with stored data");
            }
            tensors.put(name, TensorViews.materialise(file, name, storage.type(), storages.get(storage), ref));
        }
        return tensors;
    }

    /** Reads a ByteBuffer sequentially, so the bytes after the pickles start at its position. */
    private static final class ByteBufferInputStream extends InputStream {
        private final ByteBuffer buffer;

        ByteBufferInputStream(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(length, buffer.remaining());
            buffer.get(bytes, offset, n);
            return n;
        }
    }
}

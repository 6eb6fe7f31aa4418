package kcwb.training.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import kcwb.training.checkpoint.AllowListUnpickler.StorageType;
import kcwb.training.checkpoint.AllowListUnpickler.TensorRef;

/**
 * Reads {@code pytorch_model.bin} written by {@code torch.save} (torch >= 1.6): a zip with one top
 * folder holding {@code data.pkl}, {@code data/<key>} raw storages and, since torch 2.x,
 * {@code byteorder}; the older non-zip format goes to {@link LegacyTorchReader}. The pickle is read
 * through {@link AllowListUnpickler}. Each storage is memory-mapped once (tied weights share it),
 * views are materialised with their offset and strides, and F16/BF16 become F32. Contiguous F32
 * tensors are views of the mapping: no heap copy of the weights.
 */
public final class PytorchBinReader {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private PytorchBinReader() {}

    private record Storage(String key, ElementType type, ByteBuffer bytes) {}

    public static StateDict read(Path file) throws CheckpointException {
        if (!isZip(file)) {
            return new StateDict(LegacyTorchReader.read(file), Map.of());
        }
        try (ZipFile zip = new ZipFile(file.toFile()); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String top = topFolder(file, zip);
            checkByteOrder(file, zip, top);
            Map<String, Long> dataOffsets = ZipDataOffsets.read(channel);
            StorageSource source = new StorageSource(file, zip, channel, dataOffsets, top);
            Map<String, Storage> storages = new HashMap<>();
            Object root;
            try (InputStream pickle = zip.getInputStream(zip.getEntry(top + "data.pkl"))) {
                AllowListUnpickler unpickler = new AllowListUnpickler(pid -> loadStorage(source, pid, storages));
                root = unpickler.load(pickle);
            } catch (StorageFailure e) {
                throw e.cause;
            } catch (AllowListUnpickler.UnsafePickleException e) {
                throw CheckpointException.inFile(file, "unsafe pickle: " + e.getMessage());
            } catch (RuntimeException e) { // Pyrolite on a corrupt pickle: PickleException, stack underflow, ...
                throw CheckpointException.inFile(file, "data.pkl is not a readable state dict (corrupt?): " + e);
            }
            return new StateDict(materialise(file, root), Map.of());
        } catch (ZipException e) {
            throw CheckpointException.inFile(file, "not a readable torch.save zip (truncated or corrupt): " + e.getMessage());
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | ArithmeticException e) {
            throw CheckpointException.inFile(file, "cannot read checkpoint: " + e);
        }
    }

    /** True for a zip, false for the legacy pickle format; anything else is refused. */
    private static boolean isZip(Path file) throws CheckpointException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (IOException e) {
            throw CheckpointException.inFile(file, "cannot read checkpoint: " + e);
        }
        if (Arrays.equals(head, ZIP_MAGIC)) {
            return true;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80) {
            return false;
        }
        throw CheckpointException.inFile(file, "not a PyTorch checkpoint: expected a torch.save zip (starts with PK)");
    }

    /** torch 2.x names the top folder 'archive' or after the file; torch 1.x after the file. Accept any one. */
    private static String topFolder(Path file, ZipFile zip) throws CheckpointException {
        List<String> pickles = zip.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length())
                .toList();
        if (pickles.size() != 1) {
            throw CheckpointException.inFile(file, pickles.isEmpty()
                    ? "zip has no <folder>/data.pkl: not a torch.save checkpoint"
                    : "zip has several data.pkl files " + pickles + ": not a single torch.save checkpoint");
        }
        return pickles.getFirst().substring(0, pickles.getFirst().length() - "data.pkl".length());
    }

    private static void checkByteOrder(Path file, ZipFile zip, String top) throws IOException {
        ZipEntry entry = zip.getEntry(top + "byteorder");
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                String order = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
                if (!order.equals("little")) {
                    throw CheckpointException.inFile(file, "byteorder '" + order + "' is not supported (little-endian only)");
                }
            }
        }
    }

    /** Carries a checked failure out of Pyrolite's persistent_load callback. */
    private static final class StorageFailure extends RuntimeException {
        final CheckpointException cause;

        StorageFailure(CheckpointException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    private record StorageSource(Path file, ZipFile zip, FileChannel channel, Map<String, Long> dataOffsets, String top) {}

    /** persistent_load: ('storage', storage_type, key, location, numel). */
    private static Storage loadStorage(StorageSource source, Object pid, Map<String, Storage> cache) {
        Path file = source.file();
        if (!(pid instanceof Object[] id) || id.length != 5 || !"storage".equals(id[0])
                || !(id[1] instanceof StorageType type) || !(id[2] instanceof String key)) {
            throw new StorageFailure(CheckpointException.inFile(file, "unexpected persistent id in data.pkl: "
                    + (pid instanceof Object[] a ? Arrays.deepToString(a) : AllowListUnpickler.describe(pid))));
        }
        Storage cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long elementCount = AllowListUnpickler.toLong(id[4]);
        ZipEntry entry = source.zip().getEntry(source.top() + "data/" + key);
        if (entry == null) {
            throw new StorageFailure(CheckpointException.inFile(file, "storage data/" + key + " is missing from the zip"));
        }
        long byteCount = Math.multiplyExact(elementCount, type.elementType().byteSize());
        if (byteCount > Integer.MAX_VALUE - 8) {
            throw new StorageFailure(CheckpointException.inFile(file, "storage data/" + key + " is over 2 GB: not supported"));
        }
        if (entry.getSize() >= 0 && entry.getSize() < byteCount) {
            throw new StorageFailure(CheckpointException.inFile(file, "storage data/" + key + " has " + entry.getSize()
                    + " bytes, expected " + byteCount + " (truncated or corrupt)"));
        }
        try {
            ByteBuffer bytes = mapStored(source, entry, byteCount);
            if (bytes == null) {
                bytes = stream(source, entry, key, byteCount);
            }
            Storage storage = new Storage(key, type.elementType(), bytes.order(ByteOrder.LITTLE_ENDIAN));
            cache.put(key, storage);
            return storage;
        } catch (IOException e) {
            throw new StorageFailure(CheckpointException.inFile(file, "cannot read storage data/" + key + ": " + e));
        }
    }

    /** Stored entries (torch never compresses) are mapped, not copied: like safetensors, no heap copy. */
    private static ByteBuffer mapStored(StorageSource source, ZipEntry entry, long byteCount) throws IOException {
        Long offset = source.dataOffsets().get(entry.getName());
        if (entry.getMethod() != ZipEntry.STORED || offset == null || byteCount == 0
                || offset + byteCount > source.channel().size()) {
            return null;
        }
        return source.channel().map(FileChannel.MapMode.READ_ONLY, offset, byteCount);
    }

    private static ByteBuffer stream(StorageSource source, ZipEntry entry, String key, long byteCount) throws IOException {
        try (InputStream in = source.zip().getInputStream(entry)) {
            byte[] bytes = new byte[(int) byteCount]; // read straight into place: readNBytes(n) would copy twice
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read != byteCount) {
                throw new StorageFailure(CheckpointException.inFile(source.file(), "storage data/" + key + " has " + read
                        + " bytes, expected " + byteCount + " (truncated?)"));
            }
            return ByteBuffer.wrap(bytes);
        }
    }

    private static SequencedMap<String, HostTensor> materialise(Path file, Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?> map)) {
            throw CheckpointException.inFile(file, "data.pkl holds a " + AllowListUnpickler.describe(root)
                    + ", not a state dict (a dict of name -> tensor)");
        }
        SequencedMap<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof TensorRef ref) || !(ref.storage() instanceof Storage storage)) {
                throw CheckpointException.inTensor(file, name, "value is a " + AllowListUnpickler.describe(entry.getValue())
                        + ", not a tensor: only plain state dicts are supported");
            }
            tensors.put(name, TensorViews.materialise(file, name, storage.type(), storage.bytes(), ref));
        }
        return tensors;
    }
}

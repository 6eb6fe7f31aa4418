package kcwb.training.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each stored (uncompressed) zip entry's bytes start in the file, so torch storages can be
 * memory-mapped instead of copied. java.util.zip validates the archive first; this reads only the
 * central directory (zip64 included) and the local headers. Entries it cannot place are absent,
 * and the caller falls back to streaming them.
 */
final class ZipDataOffsets {
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long MASK32 = 0xffffffffL;

    private ZipDataOffsets() {}

    /** Entry name to the file offset of its data, for STORED entries only. */
    static Map<String, Long> read(FileChannel channel) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, 22 + 65535);
        ByteBuffer tail = readAt(channel, size - tailLength, tailLength);
        int eocd = -1;
        for (int i = tailLength - 22; i >= 0; i--) {
            if (tail.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return Map.of();
        }
        long entries = tail.getShort(eocd + 10) & 0xffff;
        long directoryOffset = tail.getInt(eocd + 16) & MASK32;
        if ((directoryOffset == MASK32 || entries == 0xffff) && eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
            ByteBuffer zip64 = readAt(channel, tail.getLong(eocd - 20 + 8), 56);
            if (zip64.getInt(0) != ZIP64_EOCD) {
                return Map.of();
            }
            entries = zip64.getLong(32);
            directoryOffset = zip64.getLong(48);
        }
        ByteBuffer directory = readAt(channel, directoryOffset, (int) Math.min(size - directoryOffset, Integer.MAX_VALUE));
        Map<String, Long> offsets = new HashMap<>();
        int at = 0;
        for (long e = 0; e < entries && at + 46 <= directory.limit() && directory.getInt(at) == CENTRAL; e++) {
            int method = directory.getShort(at + 10) & 0xffff;
            int nameLength = directory.getShort(at + 28) & 0xffff;
            int extraLength = directory.getShort(at + 30) & 0xffff;
            int commentLength = directory.getShort(at + 32) & 0xffff;
            long localOffset = directory.getInt(at + 42) & MASK32;
            byte[] name = new byte[nameLength];
            directory.get(at + 46, name);
            if (localOffset == MASK32) {
                localOffset = zip64LocalOffset(directory, at, nameLength, extraLength);
            }
            if (method == 0 && localOffset >= 0) {
                ByteBuffer local = readAt(channel, localOffset, 30);
                if (local.getInt(0) == LOCAL) {
                    long data = localOffset + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
                    offsets.put(new String(name, StandardCharsets.UTF_8), data);
                }
            }
            at += 46 + nameLength + extraLength + commentLength;
        }
        return offsets;
    }

    /** The zip64 extra field lists, in order, only the fields whose 32-bit value is 0xFFFFFFFF. */
    private static long zip64LocalOffset(ByteBuffer directory, int at, int nameLength, int extraLength) {
        int extra = at + 46 + nameLength;
        int end = extra + extraLength;
        while (extra + 4 <= end) {
            int id = directory.getShort(extra) & 0xffff;
            int length = directory.getShort(extra + 2) & 0xffff;
            if (id == 0x0001) {
                int field = extra + 4;
                if ((directory.getInt(at + 24) & MASK32) == MASK32) {
                    field += 8;
                }
                if ((directory.getInt(at + 20) & MASK32) == MASK32) {
                    field += 8;
                }
                return field + 8 <= extra + 4 + length ? directory.getLong(field) : -1;
            }
            extra += 4 + length;
        }
        return -1;
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // read until full or end of file
        }
        return buffer.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}

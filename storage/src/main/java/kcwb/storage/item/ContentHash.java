package kcwb.storage.item;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The first 64 bits of SHA-256 over the text's UTF-8 bytes: small enough for a fast index, and
 * duplicate checks compare the full text on a hash hit, so a collision never merges two texts.
 */
public final class ContentHash {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private ContentHash() {}

    public static long of(String text) {
        return ofUtf8(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a text given as its UTF-8 bytes (for callers that need the bytes anyway). */
    public static long ofUtf8(byte[] utf8) {
        byte[] digest = SHA256.get().digest(utf8);
        return ByteBuffer.wrap(digest).getLong();
    }
}

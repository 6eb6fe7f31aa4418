package kcwb.training.tokenize;

import java.util.Map;

/**
 * Token → id lookup by a range of a char array, so the greedy WordPiece search needs no substring per
 * attempt. Open addressing, String.hashCode-style hash; immutable after construction, so thread-safe.
 */
final class VocabTable {
    private final char[][] keys;
    private final int[] ids;
    private final int mask;
    private final int longestKey;

    /** @param entries the keys (exactly as looked up) with their ids */
    VocabTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 + 1)) << 1;
        keys = new char[capacity][];
        ids = new int[capacity];
        mask = capacity - 1;
        int longest = 0;
        for (Map.Entry<String, Integer> entry : entries.entrySet()) {
            char[] key = entry.getKey().toCharArray();
            int slot = slot(key, 0, key.length);
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = entry.getValue();
            longest = Math.max(longest, key.length);
        }
        longestKey = longest;
    }

    /** Length in chars of the longest key: no match can be longer. */
    int longestKey() {
        return longestKey;
    }

    /** The id of the key equal to {@code text[start, end)}, or -1. */
    int id(char[] text, int start, int end) {
        int slot = slot(text, start, end);
        int length = end - start;
        while (true) {
            char[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (key.length == length && sameChars(key, text, start)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean sameChars(char[] key, char[] text, int start) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != text[start + i]) {
                return false;
            }
        }
        return true;
    }

    private int slot(char[] text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        return hash & mask;
    }
}

package kcwb.training.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emoji sequences of the Python package emoji 2.16.0 (BSD-3-Clause, © Taehoon Kim and Kevin
 * Wurster): every key of its {@code EMOJI_DATA}, loaded from {@code emoji-2.16.txt} (made by
 * {@code make_fixture.py}) into the same search tree its {@code tokenize()} walks. JEmoji (a project
 * dependency) is not used for this: JEmoji 1.7.4 knows 5,042 of these 5,244 sequences (it lacks 202 newer
 * ones, e.g. 🧑‍🩰 and 🤼🏿) and has no "component" status, which replace_emoji's ZWJ handling needs;
 * 100% equality with the Python reference is the bar.
 */
final class EmojiData {
    /** A node of the search tree: children sorted by code point; {@code key} when the path is an emoji. */
    static final class Node {
        int[] childCodePoints = new int[0];
        Node[] children = new Node[0];
        boolean key;
        boolean component;

        Node child(int codePoint) {
            int index = Arrays.binarySearch(childCodePoints, codePoint);
            return index >= 0 ? children[index] : null;
        }
    }

    static final Node ROOT = new Node();
    /** Every code point that occurs in some emoji key (the pre-2022 character class adds these). */
    static final BitSet KEY_CODE_POINTS = new BitSet(Character.MAX_CODE_POINT + 1);
    /** The first code points of the keys: the children of {@link #ROOT}, for a quick test. */
    static final BitSet FIRST_CODE_POINTS = new BitSet(Character.MAX_CODE_POINT + 1);

    static {
        Map<Node, TreeMap<Integer, Node>> building = new java.util.HashMap<>();
        try (InputStream stream = EmojiData.class.getResourceAsStream("emoji-2.16.txt")) {
            if (stream == null) {
                throw new IllegalStateException("resource emoji-2.16.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                boolean component = line.endsWith(";c");
                String[] hex = (component ? line.substring(0, line.length() - 2) : line).split(" ");
                Node node = ROOT;
                for (String h : hex) {
                    int cp = Integer.parseInt(h, 16);
                    KEY_CODE_POINTS.set(cp);
                    node = building.computeIfAbsent(node, n -> new TreeMap<>()).computeIfAbsent(cp, c -> new Node());
                }
                node.key = true;
                node.component = component;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        building.get(ROOT).keySet().forEach(FIRST_CODE_POINTS::set);
        building.forEach((node, children) -> {
            node.childCodePoints = children.keySet().stream().mapToInt(Integer::intValue).toArray();
            node.children = children.values().toArray(new Node[0]);
        });
    }

    /** The root's child for {@code codePoint}, or null when no key starts with it. */
    static Node first(int codePoint) {
        return FIRST_CODE_POINTS.get(codePoint) ? ROOT.child(codePoint) : null;
    }

    private EmojiData() {
    }
}

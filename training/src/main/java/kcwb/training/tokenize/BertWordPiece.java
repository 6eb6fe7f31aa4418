package kcwb.training.tokenize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pure-Java copy of what HF tokenizers does for a cased {@code vocab.txt} WordPiece tokenizer (the
 * tokenizer.json that {@link WordPieceJson} builds): BertNormalizer (clean_text, chinese-char padding,
 * no lowercase, no accent strip), BertPreTokenizer (split on whitespace, isolate punctuation), WordPiece
 * (greedy longest match first, {@code ##} continuation, a word over 100 chars is one [UNK]) and the
 * {@code [CLS] $A [SEP]} template. It skips the JNI round trip of DJL's encode (about ten native calls and
 * a Java object per token offset), which is most of a short comment's tokenization time.
 *
 * <p>It is only used where it is proven identical to HF (KcTokenizerFastPathTest compares it with DJL on
 * the committed fixtures and on fuzzed text): {@link #encode} returns null, and KcTokenizer asks DJL,
 * for any text with a char outside {@link #covers a small set of blocks} whose Unicode properties have
 * not changed since HF's tables were made (ASCII, Latin-1, General Punctuation, CJK symbols, Hangul,
 * the basic CJK ideographs, full-width ASCII) or that contains an added token such as {@code [MASK]}.
 * That covers every text the {@code kcelectra} cleaning recipe produces (unless it spells an added token).
 */
final class BertWordPiece {
    private static final int MAX_INPUT_CHARS_PER_WORD = WordPieceJson.MAX_INPUT_CHARS_PER_WORD;
    private static final byte WORD = 0;
    private static final byte REMOVED = 1;
    private static final byte SPACE = 2;
    private static final byte ISOLATED = 3; // punctuation, and CJK ideographs when tokenize_chinese_chars
    private static final byte UNSUPPORTED = 4;
    private static final byte[] BMP_CLASS = new byte[0x10000];

    private final VocabTable wordStarts;
    private final VocabTable continuations;
    private final String[] tokenById;
    private final String[] addedTokens;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final boolean chineseChars;

    private BertWordPiece(Map<String, Integer> vocab, BertTokenizerSettings settings, List<String> addedTokens) {
        Map<String, Integer> continuing = new HashMap<>();
        int maxId = 0;
        for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
            if (entry.getKey().startsWith("##")) {
                continuing.put(entry.getKey().substring(2), entry.getValue());
            }
            maxId = Math.max(maxId, entry.getValue());
        }
        tokenById = new String[maxId + 1];
        vocab.forEach((token, id) -> tokenById[id] = token);
        wordStarts = new VocabTable(vocab);
        continuations = new VocabTable(continuing);
        this.addedTokens = addedTokens.toArray(String[]::new);
        SpecialTokenNames specials = settings.specials();
        unkId = vocab.get(specials.unk());
        clsId = vocab.get(specials.cls());
        sepId = vocab.get(specials.sep());
        chineseChars = settings.tokenizeChineseChars();
    }

    /**
     * The fast path for a vocab.txt tokenizer, or null where the settings need what it does not do
     * (lowercasing, accent stripping): DJL then does everything.
     */
    static BertWordPiece forSettings(Map<String, Integer> vocab, BertTokenizerSettings settings) {
        if (settings.doLowerCase() || settings.stripAccents()) {
            return null;
        }
        SpecialTokenNames specials = settings.specials();
        List<String> added = new ArrayList<>(List.of(specials.pad(), specials.unk(), specials.cls(),
                specials.sep(), specials.mask()));
        added.addAll(settings.additionalSpecialTokens());
        return new BertWordPiece(vocab, settings, added);
    }

    /** The encoding HF gives, or null when this text needs DJL (see the class comment). */
    TokenizedText encode(String text, int maxLen) {
        for (String added : addedTokens) {
            if (text.contains(added)) {
                return null;
            }
        }
        int length = text.length();
        char[] word = new char[length];
        Tokens out = new Tokens(length / 2 + 4);
        out.add(clsId, -1, -1);
        int wordLength = 0;
        int[] wordSource = new int[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            byte kind = classOf(c);
            switch (kind) {
                case WORD -> {
                    word[wordLength] = c;
                    wordSource[wordLength++] = i;
                }
                case REMOVED -> {
                    // dropped by the normalizer; the word goes on around it
                }
                case SPACE -> {
                    wordPiece(word, wordSource, wordLength, out);
                    wordLength = 0;
                }
                case ISOLATED -> {
                    wordPiece(word, wordSource, wordLength, out);
                    word[0] = c;
                    wordSource[0] = i;
                    wordPiece(word, wordSource, 1, out);
                    wordLength = 0;
                }
                default -> {
                    return null;
                }
            }
        }
        wordPiece(word, wordSource, wordLength, out);
        out.add(sepId, -1, -1);
        return out.toTokenizedText(tokenById, unkId, maxLen, length);
    }

    private void wordPiece(char[] word, int[] source, int length, Tokens out) {
        if (length == 0) {
            return;
        }
        if (length > MAX_INPUT_CHARS_PER_WORD) {
            out.add(unkId, source[0], source[length - 1] + 1);
            return;
        }
        int mark = out.size;
        int start = 0;
        while (start < length) {
            VocabTable table = start == 0 ? wordStarts : continuations;
            int end = Math.min(length, start + table.longestKey());
            int id = -1;
            while (start < end) {
                id = table.id(word, start, end);
                if (id >= 0) {
                    break;
                }
                end--;
            }
            if (id < 0) {
                out.size = mark; // one bad piece makes the whole word [UNK], as in HF
                out.add(unkId, source[0], source[length - 1] + 1);
                return;
            }
            out.add(id, source[start], source[end - 1] + 1);
            start = end;
        }
    }

    private byte classOf(char c) {
        byte kind = BMP_CLASS[c];
        if (kind == ISOLATED && !chineseChars && isChinese(c)) {
            return WORD;
        }
        return kind;
    }

    /** Growable token list: ids and UTF-16 source offsets. */
    private static final class Tokens {
        int[] ids;
        int[] starts;
        int[] ends;
        int size;

        Tokens(int capacity) {
            ids = new int[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int id, int start, int end) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            ids[size] = id;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        /** Truncates like HF for one sequence: keep [CLS], the first maxLen - 2 text tokens, [SEP]. */
        TokenizedText toTokenizedText(String[] tokenById, int unkId, int maxLen, int textLength) {
            int content = size - 2;
            int keptContent = Math.min(content, maxLen - 2);
            int kept = keptContent + 2;
            int truncatedAt = keptContent < content ? starts[1 + keptContent] : -1;
            String[] tokens = new String[kept];
            long[] outIds = new long[kept];
            long[] mask = new long[kept];
            long[] types = new long[kept];
            boolean[] unknown = new boolean[kept];
            boolean[] special = new boolean[kept];
            int[] outStarts = new int[kept];
            int[] outEnds = new int[kept];
            Arrays.fill(mask, 1L);
            for (int j = 0; j < kept; j++) {
                int i = j == kept - 1 ? size - 1 : j;
                tokens[j] = tokenById[ids[i]];
                outIds[j] = ids[i];
                unknown[j] = ids[i] == unkId;
                special[j] = i == 0 || i == size - 1;
                outStarts[j] = starts[i];
                outEnds[j] = ends[i];
            }
            return new TokenizedText(List.of(tokens), outIds, mask, types, unknown, special, outStarts, outEnds, truncatedAt);
        }
    }

    // --- character classes, as HF tokenizers' BertNormalizer and BertPreTokenizer see them ----------

    static {
        Arrays.fill(BMP_CLASS, UNSUPPORTED);
        classify(0x0000, 0x00FF);
        classify(0x2000, 0x206F);  // General Punctuation
        classify(0x223C, 0x223C);  // ∼, kept by the kcelectra character filter
        classify(0x3000, 0x303F);  // CJK Symbols and Punctuation
        classify(0x3131, 0x318E);  // Hangul Compatibility Jamo
        classify(0x4E00, 0x9FA5);  // CJK Unified Ideographs as of Unicode 1.1
        classify(0xAC00, 0xD7A3);  // Hangul Syllables
        classify(0xFF01, 0xFF5E);  // full-width ASCII
    }

    private static void classify(int from, int to) {
        for (int c = from; c <= to; c++) {
            BMP_CLASS[c] = kind(c);
        }
    }

    private static byte kind(int c) {
        if (Character.getType(c) == Character.UNASSIGNED) {
            return UNSUPPORTED; // HF's "Cn" is not Java's unassigned (U+2065 stays in the text there)
        }
        if (c == 0 || c == 0xFFFD || isControl(c)) {
            return REMOVED;
        }
        if (isWhitespace(c)) {
            return SPACE;
        }
        if (isChinese(c) || isPunctuation(c)) {
            return ISOLATED;
        }
        return WORD;
    }

    /** HF: \t \n \r are whitespace; otherwise Unicode "Other" (Cc, Cf, Cn, Co, Cs). */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Rust's char::is_whitespace (the Unicode White_Space property) plus \t \n \r. */
    private static boolean isWhitespace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** HF's is_chinese_char for the ranges this class supports. */
    private static boolean isChinese(int c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }

    /** HF's is_bert_punc: ASCII punctuation or a Unicode P* category. */
    private static boolean isPunctuation(int c) {
        if ((c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}

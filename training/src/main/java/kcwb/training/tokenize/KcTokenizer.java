package kcwb.training.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The tokenizer of a Hugging Face model folder, giving the same ids as Python transformers' fast
 * tokenizer ({@code BertTokenizer}/{@code ElectraTokenizerFast}) for the same folder.
 *
 * <p>Loads {@code tokenizer.json} when the folder has one (any model type, e.g. the byte-level BPE
 * of KcELECTRA revision {@code main}); otherwise builds it from {@code vocab.txt} +
 * {@code tokenizer_config.json} (+ {@code special_tokens_map.json}) as transformers does, honouring
 * do_lower_case, strip_accents and tokenize_chinese_chars. Encoding runs in DJL's native
 * HF tokenizers library, so inputs are checked here first — except for cased vocab.txt folders
 * (KcELECTRA), where {@link BertWordPiece} encodes in pure Java every text it is proven identical on
 * (all text the kcelectra cleaning produces) and hands the rest to DJL.
 *
 * <p>Known difference to the slow Python {@code BertTokenizerLegacy}: it NFC-normalises the text
 * first, so a decomposed "e + U+0301" becomes the single token "é" there, while the fast tokenizer
 * (and this class) keep "e", "##\u0301". Text is matched to the fast tokenizer.
 *
 * <p>Lone UTF-16 surrogates (which Python cannot even encode) are replaced by U+FFFD before
 * encoding; the text keeps its length, so offsets still index the caller's string.
 *
 * <p>The encode methods may be called from several threads; {@link #close()} must not race them.
 */
public final class KcTokenizer implements AutoCloseable {
    /** Classpath folder of the demo model that ships with the app. */
    public static final String DEMO_MODEL_RESOURCE = "/kcwb/training/demo-model";

    /** Set to false to send every text through DJL (for benchmarks and parity checks). */
    public static final String JAVA_WORDPIECE_PROPERTY = "kcwb.tokenize.javaWordPiece";

    private final HuggingFaceTokenizer tokenizer;
    private final BertWordPiece wordPiece;
    private final TokenizerVocabulary vocabulary;
    private final SpecialTokenIds specialIds;
    private final EncodingConverter converter;
    private final byte[] vocabBytes;
    private volatile String vocabSha256;
    private final String origin;

    private KcTokenizer(TokenizerFiles.Definition definition) throws IOException {
        this.vocabulary = definition.vocabulary();
        SpecialTokenNames names = definition.specials();
        this.specialIds = new SpecialTokenIds(idOrMinusOne(names.pad()), unkId(names), idOrMinusOne(names.cls()),
                idOrMinusOne(names.sep()), idOrMinusOne(names.mask()));
        this.tokenizer = newNativeTokenizer(definition);
        this.converter = probeTemplate(tokenizer, specialIds.unk());
        this.vocabBytes = definition.vocabBytes();
        this.origin = definition.origin();
        this.wordPiece = Boolean.parseBoolean(System.getProperty(JAVA_WORDPIECE_PROPERTY, "true"))
                ? definition.wordPiece() : null;
    }

    /**
     * The tokenizer of a Hugging Face model folder.
     *
     * @throws InvalidTokenizerException naming the file when the folder lacks usable tokenizer files
     * @throws IOException               when a file cannot be read
     */
    public static KcTokenizer load(Path modelDir) throws IOException {
        Objects.requireNonNull(modelDir, "modelDir");
        if (!Files.isDirectory(modelDir)) {
            throw new InvalidTokenizerException(modelDir + " is not a folder (expected a Hugging Face model folder)");
        }
        return new KcTokenizer(TokenizerFiles.load(TokenizerFiles.folder(modelDir)));
    }

    /** The small demo tokenizer the app ships (cased WordPiece, like KcELECTRA), used when no model is chosen. */
    public static KcTokenizer demo() {
        try {
            return new KcTokenizer(TokenizerFiles.load(TokenizerFiles.classpath(DEMO_MODEL_RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo tokenizer in the app's classpath cannot be read", e);
        }
    }

    /**
     * Encodes one text with {@code [CLS] … [SEP]}, truncated to at most maxLen tokens.
     *
     * @param maxLen at least the special tokens + 1 (3 for BERT-style models)
     */
    public TokenizedText encode(String text, int maxLen) {
        Objects.requireNonNull(text, "text");
        checkMaxLen(maxLen);
        if (wordPiece != null) {
            TokenizedText fast = wordPiece.encode(text, maxLen);
            if (fast != null) {
                return fast;
            }
        }
        return encodeNative(text, maxLen);
    }

    /** Always through DJL's native HF tokenizers (the fast path's oracle in tests). */
    TokenizedText encodeNative(String text, int maxLen) {
        checkMaxLen(maxLen);
        String safe = withoutLoneSurrogates(text);
        return converter.convert(safe, tokenizer.encode(safe), maxLen);
    }

    /** Encodes many texts at once (in parallel inside the native library); same order as the input. */
    public List<TokenizedText> encodeBatch(List<String> texts, int maxLen) {
        Objects.requireNonNull(texts, "texts");
        checkMaxLen(maxLen);
        TokenizedText[] out = new TokenizedText[texts.size()];
        int[] nativeIndex = new int[out.length];
        String[] nativeTexts = new String[out.length];
        int nativeCount = 0;
        for (int i = 0; i < out.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new NullPointerException("texts[" + i + "] is null");
            }
            out[i] = wordPiece == null ? null : wordPiece.encode(text, maxLen);
            if (out[i] == null) {
                nativeIndex[nativeCount] = i;
                nativeTexts[nativeCount++] = withoutLoneSurrogates(text);
            }
        }
        if (nativeCount > 0) {
            Encoding[] encodings = tokenizer.batchEncode(Arrays.copyOf(nativeTexts, nativeCount));
            for (int k = 0; k < nativeCount; k++) {
                out[nativeIndex[k]] = converter.convert(nativeTexts[k], encodings[k], maxLen);
            }
        }
        return List.of(out);
    }

    /** The pure-Java path in use, null when every text goes through DJL. */
    BertWordPiece wordPiece() {
        return wordPiece;
    }

    /** Highest id + 1 (the embedding's row count), added tokens included. */
    public int vocabSize() {
        return vocabulary.size();
    }

    /** The id of a token string, empty when the vocabulary lacks it. */
    public OptionalInt tokenId(String token) {
        return vocabulary.id(Objects.requireNonNull(token, "token"));
    }

    public SpecialTokenIds specialTokenIds() {
        return specialIds;
    }

    /** Fewest tokens encode accepts as maxLen: the special tokens the template adds, plus one. */
    public int minMaxLen() {
        return converter.specialCount() + 1;
    }

    /** SHA-256 (hex) of the file that defines the vocabulary: vocab.txt, or tokenizer.json when present. */
    public String vocabSha256() {
        String sha = vocabSha256;
        if (sha == null) {
            // On demand: hashing 1 MB on a cold JVM takes seconds, which loading should not pay.
            sha = TokenizerFiles.sha256(vocabBytes);
            vocabSha256 = sha;
        }
        return sha;
    }

    /** The file the vocabulary came from, for messages and provenance. */
    public String origin() {
        return origin;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private void checkMaxLen(int maxLen) {
        if (maxLen < minMaxLen()) {
            throw new IllegalArgumentException("maxLen must be at least " + minMaxLen() + " (" + converter.specialCount()
                    + " special tokens + 1 text token) but was " + maxLen);
        }
    }

    private int idOrMinusOne(String token) {
        return token == null ? -1 : vocabulary.id(token).orElse(-1);
    }

    private int unkId(SpecialTokenNames names) {
        String modelUnk = vocabulary.unkToken();
        return modelUnk != null ? idOrMinusOne(modelUnk) : idOrMinusOne(names.unk());
    }

    private static HuggingFaceTokenizer newNativeTokenizer(TokenizerFiles.Definition definition) throws IOException {
        Map<String, String> options = Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false");
        try (var in = new ByteArrayInputStream(definition.tokenizerJson().getBytes(StandardCharsets.UTF_8))) {
            return HuggingFaceTokenizer.newInstance(in, options);
        } catch (RuntimeException e) {
            throw new InvalidTokenizerException(definition.origin() + " is not a tokenizer the HF tokenizers library accepts: "
                    + e.getMessage(), e);
        }
    }

    /** Counts the special tokens the post-processor adds before and after a text. */
    private static EncodingConverter probeTemplate(HuggingFaceTokenizer tokenizer, long unkId) {
        long[] mask = tokenizer.encode("a").getSpecialTokenMask();
        int leading = 0;
        while (leading < mask.length && mask[leading] != 0) {
            leading++;
        }
        int trailing = 0;
        while (trailing < mask.length - leading && mask[mask.length - 1 - trailing] != 0) {
            trailing++;
        }
        return new EncodingConverter(leading, trailing, unkId);
    }

    static String withoutLoneSurrogates(String text) {
        char[] chars = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }
}

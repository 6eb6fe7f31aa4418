package kcwb.training.tokenize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the tokenizer files of a Hugging Face model folder (or of a classpath folder) into the
 * tokenizer.json text that DJL loads. Every problem is an {@link InvalidTokenizerException} that
 * names the file.
 */
final class TokenizerFiles {
    static final String TOKENIZER_JSON = "tokenizer.json";
    static final String VOCAB_TXT = "vocab.txt";
    static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    static final String SPECIAL_TOKENS_MAP = "special_tokens_map.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the files come from: a folder on disk or a classpath prefix. */
    interface Source {
        /** The file's bytes, or null when it does not exist. */
        byte[] read(String name) throws IOException;

        /** How to name the file in a message. */
        String describe(String name);
    }

    /**
     * What KcTokenizer needs to start: the tokenizer.json text, its special tokens, its provenance.
     *
     * @param vocabBytes the file that defines the vocabulary, hashed on demand for provenance
     * @param wordPiece  the pure-Java path for a cased vocab.txt folder, null otherwise (DJL does all)
     */
    record Definition(String tokenizerJson, TokenizerVocabulary vocabulary, SpecialTokenNames specials,
                      byte[] vocabBytes, String origin, BertWordPiece wordPiece) {}

    private TokenizerFiles() {}

    static Source folder(Path dir) {
        return new Source() {
            @Override
            public byte[] read(String name) throws IOException {
                try {
                    return Files.readAllBytes(dir.resolve(name));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String describe(String name) {
                return dir.resolve(name).toString();
            }
        };
    }

    static Source classpath(String resourceFolder) {
        return new Source() {
            @Override
            public byte[] read(String name) throws IOException {
                try (InputStream in = TokenizerFiles.class.getResourceAsStream(resourceFolder + "/" + name)) {
                    return in == null ? null : in.readAllBytes();
                }
            }

            @Override
            public String describe(String name) {
                return "classpath:" + resourceFolder + "/" + name;
            }
        };
    }

    /** tokenizer.json when present, else vocab.txt + tokenizer_config.json (+ special_tokens_map.json). */
    static Definition load(Source source) throws IOException {
        byte[] tokenizerJson = source.read(TOKENIZER_JSON);
        JsonNode config = readJsonOrNull(source, TOKENIZER_CONFIG);
        JsonNode specialMap = readJsonOrNull(source, SPECIAL_TOKENS_MAP);
        if (tokenizerJson != null) {
            String text = decodeUtf8(tokenizerJson, source, TOKENIZER_JSON);
            JsonNode parsed = parseJson(text, source, TOKENIZER_JSON);
            SpecialTokenNames specials = config == null
                    ? SpecialTokenNames.BERT : BertTokenizerSettings.from(config, specialMap).specials();
            TokenizerVocabulary vocabulary;
            try {
                vocabulary = TokenizerVocabulary.of(parsed);
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenizerException(source.describe(TOKENIZER_JSON) + ": " + e.getMessage(), e);
            }
            return new Definition(withoutTruncationOrPadding(text, parsed), vocabulary, specials,
                    tokenizerJson, source.describe(TOKENIZER_JSON), null);
        }
        byte[] vocabBytes = source.read(VOCAB_TXT);
        if (vocabBytes == null) {
            throw new InvalidTokenizerException("no tokenizer found: neither " + source.describe(TOKENIZER_JSON)
                    + " nor " + source.describe(VOCAB_TXT) + " exists");
        }
        if (config == null) {
            throw new InvalidTokenizerException(source.describe(TOKENIZER_CONFIG) + " is missing: it must sit beside "
                    + VOCAB_TXT + " (without it transformers lowercases and strips accents, which decomposes Hangul)");
        }
        BertTokenizerSettings settings;
        try {
            settings = BertTokenizerSettings.from(config, specialMap);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenizerException(source.describe(TOKENIZER_CONFIG) + ": " + e.getMessage(), e);
        }
        var vocab = WordPieceJson.parseVocab(decodeUtf8(vocabBytes, source, VOCAB_TXT));
        if (vocab.isEmpty()) {
            throw new InvalidTokenizerException(source.describe(VOCAB_TXT) + " is empty");
        }
        String text;
        try {
            text = WordPieceJson.build(vocab, settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenizerException(source.describe(VOCAB_TXT) + ": " + e.getMessage(), e);
        }
        return new Definition(text, TokenizerVocabulary.ofWordPiece(vocab, settings.specials().unk()),
                settings.specials(), vocabBytes, source.describe(VOCAB_TXT), BertWordPiece.forSettings(vocab, settings));
    }

    /** Truncation and padding are KcTokenizer's to do (per call, reporting the cut), never the file's. */
    private static String withoutTruncationOrPadding(String text, JsonNode parsed) {
        if (!parsed.isObject() || (parsed.path("truncation").isMissingNode() || parsed.path("truncation").isNull())
                && (parsed.path("padding").isMissingNode() || parsed.path("padding").isNull())) {
            return text;
        }
        ObjectNode copy = ((ObjectNode) parsed).deepCopy();
        copy.putNull("truncation");
        copy.putNull("padding");
        return copy.toString();
    }

    private static JsonNode readJsonOrNull(Source source, String name) throws IOException {
        byte[] bytes = source.read(name);
        if (bytes == null) {
            return null;
        }
        JsonNode node = parseJson(decodeUtf8(bytes, source, name), source, name);
        if (!node.isObject()) {
            throw new InvalidTokenizerException(source.describe(name) + " must hold a JSON object");
        }
        return node;
    }

    private static JsonNode parseJson(String text, Source source, String name) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidTokenizerException(source.describe(name) + " is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        }
    }

    private static String decodeUtf8(byte[] bytes, Source source, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTokenizerException(source.describe(name) + " is not valid UTF-8", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package kcwb.training.tokenize;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * Turns a {@code vocab.txt} and its settings into the {@code tokenizer.json} that transformers'
 * {@code BertTokenizer} (the fast one) builds for the same folder: BertNormalizer with the folder's
 * flags, BertPreTokenizer, a WordPiece model ({@code ##} prefix, 100 chars per word at most),
 * {@code [CLS] $A [SEP]} and a WordPiece decoder. The special tokens are added tokens, matched in
 * the raw text before normalisation, as HF does.
 */
final class WordPieceJson {
    static final int MAX_INPUT_CHARS_PER_WORD = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WordPieceJson() {}

    /**
     * Token to id as transformers' {@code load_vocab} reads vocab.txt: one token per line (universal
     * newlines: \n, \r\n or \r), id = line number, a repeated token keeps its last line.
     */
    static SequencedMap<String, Integer> parseVocab(String vocabText) {
        SequencedMap<String, Integer> vocab = new LinkedHashMap<>();
        int id = 0;
        int lineStart = 0;
        int length = vocabText.length();
        for (int i = 0; i < length; i++) {
            char c = vocabText.charAt(i);
            if (c == '\n' || c == '\r') {
                vocab.put(vocabText.substring(lineStart, i), id++);
                if (c == '\r' && i + 1 < length && vocabText.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < length) {
            vocab.put(vocabText.substring(lineStart), id);
        }
        return vocab;
    }

    /** The tokenizer.json text; throws IllegalArgumentException when a special token is not in the vocab. */
    static String build(SequencedMap<String, Integer> vocab, BertTokenizerSettings settings) {
        SpecialTokenNames specials = settings.specials();
        List<String> specialTokens = new ArrayList<>(List.of(
                specials.pad(), specials.unk(), specials.cls(), specials.sep(), specials.mask()));
        specialTokens.addAll(settings.additionalSpecialTokens());
        Map<Integer, String> addedById = new TreeMap<>();
        for (String token : specialTokens) {
            Integer id = vocab.get(token);
            if (id == null) {
                throw new IllegalArgumentException("the special token " + token + " is not in vocab.txt");
            }
            addedById.put(id, token);
        }

        ArrayNode added = JSON.createArrayNode();
        addedById.forEach((id, token) -> added.addObject()
                .put("id", id).put("content", token).put("single_word", false).put("lstrip", false)
                .put("rstrip", false).put("normalized", false).put("special", true));
        ObjectNode normalizer = JSON.createObjectNode()
                .put("type", "BertNormalizer")
                .put("clean_text", true)
                .put("handle_chinese_chars", settings.tokenizeChineseChars())
                .put("strip_accents", settings.stripAccents())
                .put("lowercase", settings.doLowerCase());
        // Streamed: a 54k-token vocabulary as a Jackson tree costs seconds on a busy machine.
        StringWriter out = new StringWriter(vocab.size() * 24);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("version", "1.0");
            json.writeNullField("truncation");
            json.writeNullField("padding");
            json.writeFieldName("added_tokens");
            json.writeTree(added);
            json.writeFieldName("normalizer");
            json.writeTree(normalizer);
            json.writeObjectFieldStart("pre_tokenizer");
            json.writeStringField("type", "BertPreTokenizer");
            json.writeEndObject();
            json.writeFieldName("post_processor");
            json.writeTree(template(specials.cls(), vocab.get(specials.cls()), specials.sep(), vocab.get(specials.sep())));
            json.writeObjectFieldStart("decoder");
            json.writeStringField("type", "WordPiece");
            json.writeStringField("prefix", "##");
            json.writeBooleanField("cleanup", true);
            json.writeEndObject();
            json.writeObjectFieldStart("model");
            json.writeStringField("type", "WordPiece");
            json.writeStringField("unk_token", specials.unk());
            json.writeStringField("continuing_subword_prefix", "##");
            json.writeNumberField("max_input_chars_per_word", MAX_INPUT_CHARS_PER_WORD);
            json.writeObjectFieldStart("vocab");
            for (Map.Entry<String, Integer> entry : vocab.entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static ObjectNode template(String cls, int clsId, String sep, int sepId) {
        ObjectNode processor = JSON.createObjectNode().put("type", "TemplateProcessing");
        ArrayNode single = processor.putArray("single");
        special(single, cls, 0);
        sequence(single, "A", 0);
        special(single, sep, 0);
        ArrayNode pair = processor.putArray("pair");
        special(pair, cls, 0);
        sequence(pair, "A", 0);
        special(pair, sep, 0);
        sequence(pair, "B", 1);
        special(pair, sep, 1);
        ObjectNode tokens = processor.putObject("special_tokens");
        Map<String, Integer> ids = new LinkedHashMap<>();
        ids.put(cls, clsId);
        ids.put(sep, sepId);
        for (Map.Entry<String, Integer> entry : ids.entrySet()) {
            ObjectNode token = tokens.putObject(entry.getKey()).put("id", entry.getKey());
            token.putArray("ids").add(entry.getValue());
            token.putArray("tokens").add(entry.getKey());
        }
        return processor;
    }

    private static void special(ArrayNode template, String token, int typeId) {
        template.addObject().putObject("SpecialToken").put("id", token).put("type_id", typeId);
    }

    private static void sequence(ArrayNode template, String id, int typeId) {
        template.addObject().putObject("Sequence").put("id", id).put("type_id", typeId);
    }
}

package kcwb.training.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * What {@code tokenizer_config.json} (+ {@code special_tokens_map.json}) says about a WordPiece
 * tokenizer, with the defaults of transformers' {@code BertTokenizer} where a key is absent.
 *
 * @param stripAccents already resolved: a null in the file follows {@code doLowerCase}, as in HF
 */
record BertTokenizerSettings(
        boolean doLowerCase,
        boolean stripAccents,
        boolean tokenizeChineseChars,
        SpecialTokenNames specials,
        List<String> additionalSpecialTokens) {

    /**
     * Reads the settings; special_tokens_map.json (may be null) wins over tokenizer_config.json for
     * the special tokens, as when transformers loads both.
     */
    static BertTokenizerSettings from(JsonNode tokenizerConfig, JsonNode specialTokensMap) {
        boolean lower = booleanOr(tokenizerConfig.get("do_lower_case"), true);
        boolean strip = booleanOr(tokenizerConfig.get("strip_accents"), lower);
        boolean chinese = booleanOr(tokenizerConfig.get("tokenize_chinese_chars"), true);
        SpecialTokenNames specials = new SpecialTokenNames(
                special("pad_token", "[PAD]", tokenizerConfig, specialTokensMap),
                special("unk_token", "[UNK]", tokenizerConfig, specialTokensMap),
                special("cls_token", "[CLS]", tokenizerConfig, specialTokensMap),
                special("sep_token", "[SEP]", tokenizerConfig, specialTokensMap),
                special("mask_token", "[MASK]", tokenizerConfig, specialTokensMap));
        SequencedSet<String> additional = new LinkedHashSet<>();
        addTokenList(tokenizerConfig.get("additional_special_tokens"), additional);
        if (specialTokensMap != null) {
            addTokenList(specialTokensMap.get("additional_special_tokens"), additional);
        }
        return new BertTokenizerSettings(lower, strip, chinese, specials, new ArrayList<>(additional));
    }

    private static boolean booleanOr(JsonNode node, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("expected true, false or null but found " + node);
        }
        return node.booleanValue();
    }

    private static String special(String key, String fallback, JsonNode config, JsonNode map) {
        String fromMap = map == null ? null : tokenText(map.get(key));
        if (fromMap != null) {
            return fromMap;
        }
        String fromConfig = tokenText(config.get(key));
        return fromConfig != null ? fromConfig : fallback;
    }

    /** A token is written either as a string or as an AddedToken object {"content": ...}. */
    private static String tokenText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        JsonNode content = node.get("content");
        return content != null && content.isTextual() ? content.textValue() : null;
    }

    private static void addTokenList(JsonNode list, SequencedSet<String> into) {
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String text = tokenText(item);
                if (text != null) {
                    into.add(text);
                }
            }
        }
    }
}

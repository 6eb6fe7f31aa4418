package kcwb.training.finetune;

import java.util.Map;
import java.util.stream.Collectors;
import kcwb.training.provenance.CleaningProvenance;
import kcwb.training.provenance.TokenizerProvenance;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.CleaningRule;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;
import kcwb.training.train.EncodedText;
import kcwb.training.train.TextEncoder;

/**
 * Raw comment → (optional cleaning) → KcTokenizer ids: the one path texts take at train, eval and predict,
 * so the three can never disagree. Examples handed to the engine carry the RAW text; this encoder cleans it.
 * Thread-safe (the cleaner is stateless and the tokenizer is thread-safe).
 */
public final class TextPipeline implements TextEncoder {
    private final KcTokenizer tokenizer;
    private final KcCleaner cleaner;

    /** @param recipe the cleaning recipe, or null for none */
    public TextPipeline(KcTokenizer tokenizer, CleaningRecipe recipe) {
        this.tokenizer = tokenizer;
        this.cleaner = recipe == null ? null : new KcCleaner(recipe);
    }

    /** {@code none} or a recipe id ({@code kcelectra}, {@code kcelectra-pretrain}). */
    public static TextPipeline of(KcTokenizer tokenizer, String cleaningId) {
        if (cleaningId == null || cleaningId.equals(CleaningProvenance.NONE)) {
            return new TextPipeline(tokenizer, null);
        }
        return new TextPipeline(tokenizer, CleaningRecipe.byId(cleaningId));
    }

    /** The text the model sees: cleaned when a recipe is set, else unchanged. */
    public String clean(String raw) {
        return cleaner == null ? raw : cleaner.clean(raw);
    }

    @Override
    public EncodedText encode(String rawText, int maxLength) {
        TokenizedText tokens = tokenizer.encode(clean(rawText), maxLength);
        return new EncodedText(tokens.ids(), tokens.typeIds());
    }

    public KcTokenizer tokenizer() {
        return tokenizer;
    }

    public CleaningProvenance cleaningProvenance() {
        if (cleaner == null) {
            return CleaningProvenance.none();
        }
        CleaningRecipe recipe = cleaner.recipe();
        return new CleaningProvenance(recipe.id(), recipe.rules().stream().map(TextPipeline::describe).toList());
    }

    public TokenizerProvenance tokenizerProvenance(int maxLength) {
        return new TokenizerProvenance(tokenizer.vocabSha256(), tokenizer.origin(), tokenizer.vocabSize(), maxLength,
                TokenizerProvenance.TRUNCATE_END);
    }

    private static String describe(CleaningRule rule) {
        Map<String, String> parameters = rule.parameters();
        if (parameters.isEmpty()) {
            return rule.key();
        }
        return rule.key() + parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "(", ")"));
    }
}

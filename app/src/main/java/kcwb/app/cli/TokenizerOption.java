package kcwb.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import kcwb.training.tokenize.InvalidTokenizerException;
import kcwb.training.tokenize.KcTokenizer;

/** Opens the tokenizer a {@code --model DIR} option names, or the demo tokenizer when it is absent. */
final class TokenizerOption {
    private TokenizerOption() {}

    static KcTokenizer open(Path modelOrNull) throws IOException {
        if (modelOrNull == null) {
            return KcTokenizer.demo();
        }
        try {
            return KcTokenizer.load(modelOrNull);
        } catch (InvalidTokenizerException e) {
            throw new UserFacingException("cannot load the tokenizer: " + e.getMessage(), e);
        }
    }
}

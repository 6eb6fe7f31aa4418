package kcwb.training.train;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which parameters get weight decay, as transformers 5 {@code Trainer.get_decay_parameter_names} decides:
 * none whose lower-cased name matches bias, layernorm, rmsnorm or a "norm" path segment. (HF also
 * excludes every parameter of an {@code nn.LayerNorm} module; in ELECTRA those are all named
 * {@code LayerNorm}, so the name rule covers them.)
 */
public final class WeightDecayRule {
    private static final List<Pattern> NO_DECAY = List.of(Pattern.compile("bias"), Pattern.compile("layernorm"),
            Pattern.compile("rmsnorm"), Pattern.compile("(?:^|\\.)norm(?:$|\\.)"), Pattern.compile("_norm(?:$|\\.)"));

    private WeightDecayRule() {}

    public static boolean decays(String parameterName) {
        String lower = parameterName.toLowerCase(java.util.Locale.ROOT);
        return NO_DECAY.stream().noneMatch(p -> p.matcher(lower).find());
    }
}

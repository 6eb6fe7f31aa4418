package kcwb.training.text;

import java.util.Map;

/**
 * The first half of soynlp's {@code repeat_normalize(x, num_repeats=n)}:
 * {@code re.sub(r'(\w)\1{2,}', r'\1' * n, x)}, i.e. a word character (Python's Unicode {@code \w})
 * repeated three or more times becomes exactly {@code n} copies ({@code ㅋㅋㅋㅋ → ㅋㅋ},
 * {@code 10000원 → 100원}). As in soynlp, the threshold stays three even when n is larger, so
 * {@code n = 5} turns {@code ㅋㅋㅋ} into five. soynlp is not in our wheelhouse: this restates its
 * {@code repeat_normalize} (checked against lovit/soynlp's normalizer source), as the fixture generator's header says.
 */
public final class RepeatNormalizeRule implements CleaningRule {
    /**
     * Shortest run that is rewritten: 3, for soynlp's {@code (\w)\1{2,}} (its current normalizer source; some
     * old forks used {@code {3,}}).
     */
    static final int MIN_RUN = 3;

    private final int repeats;

    public RepeatNormalizeRule(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeat-normalize needs n >= 1, got " + repeats);
        }
        this.repeats = repeats;
    }

    public int repeats() {
        return repeats;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of("n", Integer.toString(repeats));
    }

    @Override
    public String key() {
        return "repeat-normalize";
    }

    @Override
    public String name() {
        return "Repeat normalisation (n=" + repeats + ")";
    }

    @Override
    public String description() {
        return "Shortens a letter or digit repeated three or more times to " + repeats + " copies.";
    }

    @Override
    public String exampleInput() {
        return "ㅋㅋㅋㅋㅋ 대박ㅠㅠㅠㅠ 10000원";
    }

    @Override
    public void apply(CodePointBuffer input, CodePointBuffer output) {
        int[] s = input.codePoints;
        int length = input.size;
        int i = 0;
        while (i < length) {
            int c = s[i];
            int run = 1;
            while (i + run < length && s[i + run] == c) {
                run++;
            }
            if (run >= MIN_RUN && PythonUnicode.isWord(c)) {
                for (int k = 0; k < repeats; k++) {
                    int source = i + Math.min(k, run - 1);
                    output.append(c, source, source + 1);
                }
            } else {
                for (int k = 0; k < run; k++) {
                    output.append(c, i + k, i + k + 1);
                }
            }
            i += run;
        }
    }
}

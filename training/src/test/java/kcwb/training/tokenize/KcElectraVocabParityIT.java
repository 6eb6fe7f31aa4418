package kcwb.training.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kcwb.training.text.KcCleaner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opt-in check against the real KcELECTRA vocabularies in ../shared/kcelectra (never copied into
 * the repository): the committed inputs must give the ids Python transformers gave
 * (kcelectra-expected.json holds only ids and the vocab's sha256), and a sample of the shared
 * dataset's comments must tokenize consistently (ids match tokens, offsets point at each token's
 * text). Skipped, with the reason printed, when ../shared is absent.
 */
class KcElectraVocabParityIT {
    private static final Path SHARED = Path.of(System.getProperty("kcwb.shared.dir", "../../shared"));

    @ParameterizedTest
    @ValueSource(strings = {"v2021", "v2022"})
    void committedInputsGiveTheIdsTransformersGave(String revision) throws IOException {
        Path folder = sharedFolder(revision);
        JsonNode expected = TokenizeFixtures.JSON.readTree(TokenizeFixtures.dir().resolve("kcelectra-expected.json")
                .toFile()).get(revision);
        List<String> inputs = TokenizeFixtures.inputs();
        try (KcTokenizer tokenizer = KcTokenizer.load(folder)) {
            assertEquals(expected.get("vocab_sha256").textValue(), tokenizer.vocabSha256(),
                    folder.resolve("vocab.txt") + " is not the vocabulary the expected ids were made with");
            List<TokenizedText> batch = tokenizer.encodeBatch(inputs, 100_000);
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(TokenizeFixtures.longs(expected.get("ids").get(i)), batch.get(i).ids(),
                        revision + " input " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2021", "v2022"})
    void datasetCommentsTokenizeConsistently(String revision) throws IOException {
        Path folder = sharedFolder(revision);
        List<String> comments = datasetSample();
        try (KcTokenizer tokenizer = KcTokenizer.load(folder)) {
            List<TokenizedText> batch = tokenizer.encodeBatch(comments, 512);
            int unknown = 0;
            for (int i = 0; i < comments.size(); i++) {
                assertConsistent(tokenizer, comments.get(i), batch.get(i), revision + " comment " + i);
                unknown += batch.get(i).unknownCount();
            }
            System.err.printf("KcElectraVocabParityIT: %s: %d dataset comments consistent, %d [UNK] tokens%n",
                    revision, comments.size(), unknown);
        }
    }

    private static void assertConsistent(KcTokenizer tokenizer, String text, TokenizedText encoded, String where) {
        int previousEnd = 0;
        for (int t = 0; t < encoded.size(); t++) {
            String token = encoded.tokens().get(t);
            assertEquals(tokenizer.tokenId(token).orElse(-1), encoded.ids()[t], where + " id of " + token);
            if (encoded.special()[t]) {
                continue;
            }
            int start = encoded.charStart(t);
            int end = encoded.charEnd(t);
            assertTrue(previousEnd <= start && start < end && end <= text.length(), where + " offsets of " + token);
            String source = text.substring(start, end);
            if (!encoded.unknown()[t]) {
                assertEquals(token.startsWith("##") ? token.substring(2) : token, source, where + " source of " + token);
            }
            previousEnd = end;
        }
    }

    private static List<String> datasetSample() throws IOException {
        Path train = SHARED.resolve("datasets/korean-hate-speech/labeled/train.tsv");
        List<String> lines = Files.readAllLines(train, StandardCharsets.UTF_8);
        List<String> comments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i += 5) {
            comments.add(lines.get(i).split("\t", -1)[0]);
        }
        return comments;
    }

    /** Every comment of korean-hate-speech (train + dev) and curse-detection (text before the last '|'). */
    private static List<String> allDatasetComments() throws IOException {
        List<String> comments = new ArrayList<>();
        for (String tsv : List.of("train.tsv", "dev.tsv")) {
            Path file = SHARED.resolve("datasets/korean-hate-speech/labeled").resolve(tsv);
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines.subList(1, lines.size()).forEach(line -> comments.add(line.split("\t", -1)[0]));
            }
        }
        Path curse = SHARED.resolve("datasets/curse-detection/dataset.txt");
        if (Files.isRegularFile(curse)) {
            for (String line : Files.readAllLines(curse, StandardCharsets.UTF_8)) {
                int bar = line.lastIndexOf('|');
                comments.add(bar < 0 ? line : line.substring(0, bar));
            }
        }
        return comments;
    }

    /** The pure-Java WordPiece path gives DJL's result on every dataset comment, raw and cleaned, at two max_lens. */
    @ParameterizedTest
    @ValueSource(strings = {"v2021", "v2022"})
    void javaWordPiecePathEqualsDjlOnDatasetComments(String revision) throws IOException {
        Path folder = sharedFolder(revision);
        KcCleaner cleaner = KcCleaner.kcelectra();
        try (KcTokenizer tokenizer = KcTokenizer.load(folder)) {
            assertNotNull(tokenizer.wordPiece(), "KcELECTRA's cased vocab.txt uses the Java path");
            int fast = 0;
            int total = 0;
            for (String comment : allDatasetComments()) {
                for (String text : List.of(comment, cleaner.clean(comment))) {
                    for (int maxLen : new int[] {16, 512}) {
                        total++;
                        fast += tokenizer.wordPiece().encode(text, maxLen) != null ? 1 : 0;
                        BertWordPieceTest.assertSame(tokenizer.encodeNative(text, maxLen), tokenizer.encode(text, maxLen),
                                revision + " " + text);
                    }
                }
            }
            System.err.printf("KcElectraVocabParityIT: %s: Java WordPiece path took %d of %d encodings, all equal to DJL%n",
                    revision, fast, total);
            assertTrue(fast > total / 2);
        }
    }

    private static Path sharedFolder(String revision) {
        Path folder = SHARED.resolve("kcelectra").resolve(revision);
        boolean present = Files.isRegularFile(folder.resolve("vocab.txt"));
        if (!present) {
            System.err.println("KcElectraVocabParityIT skipped: " + folder + " is absent (set -Dkcwb.shared.dir)");
        }
        Assumptions.assumeTrue(present, folder + " is absent");
        return folder;
    }
}

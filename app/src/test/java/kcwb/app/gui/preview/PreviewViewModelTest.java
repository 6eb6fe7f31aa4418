package kcwb.app.gui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.training.text.CleaningRecipe;
import kcwb.training.text.KcCleaner;
import kcwb.training.tokenize.KcTokenizer;
import kcwb.training.tokenize.TokenizedText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewViewModelTest {
    private static final String NOISY = "ㅋㅋㅋㅋ 뷁 대박 😂 https://a.com 이다";

    private final DirectTaskRunner runner = new DirectTaskRunner();
    private PreviewViewModel viewModel;

    @TempDir
    Path dir;

    private PreviewViewModel create(String input) {
        viewModel = new PreviewViewModel(I18n.of(Locale.ENGLISH), runner, input);
        return viewModel;
    }

    @AfterEach
    void dispose() {
        if (viewModel != null) {
            viewModel.dispose();
        }
    }

    @Test
    void seedCommentsAreSplitIntoLinesAndTheFirstIsPreviewedWithTheDemoTokenizer() {
        create(PreviewWorkbenchView.SEED_COMMENTS);
        assertEquals(5, viewModel.comments().size());
        assertEquals(0, viewModel.selectedIndexProperty().get());
        assertNotNull(viewModel.tokenizerProperty().get(), "the demo tokenizer loads through the task runner");
        assertNull(viewModel.modelFolderProperty().get());
        assertEquals(1, runner.submittedCount());
        PreviewViewModel.Preview preview = viewModel.previewProperty().get();
        String first = viewModel.comments().get(0);
        assertEquals(KcCleaner.kcelectra().clean(first), preview.cleaning().cleaned());
        assertTrue(preview.tokenized());
        assertEquals(CleaningRecipe.KCELECTRA, viewModel.recipeIdProperty().get());
        assertEquals(CleaningRecipe.kcelectra().ruleKeys(), viewModel.enabledRuleKeys());
    }

    @Test
    void blankLinesAreNotCommentsAndEditingKeepsTheSelection() {
        create("하나\n\n   \n둘\r\n셋");
        assertEquals(List.of("하나", "둘", "셋"), viewModel.comments());
        viewModel.selectedIndexProperty().set(2);
        viewModel.inputProperty().set("하나\n둘\n셋이다");
        assertEquals(2, viewModel.selectedIndexProperty().get());
        assertEquals("셋이다", viewModel.previewProperty().get().cleaning().cleaned());
        viewModel.inputProperty().set("하나");
        assertEquals(0, viewModel.selectedIndexProperty().get());
        viewModel.inputProperty().set("");
        assertNull(viewModel.previewProperty().get());
        assertTrue(viewModel.chips().isEmpty());
    }

    @Test
    void originalRunsNameTheRuleThatRemovedEachPart() {
        create(NOISY);
        assertEquals("ㅋㅋ 뷁 대박 이다", viewModel.previewProperty().get().cleaning().cleaned());
        List<PreviewParts.Run> runs = viewModel.originalRuns();
        assertEquals(NOISY, String.join("", runs.stream().map(PreviewParts.Run::text).toList()));
        assertTrue(runs.contains(new PreviewParts.Run("😂", "character-filter")), runs.toString());
        assertTrue(runs.stream().anyMatch(run -> "url-removal".equals(run.mark()) && run.text().contains("https://a.com")),
                runs.toString());
        assertTrue(runs.contains(new PreviewParts.Run("ㅋㅋ", "repeat-normalize")), runs.toString());
        assertTrue(runs.contains(new PreviewParts.Run("ㅋㅋ", null)), "the two kept ㅋ are unmarked: " + runs);
    }

    @Test
    void chipsMatchTheTokenizerAndMarkUnknownTokens() {
        create(NOISY);
        TokenizedText expected = KcTokenizer.demo().encode("ㅋㅋ 뷁 대박 이다", 64);
        List<PreviewParts.Chip> chips = viewModel.chips();
        assertEquals(expected.tokens(), chips.stream().map(PreviewParts.Chip::text).toList());
        assertEquals(1, chips.stream().filter(PreviewParts.Chip::unknown).count(), "뷁 is not in the demo vocab");
        assertTrue(chips.get(0).special() && chips.get(chips.size() - 1).special());
        assertFalse(chips.stream().anyMatch(PreviewParts.Chip::cut));
        assertEquals("Tokens: " + expected.size() + "  ·  [UNK]: 1  ·  truncated: no  (untruncated: " + expected.size() + ")",
                viewModel.countsText());
    }

    @Test
    void togglingARuleRecleansAndMakesTheRecipeCustom() {
        create(NOISY);
        viewModel.ruleEnabledProperty("repeat-normalize").set(false);
        assertEquals("ㅋㅋㅋㅋ 뷁 대박 이다", viewModel.previewProperty().get().cleaning().cleaned());
        assertEquals(PreviewViewModel.CUSTOM_RECIPE, viewModel.recipeIdProperty().get());
        viewModel.ruleEnabledProperty("repeat-normalize").set(true);
        assertEquals(CleaningRecipe.KCELECTRA, viewModel.recipeIdProperty().get(), "back to the named rule set");
    }

    @Test
    void choosingThePretrainRecipeKeepsEmoji() {
        create(NOISY);
        viewModel.recipeIdProperty().set(CleaningRecipe.KCELECTRA_PRETRAIN);
        assertEquals(CleaningRecipe.kcelectraPretrain().ruleKeys(), viewModel.enabledRuleKeys());
        assertFalse(viewModel.ruleEnabledProperty("emoji-removal").get());
        assertEquals(new KcCleaner(CleaningRecipe.kcelectraPretrain()).clean(NOISY), viewModel.previewProperty().get().cleaning().cleaned());
        assertTrue(viewModel.previewProperty().get().cleaning().cleaned().contains("😂"));
    }

    @Test
    void maxLenCutsTokensAndMarksTheTail() {
        create("가나다 라마바 사아자 차카타 파하");
        int untruncated = viewModel.previewProperty().get().full().size();
        assertTrue(untruncated > 5, "needs more than 5 tokens: " + untruncated);
        viewModel.maxLenProperty().set(5);
        PreviewViewModel.Preview preview = viewModel.previewProperty().get();
        assertEquals(5, preview.kept().size());
        assertTrue(preview.kept().isTruncated());
        List<PreviewParts.Chip> chips = viewModel.chips();
        assertEquals(untruncated, chips.size(), "cut tokens are still shown");
        assertEquals(untruncated - 5, chips.stream().filter(PreviewParts.Chip::cut).count());
        assertTrue(chips.get(chips.size() - 1).special() && !chips.get(chips.size() - 1).cut(), "[SEP] stays last, not cut");
        assertTrue(viewModel.countsText().contains("truncated: yes"));
        PreviewParts.Run tail = viewModel.cleanedRuns().getLast();
        assertEquals(PreviewParts.MARK_CUT, tail.mark());
        assertEquals(preview.cleaning().cleaned().substring(preview.kept().truncatedAt()), tail.text());
    }

    @Test
    void hoveringATokenMarksItsSpanInTheCleanedText() {
        create("안녕하세요 대박");
        PreviewViewModel.Preview preview = viewModel.previewProperty().get();
        int token = preview.full().size() - 2; // last content token
        viewModel.selectedTokenProperty().set(1);
        viewModel.hoveredTokenProperty().set(token);
        String expected = preview.cleaning().cleaned().substring(preview.full().charStart(token), preview.full().charEnd(token));
        List<PreviewParts.Run> focused = viewModel.cleanedRuns().stream()
                .filter(run -> PreviewParts.MARK_FOCUS.equals(run.mark())).toList();
        assertEquals(List.of(new PreviewParts.Run(expected, PreviewParts.MARK_FOCUS)), focused);
        viewModel.hoveredTokenProperty().set(-1);
        assertEquals(1, viewModel.focusedToken(), "the clicked token stays marked when the mouse leaves");
    }

    @Test
    void aModelFolderLoadsInTheBackgroundAndABadOneKeepsTheCurrentTokenizer() throws IOException {
        create("대박");
        KcTokenizer demo = viewModel.tokenizerProperty().get();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        viewModel.chooseModelFolder(empty);
        assertTrue(viewModel.tokenizerStatusProperty().get().startsWith("Could not load the tokenizer"),
                viewModel.tokenizerStatusProperty().get());
        assertTrue(viewModel.tokenizerStatusProperty().get().contains("vocab.txt"));
        assertEquals(demo, viewModel.tokenizerProperty().get());
        assertFalse(viewModel.loadingProperty().get());

        Path model = Files.createDirectories(dir.resolve("my-model"));
        for (String name : List.of("vocab.txt", "tokenizer_config.json", "special_tokens_map.json")) {
            try (InputStream in = KcTokenizer.class.getResourceAsStream(KcTokenizer.DEMO_MODEL_RESOURCE + "/" + name)) {
                Files.copy(in, model.resolve(name));
            }
        }
        viewModel.chooseModelFolder(model);
        assertEquals(model, viewModel.modelFolderProperty().get());
        assertTrue(viewModel.tokenizerStatusProperty().get().contains("my-model"), viewModel.tokenizerStatusProperty().get());
        assertTrue(viewModel.previewProperty().get().tokenized());
        assertEquals(3, runner.submittedCount(), "demo + failed + loaded, all through the runner");
    }
}

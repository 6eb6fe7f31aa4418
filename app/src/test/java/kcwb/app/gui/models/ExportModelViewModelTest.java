package kcwb.app.gui.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.train.ModelExportService;
import kcwb.training.finetune.DemoModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportModelViewModelTest {
    private static final I18n EN = I18n.of(Locale.ENGLISH);

    @TempDir
    Path temp;

    @Test
    void listsWhatWillBeWrittenThenExportsAnHfFolderWithAModelCard() throws IOException {
        Path checkpoint = DemoModel.extractTo(temp.resolve("run-7/checkpoint-40"));
        List<Path> exported = new ArrayList<>();
        DirectTaskRunner runner = new DirectTaskRunner();
        ExportModelViewModel viewModel = new ExportModelViewModel(EN, runner, checkpoint, new ModelExportService(),
                temp.resolve("home"), exported::add);

        assertEquals(temp.resolve("home/kcwb-models/run-7-checkpoint-40").toString(), viewModel.targetProperty().get());
        List<String> plan = viewModel.plan();
        assertTrue(plan.getFirst().startsWith("model.safetensors: the weights ("), plan.toString());
        JsonNode config = new ObjectMapper().readTree(checkpoint.resolve("config.json").toFile());
        int labels = config.path("id2label").size();
        assertTrue(plan.get(1).startsWith("config.json: ELECTRA config with id2label / label2id for " + labels + " labels"), plan.toString());
        assertTrue(plan.contains("vocab.txt: tokenizer"), plan.toString());
        assertTrue(plan.contains(EN.get("models.export.item.noProvenance")), plan.toString());
        assertEquals(EN.get("models.export.item.card"), plan.getLast());

        Path out = temp.resolve("exports/demo");
        viewModel.targetProperty().set(out.toString());
        viewModel.export();

        assertEquals(1, runner.submittedCount(), "the export ran as a background task");
        assertTrue(viewModel.doneProperty().get());
        assertEquals(List.of(out), exported);
        assertTrue(viewModel.messageProperty().get().startsWith("Exported to " + out), viewModel.messageProperty().get());
        for (String file : List.of("config.json", "model.safetensors", "vocab.txt", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void aTargetThatIsNotEmptyFailsWithTheReasonAndKeepsWhatIsThere() throws IOException {
        Path checkpoint = DemoModel.extractTo(temp.resolve("checkpoint-1"));
        Path out = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        List<Path> exported = new ArrayList<>();
        ExportModelViewModel viewModel = new ExportModelViewModel(EN, new DirectTaskRunner(), checkpoint,
                new ModelExportService(), temp, exported::add);
        viewModel.targetProperty().set(out.toString());
        viewModel.export();
        assertFalse(viewModel.doneProperty().get());
        assertTrue(viewModel.messageProperty().get().startsWith("Export failed: "), viewModel.messageProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("not an empty folder"), viewModel.messageProperty().get());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(exported.isEmpty());
    }
}

package kcwb.app.gui.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import kcwb.app.gui.common.DirectTaskRunner;
import kcwb.app.gui.common.I18n;
import kcwb.app.service.WorkspaceSession;
import kcwb.storage.label.Label;
import kcwb.storage.project.Project;
import kcwb.storage.project.TaskType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectViewModelTest {
    @TempDir
    Path dir;
    private final WorkspaceSession session = new WorkspaceSession();

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void createsTheProjectThenEditsLabelsAndGuidelineInStorage() {
        session.create(dir.resolve("new.kcwb"));
        AtomicInteger changes = new AtomicInteger();
        ProjectViewModel viewModel = new ProjectViewModel(I18n.of(Locale.ENGLISH), new DirectTaskRunner(), session,
                changes::incrementAndGet);
        viewModel.load();
        assertFalse(viewModel.existsProperty().get());
        viewModel.create();
        assertEquals("The project needs a name.", viewModel.messageProperty().get());

        viewModel.nameProperty().set("악플 분류");
        viewModel.taskTypeProperty().set(TaskType.MULTI_LABEL);
        viewModel.create();
        assertTrue(viewModel.existsProperty().get());
        viewModel.addLabel("hate");
        viewModel.addLabel("offensive");
        Label hate = viewModel.labels().getFirst();
        assertEquals("1", hate.hotkey());
        viewModel.updateLabel(hate, "혐오", "#112233", "9");
        viewModel.updateLabel(viewModel.labels().get(1), "공격", "red", "1");
        assertEquals("Colour must be #RRGGBB and the hotkey 1–9 or empty.", viewModel.messageProperty().get());
        viewModel.guidelineProperty().set("집단을 겨냥하면 hate");
        viewModel.saveGuideline();

        Project stored = session.call(w -> w.projects().require("악플 분류"));
        assertEquals(TaskType.MULTI_LABEL, stored.taskType());
        assertEquals("집단을 겨냥하면 hate", stored.guideline());
        List<Label> labels = session.call(w -> w.labels().list(stored.id()));
        assertEquals(List.of("혐오", "offensive"), labels.stream().map(Label::displayName).toList());
        assertEquals("#112233", labels.getFirst().color());
        assertEquals("9", labels.getFirst().hotkey());
        assertEquals(5, changes.get(), "create, two adds, one label edit, the guideline");
    }
}

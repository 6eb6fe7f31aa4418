package kcwb.app.service.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kcwb.storage.item.NewItem;
import kcwb.storage.workspace.Workspace;
import kcwb.storage.workspace.WorkspaceStore;

/**
 * A workspace with project "news" (the 60 labelled test comments of WorkspaceTrainingTest plus 16 unlabelled
 * ones) and a REAL tiny checkpoint trained on it with TrainService (4 steps, once per test JVM); each test works
 * on its own copy of the workspace file (the checkpoint folder is shared, read-only).
 */
public final class TrainedWorkspace {
    public static final int LABELLED = 60;
    public static final int UNLABELLED = 16;
    private static final List<String> MORE_UNLABELLED = List.of("경기 진짜 재밌었다 ㅋㅋ", "이런 기사 좀 그만 써라",
            "내일 몇 시에 시작해요?", "최고의 선수 👍", "ㅉㅉ 한심하다", "오늘 날씨 어때요");
    private static Path master;

    private TrainedWorkspace() {}

    /** A fresh copy of the trained workspace in {@code dir}. */
    public static Path copyInto(Path dir) {
        try {
            Path file = dir.resolve("review.kcwb");
            Files.copy(master(), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path master() throws IOException {
        if (master == null) {
            Path dir = Files.createTempDirectory("kcwb-review-fixture");
            Path file = WorkspaceTrainingTest.workspaceWithComments(dir);
            try (Workspace workspace = WorkspaceStore.open(file)) {
                long project = workspace.projects().require("news").id();
                for (String text : MORE_UNLABELLED) {
                    workspace.items().insert(project, NewItem.of(text));
                }
                for (String text : MORE_UNLABELLED) {
                    workspace.items().insert(project, NewItem.of(text + " 다시"));
                }
            }
            new TrainService().run(WorkspaceTrainingTest.request(file, dir.resolve("run"), null, 4), List.of(), job -> { });
            master = file;
        }
        return master;
    }
}

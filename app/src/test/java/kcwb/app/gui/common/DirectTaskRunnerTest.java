package kcwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTaskRunnerTest {
    private final DirectTaskRunner runner = new DirectTaskRunner();
    private final List<String> events = new ArrayList<>();

    @Test
    void successCallbackGetsTheResultThenFinished() {
        runner.submit(BackgroundTask.of("sum", progress -> 1 + 2)
                .onSuccess(result -> events.add("success " + result))
                .onFinished(() -> events.add("finished")));
        assertEquals(List.of("success 3", "finished"), events);
    }

    @Test
    void failureCallbackGetsTheException() {
        runner.submit(BackgroundTask.of("broken", progress -> {
            throw new IOException("disk gone");
        }).onSuccess(result -> events.add("success")).onFailure(error -> {
            assertInstanceOf(IOException.class, error);
            events.add("failure " + error.getMessage());
        }));
        assertEquals(List.of("failure disk gone"), events);
    }

    @Test
    void cancelledWorkEndsInOnCancelled() {
        runner.cancelNextTasks(true);
        runner.submit(BackgroundTask.of("long", progress -> {
            int steps = 0;
            while (!progress.isCancelled() && steps < 1_000) {
                steps++;
            }
            return steps;
        }).onSuccess(steps -> events.add("success " + steps)).onCancelled(() -> events.add("cancelled")));
        assertEquals(List.of("cancelled"), events);
    }

    @Test
    void progressAndMessageAreVisibleWhileRunningAndTheTaskIsListed() {
        List<String> seen = new ArrayList<>();
        TaskHandle[] handle = new TaskHandle[1];
        runner.runningTasks().addListener((javafx.collections.ListChangeListener<TaskHandle>) change -> {
            if (!runner.runningTasks().isEmpty()) {
                handle[0] = runner.runningTasks().getFirst();
            }
        });
        TaskHandle returned = runner.submit(BackgroundTask.of("import", progress -> {
            progress.update(3, 4);
            progress.message("row 3");
            seen.add(handle[0].title() + " " + handle[0].progressProperty().get() + " "
                    + handle[0].messageProperty().get() + " " + handle[0].runningProperty().get());
            return null;
        }));
        assertEquals(List.of("import 0.75 row 3 true"), seen);
        assertFalse(returned.runningProperty().get());
        assertTrue(runner.runningTasks().isEmpty());
        assertEquals(1, runner.submittedCount());
    }
}

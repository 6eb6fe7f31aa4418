package kcwb.app.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UiThrottleTest {
    /** A hand-driven clock and scheduler: actions run when the test advances time past their due time. */
    private static final class ManualTime implements UiThrottle.Scheduler {
        private record Due(long at, long order, Runnable action) {}

        final AtomicLong now = new AtomicLong(1_000_000_000L);
        private final PriorityQueue<Due> queue = new PriorityQueue<>(
                (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private long order;

        @Override
        public void schedule(Runnable action, long delayNanos) {
            queue.add(new Due(now.get() + delayNanos, order++, action));
        }

        void advanceMillis(long millis) {
            long target = now.get() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (!queue.isEmpty() && queue.peek().at <= target) {
                Due due = queue.poll();
                now.set(due.at);
                due.action.run();
            }
            now.set(target);
        }
    }

    private final ManualTime time = new ManualTime();
    private final List<List<Integer>> batches = new ArrayList<>();

    private UiThrottle<Integer> throttle(boolean keepAll) {
        return UiThrottle.withClock(Duration.ofMillis(100), keepAll, time.now::get, time, Runnable::run, batches::add);
    }

    @Test
    void firstEventAfterQuietPeriodIsDeliveredAtOnce() {
        UiThrottle<Integer> throttle = throttle(true);
        throttle.offer(1);
        assertEquals(List.of(List.of(1)), batches);
    }

    @Test
    void eventsWithinTheIntervalWaitAndArriveTogetherInOrder() {
        UiThrottle<Integer> throttle = throttle(true);
        throttle.offer(1);
        time.advanceMillis(10);
        throttle.offer(2);
        throttle.offer(3);
        time.advanceMillis(50);
        assertEquals(1, batches.size(), "nothing more before the 100 ms slot");
        time.advanceMillis(40);
        assertEquals(List.of(List.of(1), List.of(2, 3)), batches);
    }

    @Test
    void latestWinsKeepsOnlyTheNewestEventPerUpdate() {
        List<Integer> seen = new ArrayList<>();
        UiThrottle<Integer> throttle = UiThrottle.withClock(Duration.ofMillis(100), false, time.now::get, time,
                Runnable::run, batch -> seen.addAll(batch));
        throttle.offer(1);
        for (int i = 2; i <= 50; i++) {
            throttle.offer(i);
        }
        time.advanceMillis(100);
        assertEquals(List.of(1, 50), seen);
    }

    @Test
    void tenThousandEventsInOneSecondGiveAboutTenUpdatesAtLeastAnIntervalApartAndLoseNothing() {
        List<Long> deliveredAt = new ArrayList<>();
        UiThrottle<Integer> throttle = UiThrottle.withClock(Duration.ofMillis(100), true, time.now::get, time,
                Runnable::run, batch -> {
                    deliveredAt.add(time.now.get());
                    batches.add(batch);
                });
        for (int i = 0; i < 10_000; i++) {
            throttle.offer(i);
            time.advanceMillis(i % 10 == 9 ? 1 : 0); // 10 events per ms: one second in all
        }
        time.advanceMillis(200);
        assertTrue(batches.size() >= 10 && batches.size() <= 11, "updates: " + batches.size());
        for (int i = 1; i < deliveredAt.size(); i++) {
            assertTrue(deliveredAt.get(i) - deliveredAt.get(i - 1) >= TimeUnit.MILLISECONDS.toNanos(100));
        }
        assertEquals(10_000, batches.stream().mapToInt(List::size).sum());
        assertEquals(9_999, batches.getLast().getLast());
    }

    @Test
    void flushNowDeliversPendingEventsImmediately() {
        UiThrottle<Integer> throttle = throttle(true);
        throttle.offer(1);
        throttle.offer(2);
        throttle.flushNow();
        assertEquals(List.of(List.of(1), List.of(2)), batches);
    }

    @Test
    void manyThreadsAgainstTheRealClockStayUnderTheRate() throws InterruptedException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService ui = Executors.newSingleThreadScheduledExecutor(); // stands in for the FX thread
        ConcurrentLinkedQueue<List<Integer>> delivered = new ConcurrentLinkedQueue<>();
        UiThrottle<Integer> throttle = UiThrottle.batching(Duration.ofMillis(100),
                (action, delay) -> timer.schedule(action, delay, TimeUnit.NANOSECONDS), ui, delivered::add);
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int base = t * perThread;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    throttle.offer(base + i);
                    if (i % 500 == 0) {
                        sleep(25);
                    }
                }
                done.countDown();
            });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        sleep(250);
        ui.shutdown();
        assertTrue(ui.awaitTermination(5, TimeUnit.SECONDS));
        timer.shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(threads * perThread, delivered.stream().mapToInt(List::size).sum());
        assertTrue(delivered.size() <= Math.ceil(seconds * 10) + 1,
                delivered.size() + " updates in " + seconds + " s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

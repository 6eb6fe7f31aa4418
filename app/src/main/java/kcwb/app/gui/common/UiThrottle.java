package kcwb.app.gui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;

/**
 * Merges high-rate events from any thread into at most one UI update per interval (default 100 ms,
 * i.e. ~10 updates a second), delivered on the UI executor (the FX thread in the app).
 *
 * <ul>
 *   <li>{@link #batching}: every event is kept; the sink receives all events since the last update, in
 *       the order they were offered (chart points: append the batch to a series).</li>
 *   <li>{@link #latestWins}: only the newest event counts (a progress label, ETA, throughput).</li>
 * </ul>
 *
 * <pre>{@code
 * // TrainViewModel: engine events arrive on the training thread, the chart updates ~10 times a second
 * UiThrottle<StepEvent> steps = UiThrottle.batching(UiThrottle.DEFAULT_INTERVAL,
 *         batch -> lossSeries.getData().addAll(batch.stream().map(e -> new XYChart.Data<>(e.step(), e.loss())).toList()));
 * UiThrottle<StepEvent> eta = UiThrottle.latestWins(UiThrottle.DEFAULT_INTERVAL, e -> etaText.set(e.eta()));
 * listener = event -> { steps.offer(event); eta.offer(event); };   // any thread
 * }</pre>
 *
 * The first event after a quiet period is delivered at once; events arriving sooner than the interval
 * after an update wait for the next slot. Nothing is dropped by {@code batching}; {@link #flushNow()}
 * delivers what is pending (e.g. when training ends).
 */
public final class UiThrottle<T> {
    /** Schedules a delayed action; the test double runs it when the test advances its clock. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable action, long delayNanos);
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kcwb-ui-throttle");
        thread.setDaemon(true);
        return thread;
    });

    private final long intervalNanos;
    private final boolean keepAll;
    private final LongSupplier clock;
    private final Scheduler scheduler;
    private final Executor uiExecutor;
    private final Consumer<List<T>> sink;

    private final Object lock = new Object();
    private List<T> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastDeliveryNanos;
    private boolean delivered;
    private long deliveries;

    UiThrottle(Duration interval, boolean keepAll, LongSupplier clock, Scheduler scheduler, Executor uiExecutor,
            Consumer<List<T>> sink) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.keepAll = keepAll;
        this.clock = Objects.requireNonNull(clock);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.uiExecutor = Objects.requireNonNull(uiExecutor);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Every event, batched, on the FX thread. */
    public static <T> UiThrottle<T> batching(Duration interval, Consumer<List<T>> sink) {
        return batching(interval, realScheduler(), Platform::runLater, sink);
    }

    /** Only the newest event, on the FX thread. */
    public static <T> UiThrottle<T> latestWins(Duration interval, Consumer<T> sink) {
        return latestWins(interval, realScheduler(), Platform::runLater, sink);
    }

    /** Batching with an explicit scheduler and UI executor (tests; non-FX uses). */
    public static <T> UiThrottle<T> batching(Duration interval, Scheduler scheduler, Executor uiExecutor,
            Consumer<List<T>> sink) {
        return new UiThrottle<>(interval, true, System::nanoTime, scheduler, uiExecutor, sink);
    }

    /** Latest-wins with an explicit scheduler and UI executor (tests; non-FX uses). */
    public static <T> UiThrottle<T> latestWins(Duration interval, Scheduler scheduler, Executor uiExecutor,
            Consumer<T> sink) {
        return new UiThrottle<T>(interval, false, System::nanoTime, scheduler, uiExecutor,
                batch -> sink.accept(batch.getLast()));
    }

    /** Same, with an explicit clock: for deterministic tests that advance time by hand. */
    static <T> UiThrottle<T> withClock(Duration interval, boolean keepAll, LongSupplier clock, Scheduler scheduler,
            Executor uiExecutor, Consumer<List<T>> sink) {
        return new UiThrottle<>(interval, keepAll, clock, scheduler, uiExecutor, sink);
    }

    private static Scheduler realScheduler() {
        return (action, delayNanos) -> TIMER.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Offers an event; safe from any thread, never blocks on the UI. */
    public void offer(T event) {
        Objects.requireNonNull(event, "event");
        long delay;
        synchronized (lock) {
            if (!keepAll) {
                pending.clear();
            }
            pending.add(event);
            if (scheduled) {
                return;
            }
            scheduled = true;
            long now = clock.getAsLong();
            delay = delivered ? Math.max(0, lastDeliveryNanos + intervalNanos - now) : 0;
        }
        if (delay == 0) {
            uiExecutor.execute(this::deliver);
        } else {
            scheduler.schedule(() -> uiExecutor.execute(this::deliver), delay);
        }
    }

    /** Delivers whatever is pending right now, on the calling thread (call it on the UI thread). */
    public void flushNow() {
        deliver();
    }

    /** How many updates the sink has received: lets a test check the rate. */
    public long deliveries() {
        synchronized (lock) {
            return deliveries;
        }
    }

    private void deliver() {
        List<T> batch;
        synchronized (lock) {
            scheduled = false;
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new ArrayList<>();
            lastDeliveryNanos = clock.getAsLong();
            delivered = true;
            deliveries++;
        }
        sink.accept(List.copyOf(batch));
    }
}

package kcwb.training.train;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Tokenises and pads batches on one producer thread, a few batches ahead of the training thread, through a
 * bounded queue; the order is exactly the plan's. An encoding error is rethrown on the consuming thread.
 * Close it to stop the producer (e.g. on cancel or early stop).
 */
public final class PrefetchingBatches implements Iterator<HostBatch>, AutoCloseable {
    private static final int DEPTH = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread producer;
    private final int total;
    private int delivered;

    /** Prefetches {@code plan} from batch index {@code from} on. */
    public PrefetchingBatches(Batcher batcher, List<int[]> plan, int from) {
        this.total = Math.max(0, plan.size() - from);
        this.producer = Thread.ofPlatform().daemon().name("kcwb-batch-prefetch").start(() -> {
            try {
                for (int i = from; i < plan.size(); i++) {
                    queue.put(batcher.batch(plan.get(i)));
                }
                queue.put(END);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                queue.clear();
                queue.offer(failure);
            }
        });
    }

    @Override
    public boolean hasNext() {
        return delivered < total;
    }

    @Override
    public HostBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        delivered++;
        return (HostBatch) item;
    }

    @Override
    public void close() {
        producer.interrupt();
        try {
            producer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

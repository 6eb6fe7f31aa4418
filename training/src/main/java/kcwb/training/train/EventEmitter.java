package kcwb.training.train;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Delivers events to listeners; a listener that throws is reported once and then skipped. */
final class EventEmitter {
    private final List<TrainingListener> listeners;
    private final Set<TrainingListener> broken = new HashSet<>();

    EventEmitter(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void emit(TrainingEvent event) {
        for (TrainingListener listener : listeners) {
            if (broken.contains(listener)) {
                continue;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                broken.add(listener);
                System.err.println("kcwb: a training listener failed and is now ignored: " + e);
            }
        }
    }
}

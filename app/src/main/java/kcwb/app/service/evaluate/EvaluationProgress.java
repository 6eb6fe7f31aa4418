package kcwb.app.service.evaluate;

/** Progress of an evaluation (items done of total) and the user's wish to stop. */
public interface EvaluationProgress {
    void update(long done, long total);

    boolean isCancelled();

    EvaluationProgress NONE = new EvaluationProgress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}

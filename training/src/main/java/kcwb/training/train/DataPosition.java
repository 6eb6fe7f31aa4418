package kcwb.training.train;

/** Where the training data stream stands: the epoch (0-based) and the next batch to read in it. */
public record DataPosition(int epoch, int batchIndex) {
    public static final DataPosition START = new DataPosition(0, 0);
}

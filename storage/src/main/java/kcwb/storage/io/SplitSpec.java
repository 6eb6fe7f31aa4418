package kcwb.storage.io;

/** Train/dev/test fractions (summing to 1) and the seed of the stratified shuffle. */
public record SplitSpec(double train, double dev, double test, long seed) {
    public SplitSpec {
        if (train < 0 || dev < 0 || test < 0 || Math.abs(train + dev + test - 1.0) > 1e-6) {
            throw new IllegalArgumentException("split fractions must be >= 0 and sum to 1, got " + train + "/" + dev + "/" + test);
        }
    }

    /** Parses "0.8,0.1,0.1". */
    public static SplitSpec parse(String fractions, long seed) {
        String[] parts = fractions.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("split needs three fractions train,dev,test, got '" + fractions + "'");
        }
        return new SplitSpec(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                Double.parseDouble(parts[2].strip()), seed);
    }
}

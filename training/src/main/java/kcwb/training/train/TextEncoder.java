package kcwb.training.train;

/**
 * Text → token ids, truncated to {@code maxLength} (special tokens included). The tokenizer's class is
 * adapted to this with one lambda. It is called from producer threads (the train and dev producers may run
 * at the same time, when an evaluation happens mid-epoch), so it must be thread-safe.
 */
@FunctionalInterface
public interface TextEncoder {
    EncodedText encode(String text, int maxLength);
}

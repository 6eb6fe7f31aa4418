package kcwb.training.train;

/**
 * Text → token ids, truncated to {@code maxLength} (special tokens included). The tokenizer's class is
 * adapted to this with one lambda; it must be safe to call from the batcher's producer thread.
 */
@FunctionalInterface
public interface TextEncoder {
    EncodedText encode(String text, int maxLength);
}

package kcwb.training.hub;

import java.util.List;

/**
 * One file a model folder needs, given as alternatives in order of preference: the first candidate
 * the revision has is downloaded, the others are not. A required requirement that no candidate
 * satisfies fails the pull; an optional one is skipped (a 404 is fine).
 *
 * @param candidates file names relative to the repository root, most preferred first
 * @param required whether the model folder is unusable without it
 */
public record FileRequirement(List<String> candidates, boolean required) {
    public FileRequirement {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a file requirement needs at least one candidate");
        }
    }

    public static FileRequirement required(String... candidates) {
        return new FileRequirement(List.of(candidates), true);
    }

    public static FileRequirement optional(String... candidates) {
        return new FileRequirement(List.of(candidates), false);
    }

    /** How the requirement reads in messages: {@code model.safetensors or pytorch_model.bin}. */
    public String describe() {
        return String.join(" or ", candidates);
    }
}

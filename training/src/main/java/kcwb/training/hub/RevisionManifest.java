package kcwb.training.hub;

import java.util.List;
import java.util.Locale;

/**
 * Which files a KcELECTRA revision needs. The 2021 and 2022 tags are WordPiece (vocab.txt) with
 * pytorch_model.bin; main is a tokenizer.json with model.safetensors. Any other revision (a commit
 * hash, another branch) gets main's preferences with the older files as fallbacks, so a pull never
 * depends on guessing which layout a commit has.
 */
public final class RevisionManifest {
    private RevisionManifest() {}

    public static List<FileRequirement> forRevision(String revision) {
        String rev = revision.toLowerCase(Locale.ROOT);
        if (rev.equals("v2021") || rev.equals("v2022")) {
            return List.of(
                    FileRequirement.required("config.json"),
                    FileRequirement.required("vocab.txt", "tokenizer.json"),
                    FileRequirement.optional("tokenizer_config.json"),
                    FileRequirement.optional("special_tokens_map.json"),
                    FileRequirement.required("pytorch_model.bin", "model.safetensors"));
        }
        return List.of(
                FileRequirement.required("config.json"),
                FileRequirement.required("tokenizer.json", "vocab.txt"),
                FileRequirement.optional("tokenizer_config.json"),
                FileRequirement.optional("special_tokens_map.json"),
                FileRequirement.required("model.safetensors", "pytorch_model.bin"));
    }
}

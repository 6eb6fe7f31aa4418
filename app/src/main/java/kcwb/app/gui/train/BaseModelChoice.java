package kcwb.app.gui.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import kcwb.training.finetune.DemoModel;
import kcwb.training.hub.HubCache;

/**
 * Where a run's weights start: the demo model shipped in the jar, a from-scratch preset (tiny/small/base, with the
 * demo tokenizer), a KcELECTRA revision downloaded into the HF hub cache ({@code kcwb model pull}), or any local
 * HF folder.
 *
 * @param name the preset (SCRATCH), "repo @ revision" (HUB) or the folder (FOLDER); "demo" for DEMO
 * @param folder the HF folder (HUB, FOLDER), else null
 */
public record BaseModelChoice(Kind kind, String name, Path folder) {
    public enum Kind { DEMO, SCRATCH, HUB, FOLDER }

    public static final List<String> SCRATCH_PRESETS = List.of("tiny", "small", "base");
    /** Repositories whose cached snapshots are offered. */
    public static final List<String> KNOWN_REPOS = List.of("beomi/KcELECTRA-base", "beomi/KcELECTRA-small");

    public BaseModelChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static BaseModelChoice demo() {
        return new BaseModelChoice(Kind.DEMO, "demo", null);
    }

    public static BaseModelChoice scratch(String preset) {
        return new BaseModelChoice(Kind.SCRATCH, preset, null);
    }

    public static BaseModelChoice folder(Path folder) {
        return new BaseModelChoice(Kind.FOLDER, folder.toString(), folder);
    }

    /** The demo model (when the jar holds its weights), the scratch presets, then every cached KcELECTRA snapshot. */
    public static List<BaseModelChoice> available(HubCache cache) {
        List<BaseModelChoice> choices = new ArrayList<>();
        if (DemoModel.hasWeights()) {
            choices.add(demo());
        }
        SCRATCH_PRESETS.forEach(preset -> choices.add(scratch(preset)));
        for (String repo : KNOWN_REPOS) {
            choices.addAll(cachedSnapshots(cache, repo));
        }
        return choices;
    }

    /** Snapshots of {@code repo} that hold a config.json, named by the ref that points at them, else the short commit. */
    static List<BaseModelChoice> cachedSnapshots(HubCache cache, String repo) {
        Path snapshots = cache.repoDir(repo).resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        Map<String, String> refNames = refNames(cache.repoDir(repo).resolve("refs"));
        try (Stream<Path> entries = Files.list(snapshots)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("config.json"))).sorted().map(dir -> {
                String commit = dir.getFileName().toString();
                String revision = refNames.getOrDefault(commit, commit.substring(0, Math.min(7, commit.length())));
                return new BaseModelChoice(Kind.HUB, repo + " @ " + revision, dir);
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> refNames(Path refs) {
        Map<String, String> names = new HashMap<>();
        if (!Files.isDirectory(refs)) {
            return names;
        }
        try (Stream<Path> files = Files.list(refs)) {
            for (Path ref : files.filter(Files::isRegularFile).toList()) {
                names.putIfAbsent(Files.readString(ref).strip(), ref.getFileName().toString());
            }
        } catch (IOException e) {
            // unreadable refs: fall back to short commits
        }
        return names;
    }
}

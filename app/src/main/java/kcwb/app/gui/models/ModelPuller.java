package kcwb.app.gui.models;

import java.nio.file.Path;
import kcwb.training.hub.DownloadListener;
import kcwb.training.hub.HubDownloader;
import kcwb.training.hub.HubException;
import kcwb.training.hub.HubSettings;

/** Pulls a revision into the hub cache: {@link HubDownloader}, exactly as {@code kcwb model pull}; tests pass a fake. */
@FunctionalInterface
public interface ModelPuller {
    Path pull(HubSettings settings, String repo, String revision, DownloadListener listener) throws HubException;

    static ModelPuller hub() {
        return (settings, repo, revision, listener) -> new HubDownloader(settings).pull(repo, revision, listener);
    }
}

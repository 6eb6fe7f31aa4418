package kcwb.training.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Pulls the files a model revision needs into the shared hub cache and returns the snapshot folder
 * (the folder a model loader opens). Files already cached are not downloaded again; an interrupted
 * download resumes from its {@code .incomplete} file; every blob is checked against the size and, for
 * LFS files, the sha256 the hub announced before it enters the cache. In offline mode, or when the
 * hub cannot be reached, it answers from the cache alone.
 */
public final class HubDownloader {
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    /** Free bytes where a blob will be written; a seam so tests can simulate a full disk. */
    @FunctionalInterface
    public interface SpaceProbe {
        long usableBytes(Path dir) throws IOException;
    }

    private final HubSettings settings;
    private final HubClient client;
    private final HubCache cache;
    private final SpaceProbe spaceProbe;
    private final int maxAttempts;
    private final Duration retryDelay;

    public HubDownloader(HubSettings settings) {
        this(settings, new HubClient(settings), dir -> Files.getFileStore(dir).getUsableSpace(), 5, Duration.ofSeconds(1));
    }

    /** A downloader over a given client (tests: a client with a short stall timeout). */
    public HubDownloader(HubSettings settings, HubClient client) {
        this(settings, client, dir -> Files.getFileStore(dir).getUsableSpace(), 5, Duration.ofSeconds(1));
    }

    HubDownloader(HubSettings settings, HubClient client, SpaceProbe spaceProbe, int maxAttempts, Duration retryDelay) {
        this.settings = settings;
        this.client = client;
        this.cache = new HubCache(settings.cacheDir());
        this.spaceProbe = spaceProbe;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** The same downloader with another retry policy (attempts per file when the connection drops). */
    public HubDownloader withRetries(int attempts, Duration delay) {
        return new HubDownloader(settings, client, spaceProbe, Math.max(1, attempts), delay);
    }

    public HubDownloader withSpaceProbe(SpaceProbe probe) {
        return new HubDownloader(settings, client, probe, maxAttempts, retryDelay);
    }

    public HubCache cache() {
        return cache;
    }

    /** Pulls the files {@link RevisionManifest} lists for the revision. */
    public Path pull(String repo, String revision, DownloadListener listener) throws HubException {
        return pull(repo, revision, RevisionManifest.forRevision(revision), listener);
    }

    public Path pull(String repo, String revision, List<FileRequirement> manifest, DownloadListener listener)
            throws HubException {
        if (!REPO_ID.matcher(repo).matches() || repo.contains("..")) {
            throw new HubException(HubException.Reason.REPO_NOT_FOUND, "'" + repo
                    + "' is not a repository id; expected owner/name, e.g. beomi/KcELECTRA-base");
        }
        if (revision.isBlank() || revision.contains("/") || revision.contains("\\") || revision.startsWith(".")) {
            throw new HubException(HubException.Reason.REVISION_NOT_FOUND, "'" + revision
                    + "' is not a revision this cache can hold; use a branch, tag or commit such as v2022, v2021 or main");
        }
        if (settings.offline()) {
            return cache.resolveSnapshot(repo, revision, manifest);
        }
        try {
            return pullOnline(repo, revision, manifest, listener);
        } catch (HubException e) {
            if (e.reason() != HubException.Reason.NETWORK) {
                throw e;
            }
            try {
                Path cached = cache.resolveSnapshot(repo, revision, manifest);
                listener.warning(e.getMessage() + "; using the cached snapshot " + cached);
                return cached;
            } catch (HubException notCached) {
                throw new HubException(HubException.Reason.NETWORK, e.getMessage()
                        + "; and the revision is not in the cache " + cache.root(), e);
            }
        }
    }

    private Path pullOnline(String repo, String revision, List<FileRequirement> manifest, DownloadListener listener)
            throws HubException {
        cache.writeCacheDirTag();
        String commit = null;
        for (FileRequirement requirement : manifest) {
            if (listener.isCancelled()) {
                throw new HubException(HubException.Reason.CANCELLED, "pull of " + repo + " at " + revision
                        + " cancelled; files already downloaded stay in the cache " + cache.root());
            }
            boolean satisfied = false;
            for (String candidate : requirement.candidates()) {
                // After the first answer, ask by commit hash: a branch that moves mid-pull cannot mix snapshots.
                String asked = commit != null ? commit : revision;
                RemoteFile remote;
                try {
                    remote = client.fetchMetadata(repo, asked, candidate);
                } catch (HubException e) {
                    if (e.reason() != HubException.Reason.FILE_NOT_FOUND) {
                        throw e;
                    }
                    e.commit().ifPresent(c -> cache.markMissing(repo, c, candidate));
                    listener.fileSkipped(candidate, "not in " + repo + " at " + revision);
                    continue;
                }
                commit = commit != null ? commit : remote.commit();
                writeRef(repo, revision, remote.commit());
                fetchIntoCache(repo, remote, listener);
                satisfied = true;
                break;
            }
            if (!satisfied && requirement.required()) {
                throw new HubException(HubException.Reason.FILE_NOT_FOUND, repo + " at revision " + revision
                        + " has none of " + requirement.describe() + ", which a model folder needs");
            }
        }
        if (commit == null) {
            throw new HubException(HubException.Reason.FILE_NOT_FOUND, repo + " at revision " + revision
                    + " has none of the files asked for");
        }
        return cache.snapshotDir(repo, commit);
    }

    /** Puts the file into the snapshot, downloading its blob unless the cache has it. */
    private void fetchIntoCache(String repo, RemoteFile remote, DownloadListener listener) throws HubException {
        try {
            Path pointer = cache.pointerPath(repo, remote.commit(), remote.name());
            if (Files.isRegularFile(pointer)) {
                listener.fileReady(remote.name(), pointer, false);
                return;
            }
            boolean downloaded = false;
            Path blob = cache.blobPath(repo, remote.etag());
            Files.createDirectories(blob.getParent());
            if (!Files.isRegularFile(blob)) {
                Path lockFile = cache.lockPath(repo, remote.etag());
                Files.createDirectories(lockFile.getParent());
                try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockChannel.lock()) {
                    if (!Files.isRegularFile(blob)) { // another process may have finished it while we waited
                        downloadBlob(repo, remote, blob, listener);
                        downloaded = true;
                    }
                }
            }
            listener.fileReady(remote.name(), cache.linkIntoSnapshot(repo, remote.commit(), remote.name(),
                    remote.etag()), downloaded);
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw asHubException(e, "cannot store " + remote.name() + " in the cache " + cache.root());
        }
    }

    private void downloadBlob(String repo, RemoteFile remote, Path blob, DownloadListener listener) throws IOException {
        Path partial = cache.incompletePath(repo, remote.etag());
        checkFreeSpace(remote, partial);
        for (int attempt = 1; ; attempt++) {
            long before = Files.exists(partial) ? Files.size(partial) : 0;
            try {
                client.download(remote, partial, listener);
                break;
            } catch (HubException e) {
                if (e.reason() != HubException.Reason.NETWORK || attempt >= maxAttempts) {
                    throw e;
                }
                retryNotice(remote, partial, attempt, e, listener);
            } catch (IOException e) {
                if (listener.isCancelled()) {
                    throw HubClient.cancelled(remote, Files.exists(partial) ? Files.size(partial) : 0, partial);
                }
                if (attempt >= maxAttempts) {
                    long have = Files.exists(partial) ? Files.size(partial) : 0;
                    throw new HubException(HubException.Reason.NETWORK, "download of " + remote.name()
                            + " failed after " + attempt + " attempts (" + e.getMessage() + "); " + have
                            + " bytes are kept in " + partial + " and the next pull resumes from there", e);
                }
                if (Files.exists(partial) && Files.size(partial) > before) {
                    attempt = 0; // progress was made: like huggingface_hub, only stalls use up the retries
                }
                retryNotice(remote, partial, attempt, e, listener);
            }
        }
        verify(remote, partial);
        HubCache.moveReplacing(partial, blob);
    }

    private void retryNotice(RemoteFile remote, Path partial, int attempt, Exception e, DownloadListener listener)
            throws IOException {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        listener.warning("download of " + remote.name() + " interrupted at " + have + " bytes (" + e.getMessage()
                + "); resuming" + (attempt == 0 ? "" : " (retry " + attempt + " of " + (maxAttempts - 1) + ")"));
        try {
            Thread.sleep(retryDelay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.NETWORK, "interrupted while downloading " + remote.name());
        }
    }

    private void checkFreeSpace(RemoteFile remote, Path partial) throws IOException {
        if (!remote.sizeKnown()) {
            return;
        }
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        long needed = remote.size() - have;
        long usable = spaceProbe.usableBytes(partial.getParent());
        if (usable < needed) {
            throw new HubException(HubException.Reason.DISK_FULL, String.format(Locale.ROOT,
                    "not enough disk space for %s: it needs %s more, %s is free in %s; free space or choose"
                            + " another cache folder (--cache-dir or HF_HUB_CACHE)",
                    remote.name(), megabytes(needed), megabytes(usable), partial.getParent()));
        }
    }

    /** Size, then sha256 for LFS files; a bad file is deleted so it never enters the cache. */
    private static void verify(RemoteFile remote, Path partial) throws IOException {
        long size = Files.size(partial);
        if (remote.sizeKnown() && size != remote.size()) {
            Files.delete(partial);
            throw new HubException(HubException.Reason.CHECKSUM_MISMATCH, remote.name() + " has " + size
                    + " bytes but the hub announced " + remote.size() + "; the file was deleted, pull again");
        }
        if (remote.hasSha256Etag()) {
            String actual = sha256(partial);
            if (!actual.equals(remote.etag())) {
                Files.delete(partial);
                throw new HubException(HubException.Reason.CHECKSUM_MISMATCH, remote.name() + " is corrupt: sha256 "
                        + actual + " but the hub announced " + remote.etag()
                        + "; the file was deleted, pull again (if this repeats, a proxy may be altering downloads)");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void writeRef(String repo, String revision, String commit) throws HubException {
        try {
            cache.writeRef(repo, revision, commit);
        } catch (IOException e) {
            throw asHubException(e, "cannot write the ref " + revision + " in " + cache.repoDir(repo));
        }
    }

    private static HubException asHubException(IOException e, String what) {
        String message = String.valueOf(e.getMessage());
        boolean full = message.contains("No space left") || message.contains("Disk quota");
        return new HubException(full ? HubException.Reason.DISK_FULL : HubException.Reason.PROTOCOL,
                what + ": " + e, e);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

package kcwb.training.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Hugging Face hub cache, laid out exactly as huggingface_hub's file_download.py lays it out, so
 * a file Python downloaded is found here and the other way round:
 * <pre>
 * {root}/models--beomi--KcELECTRA-base/
 *     blobs/{etag}                     the bytes (etag = sha256 for LFS files, git sha1 otherwise)
 *     blobs/{etag}.incomplete          a download in progress (kept for HTTP Range resume)
 *     refs/{revision}                  the commit hash the branch or tag pointed at (no newline)
 *     snapshots/{commit}/{file}        symlink to ../../blobs/{etag}
 *     .no_exist/{commit}/{file}        empty marker: the hub said 404 for this file at this commit
 * {root}/.locks/models--beomi--KcELECTRA-base/{etag}.lock
 * {root}/CACHEDIR.TAG
 * </pre>
 */
public final class HubCache {
    static final Pattern COMMIT_HASH = Pattern.compile("[0-9a-f]{40}");
    static final String CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This file is a cache directory tag created by huggingface_hub.\n"
            + "# For information about cache directory tags, see:\n"
            + "#\thttps://bford.info/cachedir/\n";

    private final Path root;

    public HubCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code beomi/KcELECTRA-base} → {@code models--beomi--KcELECTRA-base}. */
    public static String repoFolderName(String repo) {
        return "models--" + String.join("--", repo.split("/"));
    }

    public Path repoDir(String repo) {
        return root.resolve(repoFolderName(repo));
    }

    public Path blobPath(String repo, String etag) {
        return repoDir(repo).resolve("blobs").resolve(checkedName(etag, "etag"));
    }

    /** The partial download of a blob; a later pull resumes it with an HTTP Range request. */
    public Path incompletePath(String repo, String etag) {
        return repoDir(repo).resolve("blobs").resolve(checkedName(etag, "etag") + ".incomplete");
    }

    public Path lockPath(String repo, String etag) {
        return root.resolve(".locks").resolve(repoFolderName(repo)).resolve(checkedName(etag, "etag") + ".lock");
    }

    public Path snapshotDir(String repo, String commit) {
        return repoDir(repo).resolve("snapshots").resolve(checkedName(commit, "commit"));
    }

    /** Where a file of a commit lives in the snapshot; refuses names that would escape it. */
    public Path pointerPath(String repo, String commit, String file) {
        Path snapshot = snapshotDir(repo, commit);
        Path pointer = snapshot.resolve(file).normalize();
        if (!pointer.startsWith(snapshot) || pointer.equals(snapshot)) {
            throw new IllegalArgumentException("file name escapes the snapshot folder: " + file);
        }
        return pointer;
    }

    /** The commit a revision stands for: the revision itself if it is a commit hash, else refs/{revision}. */
    public Optional<String> commitFor(String repo, String revision) throws IOException {
        if (COMMIT_HASH.matcher(revision).matches()) {
            return Optional.of(revision);
        }
        Path ref = repoDir(repo).resolve("refs").resolve(checkedName(revision, "revision"));
        if (!Files.isRegularFile(ref)) {
            return Optional.empty();
        }
        String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
        return commit.isEmpty() ? Optional.empty() : Optional.of(commit);
    }

    /** Records that {@code revision} points at {@code commit}, atomically, only when it changed. */
    public void writeRef(String repo, String revision, String commit) throws IOException {
        if (revision.equals(commit)) {
            return;
        }
        Path ref = repoDir(repo).resolve("refs").resolve(checkedName(revision, "revision"));
        if (Files.isRegularFile(ref) && Files.readString(ref, StandardCharsets.UTF_8).equals(commit)) {
            return;
        }
        Files.createDirectories(ref.getParent());
        Path tmp = ref.resolveSibling(ref.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        Files.writeString(tmp, commit, StandardCharsets.UTF_8);
        moveReplacing(tmp, ref);
    }

    /** A cached file of a revision (following the snapshot symlink), if present. */
    public Optional<Path> cachedFile(String repo, String revision, String file) throws IOException {
        Optional<String> commit = commitFor(repo, revision);
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Path pointer = pointerPath(repo, commit.get(), file);
        return Files.isRegularFile(pointer) ? Optional.of(pointer) : Optional.empty();
    }

    public boolean isKnownMissing(String repo, String commit, String file) {
        return Files.isRegularFile(repoDir(repo).resolve(".no_exist").resolve(commit).resolve(file));
    }

    /** Remembers a 404 the way huggingface_hub does, so an offline lookup knows the file never existed. */
    public void markMissing(String repo, String commit, String file) {
        Path marker = repoDir(repo).resolve(".no_exist").resolve(checkedName(commit, "commit")).resolve(file);
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException ignored) {
            // Only an optimisation, as in huggingface_hub: a later online pull asks again.
        }
    }

    /**
     * Makes {@code snapshots/{commit}/{file}} point at the blob: a relative symlink as huggingface_hub
     * makes, or a copy where the file system refuses symlinks (Windows without developer mode).
     */
    public Path linkIntoSnapshot(String repo, String commit, String file, String etag) throws IOException {
        Path blob = blobPath(repo, etag);
        Path pointer = pointerPath(repo, commit, file);
        Files.createDirectories(pointer.getParent());
        if (Files.isRegularFile(pointer)) {
            return pointer;
        }
        Files.deleteIfExists(pointer); // a dangling link left by a removed blob
        try {
            Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
        } catch (FileAlreadyExistsException raced) {
            return pointer;
        } catch (UnsupportedOperationException | IOException noSymlinks) {
            Files.copy(blob, pointer, StandardCopyOption.REPLACE_EXISTING);
        }
        return pointer;
    }

    /** Tags the cache root so backup tools skip it (huggingface_hub writes the same file). */
    public void writeCacheDirTag() {
        Path tag = root.resolve("CACHEDIR.TAG");
        try {
            if (!Files.exists(tag)) {
                Files.createDirectories(root);
                Files.writeString(tag, CACHEDIR_TAG, StandardCharsets.UTF_8);
            }
        } catch (IOException ignored) {
            // Optional, as in huggingface_hub.
        }
    }

    /**
     * The snapshot folder of a revision, from the cache only, checked to hold every file the revision's
     * manifest requires: the folder a model loader opens.
     *
     * @throws HubException with reason NOT_CACHED naming what is missing and how to get it
     */
    public Path resolveSnapshot(String repo, String revision) throws HubException {
        return resolveSnapshot(repo, revision, RevisionManifest.forRevision(revision));
    }

    public Path resolveSnapshot(String repo, String revision, List<FileRequirement> manifest) throws HubException {
        String pullHint = "; run `kcwb model pull " + repo + " --revision " + revision + "` while online";
        try {
            Optional<String> commit = commitFor(repo, revision);
            if (commit.isEmpty()) {
                throw new HubException(HubException.Reason.NOT_CACHED, repo + " revision " + revision
                        + " is not in the cache " + root + " (no " + repoDir(repo).resolve("refs").resolve(revision)
                        + ")" + pullHint);
            }
            List<String> missing = new ArrayList<>();
            for (FileRequirement requirement : manifest) {
                boolean present = false;
                for (String candidate : requirement.candidates()) {
                    present |= Files.isRegularFile(pointerPath(repo, commit.get(), candidate));
                }
                if (requirement.required() && !present) {
                    missing.add(requirement.describe());
                }
            }
            Path snapshot = snapshotDir(repo, commit.get());
            if (!missing.isEmpty()) {
                throw new HubException(HubException.Reason.NOT_CACHED, repo + " revision " + revision
                        + " (commit " + commit.get() + ") is only partly cached in " + snapshot
                        + ": missing " + String.join(", ", missing) + pullHint);
            }
            return snapshot;
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException(HubException.Reason.NOT_CACHED,
                    "cannot read the hub cache " + root + ": " + e.getMessage(), e);
        }
    }

    static void moveReplacing(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String checkedName(String name, String what) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid " + what + " for a cache path: '" + name + "'");
        }
        return name;
    }
}

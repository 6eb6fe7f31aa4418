package kcwb.training.hub;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * What the hub says about one file of a revision, from its {@code /resolve/} response headers.
 *
 * @param name the file name in the repository
 * @param commit the commit the revision resolved to (X-Repo-Commit)
 * @param etag the blob name: X-Linked-Etag (the sha256 of an LFS file) or ETag, quotes and W/ removed
 * @param size the file size in bytes (X-Linked-Size or Content-Length), or -1 when the hub did not say
 * @param downloadUri where to GET the bytes (the redirect target for LFS files)
 * @param sameHostAsHub whether {@code downloadUri} is on the hub's host, so the token may be sent there
 */
public record RemoteFile(String name, String commit, String etag, long size, URI downloadUri, boolean sameHostAsHub) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** LFS files are named by their sha256, which the download is checked against. */
    public boolean hasSha256Etag() {
        return SHA256.matcher(etag).matches();
    }

    public boolean sizeKnown() {
        return size >= 0;
    }

    /** huggingface_hub's {@code _normalize_etag}: drop a leading {@code W/} and the quotes. */
    static String normalizeEtag(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        while (value.startsWith("\"")) {
            value = value.substring(1);
        }
        while (value.endsWith("\"")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}

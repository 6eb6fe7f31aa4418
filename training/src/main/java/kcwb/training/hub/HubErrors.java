package kcwb.training.hub;

import java.net.http.HttpResponse;

/** Turns an HTTP error from the hub into a {@link HubException} whose message says what to do. */
final class HubErrors {
    private HubErrors() {}

    static HubException forResponse(HttpResponse<?> response, String repo, String revision, String file,
            boolean tokenSent) {
        int status = response.statusCode();
        String code = response.headers().firstValue("X-Error-Code").orElse("");
        String serverMessage = response.headers().firstValue("X-Error-Message").orElse("");
        String commit = response.headers().firstValue("X-Repo-Commit").orElse(null);
        String url = response.uri().toString();
        String tokenHint = tokenSent
                ? "the token sent (HF_TOKEN or the token file) was refused or lacks access"
                : "no token was sent: set HF_TOKEN or run `hf auth login` if the repository is private or gated";
        if (code.equals("RevisionNotFound")) {
            return new HubException(HubException.Reason.REVISION_NOT_FOUND, "revision '" + revision
                    + "' not found in " + repo + " (HTTP " + status + " for " + url
                    + "); KcELECTRA has the revisions v2021, v2022 and main");
        }
        if (code.equals("EntryNotFound")) {
            return new HubException(HubException.Reason.FILE_NOT_FOUND, "file '" + file + "' not found in "
                    + repo + " at revision " + revision + " (HTTP " + status + " for " + url + ")", null, commit);
        }
        if (code.equals("GatedRepo")) {
            return new HubException(HubException.Reason.UNAUTHORIZED, repo + " is gated: accept its conditions on"
                    + " the hub's web page, then pull with a token; " + tokenHint + " (HTTP " + status + ")");
        }
        if (status == 401 || status == 403) {
            String what = status == 401 ? "not authorised" : "forbidden";
            return new HubException(HubException.Reason.UNAUTHORIZED, "HTTP " + status + " (" + what + ") for "
                    + url + (serverMessage.isEmpty() ? "" : ": " + serverMessage) + "; the repository may be"
                    + " private or not exist; " + tokenHint);
        }
        if (code.equals("RepoNotFound")) {
            return new HubException(HubException.Reason.REPO_NOT_FOUND, "repository '" + repo + "' not found"
                    + " (HTTP " + status + " for " + url + "); check the name (e.g. beomi/KcELECTRA-base)");
        }
        if (status == 404) {
            return new HubException(HubException.Reason.FILE_NOT_FOUND, "not found: " + url + " (HTTP 404)",
                    null, commit);
        }
        return new HubException(HubException.Reason.PROTOCOL, "the hub answered HTTP " + status + " for " + url
                + (serverMessage.isEmpty() ? "" : ": " + serverMessage) + (status >= 500 ? "; try again later" : ""));
    }
}

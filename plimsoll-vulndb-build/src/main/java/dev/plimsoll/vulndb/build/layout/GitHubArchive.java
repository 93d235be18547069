package dev.plimsoll.vulndb.build.layout;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A feed published as a GitHub repository and downloaded as the branch's archive zip. GitHub puts every entry of
 * that zip under one top-level folder, {@code <repo>-<branch>/}, and the feed's data may sit deeper still
 * ({@code security-wg-main/vuln/}); {@link #archivePrefix()} is what the downloader has to strip so that the data
 * lands at {@code <target>/} as in ../shared/vulndata. Until {@link Download} carries that prefix, {@link #content}
 * also accepts a download unpacked as-is, with the prefix still in place.
 *
 * @param owner   GitHub owner ("rubysec")
 * @param repo    repository name ("ruby-advisory-db")
 * @param branch  branch archived ("master")
 * @param target  folder under the data root the feed reads ("ruby-advisory-db")
 * @param subPath folder inside the repository holding the data, "" for the whole repository, else ending in '/'
 */
public record GitHubArchive(String owner, String repo, String branch, String target, String subPath) {
    public GitHubArchive {
        Objects.requireNonNull(owner);
        Objects.requireNonNull(repo);
        Objects.requireNonNull(branch);
        Objects.requireNonNull(target);
        Objects.requireNonNull(subPath);
        if (!subPath.isEmpty() && !subPath.endsWith("/")) {
            throw new IllegalArgumentException("subPath must be empty or end in '/': " + subPath);
        }
    }

    public URI url() {
        return URI.create("https://github.com/" + owner + "/" + repo + "/archive/refs/heads/" + branch + ".zip");
    }

    /** The archive path prefix to strip (entries outside it are not needed): "ruby-advisory-db-master/". */
    public String archivePrefix() {
        return repo + "-" + branch + "/" + subPath;
    }

    public Download download(String key) {
        return new Download(key, url(), target, Download.Unpack.ZIP, Optional.empty(), archivePrefix());
    }

    /** The folder holding the feed's data: {@code <target>/}, or {@code <target>/<archivePrefix>} when unstripped. */
    public Optional<Path> content(DataRoot root) throws IOException {
        Optional<Path> unstripped = root.directory(target + "/" + archivePrefix());
        return unstripped.isPresent() ? unstripped : root.directory(target);
    }
}

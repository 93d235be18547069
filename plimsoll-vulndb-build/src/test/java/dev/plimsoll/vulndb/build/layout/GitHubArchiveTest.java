package dev.plimsoll.vulndb.build.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubArchiveTest {
    private final GitHubArchive wg = new GitHubArchive("nodejs", "security-wg", "main", "nodejs-security-wg", "vuln/");

    @Test
    void theDownloadIsTheBranchZipAndThePrefixItsTopFolderPlusTheSubPath() {
        Download download = wg.download("nodejs.archive");

        assertThat(download.url()).isEqualTo(URI.create("https://github.com/nodejs/security-wg/archive/refs/heads/main.zip"));
        assertThat(download.target()).isEqualTo("nodejs-security-wg");
        assertThat(download.unpack()).isEqualTo(Download.Unpack.ZIP);
        assertThat(wg.archivePrefix()).isEqualTo("security-wg-main/vuln/");
        assertThatThrownBy(() -> new GitHubArchive("o", "r", "b", "t", "no-slash"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentIsTheTargetOrTheUnstrippedFolderInsideIt(@TempDir Path root) throws IOException {
        DataRoot data = new DataRoot(root);
        assertThat(wg.content(data)).isEmpty();

        Files.createDirectories(root.resolve("nodejs-security-wg/npm"));
        assertThat(wg.content(data)).contains(root.toRealPath().resolve("nodejs-security-wg"));

        Files.createDirectories(root.resolve("nodejs-security-wg/security-wg-main/vuln/npm"));
        assertThat(wg.content(data)).contains(root.toRealPath().resolve("nodejs-security-wg/security-wg-main/vuln"));
    }

    @Test
    void aLinkedFeedFolderIsReportedNotFollowed(@TempDir Path root, @TempDir Path elsewhere) throws IOException {
        Files.createDirectories(elsewhere.resolve("npm"));
        Files.createSymbolicLink(root.resolve("nodejs-security-wg"), elsewhere);
        DataRoot data = new DataRoot(root);
        RecordingSink sink = new RecordingSink();

        assertThat(wg.content(data)).isEmpty();
        Unread.report(data, wg.target(), sink);
        Unread.report(data, "absent", sink);
        Unread.report(data, "../escape", sink);
        assertThat(sink.skipped).containsExactly(
                new RecordingSink.Skip("nodejs-security-wg", "symbolic link: not followed"),
                new RecordingSink.Skip("../escape", "outside the data root: not read"));
    }
}

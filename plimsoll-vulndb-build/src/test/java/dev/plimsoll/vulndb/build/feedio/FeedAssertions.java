package dev.plimsoll.vulndb.build.feedio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.layout.GitHubArchive;
import java.net.URI;
import java.nio.file.Path;

/** Assertions the feed tests share. */
public final class FeedAssertions {
    private FeedAssertions() {
    }

    /** The feed finds its data in the fixture data root and nothing in {@code empty}. */
    public static void assertPresentInTheFixturesOnly(Feed feed, Path empty) {
        assertThat(feed.present(TestData.fixtures())).isTrue();
        assertThat(feed.present(empty)).isFalse();
    }

    /**
     * The feed downloads exactly one zip, the branch archive at {@code url}, unpacked into {@code target}; the
     * feed's {@code archive} strips {@code prefix} from its entries.
     */
    public static void assertDownloadsTheBranchZip(Feed feed, GitHubArchive archive, String url, String target,
                                                   String prefix) {
        assertThat(feed.downloads()).singleElement().satisfies(d -> {
            assertThat(d.url()).isEqualTo(URI.create(url));
            assertThat(d.target()).isEqualTo(target);
            assertThat(d.unpack()).isEqualTo(Download.Unpack.ZIP);
        });
        assertThat(archive.archivePrefix()).isEqualTo(prefix);
    }
}

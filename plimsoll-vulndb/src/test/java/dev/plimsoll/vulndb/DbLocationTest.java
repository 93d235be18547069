package dev.plimsoll.vulndb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbLocationTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxUsesXdgCacheHomeOrDotCache() {
        assertThat(DbLocation.defaultFile(Map.of(), "Linux", HOME))
                .isEqualTo(Path.of("/home/ann/.cache/plimsoll/db/vulndb.db"));
        assertThat(DbLocation.defaultFile(Map.of("XDG_CACHE_HOME", "/var/cache/ann"), "Linux", HOME))
                .isEqualTo(Path.of("/var/cache/ann/plimsoll/db/vulndb.db"));
        assertThat(DbLocation.defaultFile(Map.of("XDG_CACHE_HOME", "relative"), "Linux", HOME))
                .isEqualTo(Path.of("/home/ann/.cache/plimsoll/db/vulndb.db"));
    }

    @Test
    void macOsAndWindowsUseTheirOwnCacheFolders() {
        assertThat(DbLocation.defaultFile(Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ann/Library/Caches/plimsoll/db/vulndb.db"));
        assertThat(DbLocation.defaultFile(Map.of("LOCALAPPDATA", "/c/Users/ann/AppData/Local"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/plimsoll/db/vulndb.db"));
        assertThat(DbLocation.defaultFile(Map.of(), "Windows 11", HOME))
                .isEqualTo(Path.of("/home/ann/AppData/Local/plimsoll/db/vulndb.db"));
    }

    @Test
    void plimsollCacheDirWinsEverywhere() {
        assertThat(DbLocation.defaultFile(Map.of("PLIMSOLL_CACHE_DIR", "/srv/plimsoll"), "Mac OS X", HOME))
                .isEqualTo(Path.of("/srv/plimsoll/db/vulndb.db"));
        assertThat(DbLocation.downloadCacheFor(Path.of("/srv/plimsoll/db/vulndb.db")))
                .isEqualTo(Path.of("/srv/plimsoll/db/downloads"));
    }
}

package dev.plimsoll.vulndb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the database lives when {@code --db} is not given: the user's cache directory, as each platform defines
 * it. A database can always be rebuilt or downloaded again, which is what a cache directory is for.
 */
public final class DbLocation {
    public static final String FILE_NAME = "vulndb.db";

    private DbLocation() {
    }

    /** For this process: its environment, {@code os.name} and {@code user.home}. */
    public static Path defaultFile() {
        return defaultFile(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * {@code PLIMSOLL_CACHE_DIR} when set; else Linux and other Unix: {@code $XDG_CACHE_HOME} or
     * {@code ~/.cache}; macOS: {@code ~/Library/Caches}; Windows: {@code %LOCALAPPDATA%} — then
     * {@code plimsoll/db/vulndb.db} under it.
     */
    public static Path defaultFile(Map<String, String> env, String osName, Path home) {
        String own = env.get("PLIMSOLL_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own).resolve("db").resolve(FILE_NAME);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path cache;
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            cache = local != null && !local.isBlank() ? Path.of(local) : home.resolve("AppData").resolve("Local");
        } else if (os.startsWith("mac")) {
            cache = home.resolve("Library").resolve("Caches");
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            // The XDG spec says to ignore a relative XDG_CACHE_HOME.
            cache = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : home.resolve(".cache");
        }
        return cache.resolve("plimsoll").resolve("db").resolve(FILE_NAME);
    }

    /** The download cache the updater keeps beside the database. */
    public static Path downloadCacheFor(Path dbFile) {
        return dbFile.toAbsolutePath().resolveSibling("downloads");
    }
}

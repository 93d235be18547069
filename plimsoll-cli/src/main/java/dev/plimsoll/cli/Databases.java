package dev.plimsoll.cli;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.vulndb.DbMetadata;
import dev.plimsoll.vulndb.VulnDb;
import dev.plimsoll.vulndb.VulnDbException;
import dev.plimsoll.vulndb.VulnDbReader;
import java.nio.file.Path;
import java.time.Duration;

/** Opening the vulnerability database for a command, with the user-facing errors and warnings. */
final class Databases {
    private Databases() {
    }

    static VulnDbReader open(Path file) {
        try {
            return VulnDbReader.open(file);
        } catch (VulnDbException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    static void warnIfOld(Console console, Path file, DbMetadata metadata, Duration maxAge) {
        Duration age = Duration.between(metadata.builtAt(), console.clock().instant());
        if (!maxAge.isZero() && age.compareTo(maxAge) > 0) {
            console.warn("the vulnerability database " + file + " was built " + age.toDays()
                    + " days ago (more than " + maxAge.toDays() + "): run 'plimsoll db update'");
        }
    }
}

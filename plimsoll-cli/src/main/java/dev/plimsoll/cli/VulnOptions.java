package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.DbLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The vulnerability options of the scanning commands.
 *
 * @param db             the database file
 * @param severities     severities to report (all by default)
 * @param ignoreUnfixed  leave out vulnerabilities with no fixed version
 * @param exitCode       exit code when a finding remains after the filters (0: never fail)
 * @param maxAge         warn when the database was built longer ago than this
 */
record VulnOptions(Path db, Set<Severity> severities, boolean ignoreUnfixed, int exitCode, Duration maxAge) {

    static void addDb(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--db").paramLabel("FILE").type(Path.class)
                .description("Vulnerability database (default: $PLIMSOLL_DB, else plimsoll/db/"
                        + DbLocation.FILE_NAME + " under the user's cache directory ($PLIMSOLL_CACHE_DIR,"
                        + " $XDG_CACHE_HOME or ~/.cache): the one 'plimsoll db update' writes).").build());
    }

    static void add(CommandSpec spec) {
        addDb(spec);
        spec.addOption(OptionSpec.builder("-s", "--severity").paramLabel("LIST").type(String.class)
                .description("Report only these severities, comma-separated (UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL;"
                        + " default: all).").build());
        spec.addOption(OptionSpec.builder("--ignore-unfixed")
                .description("Leave out vulnerabilities that have no fixed version yet.").build());
        spec.addOption(OptionSpec.builder("--exit-code").paramLabel("N").type(Integer.class)
                .description("Exit with N when any finding remains after the filters (default 0: report only).")
                .build());
        spec.addOption(OptionSpec.builder("--db-max-age").paramLabel("DAYS").type(Integer.class)
                .defaultValue("7")
                .description("Warn when the database is older than DAYS days (default: ${DEFAULT-VALUE}).").build());
        PolicyOptions.add(spec);
    }

    /** --db, else $PLIMSOLL_DB, else the default under the user's cache directory. */
    static Path dbFile(ParseResult parsed, Map<String, String> env) {
        Path explicit = parsed.matchedOptionValue("--db", null);
        if (explicit != null) {
            return explicit;
        }
        String fromEnv = env.get("PLIMSOLL_DB");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : DbLocation.defaultFile(env, System.getProperty("os.name", ""),
                        Path.of(System.getProperty("user.home")));
    }

    static VulnOptions from(ParseResult parsed, Map<String, String> env) {
        Set<Severity> severities = EnumSet.allOf(Severity.class);
        String list = parsed.matchedOptionValue("--severity", null);
        if (list != null) {
            severities = EnumSet.noneOf(Severity.class);
            for (String s : list.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    severities.add(Severity.parse(s));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--severity: " + e.getMessage());
                }
            }
            if (severities.isEmpty()) {
                throw new UsageException("--severity: empty list");
            }
        }
        int exitCode = parsed.matchedOptionValue("--exit-code", 0);
        if (exitCode < 0 || exitCode > 255) {
            throw new UsageException("--exit-code: must be 0..255, got " + exitCode);
        }
        int days = parsed.matchedOptionValue("--db-max-age", 7);
        if (days < 0) {
            throw new UsageException("--db-max-age: must not be negative");
        }
        return new VulnOptions(dbFile(parsed, env), severities,
                parsed.hasMatchedOption("--ignore-unfixed"), exitCode, Duration.ofDays(days));
    }
}

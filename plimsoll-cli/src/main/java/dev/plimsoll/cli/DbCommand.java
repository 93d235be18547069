package dev.plimsoll.cli;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.vulndb.DbMetadata;
import dev.plimsoll.vulndb.SourceInfo;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.ApiKey;
import dev.plimsoll.vulndb.build.BuildReport;
import dev.plimsoll.vulndb.build.DbBuildException;
import dev.plimsoll.vulndb.build.DbBuilder;
import dev.plimsoll.vulndb.build.FeedReport;
import dev.plimsoll.vulndb.build.Feeds;
import dev.plimsoll.vulndb.DbLocation;
import dev.plimsoll.vulndb.VulnDbException;
import dev.plimsoll.vulndb.build.DbArchive;
import dev.plimsoll.vulndb.build.DbUpdater;
import dev.plimsoll.vulndb.build.DownloadReport;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.UpdateConfig;
import dev.plimsoll.vulndb.build.UpdateException;
import dev.plimsoll.vulndb.build.UpdateReport;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/** {@code plimsoll db build|update|info|export|import}: the vulnerability database's life cycle. */
final class DbCommand implements CliCommand {
    private final Console console;
    private final Map<String, String> env;

    DbCommand(Console console, Map<String, String> env) {
        this.console = console;
        this.env = env;
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(name());
        ScanOptions.addHelp(spec);
        spec.usageMessage().description("Build, update, inspect, export and import the vulnerability database.");
        spec.addSubcommand("build", sub("build", "Build the database from local feed files laid out like"
                + " ../shared/vulndata (osv/, ghsa/, debian/, alpine/, ruby-advisory-db/, php-security-advisories/,"
                + " nodejs-security-wg/, kev/, epss/, nvd/).", s -> s.addOption(OptionSpec.builder("--from")
                .paramLabel("DIR").type(Path.class).required(true).description("The feed files' root.").build())));
        spec.addSubcommand("update", sub("update", "Download every feed from its public URL (conditional requests:"
                + " unchanged feeds are not downloaded again), build the new database beside the old one and"
                + " swap it in atomically; a failure keeps the old database. NVD (CVSS vectors and descriptions"
                + " from the NVD CVE API) is opt-in: it is synced when $NVD_API_KEY holds an NVD API key or with"
                + " --with-nvd (without a key NVD allows 5 requests per 30 s, so the first download takes about"
                + " 15 minutes; later ones fetch only what changed). Otherwise NVD data synced earlier is kept as it"
                + " is, and the output says NVD was not refreshed or skipped.", s -> s.addOption(OptionSpec
                .builder("--url").paramLabel("KEY=URL").type(List.class).auxiliaryTypes(String.class)
                .arity("1").description("Download KEY from URL instead of its default (a mirror, a local"
                        + " copy); repeatable. Keys are listed by 'db update --debug'; nvd=URL sets the NVD API's"
                        + " base URL.").build()).addOption(OptionSpec.builder("--with-nvd").description("Sync NVD"
                        + " even without $NVD_API_KEY (slow: see above).").build())));
        spec.addSubcommand("info", sub("info", "Show the database's sources, record counts and ages.",
                s -> s.addOption(OptionSpec.builder("--verify")
                        .description("Also read every record and check every checksum.").build())));
        spec.addSubcommand("export", sub("export", "Write the database, its metadata and its SHA-256 as one"
                + " compressed file (.tar.zst or .tar.gz) for an air-gapped site.", s -> s.addPositional(
                fileParameter("FILE", "The archive to write."))));
        spec.addSubcommand("import", sub("import", "Install a database from an archive 'db export' wrote, after"
                + " checking its SHA-256 and every record.", s -> s.addPositional(
                fileParameter("FILE", "The archive to read."))));
        return spec;
    }

    private static CommandSpec sub(String name, String description, java.util.function.Consumer<CommandSpec> more) {
        CommandSpec s = CommandSpec.create().name(name);
        ScanOptions.addHelp(s);
        s.usageMessage().description(description);
        VulnOptions.addDb(s);
        more.accept(s);
        ScanOptions.addCommon(s);
        return s;
    }

    @Override
    public int run(ParseResult parsed) throws Exception {
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            parsed.commandSpec().commandLine().usage(console.out());
            return ExitCode.USAGE;
        }
        console.configure(sub.hasMatchedOption("--quiet"), sub.hasMatchedOption("--debug"));
        Path db = VulnOptions.dbFile(sub, env);
        return switch (sub.commandSpec().name()) {
            case "build" -> build(sub.matchedOptionValue("--from", null), db);
            case "update" -> update(db, sub.matchedOptionValue("--url", List.<String>of()),
                    sub.hasMatchedOption("--with-nvd"));
            case "info" -> info(db, sub.hasMatchedOption("--verify"));
            case "export" -> export(db, sub.matchedPositionalValue(0, null));
            case "import" -> importArchive(db, sub.matchedPositionalValue(0, null));
            default -> throw new UsageException("unknown db command: " + sub.commandSpec().name());
        };
    }

    private int build(Path from, Path db) throws Exception {
        BuildReport report;
        try {
            report = new DbBuilder().build(from, db, Feeds.standard(), console.clock());
        } catch (DbBuildException e) {
            e.feeds().forEach(r -> console.info(feedLine(r)));
            throw new ConfigException(e.getMessage(), e);
        }
        for (FeedReport r : report.feeds()) {
            console.info(feedLine(r));
        }
        if (!report.absent().isEmpty()) {
            console.info("  no data under " + from + " for: " + String.join(", ", report.absent()));
        }
        console.info(String.format("built %s: %d packages, %d advisories, %d CVEs in %.1f s (%d malformed records"
                        + " skipped)", report.dbFile(), report.counts().packages(), report.counts().advisories(),
                report.counts().cves(), report.time().toMillis() / 1000.0, report.skipped()));
        return ExitCode.OK;
    }

    private static String feedLine(FeedReport r) {
        StringBuilder sb = new StringBuilder(String.format("  %-16s %8d advisories %8d CVE facts %6d skipped",
                r.feed(), r.advisories(), r.cveFacts(), r.skipped()));
        r.firstError().ifPresent(e -> sb.append("  first: ").append(e));
        r.failure().ifPresent(f -> sb.append("  FAILED: ").append(f));
        return sb.toString();
    }

    private int update(Path db, List<String> urlOptions, boolean withNvd) throws IOException {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String option : urlOptions) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--url: expected KEY=URL, got " + option);
            }
            try {
                urls.put(option.substring(0, eq), new URI(option.substring(eq + 1)));
            } catch (URISyntaxException e) {
                throw new UsageException("--url: not a URL: " + option.substring(eq + 1));
            }
        }
        List<Feed> feeds = Feeds.standard();
        if (console.debugEnabled()) {
            feeds.forEach(f -> f.downloads().forEach(d -> console.debug(d.key() + " = " + d.url())));
            feeds.forEach(f -> f.sync().ifPresent(s -> console.debug(s.key() + " = " + s.defaultUrl())));
        }
        UpdateConfig config = UpdateConfig.defaults(DbLocation.downloadCacheFor(db)).withUrls(urls);
        if (env.get("NVD_API_KEY") != null && !env.get("NVD_API_KEY").isBlank()) {
            config = config.withApiKey("nvd", ApiKey.parse(env.get("NVD_API_KEY")).orElseThrow(() ->
                    new UsageException("$NVD_API_KEY does not hold an API key (printable characters, no spaces)")));
        }
        config = withNvd ? config.withRequested("nvd") : config;
        UpdateReport report;
        try {
            report = new DbUpdater(config, console.clock()).update(db, feeds);
        } catch (UpdateException e) {
            throw new ConfigException(e.getMessage() + " (the previous database, if any, is unchanged)", e);
        }
        for (DownloadReport d : report.downloads()) {
            console.info(String.format("  %-32s %-13s %10d bytes  %s", d.key(), d.status(), d.bytes(), d.url()));
        }
        report.syncs().forEach(s -> console.info("  " + s.feed() + ": " + s.message()));
        report.build().feeds().forEach(r -> console.info(feedLine(r)));
        console.info("updated " + db + ": " + report.build().counts().advisories() + " advisories");
        return ExitCode.OK;
    }

    private int export(Path db, Path out) throws IOException {
        DbArchive.Result r = new DbArchive().export(db, out);
        console.info("exported " + db + " to " + r.file() + " (sha256 " + r.sha256() + ")");
        return ExitCode.OK;
    }

    private int importArchive(Path db, Path archive) throws IOException {
        DbArchive.Result r;
        try {
            r = new DbArchive().importArchive(archive, db);
        } catch (IOException | VulnDbException e) {
            throw new ConfigException(archive + ": not imported: " + e.getMessage(), e);
        }
        console.info("imported " + archive + " into " + db + ": " + r.counts().advisories() + " advisories, built "
                + r.metadata().builtAt());
        return ExitCode.OK;
    }

    private int info(Path db, boolean verify) {
        try (VulnDbReader reader = Databases.open(db)) {
            if (verify) {
                try {
                    reader.verify();
                } catch (VulnDbException e) {
                    throw new ConfigException(e.getMessage(), e);
                }
            }
            DbMetadata m = reader.metadata();
            PrintStream out = console.out();
            out.println("Database:  " + db);
            out.println("Schema:    " + m.schemaVersion());
            out.println("Built:     " + m.builtAt() + " (" + age(Duration.between(m.builtAt(),
                    console.clock().instant())) + " ago)");
            out.println("Contents:  " + reader.counts().packages() + " packages, " + reader.counts().advisories()
                    + " advisories, " + reader.counts().cves() + " CVEs");
            out.println("Sources:");
            for (SourceInfo s : m.sources()) {
                out.println(String.format("  %-16s %8d records %6d skipped  data up to %s  from %s", s.feed(),
                        s.records(), s.skipped(), s.dataDate().map(Object::toString).orElse("(no date)"),
                        s.location()));
                s.firstError().ifPresent(e -> out.println("                   first skipped: " + e));
            }
        }
        return ExitCode.OK;
    }

    private static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " days";
        }
        return d.toHours() > 0 ? d.toHours() + " hours" : d.toMinutes() + " minutes";
    }

    static PositionalParamSpec fileParameter(String label, String description) {
        return PositionalParamSpec.builder().index("0").paramLabel(label).type(Path.class).required(true)
                .description(description).build();
    }
}

package dev.plimsoll.cli;

import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.fs.PathSkips;
import dev.plimsoll.image.ImageLimits;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The options every scanning command shares, declared once and read back from a parse result. */
record ScanOptions(Platform platform, ImageLimits limits, OutputOptions output, List<OutputOptions> moreOutputs,
                   boolean quiet, boolean debug, Optional<VulnOptions> vulnerabilities, PathSkips skips,
                   boolean strict, PolicyOptions policy, Set<Scanner> scanners,
                   RegistryOptions registry, ImageSourceOptions imageSources) {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?i?b?)?");

    /** What a scan looks for besides the inventory, as Trivy's {@code --scanners} names them. */
    enum Scanner {
        VULN("vuln", "vulnerability", "vulnerabilities"), SECRET("secret", "secrets"),
        MISCONFIG("misconfig", "config", "misconfiguration");

        private final List<String> names;

        Scanner(String... names) {
            this.names = List.of(names);
        }

        static Scanner parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (Scanner s : values()) {
                if (s.names.contains(t)) {
                    return s;
                }
            }
            throw new UsageException("--scanners: unknown scanner '" + text + "'; known: vuln, secret, misconfig"
                    + (t.equals("license") ? " (licenses are in the SBOM: plimsoll sbom)" : ""));
        }
    }

    ScanOptions {
        scanners = scanners.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scanners));
    }

    /** Whether files (and an image's configuration) are searched for secrets. */
    boolean secrets() {
        return scanners.contains(Scanner.SECRET);
    }

    /** Whether source checks (the Dockerfile linter in a tree) run. */
    boolean misconfigurations() {
        return scanners.contains(Scanner.MISCONFIG);
    }

    ScanOptions withSkips(PathSkips newSkips) {
        return new ScanOptions(platform, limits, output, moreOutputs, quiet, debug, vulnerabilities, newSkips, strict,
                policy, scanners, registry, imageSources);
    }

    /** These options without the secret scan (an SBOM lists what is installed; secrets are not part of it). */
    ScanOptions withoutSecrets() {
        EnumSet<Scanner> without = EnumSet.allOf(Scanner.class);
        without.retainAll(scanners);
        without.remove(Scanner.SECRET);
        return new ScanOptions(platform, limits, output, moreOutputs, quiet, debug, vulnerabilities, skips, strict,
                policy, without, registry, imageSources);
    }

    /** -h/--help and -V/--version, declared directly: picocli's own mixin is an annotated class. */
    static void addHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print the version and exit.").build());
    }

    static void addCommon(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-q", "--quiet").description("Print nothing but the report and errors.")
                .build());
        spec.addOption(OptionSpec.builder("--debug")
                .description("Print what each stage did and how long it took, on stderr.").build());
    }

    static void addOutput(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-f", "--format").paramLabel("FORMAT[=FILE]").type(String[].class)
                .description("Report format: " + String.join(", ", dev.plimsoll.report.Reporters.standard().stream()
                        .map(dev.plimsoll.report.Reporter::format).toList()) + ". Repeatable: FORMAT=FILE writes"
                        + " that format to FILE as well (-f sarif=out.sarif -f table).").build());
        spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("Write the report to FILE instead of stdout.").build());
    }

    /** --skip-dirs, --skip-files and --strict: what to leave out, and how hard to take unreadable files. */
    static void addScope(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--skip-dirs").paramLabel("GLOB").type(String[].class).splitRegex(",")
                .description("Leave out directories matching GLOB and everything below them; repeatable or"
                        + " comma-separated. Relative globs start at the scanned root; ** spans directories"
                        + " (e.g. **/node_modules). The report says what each pattern skipped.").build());
        spec.addOption(OptionSpec.builder("--skip-files").paramLabel("GLOB").type(String[].class).splitRegex(",")
                .description("Leave out files matching GLOB; repeatable or comma-separated.").build());
        spec.addOption(OptionSpec.builder("--strict")
                .description("Fail (exit 4) when an application file (a lockfile, a jar, a binary) could not be"
                        + " read; without it such files are warnings and the report says the scan is incomplete.")
                .build());
        spec.addOption(OptionSpec.builder("--no-secrets", "--skip-secrets")
                .description("Do not look for secrets in the files (and, for images, the configuration): faster"
                        + " when another step does that.").build());
    }

    /** {@code --scanners}, for the commands that scan images and trees (not SBOMs, not the secret scanner). */
    static void addScanners(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--scanners").paramLabel("LIST").type(String[].class).splitRegex(",")
                .description("What to look for besides the package inventory: vuln (vulnerable packages), secret,"
                        + " misconfig (the Dockerfile linter in trees); comma-separated, default all.").build());
    }

    static void addImage(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("--platform").paramLabel("OS/ARCH[/VARIANT]").type(String.class)
                .defaultValue("linux/amd64")
                .description("Platform to scan in a multi-platform image (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(OptionSpec.builder("--max-layer-size").paramLabel("SIZE").type(String.class)
                .defaultValue("16GiB")
                .description("Refuse a layer that decompresses to more than SIZE (default: ${DEFAULT-VALUE});"
                        + " units B, KiB, MiB, GiB, TiB (KB, MB… are powers of 1000).").build());
        RegistryOptions.add(spec);
        ImageSourceOptions.add(spec);
    }

    static ScanOptions from(ParseResult parsed, String defaultFormat) {
        boolean hasImageOptions = parsed.commandSpec().findOption("--platform") != null;
        Platform platform = hasImageOptions ? platform(parsed.matchedOptionValue("--platform", "linux/amd64"))
                : Platform.LINUX_AMD64;
        ImageLimits limits = hasImageOptions ? ImageLimits.DEFAULTS.withMaxLayerBytes(
                parseSize("--max-layer-size", parsed.matchedOptionValue("--max-layer-size", "16GiB")))
                : ImageLimits.DEFAULTS;
        String[] formats = parsed.matchedOptionValue("--format", new String[0]);
        String primary = null;
        List<OutputOptions> more = new java.util.ArrayList<>();
        for (String f : formats) {
            int eq = f.indexOf('=');
            if (eq > 0 && eq < f.length() - 1) {
                more.add(new OutputOptions(f.substring(0, eq), Path.of(f.substring(eq + 1))));
            } else if (eq >= 0) {
                throw new UsageException("--format: '" + f + "' is not FORMAT or FORMAT=FILE");
            } else if (primary != null) {
                throw new UsageException("--format: two formats for one destination (" + primary + ", " + f
                        + "); write the others to files with FORMAT=FILE");
            } else {
                primary = f;
            }
        }
        OutputOptions output = new OutputOptions(primary == null ? defaultFormat : primary,
                parsed.matchedOptionValue("--output", null));
        Set<Scanner> scanners = scanners(parsed);
        Optional<VulnOptions> vulnerabilities = parsed.commandSpec().findOption("--ignore-unfixed") == null
                || !scanners.contains(Scanner.VULN) ? Optional.empty()
                : Optional.of(VulnOptions.from(parsed, System.getenv()));
        return new ScanOptions(platform, limits, output, List.copyOf(more), parsed.hasMatchedOption("--quiet"),
                parsed.hasMatchedOption("--debug"), vulnerabilities, skips(parsed), parsed.hasMatchedOption("--strict"),
                PolicyOptions.from(parsed), scanners, RegistryOptions.from(parsed), ImageSourceOptions.from(parsed));
    }

    /** --scanners (default all) less the secret scan when --no-secrets says so. */
    private static Set<Scanner> scanners(ParseResult parsed) {
        EnumSet<Scanner> out = EnumSet.allOf(Scanner.class);
        if (parsed.commandSpec().findOption("--scanners") != null && parsed.hasMatchedOption("--scanners")) {
            out = EnumSet.noneOf(Scanner.class);
            for (String name : parsed.<String[]>matchedOptionValue("--scanners", new String[0])) {
                if (!name.isBlank()) {
                    out.add(Scanner.parse(name));
                }
            }
        }
        if (parsed.commandSpec().findOption("--no-secrets") != null && parsed.hasMatchedOption("--no-secrets")) {
            out.remove(Scanner.SECRET);
        }
        return out;
    }

    private static PathSkips skips(ParseResult parsed) {
        if (parsed.commandSpec().findOption("--skip-dirs") == null) {
            return PathSkips.NONE;
        }
        String[] dirs = parsed.matchedOptionValue("--skip-dirs", new String[0]);
        String[] files = parsed.matchedOptionValue("--skip-files", new String[0]);
        try {
            return new PathSkips(List.of(dirs), List.of(files));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--skip-dirs/--skip-files: " + e.getMessage());
        }
    }

    static Platform platform(String text) {
        try {
            return Platform.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--platform: " + e.getMessage());
        }
    }

    static long parseSize(String option, String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + ": not a size: " + text + " (e.g. 512MiB, 16GiB)");
        }
        String unit = m.group(2) == null ? "" : m.group(2);
        boolean binary = unit.contains("i") || unit.length() == 1 && !unit.equals("b");
        long base = binary ? 1024 : 1000;
        int power = unit.isEmpty() || unit.equals("b") ? 0 : "kmgt".indexOf(unit.charAt(0)) + 1;
        try {
            long value = Long.parseLong(m.group(1));
            for (int i = 0; i < power; i++) {
                value = Math.multiplyExact(value, base);
            }
            if (value <= 0) {
                throw new UsageException(option + ": must be positive: " + text);
            }
            return value;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UsageException(option + ": too large: " + text);
        }
    }
}

package dev.plimsoll.analyzer.os.dpkg;

import dev.plimsoll.analyzer.os.Texts;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.inventory.SourcePackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the paragraphs of a dpkg status file (or of a distroless status.d file) into installed packages, with the
 * values {@code dpkg-query} prints for {@code ${Package} ${Version} ${source:Package} ${source:Version}
 * ${Architecture}}:
 * <ul>
 *   <li>the package name in lower case (dpkg folds it);</li>
 *   <li>versions canonical as dpkg prints them ({@link DpkgVersionText});</li>
 *   <li>source name: the Source field up to the first blank, else the package name;</li>
 *   <li>source version: the version in parentheses after the source name, else the binary version, unchanged. A
 *       binNMU ("1.2-3+b1" with "Source: foo") therefore keeps its "+b1": dpkg cannot know the source version,
 *       and inventing one by stripping the suffix would be a guess that fails on versions like "1.0+b1-2".</li>
 * </ul>
 * Only packages whose status (third word of Status) is "installed" count, whatever the selection ("hold ok
 * installed" is installed); "config-files", "half-installed" and the rest leave no usable package or only part of
 * one. status.d files carry a .deb's control fields without a Status field and mean "installed".
 */
final class DpkgStatusParser {
    private static final Set<String> WANTS = Set.of("unknown", "install", "hold", "deinstall", "purge");
    private static final Set<String> FLAGS = Set.of("ok", "reinstreq", "hold", "hold-reinstreq");
    private static final Set<String> STATES = Set.of("not-installed", "config-files", "half-installed", "unpacked",
            "half-configured", "triggers-awaited", "triggers-pending", "installed");

    private static final ControlFileParser FULL = new ControlFileParser(Set.of("package", "status", "version",
            "architecture", "source", "maintainer", "multi-arch", "installed-size", "depends"));
    /** Older copies serve layer attribution only, which needs the identity and the status. */
    private static final ControlFileParser LEAN = new ControlFileParser(
            Set.of("package", "status", "version", "architecture"));

    /** The name, version and architecture of a package: what a layer attribution compares. */
    record PackageKey(String name, String version, String architecture) {
    }

    /** An installed package as its paragraph (starting at {@code line}) gives it. */
    record DpkgRecord(int line, String name, String version, String architecture, SourcePackage source,
                      Optional<String> maintainer, Optional<String> multiArch, OptionalLong installedSizeKib,
                      List<String> depends) {
        PackageKey key() {
            return new PackageKey(name, version, architecture);
        }

        /** dpkg names info files NAME:ARCH.list for Multi-Arch: same packages, NAME.list for the others. */
        boolean archQualifiedInfo() {
            return multiArch.map(m -> m.equalsIgnoreCase("same")).orElse(false);
        }
    }

    /** A fault of one paragraph, at a line. */
    record Fault(int line, String message) {
    }

    record Parsed(List<DpkgRecord> installed, List<Fault> faults) {
        Parsed {
            installed = List.copyOf(installed);
            faults = List.copyOf(faults);
        }
    }

    /** Whether a paragraph without a Status field is installed (status.d) or not (the status file). */
    enum MissingStatus { NOT_INSTALLED, INSTALLED }

    private DpkgStatusParser() {
    }

    /** Every field the package model keeps. */
    static Parsed parse(String text, MissingStatus missingStatus) {
        return parse(FULL, text, missingStatus);
    }

    /** Identity and status only, for older copies of the database. */
    static Parsed parseLean(String text, MissingStatus missingStatus) {
        return parse(LEAN, text, missingStatus);
    }

    private static Parsed parse(ControlFileParser parser, String text, MissingStatus missingStatus) {
        ControlFileParser.Result result = parser.parse(text);
        List<DpkgRecord> installed = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        for (ControlFileParser.Malformed m : result.malformed()) {
            faults.add(new Fault(m.line(), m.message()));
        }
        for (ControlFileParser.Paragraph p : result.paragraphs()) {
            try {
                record(p, missingStatus, faults).ifPresent(installed::add);
            } catch (IllegalArgumentException e) {
                faults.add(new Fault(p.line(), describe(p) + e.getMessage()));
            }
        }
        faults.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Parsed(installed, faults);
    }

    private static Optional<DpkgRecord> record(ControlFileParser.Paragraph p, MissingStatus missingStatus,
                                               List<Fault> faults) {
        String rawName = p.get("package");
        if (rawName == null || rawName.isEmpty()) {
            throw new IllegalArgumentException("paragraph without a Package field");
        }
        String name = rawName.toLowerCase(Locale.ROOT);
        checkName(name);
        String status = p.get("status");
        if (status == null) {
            if (missingStatus == MissingStatus.NOT_INSTALLED) {
                return Optional.empty();
            }
        } else if (!installed(status)) {
            return Optional.empty();
        }
        String rawVersion = p.get("version");
        if (rawVersion == null) {
            throw new IllegalArgumentException("installed package without a Version field");
        }
        String version = DpkgVersionText.canonical(rawVersion);
        String architecture = Optional.ofNullable(p.get("architecture")).map(Texts::fold).orElse("");
        SourcePackage source = source(p, name, version, faults);
        OptionalLong size = OptionalLong.empty();
        String sizeText = p.get("installed-size");
        if (sizeText != null && !sizeText.isEmpty() && sizeText.length() < 19 && sizeText.chars()
                .allMatch(c -> c >= '0' && c <= '9')) {
            size = OptionalLong.of(Long.parseLong(sizeText));
        }
        return Optional.of(new DpkgRecord(p.line(), name, version, architecture, source,
                optional(p, "maintainer"), optional(p, "multi-arch"), size, depends(p.get("depends"))));
    }

    /** dpkg: non-empty, an ASCII letter or digit first, then letters, digits and "-+._". */
    private static void checkName(String name) {
        if (!isAsciiAlnum(name.charAt(0))) {
            throw new IllegalArgumentException("package name \"" + UntrustedText.excerpt(name)
                    + "\" must start with a letter or digit");
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiAlnum(c) && c != '-' && c != '+' && c != '.' && c != '_') {
                throw new IllegalArgumentException("invalid character in package name \"" + UntrustedText.excerpt(name)
                        + "\"");
            }
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** "want flag status", e.g. "install ok installed"; a value of another shape is a fault, as in dpkg. */
    private static boolean installed(String status) {
        String[] words = Texts.fold(status).split(" ");
        if (words.length != 3 || !WANTS.contains(words[0]) || !FLAGS.contains(words[1])
                || !STATES.contains(words[2])) {
            throw new IllegalArgumentException("invalid Status \"" + UntrustedText.excerpt(status) + "\"");
        }
        return words[2].equals("installed");
    }

    private static SourcePackage source(ControlFileParser.Paragraph p, String name, String version,
                                        List<Fault> faults) {
        String value = p.get("source");
        if (value == null || value.isEmpty()) {
            return new SourcePackage(name, version);
        }
        String folded = Texts.fold(value);
        int blank = folded.indexOf(' ');
        String sourceName = blank < 0 ? folded : folded.substring(0, blank);
        int open = folded.indexOf('(');
        if (open < 0) {
            return new SourcePackage(sourceName, version);
        }
        int close = folded.indexOf(')', open);
        String inner = folded.substring(open + 1, close < 0 ? folded.length() : close);
        try {
            return new SourcePackage(sourceName, DpkgVersionText.canonical(inner));
        } catch (IllegalArgumentException e) {
            // dpkg-query aborts on this; the binary version is the closest honest value, and the fault is reported.
            faults.add(new Fault(p.line(), describe(p) + "Source version: " + e.getMessage()));
            return new SourcePackage(sourceName, version);
        }
    }

    private static List<String> depends(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String dep = Texts.fold(part);
            if (!dep.isEmpty()) {
                out.add(dep);
            }
        }
        return out;
    }

    private static Optional<String> optional(ControlFileParser.Paragraph p, String field) {
        return Optional.ofNullable(p.get(field)).map(Texts::fold).filter(s -> !s.isEmpty());
    }

    private static String describe(ControlFileParser.Paragraph p) {
        String name = p.get("package");
        return name == null || name.isEmpty() ? "" : "package " + UntrustedText.excerpt(name) + ": ";
    }
}

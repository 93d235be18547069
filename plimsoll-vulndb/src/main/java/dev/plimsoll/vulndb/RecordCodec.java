package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.inventory.Ecosystem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The binary form of the records in the database file. Enums are written as explicit codes, never ordinals or
 * names, so reordering or renaming a constant in core cannot silently change what old files mean; the switches have
 * no default, so a new constant fails the build until it gets a code (and the schema version is raised).
 * <p>
 * An advisory starts with its source and id so that the writer can order a package's advisories without decoding
 * them; the package key is written once per block, not per advisory.
 */
final class RecordCodec {
    private static final Map<String, Ecosystem> ECOSYSTEMS_BY_PURL_TYPE = new HashMap<>();

    static {
        for (Ecosystem e : Ecosystem.values()) {
            ECOSYSTEMS_BY_PURL_TYPE.put(e.purlType(), e);
        }
    }

    private RecordCodec() {
    }

    // ---- package key --------------------------------------------------------------------------------------------

    static void writeKey(ByteSink out, PackageKey key) {
        out.string(key.ecosystem().purlType());
        out.string(key.distro().orElse(""));
        out.string(key.name());
    }

    static PackageKey readKey(ByteSource in) {
        String type = in.string();
        Ecosystem eco = ECOSYSTEMS_BY_PURL_TYPE.get(type);
        if (eco == null) {
            throw new CorruptDataException("unknown ecosystem '" + type + "'");
        }
        String distro = in.string();
        String name = in.string();
        return guard(() -> new PackageKey(eco, distro.isEmpty() ? Optional.empty() : Optional.of(distro), name));
    }

    // ---- advisory -----------------------------------------------------------------------------------------------

    static void writeAdvisory(ByteSink out, Advisory a) {
        out.string(a.source());
        out.string(a.id());
        writeStrings(out, a.aliases().stream().sorted().toList());
        out.varint(a.ranges().size());
        for (AffectedRange r : a.ranges()) {
            switch (r) {
                case AffectedRange.Events ev -> {
                    out.u8(0);
                    out.u8(code(ev.type()));
                    out.varint(ev.events().size());
                    for (AffectedRange.Event e : ev.events()) {
                        out.u8(code(e.kind()));
                        out.string(e.version());
                    }
                }
                case AffectedRange.Constraint c -> {
                    out.u8(1);
                    out.u8(code(c.syntax()));
                    writeStrings(out, c.anyOf());
                    out.bool(c.negated());
                }
            }
        }
        writeStrings(out, a.versions());
        switch (a.fix()) {
            case FixState.Fixed f -> {
                out.u8(0);
                writeStrings(out, f.versions());
            }
            case FixState.NotFixed n -> out.u8(1);
            case FixState.WontFix w -> {
                out.u8(2);
                out.string(w.reason());
            }
            case FixState.NotAffected n -> {
                out.u8(3);
                out.string(n.reason());
            }
        }
        out.u8(a.severity().map(RecordCodec::code).orElse(0xFF));
        writeCvss(out, a.cvss());
        out.string(a.title());
        out.varint(a.references().size());
        for (URI u : a.references()) {
            out.string(u.toString());
        }
        writeInstant(out, a.published());
        writeInstant(out, a.modified());
        out.bool(a.withdrawn());
    }

    static Advisory readAdvisory(ByteSource in, PackageKey key) {
        String source = in.string();
        String id = in.string();
        List<String> aliases = readStrings(in);
        int rangeCount = in.count();
        List<AffectedRange> ranges = new ArrayList<>(rangeCount);
        for (int i = 0; i < rangeCount; i++) {
            int kind = in.u8();
            switch (kind) {
                case 0 -> {
                    RangeType type = rangeType(in.u8());
                    int n = in.count();
                    List<AffectedRange.Event> events = new ArrayList<>(n);
                    for (int j = 0; j < n; j++) {
                        EventKind k = eventKind(in.u8());
                        events.add(new AffectedRange.Event(k, in.string()));
                    }
                    ranges.add(new AffectedRange.Events(type, events));
                }
                case 1 -> {
                    ConstraintSyntax syntax = syntax(in.u8());
                    List<String> anyOf = readStrings(in);
                    ranges.add(new AffectedRange.Constraint(syntax, anyOf, in.bool()));
                }
                default -> throw new CorruptDataException("unknown range kind " + kind);
            }
        }
        List<String> versions = readStrings(in);
        int fixCode = in.u8();
        FixState fix = switch (fixCode) {
            case 0 -> {
                List<String> fixed = readStrings(in);
                yield guard(() -> new FixState.Fixed(fixed));
            }
            case 1 -> new FixState.NotFixed();
            case 2 -> new FixState.WontFix(in.string());
            case 3 -> new FixState.NotAffected(in.string());
            default -> throw new CorruptDataException("unknown fix state " + fixCode);
        };
        int sev = in.u8();
        Optional<Severity> severity = sev == 0xFF ? Optional.empty() : Optional.of(severity(sev));
        List<Cvss> cvss = readCvss(in);
        String title = in.string();
        int refCount = in.count();
        List<URI> refs = new ArrayList<>(refCount);
        for (int i = 0; i < refCount; i++) {
            String u = in.string();
            try {
                refs.add(new URI(u));
            } catch (URISyntaxException e) {
                throw new CorruptDataException("bad reference URI " + u);
            }
        }
        Optional<Instant> published = readInstant(in);
        Optional<Instant> modified = readInstant(in);
        boolean withdrawn = in.bool();
        return guard(() -> new Advisory(id, java.util.Set.copyOf(aliases), source, key, ranges, versions, fix,
                severity, cvss, title, refs, published, modified, withdrawn));
    }

    /** The source and id an encoded advisory starts with, for ordering without decoding the rest. */
    static String[] sourceAndId(byte[] encoded, int offset, int length) {
        ByteSource in = new ByteSource(encoded, offset, length);
        return new String[] {in.string(), in.string()};
    }

    // ---- CVE facts ----------------------------------------------------------------------------------------------

    static void writeCveFacts(ByteSink out, CveFacts f) {
        out.string(f.cve());
        out.bool(f.knownExploited());
        if (f.kevDateAdded().isPresent()) {
            out.u8(1);
            out.svarint(f.kevDateAdded().get().toEpochDay());
        } else {
            out.u8(0);
        }
        writeDouble(out, f.epss());
        writeDouble(out, f.epssPercentile());
        writeCvss(out, f.nvdCvss());
        if (f.description().isPresent()) {
            out.u8(1);
            out.string(f.description().get());
        } else {
            out.u8(0);
        }
    }

    static CveFacts readCveFacts(ByteSource in) {
        String cve = in.string();
        boolean kev = in.bool();
        Optional<LocalDate> added = in.bool() ? Optional.of(guard(() -> LocalDate.ofEpochDay(in.svarint())))
                : Optional.empty();
        OptionalDouble epss = readDouble(in);
        OptionalDouble pct = readDouble(in);
        List<Cvss> cvss = readCvss(in);
        Optional<String> description = in.bool() ? Optional.of(in.string()) : Optional.empty();
        return guard(() -> new CveFacts(cve, kev, added, epss, pct, cvss, description));
    }

    // ---- metadata -----------------------------------------------------------------------------------------------

    static void writeMetadata(ByteSink out, DbMetadata m) {
        out.varint(m.schemaVersion());
        writeInstant(out, Optional.of(m.builtAt()));
        out.varint(m.sources().size());
        for (SourceInfo s : m.sources()) {
            out.string(s.feed());
            out.string(s.location());
            writeInstant(out, Optional.of(s.fetchedAt()));
            writeInstant(out, s.dataDate());
            out.varint(s.records());
            out.varint(s.skipped());
            out.u8(s.firstError().isPresent() ? 1 : 0);
            if (s.firstError().isPresent()) {
                out.string(s.firstError().get());
            }
        }
    }

    static DbMetadata readMetadata(ByteSource in) {
        int schema = (int) in.varint();
        Instant builtAt = readInstant(in).orElseThrow(() -> new CorruptDataException("metadata without build time"));
        int n = in.count();
        List<SourceInfo> sources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String feed = in.string();
            String location = in.string();
            Instant fetched = readInstant(in).orElseThrow(() -> new CorruptDataException("source without fetch time"));
            Optional<Instant> dataDate = readInstant(in);
            long records = in.varint();
            long skipped = in.varint();
            Optional<String> firstError = in.bool() ? Optional.of(in.string()) : Optional.empty();
            sources.add(new SourceInfo(feed, location, fetched, dataDate, records, skipped, firstError));
        }
        return new DbMetadata(schema, builtAt, sources);
    }

    // ---- shared pieces ------------------------------------------------------------------------------------------

    private static void writeStrings(ByteSink out, List<String> strings) {
        out.varint(strings.size());
        for (String s : strings) {
            out.string(s);
        }
    }

    private static List<String> readStrings(ByteSource in) {
        int n = in.count();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.string());
        }
        return out;
    }

    private static void writeCvss(ByteSink out, List<Cvss> list) {
        out.varint(list.size());
        for (Cvss c : list) {
            out.string(c.version());
            out.string(c.vector());
            if (c.score().isPresent()) {
                out.u8(1);
                out.f64(c.score().get());
            } else {
                out.u8(0);
            }
            out.string(c.source());
        }
    }

    private static List<Cvss> readCvss(ByteSource in) {
        int n = in.count();
        List<Cvss> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String version = in.string();
            String vector = in.string();
            Optional<Double> score = in.bool() ? Optional.of(in.f64()) : Optional.empty();
            out.add(new Cvss(version, vector, score, in.string()));
        }
        return out;
    }

    private static void writeDouble(ByteSink out, OptionalDouble d) {
        if (d.isPresent()) {
            out.u8(1);
            out.f64(d.getAsDouble());
        } else {
            out.u8(0);
        }
    }

    private static OptionalDouble readDouble(ByteSource in) {
        return in.bool() ? OptionalDouble.of(in.f64()) : OptionalDouble.empty();
    }

    private static void writeInstant(ByteSink out, Optional<Instant> t) {
        if (t.isPresent()) {
            out.u8(1);
            out.svarint(t.get().getEpochSecond());
            out.varint(t.get().getNano());
        } else {
            out.u8(0);
        }
    }

    private static Optional<Instant> readInstant(ByteSource in) {
        if (!in.bool()) {
            return Optional.empty();
        }
        long seconds = in.svarint();
        long nanos = in.varint();
        return Optional.of(guard(() -> Instant.ofEpochSecond(seconds, nanos)));
    }

    /** Runs a record constructor, turning its validation failures into corruption of the bytes it came from. */
    private static <T> T guard(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException
                 | ArithmeticException e) {
            throw new CorruptDataException("invalid record: " + e.getMessage());
        }
    }

    // ---- enum codes ---------------------------------------------------------------------------------------------

    private static int code(Severity s) {
        return switch (s) {
            case UNKNOWN -> 0;
            case LOW -> 1;
            case MEDIUM -> 2;
            case HIGH -> 3;
            case CRITICAL -> 4;
        };
    }

    private static Severity severity(int code) {
        return switch (code) {
            case 0 -> Severity.UNKNOWN;
            case 1 -> Severity.LOW;
            case 2 -> Severity.MEDIUM;
            case 3 -> Severity.HIGH;
            case 4 -> Severity.CRITICAL;
            default -> throw new CorruptDataException("unknown severity code " + code);
        };
    }

    private static int code(RangeType t) {
        return switch (t) {
            case SEMVER -> 0;
            case ECOSYSTEM -> 1;
        };
    }

    private static RangeType rangeType(int code) {
        return switch (code) {
            case 0 -> RangeType.SEMVER;
            case 1 -> RangeType.ECOSYSTEM;
            default -> throw new CorruptDataException("unknown range type code " + code);
        };
    }

    private static int code(EventKind k) {
        return switch (k) {
            case INTRODUCED -> 0;
            case FIXED -> 1;
            case LAST_AFFECTED -> 2;
            case LIMIT -> 3;
        };
    }

    private static EventKind eventKind(int code) {
        return switch (code) {
            case 0 -> EventKind.INTRODUCED;
            case 1 -> EventKind.FIXED;
            case 2 -> EventKind.LAST_AFFECTED;
            case 3 -> EventKind.LIMIT;
            default -> throw new CorruptDataException("unknown event kind code " + code);
        };
    }

    private static int code(ConstraintSyntax s) {
        return switch (s) {
            case NPM -> 0;
            case GEM -> 1;
            case COMPOSER -> 2;
            case PEP440 -> 3;
            case MAVEN -> 4;
            case NUGET -> 5;
        };
    }

    private static ConstraintSyntax syntax(int code) {
        return switch (code) {
            case 0 -> ConstraintSyntax.NPM;
            case 1 -> ConstraintSyntax.GEM;
            case 2 -> ConstraintSyntax.COMPOSER;
            case 3 -> ConstraintSyntax.PEP440;
            case 4 -> ConstraintSyntax.MAVEN;
            case 5 -> ConstraintSyntax.NUGET;
            default -> throw new CorruptDataException("unknown constraint syntax code " + code);
        };
    }
}

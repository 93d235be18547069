package dev.plimsoll.analyzer.lang.rust;

import dev.plimsoll.analyzer.lang.Texts;
import dev.plimsoll.analyzer.lang.elf.ElfException;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.ElfSection;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.analysis.UntrustedText;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata.Declared;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The crates compiled into Rust ELF executables built with cargo-auditable ({@link AuditableDeps}). Every file with
 * an execute bit is a candidate; executables that are not ELF are skipped, damaged ELF files are problems naming
 * the file, and ELF files without the section are simply not such binaries.
 *
 * <p>The root package is the binary itself, and packages whose source is "local" are the workspace's own crates
 * and path dependencies: neither is reported, as for Cargo.lock. The root's dependencies are DIRECT, the rest
 * TRANSITIVE. Build-time dependencies ("kind": "build": build scripts, procedural macros and what only they use)
 * are reported with {@link Declared#dev()} set: their code ran on the build machine but is not in the binary, so
 * a policy may leave them out, while their advisories (a compromised proc-macro) stay visible.
 */
public final class CargoAuditableAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/rust-binary");

    static final String FORMAT = "cargo-auditable";
    /** Any of the owner, group and other execute bits. */
    static final int EXECUTABLE = 0111;
    /** Only the ELF headers and one section are read, whatever the binary's size. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final String LOCAL = "local";

    public CargoAuditableAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.modeBits(EXECUTABLE)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new AuditableSession();
    }

    private static final class AuditableSession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            AuditableDeps deps;
            try {
                Optional<ElfFile> elf = ElfFile.read(SeekableBytes.of(file));
                Optional<ElfSection> section = elf.flatMap(e -> e.section(AuditableDeps.SECTION));
                if (section.isEmpty()) {
                    return;
                }
                deps = AuditableDeps.parse(elf.get().contents(section.get(), AuditableDeps.MAX_COMPRESSED_BYTES));
            } catch (ElfException e) {
                problems.add(e.kind(), meta, "not a readable ELF file: " + e.getMessage());
                return;
            } catch (AuditableException e) {
                problems.add(e.kind(), meta, e.getMessage());
                return;
            }
            Set<Integer> direct = new HashSet<>(deps.root().map(AuditableDeps.Crate::dependencies).orElse(List.of()));
            boolean hasRoot = deps.root().isPresent();
            for (int i = 0; i < deps.packages().size(); i++) {
                AuditableDeps.Crate crate = deps.packages().get(i);
                if (crate.root() || crate.source().equals(LOCAL)) {
                    continue;
                }
                if (!Texts.isToken(crate.name()) || !Texts.isToken(crate.version())) {
                    problems.add(ProblemKind.MALFORMED_FILE, meta, "cargo-auditable data names a package without "
                            + "a usable name and version: \"" + UntrustedText.excerpt(crate.name()) + "\" \""
                            + UntrustedText.excerpt(crate.version()) + "\"");
                    continue;
                }
                Declared.Relation relation = !hasRoot ? Declared.Relation.UNKNOWN
                        : direct.contains(i) ? Declared.Relation.DIRECT : Declared.Relation.TRANSITIVE;
                packages.add(new Package(crate.name(), crate.version(), Ecosystem.CARGO, Optional.empty(), List.of(),
                        List.of(Location.of(meta.path(), meta.layer())), Optional.of(meta.layer()), ID,
                        new Declared(FORMAT, crate.build(), relation, Optional.of(crate.source()), Optional.empty())));
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing((Package p) -> p.locations().get(0).path())
                    .thenComparing(Package::name).thenComparing(Package::version));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }
}

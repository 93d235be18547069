package dev.plimsoll.analyzer.lang.golang;

import dev.plimsoll.analyzer.lang.elf.ElfException;
import dev.plimsoll.analyzer.lang.elf.ElfFile;
import dev.plimsoll.analyzer.lang.elf.SeekableBytes;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.DeclaredAnalyzer;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.inventory.Package;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Go modules compiled into ELF executables, and the Go standard library they were linked with, from the build
 * information the Go toolchain embeds ({@link BuildInfoReader}; what {@code go version -m} prints). Every file with
 * an execute bit is a candidate, whatever its name; only the ELF headers and the build information are read.
 * Executables that are not ELF (scripts) are none of its business; an ELF file whose headers are damaged, or a Go
 * binary whose build information is, is a problem naming the file.
 */
public final class GoBinaryAnalyzer extends DeclaredAnalyzer {
    public static final AnalyzerId ID = AnalyzerId.of("lang/go-binary");

    /** Any of the owner, group and other execute bits. */
    static final int EXECUTABLE = 0111;
    /** Go binaries reach a few hundred MiB (kubelet, Terraform providers); only their headers are read. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    public GoBinaryAnalyzer() {
        super(ID, 1, Interests.of(PathInterest.modeBits(EXECUTABLE)).withMaxBytes(MAX_BYTES));
    }

    @Override
    public Session open(ScanContext context) {
        return new GoBinarySession();
    }

    private static final class GoBinarySession implements Session {
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final List<Package> packages = new ArrayList<>();

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            // The mode interest also matches directories and devices.
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            try {
                Optional<ElfFile> elf = ElfFile.read(SeekableBytes.of(file));
                if (elf.isPresent()) {
                    Optional<GoBuildInfo> info = BuildInfoReader.read(elf.get());
                    info.ifPresent(i -> packages.addAll(GoBinaryPackages.of(meta, i, ID, problems)));
                }
            } catch (ElfException e) {
                problems.add(e.kind(), meta, "not a readable ELF file: " + e.getMessage());
            } catch (BuildInfoException e) {
                problems.add(e.kind(), meta, e.getMessage());
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Package> sorted = new ArrayList<>(packages);
            sorted.sort(Comparator.comparing((Package p) -> p.locations().get(0).path())
                    .thenComparing(p -> p.locations().get(0).layer().map(l -> l.index()).orElse(-1))
                    .thenComparing(Package::name).thenComparing(Package::version));
            return AnalyzerOutput.packages(sorted, problems.problems());
        }
    }
}

package dev.plimsoll.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.testkit.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * A hand-run timing check, printed and not asserted (timings on shared CI machines are noise): the walk's own CPU
 * time over synthetic layers, with a realistic set of OS and language analyzer interests. Entries come straight
 * from a list (no tar parsing, no decompression), so what is measured is the walker alone.
 */
class WalkTimingTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final InterestIndex INTERESTS = InterestIndex.compile(List.of(
            Interests.of(PathInterest.exact("/var/lib/dpkg/status"), PathInterest.glob("/var/lib/dpkg/status.d/*"),
                    PathInterest.glob("/var/lib/dpkg/info/*.list")),
            Interests.of(PathInterest.exact("/lib/apk/db/installed")),
            Interests.of(PathInterest.glob("/var/lib/rpm/*"), PathInterest.glob("/usr/lib/sysimage/rpm/*")),
            Interests.of(PathInterest.exact("/etc/os-release"), PathInterest.exact("/usr/lib/os-release")),
            Interests.of(PathInterest.suffix(".jar"), PathInterest.suffix(".war"), PathInterest.basename("pom.properties")),
            Interests.of(PathInterest.glob("/**/*.dist-info/METADATA"), PathInterest.glob("/**/*.egg-info/PKG-INFO")),
            Interests.of(PathInterest.glob("/usr/lib/**/node_modules/*/package.json"), PathInterest.basename("package.json")),
            Interests.of(PathInterest.modeBits(FileMeta.SETUID | FileMeta.SETGID)).withMaxBytes(0)));

    /** One layer of {@code dirs} directories with {@code perDir} files each, like /usr/lib of a distro layer. */
    private static List<RawEntry> layer(int dirs, int perDir) {
        List<RawEntry> entries = new ArrayList<>();
        entries.add(new RawEntry("usr/", FileType.DIRECTORY, 0755, 0, 0, 0, Optional.empty()));
        entries.add(new RawEntry("usr/lib/", FileType.DIRECTORY, 0755, 0, 0, 0, Optional.empty()));
        for (int d = 0; d < dirs; d++) {
            String dir = "usr/lib/package-" + d + "/";
            entries.add(new RawEntry(dir, FileType.DIRECTORY, 0755, 0, 0, 0, Optional.empty()));
            for (int f = 0; f < perDir - 1; f++) {
                int mode = f == 7 ? 04755 : 0644;
                entries.add(new RawEntry(dir + "lib-" + f + ".so.1", FileType.REGULAR, mode, 0, 0, 0,
                        Optional.empty()));
            }
        }
        return entries;
    }

    private record ListImage(List<List<RawEntry>> entries) implements Image {
        @Override
        public ImageSummary summary() {
            return new ImageSummary("timing", "memory", List.of(), Optional.empty(), Optional.empty(),
                    Platform.LINUX_AMD64);
        }

        @Override
        public ImageConfig config() {
            return ImageConfig.empty(Platform.LINUX_AMD64);
        }

        @Override
        public List<LayerRef> layers() {
            List<LayerRef> refs = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                refs.add(new LayerRef(i, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty()));
            }
            return refs;
        }

        @Override
        public LayerReader openLayer(LayerRef layer) {
            List<RawEntry> layerEntries = entries.get(layer.index());
            return new LayerReader() {
                private int next;

                @Override
                public RawEntry next() {
                    return next < layerEntries.size() ? layerEntries.get(next++) : null;
                }

                @Override
                public InputStream content() {
                    return InputStream.nullInputStream();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    private static long cpuNanos(Image image, int[] delivered) throws IOException {
        long start = CPU.getCurrentThreadCpuTime();
        try (SquashedView view = new SquashWalker(WalkLimits.defaults()).walk(image, INTERESTS,
                (entry, analyzers) -> delivered[0]++)) {
            assertThat(view.entriesRead()).isPositive();
        }
        return CPU.getCurrentThreadCpuTime() - start;
    }

    private static String measure(String label, Image image) throws IOException {
        int[] delivered = {0};
        for (int i = 0; i < 10; i++) {
            cpuNanos(image, delivered); // warm-up: let the JIT compile the walk
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            best = Math.min(best, cpuNanos(image, delivered));
        }
        return String.format("%s: %.1f ms CPU (best of 5)", label, best / 1e6);
    }

    @Test
    void timeTheWalkOverSyntheticLayers() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(measure("7,000 entries, 1 layer", new ListImage(List.of(layer(70, 100)))));
        lines.add(measure("100,000 entries, 1 layer", new ListImage(List.of(layer(1000, 100)))));
        lines.add(measure("100,000 entries over 4 layers (same paths again)",
                new ListImage(List.of(layer(250, 100), layer(250, 100), layer(250, 100), layer(250, 100)))));

        // For scale: the same 100,000 entries as an uncompressed tar, parsed by commons-compress.
        TarBuilder t = TarBuilder.tar().dir("usr").dir("usr/lib");
        for (int d = 0; d < 1000; d++) {
            t.dir("usr/lib/package-" + d);
            for (int f = 0; f < 99; f++) {
                t.file("usr/lib/package-" + d + "/lib-" + f + ".so.1", new byte[0]);
            }
        }
        byte[] tar = t.build();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
                while (in.getNextEntry() != null) {
                    // headers only, as a walk that wants nothing
                }
            }
            best = Math.min(best, CPU.getCurrentThreadCpuTime() - start);
        }
        lines.add(String.format("reading the 100,000 tar headers alone (%d MiB tar): %.1f ms CPU", tar.length >> 20,
                best / 1e6));
        lines.forEach(l -> System.out.println("[timing] " + l));
    }
}

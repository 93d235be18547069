package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Measures the two candidate engines on synthetic data at realistic scale: build time, file size, open time in a
 * fresh JVM, and open + lookup of 2,000 package keys (cold in a fresh JVM, and warm). Not a test: run it with
 * {@code plimsoll-vulndb/src/test/bench.sh [--keys 60000] [--advisories 300000] [--cves 200000] [--runs 5]}.
 * <p>
 * Engines: {@code packed-mmap} and {@code packed-pread} (this module's file format, memory-mapped or read with
 * positional reads) and {@code sqlite} (sqlite-jdbc, one row per advisory, see {@link SqliteVulnDb}).
 * <p>
 * Measured on a shared 2-core VM (JDK 25, load 2 to 2.5 from other builds; medians of 5 fresh JVMs, two runs):
 * <pre>
 *                 build (wall/CPU)   size     first open  first open+2000  warm open  warm open+2000
 * packed-pread    5.8-9.8 s/11-12 s  44.3 MB   8-13 ms    194-208 ms       0.17 ms    27-28 ms
 * packed-mmap     (same file)                 35-69 ms    180-331 ms       0.38 ms    25-28 ms
 * sqlite          4.1-6.1 s/5.5-6 s  198 MB  186-341 ms    304-616 ms       0.6 ms     42-43 ms
 * </pre>
 * The build times include generating the data. The packed format won: 4.5x smaller, faster to open and to look up;
 * its reader opens with positional reads (see {@link VulnDbReader#open}).
 */
public final class VulnDbBench {
    private VulnDbBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int keys = 60_000;
        int advisories = 300_000;
        int cves = 200_000;
        int runs = 5;
        Path dir = Path.of("target/bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = Integer.parseInt(args[i + 1]);
                case "--advisories" -> advisories = Integer.parseInt(args[i + 1]);
                case "--cves" -> cves = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(dir);
        SyntheticAdvisories data = new SyntheticAdvisories(keys, advisories, cves, 42);
        System.out.printf("data: %,d advisories over %,d keys, %,d CVEs%n", advisories, keys, cves);

        Path packed = dir.resolve("vulndb.db");
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        DbCounts counts;
        try (VulnDbWriter w = VulnDbWriter.create(packed)) {
            data.forEachAdvisory(w::add);
            data.forEachCveFacts(w::add);
            counts = w.finish(DbMetadata.current(Instant.now(), List.of()));
        }
        long packedBuild = System.nanoTime() - t0;
        System.out.printf("packed: built in %,d ms (%,d ms CPU), %,d bytes, %s%n", packedBuild / 1_000_000,
                (cpuNanos() - cpu0) / 1_000_000, Files.size(packed), counts);

        Path sqlite = dir.resolve("vulndb.sqlite");
        cpu0 = cpuNanos();
        t0 = System.nanoTime();
        SqliteVulnDb.build(sqlite, data);
        long sqliteBuild = System.nanoTime() - t0;
        System.out.printf("sqlite: built in %,d ms (%,d ms CPU), %,d bytes%n", sqliteBuild / 1_000_000,
                (cpuNanos() - cpu0) / 1_000_000, Files.size(sqlite));

        Path keysFile = dir.resolve("lookup-keys.txt");
        writeLookupKeys(keysFile, data, keys);

        System.out.println();
        System.out.println("engine        | process wall ms | first open ms | first open+2000 lookups ms | "
                + "warm open ms | warm open+2000 lookups ms | advisories found");
        for (String engine : List.of("packed-mmap", "packed-pread", "sqlite")) {
            Path file = engine.equals("sqlite") ? sqlite : packed;
            List<String> lines = new ArrayList<>();
            long[] wall = new long[runs];
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                lines.add(runProbe(engine, file, keysFile));
                wall[r] = (System.nanoTime() - s) / 1_000_000;
            }
            System.out.printf("%-13s | %15s | %s%n", engine, median(wall), summarize(lines));
        }
    }

    /** CPU time of this process, all threads: steadier than wall time on a shared machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** 1,000 keys that are in the database and 1,000 that are not, shuffled: a large image's package list. */
    private static void writeLookupKeys(Path file, SyntheticAdvisories data, int keys) throws IOException {
        Random r = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(encode(data.key(r.nextInt(keys))));
            PackageKey k = data.key(r.nextInt(keys));
            lines.add(encode(new PackageKey(k.ecosystem(), k.distro(), k.name() + "-absent")));
        }
        java.util.Collections.shuffle(lines, r);
        Files.write(file, lines);
    }

    private static String encode(PackageKey k) {
        return k.ecosystem().name() + "\t" + k.distro().orElse("") + "\t" + k.name();
    }

    private static PackageKey decode(String line) {
        String[] p = line.split("\t", -1);
        return new PackageKey(Ecosystem.valueOf(p[0]), p[1].isEmpty() ? Optional.empty() : Optional.of(p[1]), p[2]);
    }

    private static String runProbe(String engine, Path file, Path keys) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), VulnDbBench.class.getName(), "probe", engine,
                file.toString(), keys.toString(), "200")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("probe failed: " + out);
        }
        return out;
    }

    private static String summarize(List<String> lines) {
        int fields = lines.getFirst().split(" ").length;
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            final int field = f;
            double[] values = lines.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[field])).toArray();
            Arrays.sort(values);
            double median = values[values.length / 2];
            sb.append(f == fields - 1 ? String.format("%.0f", median) : String.format("%.2f | ", median));
        }
        return sb.toString();
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /**
     * In a fresh JVM: the first open, the first open + lookups (cold code: what one CLI scan pays), then the median
     * of {@code warm} repetitions of each. Prints "firstOpen firstAll warmOpen warmAll found" in milliseconds.
     */
    private static void probe(String engine, Path file, Path keysFile, int warm) throws Exception {
        List<PackageKey> keys = Files.readAllLines(keysFile).stream().map(VulnDbBench::decode).toList();
        double[] first = once(engine, file, keys);
        double[] openTimes = new double[warm];
        double[] allTimes = new double[warm];
        for (int i = 0; i < warm; i++) {
            double[] t = once(engine, file, keys);
            openTimes[i] = t[0];
            allTimes[i] = t[1];
        }
        Arrays.sort(openTimes);
        Arrays.sort(allTimes);
        System.out.printf("%.3f %.3f %.3f %.3f %d%n", first[0], first[1], openTimes[warm / 2], allTimes[warm / 2],
                (long) first[2]);
    }

    private static double[] once(String engine, Path file, List<PackageKey> keys) throws Exception {
        long t0 = System.nanoTime();
        long found = 0;
        double open;
        switch (engine) {
            case "sqlite" -> {
                try (SqliteVulnDb db = SqliteVulnDb.open(file)) {
                    open = (System.nanoTime() - t0) / 1e6;
                    for (PackageKey k : keys) {
                        found += checksum(db.find(k));
                    }
                }
            }
            case "packed-mmap", "packed-pread" -> {
                try (VulnDbReader db = VulnDbReader.open(file, engine.equals("packed-mmap"))) {
                    open = (System.nanoTime() - t0) / 1e6;
                    for (PackageKey k : keys) {
                        found += checksum(db.find(k));
                    }
                }
            }
            default -> throw new IllegalArgumentException(engine);
        }
        return new double[] {open, (System.nanoTime() - t0) / 1e6, found};
    }

    /** Count of advisories found; both engines must print the same. */
    private static long checksum(List<Advisory> found) {
        return found.size();
    }
}

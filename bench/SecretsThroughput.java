// Secret scanning throughput: generates a mixed tree of files in memory (source in several languages, configs,
// lockfiles, Markdown; most files without any keyword, some with assignments, a few with planted fakes), then scans
// every file on N threads, warm, and prints MB/s. JMH-free on purpose: one file, run as a single-file program:
//   bench/secrets.sh [MB] [THREADS] [KEYWORD%]    (builds the class path, then)
//   java -cp plimsoll-check-secrets/target/classes:<deps> bench/SecretsThroughput.java [MB] [THREADS] [KEYWORD%]
// With --write DIR MB it writes the same kind of tree to DIR instead (for bench/secrets-tree.sh, end to end).
// KEYWORD% (default 30) is the share of files holding keyword lines; 100 is the worst case.
import dev.plimsoll.check.secrets.ScanOutcome;
import dev.plimsoll.check.secrets.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class SecretsThroughput {
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    record File(String path, byte[] content) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--write")) {
            write(java.nio.file.Path.of(args[1]), Long.parseLong(args[2]) * 1024L * 1024L);
            return;
        }
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int keywordShare = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<File> files = generate(mb * 1024L * 1024L, new Random(1), keywordShare);
        long bytes = files.stream().mapToLong(f -> f.content().length).sum();
        SecretScanner scanner = SecretScanner.withDefaults();
        System.out.printf("%d files, %.1f MB, %d threads, %d%% of files with keyword lines%n", files.size(),
                bytes / 1e6, threads, keywordShare);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double best = 0;
        double bestCpu = 0;
        for (int run = 0; run < 6; run++) {
            AtomicInteger found = new AtomicInteger();
            java.util.concurrent.ConcurrentHashMap<String, Integer> rules = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicInteger skipped = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        ScanOutcome out = scanner.scan(files.get(i).path(), files.get(i).content());
                        if (out instanceof ScanOutcome.Skipped) {
                            skipped.incrementAndGet();
                        }
                        found.addAndGet(out.matches().size());
                        out.matches().forEach(m -> rules.merge(m.ruleId(), 1, Integer::sum));
                    }
                    cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - c0);
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double rate = bytes / 1e6 / s;
            best = Math.max(best, rate);
            // CPU time of the scanning threads: on a shared machine the wall-clock rate drops when other processes
            // take the cores; MB per CPU second times the threads is what the threads would do on idle cores.
            double perCpu = bytes / 1e6 / (cpuNanos.get() / 1e9);
            bestCpu = Math.max(bestCpu, perCpu * threads);
            System.out.printf("run %d: %.2f s, %.0f MB/s (%.0f MB per CPU second), %d findings %s, %d skipped%n", run,
                    s, rate, perCpu, found.get(), new java.util.TreeMap<>(rules), skipped.get());
        }
        pool.shutdown();
        System.out.printf("best: %.0f MB/s on %d threads (CPU-time bound: %.0f MB/s on %d idle cores)%n", best,
                threads, bestCpu, threads);
    }

    private static final String[] CODE = {
        "    for (int i = 0; i < items.size(); i++) {\n        total += items.get(i).price() * items.get(i).qty();\n    }\n",
        "def handle(request):\n    data = json.loads(request.body)\n    return JsonResponse({'ok': True, 'count': len(data)})\n",
        "export function render(props) {\n  const { items, onSelect } = props;\n  return items.map(i => <Row item={i} onClick={onSelect} />);\n}\n",
        "func (s *Server) Serve(ctx context.Context) error {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn ctx.Err()\n\t\t}\n\t}\n}\n",
        "// Compute the running average over the window; the window never shrinks below one element.\n",
        "SELECT o.id, o.created_at, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.state = 'open';\n",
        "  - name: build\n    run: mvn -B verify\n  - name: upload\n    uses: actions/upload-artifact@v4\n",
        "    \"node_modules/lodash\": {\n      \"version\": \"4.17.21\",\n      \"resolved\": \"https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz\"\n    },\n",
        "## Usage\n\nRun the service with `make run` and open http://localhost:8080 in a browser.\n\n",
    };
    private static final String[] KEYWORD_LINES = {
        "    Map<String, Object> byKey = new HashMap<>();\n",
        "    String password = System.getenv(\"DB_PASSWORD\");\n",
        "      \"integrity\": \"sha512-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx==\"\n",
        "auth:\n  enabled: true\n  tokenTtl: 3600\n",
        "const token = await getToken(session);\n",
        "spring.datasource.password=${DB_PASSWORD}\n",
        "see https://docs.example.com/guide#section for details\n",
    };
    private static final String[] EXT = {"java", "py", "js", "go", "sql", "yml", "json", "md", "ts", "properties"};

    /** Writes a tree of about {@code target} bytes in batches, so that a gigabyte never sits in memory. */
    static void write(java.nio.file.Path dir, long target) throws java.io.IOException {
        Random r = new Random(1);
        long written = 0;
        int batch = 0;
        int files = 0;
        while (written < target) {
            long chunk = Math.min(64L << 20, target - written);
            for (File f : generate(chunk, r, 30)) {
                java.nio.file.Path p = dir.resolve("b" + batch).resolve(f.path());
                java.nio.file.Files.createDirectories(p.getParent());
                java.nio.file.Files.write(p, f.content());
                written += f.content().length;
                files++;
            }
            batch++;
        }
        System.out.printf("%d files, %.1f MB written to %s%n", files, written / 1e6, dir);
    }

    static List<File> generate(long target, Random r, int keywordShare) {
        List<File> files = new ArrayList<>();
        long total = 0;
        int n = 0;
        while (total < target) {
            int kind = r.nextInt(100);
            int size = 2_000 + r.nextInt(60_000);
            StringBuilder sb = new StringBuilder(size + 200);
            while (sb.length() < size) {
                sb.append(CODE[r.nextInt(CODE.length)]);
                // by default 70% of files: no keyword at all; 27%: a few keyword lines; 3%: also a planted secret
                if (kind >= 100 - keywordShare && r.nextInt(40) == 0) {
                    sb.append(KEYWORD_LINES[r.nextInt(KEYWORD_LINES.length)]);
                }
            }
            if (kind >= 97) {
                sb.append("DB_PASSWORD=Pl4nted!pw").append(n).append('\n');
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            files.add(new File("repo/dir" + (n % 50) + "/file" + n + "." + EXT[n % EXT.length], b));
            total += b.length;
            n++;
        }
        return files;
    }
}

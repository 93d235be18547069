// Container audit throughput, in one JVM after warm-up, printed as targets per second for the best and the median
// pass:
//   1. the checks alone: N generated container configurations (RunConfig, as every input is normalised to) through
//      every container check (CIS 4.1 and section 5), turned into compliance findings;
//   2. whole commands: `plimsoll audit compose FILE` and `plimsoll audit k8s FILE` on the files bench/audit.sh
//      generates (reading and interpolating the YAML, the checks, findings, policy and the report written to
//      a file beside the input), in the default table format and as JSON, which lists every result of every target.
// Run by bench/audit.sh as a single-file program:
//   java -cp plimsoll.jar bench/AuditThroughput.java N PASSES [COMPOSE_FILE K8S_FILE]
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.CheckSelection;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import dev.plimsoll.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

public class AuditThroughput {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        List<RunConfig> configs = generate(n, new Random(42));
        ContainerAudit audit = ContainerAudit.standard(CheckSelection.ALL);
        double[] perSecond = new double[passes];
        long findings = 0;
        Map<CheckStatus, Integer> statuses = new EnumMap<>(CheckStatus.class);
        for (int pass = 0; pass < passes; pass++) {
            long t0 = System.nanoTime();
            AuditRun run = audit.audit(Loaded.of(configs));
            findings = AuditFindings.findings(run.audits()).size();
            perSecond[pass] = n / ((System.nanoTime() - t0) / 1e9);
            if (pass == passes - 1) {
                for (TargetAudit a : run.audits()) {
                    a.results().forEach(r -> statuses.merge(r.result().status(), 1, Integer::sum));
                }
            }
        }
        double[] last = Arrays.copyOfRange(perSecond, passes / 2, passes);
        Arrays.sort(last);
        System.out.printf("container audit throughput: %d configurations, %d checks, %d findings per pass %s: best"
                + " %.0f configs/s, median %.0f configs/s (%d passes, the first half warm-up)%n", n,
                audit.checks().size(), findings, statuses, last[last.length - 1], last[last.length / 2], passes);
        if (args.length > 3) {
            for (String format : List.of("table", "json")) {
                command(n, passes, "services", "compose", args[2], format);
                command(n, passes, "workloads", "k8s", args[3], format);
            }
        }
    }

    /** The whole `plimsoll audit INPUT -f FORMAT FILE` command, in this JVM, PASSES times. */
    static void command(int n, int passes, String unit, String input, String file, String format) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        // A report file, as CI jobs keep it (-o FILE), beside the generated input.
        String report = java.nio.file.Path.of(file).resolveSibling("report-" + input + "." + format).toString();
        double[] perSecond = new double[passes];
        for (int pass = 0; pass < passes; pass++) {
            long t0 = System.nanoTime();
            int exit = Main.run(nowhere, nowhere, Clock.systemUTC(), "audit", input, "-q", "-f", format, "-o",
                    report, file);
            perSecond[pass] = n / ((System.nanoTime() - t0) / 1e9);
            if (exit != 0 && exit != 1) {
                throw new IllegalStateException("plimsoll audit " + input + " " + file + " exited with " + exit);
            }
        }
        double[] last = Arrays.copyOfRange(perSecond, passes / 2, passes);
        Arrays.sort(last);
        System.out.printf("plimsoll audit %-7s -f %-5s %d %s: best %.0f %s/s, median %.0f %s/s (%d passes in one"
                + " JVM, the first half warm-up)%n", input, format, n, unit, last[last.length - 1], unit,
                last[last.length / 2], unit, passes);
    }

    /** Containers of the shapes Compose files and docker run lines hold: mostly defaults, some hardened, some not. */
    static List<RunConfig> generate(int n, Random rnd) {
        String[] images = {"nginx:1.25", "postgres:16", "redis:7", "app:latest", "registry.example/api@sha256:"
                + "0".repeat(64), "busybox"};
        String[] sensitive = {"/etc", "/var/run/docker.sock", "/srv/data", "/home/app", "/proc", "/opt/config",
                "/run", "/usr/share/zoneinfo"};
        List<RunConfig> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean hardened = rnd.nextInt(3) == 0;
            List<RunConfig.Mount> mounts = new ArrayList<>();
            for (int m = rnd.nextInt(4); m > 0; m--) {
                mounts.add(new RunConfig.Mount(rnd.nextBoolean() ? "bind" : "volume",
                        sensitive[rnd.nextInt(sensitive.length)], "/mnt/" + m, rnd.nextBoolean(),
                        rnd.nextInt(5) == 0 ? "rshared" : ""));
            }
            List<RunConfig.PortBinding> ports = new ArrayList<>();
            for (int p = rnd.nextInt(3); p > 0; p--) {
                ports.add(new RunConfig.PortBinding(rnd.nextBoolean() ? "" : "127.0.0.1",
                        rnd.nextBoolean() ? 80 : 8000 + rnd.nextInt(1000), 80, "tcp"));
            }
            Map<RunField, String> sources = new EnumMap<>(RunField.class);
            sources.put(RunField.PRIVILEGED, "services.s" + i + ".privileged");
            sources.put(RunField.MOUNTS, "services.s" + i + ".volumes");
            out.add(new RunConfig("s" + i, "compose.yaml", Optional.of(images[rnd.nextInt(images.length)]),
                    !hardened && rnd.nextInt(10) == 0, hardened ? List.of("NET_BIND_SERVICE") :
                    rnd.nextInt(8) == 0 ? List.of("SYS_ADMIN") : List.of(), hardened ? List.of("ALL") : List.of(),
                    hardened ? Optional.of("1000:1000") : rnd.nextBoolean() ? Optional.of("0:0") : Optional.empty(),
                    new RunConfig.Namespaces(rnd.nextInt(15) == 0 ? "host" : "", "", "",
                            rnd.nextInt(10) == 0 ? "host" : hardened ? "backend" : "", "", ""),
                    mounts, List.of(), ports,
                    hardened ? new RunConfig.Resources(OptionalLong.of(1L << 28), OptionalLong.of(512),
                            OptionalLong.empty(), OptionalLong.of(100)) : RunConfig.Resources.NONE,
                    List.of(), hardened ? new RunConfig.SecurityOptions(Optional.empty(), Optional.empty(),
                            List.of(), Optional.of(true), List.of("no-new-privileges:true"))
                            : RunConfig.SecurityOptions.DEFAULT,
                    hardened, Map.of(), new RunConfig.RestartPolicy(rnd.nextBoolean() ? "always" : "on-failure",
                            rnd.nextInt(7)),
                    hardened ? Optional.of(new RunConfig.HealthcheckSpec(List.of("CMD", "true"))) : Optional.empty(),
                    Optional.empty(), sources));
        }
        return out;
    }
}

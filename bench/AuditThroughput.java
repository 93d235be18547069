// Container audit throughput: one JVM audits N generated container configurations (RunConfig, as every input is
// normalised to) with every container check (CIS 4.1 and section 5) and turns the results into compliance findings,
// again and again; after warm-up prints configurations per second for the best and the median pass.
// Run by bench/audit.sh as a single-file program: java -cp plimsoll.jar bench/AuditThroughput.java [N] [PASSES]
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.TargetAudit;
import dev.plimsoll.check.cis.audit.AuditFindings;
import dev.plimsoll.check.cis.audit.AuditRun;
import dev.plimsoll.check.cis.audit.CheckSelection;
import dev.plimsoll.check.cis.audit.ContainerAudit;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
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
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 15;
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
        double[] last = Arrays.copyOfRange(perSecond, passes / 3, passes);
        Arrays.sort(last);
        System.out.printf("container audit throughput: %d configurations, %d checks, %d findings per pass %s: best"
                + " %.0f configs/s, median %.0f configs/s (%d passes, the first third warm-up)%n", n,
                audit.checks().size(), findings, statuses, last[last.length - 1], last[last.length / 2], passes);
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

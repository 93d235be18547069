package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/** CIS 2.7: ensure TLS authentication for Docker daemon is configured. */
public final class TlsAuthentication extends DaemonCheck {
    public TlsAuthentication() {
        super("2.7", "Ensure TLS authentication for Docker daemon is configured", Severity.HIGH, "1", true,
                "Listen on TCP only with --tlsverify, --tlscacert, --tlscert and --tlskey.",
                Optional.of("docker-bench-security greps daemon.json for 'host.*tcp://' (the key is hosts) and treats any -H but unix:// and fd:// as TCP; Plimsoll parses hosts and -H, counts tcp:// and scheme-less host:port as TCP, and N/A (not INFO) when the daemon does not listen on TCP."));
    }

    @Override
    public CheckResult evaluate(DaemonConfig c) {
        List<String> tcp = c.hosts().stream().filter(h -> h.startsWith("tcp://") || !h.contains("://")).toList();
        if (tcp.isEmpty()) {
            return CheckResult.notApplicable("the daemon does not listen on TCP");
        }
        Evidence hosts = evidence(c, "hosts", "unix:///var/run/docker.sock");
        if (c.bool("tlsverify", false)) {
            return CheckResult.pass("TCP with TLS client verification", hosts, evidence(c, "tlsverify", "false"));
        }
        if (c.bool("tls", false)) {
            return CheckResult.fail("TCP with TLS but without client verification", hosts, evidence(c, "tls", "false"));
        }
        return CheckResult.fail("listening on " + String.join(", ", tcp) + " without TLS", hosts);
    }
}

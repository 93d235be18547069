package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.check.cis.input.daemon.Setting;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/** A section 2 check on the daemon's merged configuration. */
public abstract class DaemonCheck implements CisCheck<DaemonConfig> {
    private final CheckMeta meta;

    protected DaemonCheck(String id, String title, Severity severity, String level, boolean scored,
                          String remediation, Optional<String> differsFromDockerBench) {
        this.meta = new CheckMeta(id, Section.DAEMON, title, severity, level, scored, remediation,
                differsFromDockerBench);
    }

    @Override
    public final CheckMeta meta() {
        return meta;
    }

    /** Where {@code key} was set and to what, or that it was left at dockerd's default. */
    protected static Evidence evidence(DaemonConfig config, String key, String defaultShown) {
        Optional<Setting> s = config.get(key);
        return s.map(v -> new Evidence(v.source(), v.field(), v.display()))
                .orElseGet(() -> new Evidence(config.name(), key, "unset (default " + defaultShown + ")"));
    }
}

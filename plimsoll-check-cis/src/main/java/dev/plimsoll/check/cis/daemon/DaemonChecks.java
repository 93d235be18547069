package dev.plimsoll.check.cis.daemon;

import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import java.util.List;

/** CIS section 2 (Docker daemon configuration), in benchmark order. */
public final class DaemonChecks {
    private DaemonChecks() {
    }

    public static List<CisCheck<DaemonConfig>> standard() {
        return List.of(
                new RootlessDaemon(),
                new IccDisabled(),
                new LogLevelInfo(),
                new IptablesAllowed(),
                new NoInsecureRegistries(),
                new NoAufs(),
                new TlsAuthentication(),
                new DefaultUlimits(),
                new UsernsRemap(),
                new DefaultCgroupParent(),
                new NoBaseDeviceSize(),
                new AuthorizationPlugins(),
                new RemoteLogging(),
                new NoNewPrivileges(),
                new LiveRestore(),
                new UserlandProxyDisabled(),
                new DaemonSeccompProfile(),
                new NoExperimental());
    }
}

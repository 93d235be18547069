package dev.plimsoll.check.cis.checks.container;

import dev.plimsoll.check.cis.run.RunConfig;
import java.util.List;
import java.util.stream.Collectors;

/** Published ports written as Docker prints them: "0.0.0.0:8080->80/tcp". */
final class Ports {
    private Ports() {
    }

    static String describe(RunConfig.PortBinding p) {
        String ip = p.hostIp().isEmpty() ? "" : (p.hostIp().contains(":") && !p.hostIp().startsWith("[")
                ? "[" + p.hostIp() + "]" : p.hostIp()) + ":";
        return ip + (p.hostPort() == 0 ? "(ephemeral)" : Integer.toString(p.hostPort())) + "->" + p.containerPort()
                + "/" + p.protocol();
    }

    static String describeAll(List<RunConfig.PortBinding> ports) {
        return ports.isEmpty() ? "none" : ports.stream().map(Ports::describe).collect(Collectors.joining(", "));
    }
}

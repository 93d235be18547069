package dev.plimsoll.check.cis.run;

/** The settings of a {@link RunConfig}, to say where each was read. */
public enum RunField {
    IMAGE("image"), PRIVILEGED("privileged"), CAP_ADD("cap_add"), CAP_DROP("cap_drop"), USER("user"),
    PID("pid"), IPC("ipc"), UTS("uts"), NETWORK("network"), USERNS("userns"), CGROUPNS("cgroupns"),
    MOUNTS("mounts"), DEVICES("devices"), PORTS("ports"), MEMORY("memory"), CPU_SHARES("cpu_shares"),
    CPUS("cpus"), PIDS_LIMIT("pids_limit"), ULIMITS("ulimits"), SECURITY_OPT("security_opt"),
    READ_ONLY("read_only"), TMPFS("tmpfs"), RESTART("restart"), HEALTHCHECK("healthcheck"),
    CGROUP_PARENT("cgroup_parent");

    private final String displayName;

    RunField(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}

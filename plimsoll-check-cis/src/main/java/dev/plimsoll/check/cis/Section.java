package dev.plimsoll.check.cis;

/** The CIS Docker Benchmark v1.6.0 sections, plus the Kubernetes workload checks. */
public enum Section {
    HOST("1", "Host Configuration"),
    DAEMON("2", "Docker daemon configuration"),
    DAEMON_FILES("3", "Docker daemon configuration files"),
    IMAGES("4", "Container Images and Build File"),
    CONTAINER_RUNTIME("5", "Container Runtime"),
    OPERATIONS("6", "Docker Security Operations"),
    SWARM("7", "Docker Swarm Configuration"),
    KUBERNETES("k8s", "Kubernetes workloads (Pod Security Standards and pod hardening)");

    private final String number;
    private final String title;

    Section(String number, String title) {
        this.number = number;
        this.title = title;
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }
}

package dev.plimsoll.check.cis;

/**
 * One check: a pure function of the facts an input collector built, so tests feed it records or fixture files,
 * never a live host. {@code F} is the facts type of its section: {@code RunConfig} for containers (section 5),
 * the daemon's merged configuration (section 2), the host root (sections 1 and 3), the image (section 4), a
 * Kubernetes pod spec (PSS).
 */
public interface CisCheck<F> {
    CheckMeta meta();

    CheckResult evaluate(F facts);
}

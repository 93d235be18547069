package dev.plimsoll.core.finding;

/** The families of findings; policy thresholds are set per kind. */
public enum FindingKind {
    VULNERABILITY, MISCONFIGURATION, SECRET, COMPLIANCE
}

package dev.plimsoll.check.cis;

/**
 * The verdict of one check on one target. docker-bench-security prints FAIL as WARN and NOTE for controls a person
 * must judge; N/A is a check whose subject the target does not have (no TLS configured, not a swarm node).
 */
public enum CheckStatus { PASS, FAIL, INFO, NOTE, NOT_APPLICABLE }

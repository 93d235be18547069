package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.input.k8s.Workload;
import java.util.ArrayList;
import java.util.List;

/** The fields of one workload a check objects to, in the order found, each with the value seen there. */
final class Violations {
    static final String NOT_SET = "(not set)";

    private final Workload workload;
    private final List<Evidence> evidence = new ArrayList<>();

    Violations(Workload workload) {
        this.workload = workload;
    }

    void add(String path, String value) {
        evidence.add(new Evidence(workload.file(), path, value));
    }

    void add(String path, JsonNode value) {
        add(path, show(value));
    }

    /** PASS with {@code passReason} when nothing was added, else FAIL with every violation as evidence. */
    CheckResult verdict(String passReason, String failReason) {
        if (evidence.isEmpty()) {
            return CheckResult.pass(passReason);
        }
        return new CheckResult(CheckStatus.FAIL, failReason + " (" + evidence.size()
                + (evidence.size() == 1 ? " field)" : " fields)"), evidence);
    }

    /** A value as a person reads it: text unquoted, everything else as JSON. */
    static String show(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return NOT_SET;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** Present and not null: what Go's non-nil pointer means after decoding. */
    static boolean isSet(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    static boolean isTrue(JsonNode node) {
        return node.isBoolean() && node.booleanValue();
    }

    static boolean isFalse(JsonNode node) {
        return node.isBoolean() && !node.booleanValue();
    }

    /** A string field as Go decodes it: absent or null is "". */
    static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : "";
    }
}

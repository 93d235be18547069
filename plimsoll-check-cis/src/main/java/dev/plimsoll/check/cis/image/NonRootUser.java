package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * CIS 4.1: the image runs as a user other than root. Root is an empty user, {@code root} or uid {@code 0}, with or
 * without a group ({@code 0:0}, {@code root:root}, {@code root:app}).
 */
public final class NonRootUser extends ImageCheck {
    public NonRootUser() {
        super("4.1", "Ensure that a user for the container has been created", Severity.MEDIUM, true,
                "Add a user and a USER instruction (USER 10001:10001) to the Dockerfile.",
                Optional.of("docker-bench-security fails only an empty user; Plimsoll also fails root, 0, 0:0 and"
                        + " root:GROUP, which run as root just the same."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        String user = facts.user().orElse("");
        Evidence e = new Evidence(facts.image(), "Config.User", user.isEmpty() ? "(unset)" : user);
        return isRoot(user)
                ? CheckResult.fail("the image runs as root", e)
                : CheckResult.pass("the image runs as " + user, e);
    }

    /** Whether a USER value means uid 0. */
    static boolean isRoot(String user) {
        String name = user.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        return name.isEmpty() || name.equals("root") || name.matches("0+");
    }
}

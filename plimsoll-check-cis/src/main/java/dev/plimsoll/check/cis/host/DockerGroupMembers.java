package dev.plimsoll.check.cis.host;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.input.host.HostFacts;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * CIS 1.1.2: who is in the docker group (root-equivalent): the users its line lists and those whose primary group
 * it is. Whether they are trusted is for a person to judge, so the members are INFO, as docker-bench-security prints
 * them; N/A without a docker group.
 */
public final class DockerGroupMembers implements CisCheck<HostFacts> {
    private static final CheckMeta META = new CheckMeta("1.1.2", Section.HOST,
            "Ensure only trusted users are allowed to control Docker daemon", Severity.MEDIUM, "1", true,
            "Remove untrusted users from the docker group: gpasswd -d USER docker.", Optional.empty());

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(HostFacts facts) {
        Optional<List<String>> members = facts.accounts().membersOf("docker");
        if (members.isEmpty()) {
            return CheckResult.notApplicable("the root's /etc/group has no docker group");
        }
        String list = members.get().isEmpty() ? "(none)" : String.join(",", members.get());
        return CheckResult.info(members.get().size() + " member(s) of the docker group: confirm they are trusted",
                new Evidence("/etc/group", "docker members", list));
    }
}

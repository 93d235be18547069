package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL1001;
import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3001;
import dev.plimsoll.check.dockerfile.rules.DL3002;
import dev.plimsoll.check.dockerfile.rules.DL3003;
import dev.plimsoll.check.dockerfile.rules.DL3004;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL3008;
import dev.plimsoll.check.dockerfile.rules.DL3009;
import dev.plimsoll.check.dockerfile.rules.DL3010;
import dev.plimsoll.check.dockerfile.rules.DL3011;
import dev.plimsoll.check.dockerfile.rules.DL3012;
import dev.plimsoll.check.dockerfile.rules.DL3013;
import dev.plimsoll.check.dockerfile.rules.DL3014;
import dev.plimsoll.check.dockerfile.rules.DL3015;
import dev.plimsoll.check.dockerfile.rules.DL3016;
import dev.plimsoll.check.dockerfile.rules.DL3018;
import dev.plimsoll.check.dockerfile.rules.DL3019;
import dev.plimsoll.check.dockerfile.rules.DL4000;
import java.util.List;

/** The built-in rules: one line each. */
public final class DockerfileRules {
    private DockerfileRules() {
    }

    public static List<DockerfileRule> standard() {
        return List.of(
                new DL1001(),
                new DL3000(),
                new DL3001(),
                new DL3002(),
                new DL3003(),
                new DL3004(),
                new DL3006(),
                new DL3007(),
                new DL3008(),
                new DL3009(),
                new DL3010(),
                new DL3011(),
                new DL3012(),
                new DL3013(),
                new DL3014(),
                new DL3015(),
                new DL3016(),
                new DL3018(),
                new DL3019(),
                new DL4000());
    }
}

package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL3059;
import dev.plimsoll.check.dockerfile.rules.DL3060;
import dev.plimsoll.check.dockerfile.rules.DL3061;
import dev.plimsoll.check.dockerfile.rules.DL3062;
import dev.plimsoll.check.dockerfile.rules.DL3063;
import dev.plimsoll.check.dockerfile.rules.DL3064;
import dev.plimsoll.check.dockerfile.rules.DL3065;
import dev.plimsoll.check.dockerfile.rules.DL3066;
import dev.plimsoll.check.dockerfile.rules.DL3067;
import dev.plimsoll.check.dockerfile.rules.DL4000;
import dev.plimsoll.check.dockerfile.rules.DL4001;
import dev.plimsoll.check.dockerfile.rules.DL4003;
import dev.plimsoll.check.dockerfile.rules.DL4004;
import dev.plimsoll.check.dockerfile.rules.DL4005;
import dev.plimsoll.check.dockerfile.rules.DL4006;
import java.util.List;

/** The built-in rules: one line each. */
public final class DockerfileRules {
    private DockerfileRules() {
    }

    public static List<DockerfileRule> standard() {
        return List.of(
                new DL3000(),
                new DL3006(),
                new DL3007(),
                new DL3059(),
                new DL3060(),
                new DL3061(),
                new DL3062(),
                new DL3063(),
                new DL3064(),
                new DL3065(),
                new DL3066(),
                new DL3067(),
                new DL4000(),
                new DL4001(),
                new DL4003(),
                new DL4004(),
                new DL4005(),
                new DL4006());
    }
}

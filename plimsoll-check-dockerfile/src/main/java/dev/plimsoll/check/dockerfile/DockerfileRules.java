package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL3020;
import dev.plimsoll.check.dockerfile.rules.DL3021;
import dev.plimsoll.check.dockerfile.rules.DL3022;
import dev.plimsoll.check.dockerfile.rules.DL3023;
import dev.plimsoll.check.dockerfile.rules.DL3024;
import dev.plimsoll.check.dockerfile.rules.DL3025;
import dev.plimsoll.check.dockerfile.rules.DL3026;
import dev.plimsoll.check.dockerfile.rules.DL3027;
import dev.plimsoll.check.dockerfile.rules.DL3028;
import dev.plimsoll.check.dockerfile.rules.DL3029;
import dev.plimsoll.check.dockerfile.rules.DL3030;
import dev.plimsoll.check.dockerfile.rules.DL3032;
import dev.plimsoll.check.dockerfile.rules.DL3033;
import dev.plimsoll.check.dockerfile.rules.DL3034;
import dev.plimsoll.check.dockerfile.rules.DL3035;
import dev.plimsoll.check.dockerfile.rules.DL3036;
import dev.plimsoll.check.dockerfile.rules.DL3037;
import dev.plimsoll.check.dockerfile.rules.DL3038;
import dev.plimsoll.check.dockerfile.rules.DL4000;
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
                new DL3020(),
                new DL3021(),
                new DL3022(),
                new DL3023(),
                new DL3024(),
                new DL3025(),
                new DL3026(),
                new DL3027(),
                new DL3028(),
                new DL3029(),
                new DL3030(),
                new DL3032(),
                new DL3033(),
                new DL3034(),
                new DL3035(),
                new DL3036(),
                new DL3037(),
                new DL3038(),
                new DL4000());
    }
}

package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL3040;
import dev.plimsoll.check.dockerfile.rules.DL3041;
import dev.plimsoll.check.dockerfile.rules.DL3042;
import dev.plimsoll.check.dockerfile.rules.DL3043;
import dev.plimsoll.check.dockerfile.rules.DL3044;
import dev.plimsoll.check.dockerfile.rules.DL3045;
import dev.plimsoll.check.dockerfile.rules.DL3046;
import dev.plimsoll.check.dockerfile.rules.DL3047;
import dev.plimsoll.check.dockerfile.rules.DL3048;
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
                new DL3040(),
                new DL3041(),
                new DL3042(),
                new DL3043(),
                new DL3044(),
                new DL3045(),
                new DL3046(),
                new DL3047(),
                new DL3048(),
                new DL4000());
    }
}

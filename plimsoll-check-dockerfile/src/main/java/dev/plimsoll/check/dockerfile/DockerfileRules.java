package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL4000;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_013;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_014;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_015;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_016;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_017;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_018;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_019;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_020;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_021;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_022;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_023;
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
                new DL4000(),
                new PLM_DF_013(),
                new PLM_DF_014(),
                new PLM_DF_015(),
                new PLM_DF_016(),
                new PLM_DF_017(),
                new PLM_DF_018(),
                new PLM_DF_019(),
                new PLM_DF_020(),
                new PLM_DF_021(),
                new PLM_DF_022(),
                new PLM_DF_023());
    }
}

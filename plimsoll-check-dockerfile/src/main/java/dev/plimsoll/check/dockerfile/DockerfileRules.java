package dev.plimsoll.check.dockerfile;

import dev.plimsoll.check.dockerfile.rules.DL3000;
import dev.plimsoll.check.dockerfile.rules.DL3006;
import dev.plimsoll.check.dockerfile.rules.DL3007;
import dev.plimsoll.check.dockerfile.rules.DL4000;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_001;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_002;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_003;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_004;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_005;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_006;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_007;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_008;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_009;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_010;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_011;
import dev.plimsoll.check.dockerfile.rules.PLM_DF_012;
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
                new PLM_DF_001(),
                new PLM_DF_002(),
                new PLM_DF_003(),
                new PLM_DF_004(),
                new PLM_DF_005(),
                new PLM_DF_006(),
                new PLM_DF_007(),
                new PLM_DF_008(),
                new PLM_DF_009(),
                new PLM_DF_010(),
                new PLM_DF_011(),
                new PLM_DF_012());
    }
}

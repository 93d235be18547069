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
import dev.plimsoll.check.dockerfile.rules.DL3049;
import dev.plimsoll.check.dockerfile.rules.DL3050;
import dev.plimsoll.check.dockerfile.rules.DL3051;
import dev.plimsoll.check.dockerfile.rules.DL3052;
import dev.plimsoll.check.dockerfile.rules.DL3053;
import dev.plimsoll.check.dockerfile.rules.DL3054;
import dev.plimsoll.check.dockerfile.rules.DL3055;
import dev.plimsoll.check.dockerfile.rules.DL3056;
import dev.plimsoll.check.dockerfile.rules.DL3057;
import dev.plimsoll.check.dockerfile.rules.DL3058;
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
                new DL3000(,
                new DL3006(,
                new DL3007(,
                new DL3040(,
                new DL3041(,
                new DL3042(,
                new DL3043(,
                new DL3044(,
                new DL3045(,
                new DL3046(,
                new DL3047(,
                new DL3048(,
                new DL3049(,
                new DL3050(,
                new DL3051(,
                new DL3052(,
                new DL3053(,
                new DL3054(,
                new DL3055(,
                new DL3056(,
                new DL3057(,
                new DL3058(,
                new DL4000(,
                new PLM_DF_001(,
                new PLM_DF_002(,
                new PLM_DF_003(,
                new PLM_DF_004(,
                new PLM_DF_005(,
                new PLM_DF_006(,
                new PLM_DF_007(,
                new PLM_DF_008(,
                new PLM_DF_009(,
                new PLM_DF_010(,
                new PLM_DF_011(,
                new PLM_DF_012();
    }
}

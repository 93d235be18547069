package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CisCheck;
import java.util.List;

/** CIS section 4 (container images and build file), in benchmark order. */
public final class ImageChecks {
    private ImageChecks() {
    }

    public static List<CisCheck<ImageAuditFacts>> standard() {
        return List.of(
                new NonRootUser(),
                new TrustedBaseImage(),
                new NoUnnecessaryPackages(),
                new ImagesPatched(),
                new ContentTrust(),
                new HealthcheckPresent(),
                new NoUpdateAlone(),
                new SetuidFiles(),
                new CopyNotAdd(),
                new NoSecretsInConfig(),
                new VerifiedPackages(),
                new SignedArtifacts());
    }
}

package dev.plimsoll.check.cis.checks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.input.k8s.PodContainer;
import dev.plimsoll.check.cis.input.k8s.Workload;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Set;

/**
 * PSS restricted "Volume Types": volumes may only be configMap, csi, downwardAPI, emptyDir, ephemeral, image,
 * persistentVolumeClaim, projected or secret. A volume with no source at all is allowed: the API server defaults it
 * to emptyDir before admission sees it.
 */
public final class RestrictedVolumes implements CisCheck<Workload> {
    static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
            "persistentVolumeClaim", "projected", "secret");
    private static final List<String> RESTRICTED = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore",
            "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc",
            "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume",
            "scaleIO", "storageos");
    private static final CheckMeta META = PssMeta.of("restrictedVolumes", PssMeta.RESTRICTED, "Volume Types",
            Severity.MEDIUM, "Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, "
                    + "persistentVolumeClaim, projected or secret volumes; reach other storage through a "
                    + "PersistentVolumeClaim.");

    @Override
    public CheckMeta meta() {
        return META;
    }

    @Override
    public CheckResult evaluate(Workload workload) {
        Violations violations = new Violations(workload);
        JsonNode volumes = workload.podSpec().path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            String path = workload.path("volumes[" + i + "]");
            if (ALLOWED.stream().anyMatch(type -> Violations.isSet(volume.path(type)))) {
                continue;
            }
            RESTRICTED.stream().filter(type -> Violations.isSet(volume.path(type))).findFirst().ifPresentOrElse(
                    type -> violations.add(path + "." + type, Violations.show(volume.path("name"))),
                    () -> volume.properties().stream()
                            .filter(e -> !e.getKey().equals("name") && Violations.isSet(e.getValue()))
                            .findFirst()
                            .ifPresent(e -> violations.add(path + "." + e.getKey(),
                                    "unknown volume type of " + Violations.show(volume.path("name")))));
        }
        return violations.verdict("every volume is of an allowed type", "restricted volume types");
    }
}

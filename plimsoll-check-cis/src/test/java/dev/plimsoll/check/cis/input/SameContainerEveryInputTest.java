package dev.plimsoll.check.cis.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.compose.ComposeOptions;
import dev.plimsoll.check.cis.input.compose.ComposeReader;
import dev.plimsoll.check.cis.input.dockerrun.DockerRunParser;
import dev.plimsoll.check.cis.input.inspect.DockerInspectReader;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunField;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One container written as a docker run line, a Compose service and docker inspect output reads the same. */
class SameContainerEveryInputTest {
    private static RunConfig only(Loaded<RunConfig> loaded) {
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.items()).hasSize(1);
        return loaded.items().get(0);
    }

    /** Name, origin and sources say where it was read; list order is not part of what a container is. */
    private static RunConfig comparable(RunConfig c) {
        return new RunConfig("", "", c.image(), c.privileged(), sorted(c.capAdd(), Comparator.naturalOrder()),
                sorted(c.capDrop(), Comparator.naturalOrder()), c.user(), c.namespaces(),
                sorted(c.mounts(), Comparator.comparing(RunConfig.Mount::destination)),
                sorted(c.devices(), Comparator.comparing(RunConfig.Device::containerPath)),
                sorted(c.ports(), Comparator.comparing(RunConfig.PortBinding::containerPort)
                        .thenComparing(RunConfig.PortBinding::protocol)),
                c.resources(), sorted(c.ulimits(), Comparator.comparing(RunConfig.Ulimit::name)), c.security(),
                c.readOnlyRootfs(), c.tmpfs(), c.restart(), c.healthcheck(), c.cgroupParent(), Map.of());
    }

    private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
        return list.stream().sorted(order).toList();
    }

    @Test
    void dockerRunComposeAndInspectGiveEqualRunConfigs() {
        RunConfig run = only(DockerRunParser.read(Fixtures.path("same/run.sh")));
        RunConfig compose = only(ComposeReader.read(Fixtures.path("same/compose.yaml"),
                ComposeOptions.defaults(Map.of())));
        RunConfig inspect = only(DockerInspectReader.read(Fixtures.path("same/inspect.json")));

        assertThat(comparable(run)).isEqualTo(comparable(inspect));
        assertThat(comparable(compose)).isEqualTo(comparable(inspect));
        // a meaningful comparison: the fixture sets every field the model has
        assertThat(inspect.sources().keySet()).containsExactlyInAnyOrder(RunField.values());
        assertThat(run.resources().memoryBytes()).isPresent();
        assertThat(compose.healthcheck()).isPresent();
        assertThat(run.name()).isEqualTo("api");
        assertThat(compose.name()).isEqualTo("api");
        assertThat(inspect.name()).isEqualTo("api");
    }
}

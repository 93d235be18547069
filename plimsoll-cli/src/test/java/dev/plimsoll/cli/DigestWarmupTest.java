package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class DigestWarmupTest {

    @Test
    void knowsEveryOptionOfTheImageCommandsThatTakesAValue() {
        PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
        Console console = new Console(nowhere, nowhere, Clock.systemUTC());
        Set<String> taking = new TreeSet<>();
        for (CliCommand command : List.of(new ImageCommand(console), new SbomCommand(console),
                new RootfsCommand(console), new BaselineCommand(console))) {
            Deque<CommandSpec> specs = new ArrayDeque<>(List.of(command.spec()));
            while (!specs.isEmpty()) {
                CommandSpec spec = specs.poll();
                spec.subcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
                for (OptionSpec o : spec.options()) {
                    if (o.arity().max() > 0 && !o.typeInfo().isBoolean()) {
                        taking.addAll(Arrays.asList(o.names()));
                    }
                }
            }
        }

        assertThat(new TreeSet<>(DigestWarmup.VALUE_OPTIONS)).isEqualTo(taking);
    }

    @Test
    void setsTlsUpOnlyForTheImageOfARegistryReachedOverTls() {
        assertThat(warmup("image registry.example.com/team/app:1")).isEqualTo(DigestWarmup.RegistryWarmup.TLS);
        assertThat(warmup("image -q --platform linux/arm64 nginx:1.27")).isEqualTo(DigestWarmup.RegistryWarmup.TLS);
        assertThat(warmup("sbom -o out.json ghcr.io/org/app@sha256:" + "0".repeat(64)))
                .isEqualTo(DigestWarmup.RegistryWarmup.TLS);

        // the bug this guards: the option's value "127.0.0.1:5000" was taken for the image docker.io/library/…,
        // so TLS was set up beside every scan of an insecure registry
        assertThat(warmup("image --db /tmp/v.db --insecure-registry 127.0.0.1:5000 -q -f json -o /tmp/r.json"
                + " 127.0.0.1:5000/bench/java-app:1")).isEqualTo(DigestWarmup.RegistryWarmup.PLAIN_HTTP);
        assertThat(warmup("image --insecure-registry=localhost:5000 localhost:5000/a:1"))
                .isEqualTo(DigestWarmup.RegistryWarmup.PLAIN_HTTP);

        assertThat(warmup("image --platform linux/arm64 samples/demo-image.tar"))
                .isEqualTo(DigestWarmup.RegistryWarmup.NONE);
        assertThat(warmup("image -f table=/dev/null image.tar")).isEqualTo(DigestWarmup.RegistryWarmup.NONE);
    }

    private static DigestWarmup.RegistryWarmup warmup(String line) {
        return DigestWarmup.registryWarmup(line.split(" "));
    }

}

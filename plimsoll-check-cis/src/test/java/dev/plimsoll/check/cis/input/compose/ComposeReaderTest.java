package dev.plimsoll.check.cis.input.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.Fixtures;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.check.cis.run.RunConfig.Device;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import dev.plimsoll.check.cis.run.RunConfig.PortBinding;
import dev.plimsoll.check.cis.run.RunConfig.RestartPolicy;
import dev.plimsoll.check.cis.run.RunConfig.Ulimit;
import dev.plimsoll.check.cis.run.RunField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeReaderTest {
    private static final Path APP = Fixtures.path("compose/app/compose.yaml");

    private static Loaded<RunConfig> read(Path file, Map<String, String> environment, String... profiles) {
        return ComposeReader.read(file, ComposeOptions.defaults(environment).withProfiles(Set.of(profiles)));
    }

    private static RunConfig service(Loaded<RunConfig> loaded, String name) {
        return loaded.items().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsARealisticProjectWithAnchorsMergeKeysEnvFileAndExtends() {
        Loaded<RunConfig> loaded = read(APP, Map.of());
        assertThat(loaded.problems()).isEmpty();
        // debug has a profile that is not active
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("web", "db", "agent");

        RunConfig web = service(loaded, "web");
        assertThat(web.image()).contains("docker.io/shop/web:2.3.1");
        assertThat(web.readOnlyRootfs()).isTrue();
        assertThat(web.capDrop()).containsExactly("ALL");
        assertThat(web.security().noNewPrivileges()).contains(true);
        assertThat(web.restart()).isEqualTo(new RestartPolicy("unless-stopped", 0));
        assertThat(web.resources().nanoCpus()).hasValue(500_000_000L);
        assertThat(web.resources().memoryBytes()).hasValue(256L << 20);
        assertThat(web.resources().pidsLimit()).hasValue(100);
        assertThat(web.user()).contains("101:101");
        assertThat(web.ports()).containsExactly(new PortBinding("", 443, 443, "tcp"),
                new PortBinding("127.0.0.1", 8080, 80, "tcp"), new PortBinding("::1", 9090, 9090, "tcp"));
        Path appDir = APP.toAbsolutePath().getParent();
        assertThat(web.mounts()).containsExactly(
                new Mount("bind", appDir.resolve("static").toString(), "/usr/share/nginx/html", false, ""),
                new Mount("volume", "cache", "/var/cache/nginx", true, ""));
        assertThat(web.tmpfs()).isEqualTo(Map.of("/run", "size=64m", "/tmp", ""));
        assertThat(web.healthcheck().orElseThrow().test()).containsExactly("CMD", "curl", "-fsS",
                "http://localhost/healthz");
        // merged from the x-hardening anchor: the source is where the anchor wrote it
        assertThat(web.sourceOf(RunField.READ_ONLY)).isEqualTo("services.web.read_only (compose.yaml:4)");
        assertThat(web.sourceOf(RunField.IMAGE)).isEqualTo("services.web.image (compose.yaml:21)");
        assertThat(web.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void extendsAnotherFileAndMergesOverIt() {
        RunConfig db = service(read(APP, Map.of()), "db");
        assertThat(db.image()).contains("postgres:16");
        assertThat(db.user()).contains("postgres");
        assertThat(db.readOnlyRootfs()).isTrue();
        assertThat(db.capAdd()).containsExactly("CHOWN", "SETUID", "SETGID");
        assertThat(db.security().noNewPrivileges()).contains(true);
        assertThat(db.restart()).isEqualTo(new RestartPolicy("always", 0));
        assertThat(db.healthcheck().orElseThrow().test()).containsExactly("CMD-SHELL", "pg_isready -U postgres");
        Path common = APP.toAbsolutePath().getParent().resolveSibling("common");
        assertThat(db.mounts()).containsExactly(
                new Mount("bind", common.resolve("initdb").toString(), "/docker-entrypoint-initdb.d", false, ""),
                new Mount("volume", "shop-postgres-data", "/var/lib/postgresql/data", true, ""));
        assertThat(db.resources().memoryBytes()).hasValue(1L << 30);
        assertThat(db.resources().cpuShares()).hasValue(512);
        assertThat(db.resources().nanoCpus()).hasValue(1_500_000_000L);
        assertThat(db.resources().pidsLimit()).hasValue(200);
        assertThat(db.ulimits()).containsExactly(new Ulimit("nproc", 65535, 65535), new Ulimit("nofile", 1024, 2048));
        assertThat(db.sourceOf(RunField.USER)).isEqualTo("services.db.user (base.yml:3)");
    }

    @Test
    void readsTheDangerousService() {
        RunConfig agent = service(read(APP, Map.of()), "agent");
        assertThat(agent.privileged()).isTrue();
        assertThat(agent.namespaces()).isEqualTo(new RunConfig.Namespaces("host", "host", "host", "host", "host",
                "host"));
        assertThat(agent.cgroupParent()).contains("/agents.slice");
        assertThat(agent.security().seccompProfile()).contains("unconfined");
        assertThat(agent.security().apparmorProfile()).contains("unconfined");
        assertThat(agent.security().selinuxOptions()).containsExactly("disable");
        assertThat(agent.devices()).containsExactly(new Device("/dev/kmsg", "/dev/kmsg", "rwm"),
                new Device("/dev/sda", "/dev/xvda", "r"));
        assertThat(agent.mounts()).containsExactly(new Mount("bind", "/", "/host", false, "rshared"));
        assertThat(agent.healthcheck().orElseThrow().disabled()).isTrue();
        assertThat(agent.restart()).isEqualTo(new RestartPolicy("on-failure", 3));
    }

    @Test
    void profilesIncludeServicesOnlyWhenActive() {
        assertThat(read(APP, Map.of(), "debug").items()).extracting(RunConfig::name).contains("debug");
        assertThat(read(APP, Map.of(), "*").items()).extracting(RunConfig::name).contains("debug");
        assertThat(read(APP, Map.of("COMPOSE_PROFILES", "ops,debug")).items()).extracting(RunConfig::name)
                .contains("debug");
        assertThat(service(read(APP, Map.of(), "debug"), "debug").capAdd()).containsExactly("SYS_PTRACE");
    }

    @Test
    void theEnvironmentWinsOverTheEnvFileAndDefaultsApply() {
        RunConfig web = service(read(APP, Map.of("WEB_TAG", "9.9", "REGISTRY", "ghcr.io")), "web");
        assertThat(web.image()).contains("ghcr.io/shop/web:9.9");
        RunConfig empty = service(read(APP, Map.of("REGISTRY", "")), "web");
        assertThat(empty.image()).contains("docker.io/shop/web:2.3.1");
    }

    @Test
    void anExplicitEnvFileReplacesTheDefaultOne(@TempDir Path dir) throws IOException {
        Path env = Files.writeString(dir.resolve("prod.env"), "WEB_TAG=\"3.0\"\nDB_PASSWORD=x # comment\n");
        Loaded<RunConfig> loaded = ComposeReader.read(APP,
                ComposeOptions.defaults(Map.of()).withEnvFiles(List.of(env)));
        assertThat(service(loaded, "web").image()).contains("docker.io/shop/web:3.0");
        Loaded<RunConfig> missing = ComposeReader.read(APP,
                ComposeOptions.defaults(Map.of()).withEnvFiles(List.of(dir.resolve("nope.env"))));
        assertThat(missing.problems().get(0).reason()).startsWith("cannot read env file");
    }

    @Test
    void anUndefinedVariableNamesFileLineAndVariableAndOnlyThatServiceIsLeftOut() {
        Loaded<RunConfig> loaded = read(Fixtures.path("compose/bad/undefined-var.yaml"), Map.of());
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("ok");
        assertThat(loaded.problems()).hasSize(2);
        InputProblem undefined = loaded.problems().get(0);
        assertThat(undefined.file()).endsWith("undefined-var.yaml");
        assertThat(undefined.where()).isEqualTo("services.broken.user, line 6");
        assertThat(undefined.reason()).isEqualTo("variable APP_UID is not set and has no default");
        InputProblem required = loaded.problems().get(1);
        assertThat(required.where()).isEqualTo("services.required.image, line 8");
        assertThat(required.reason()).isEqualTo(
                "required variable IMAGE is missing a value: set IMAGE to the image to deploy");
    }

    @Test
    void anAliasBombFailsWithAClearError() {
        Loaded<RunConfig> loaded = read(Fixtures.path("compose/bad/bomb.yaml"), Map.of());
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("bomb.yaml");
            assertThat(p.reason()).containsAnyOf("alias bomb", "aliases");
        });
    }

    @Test
    void aRecursiveAliasIsRefused() {
        Loaded<RunConfig> loaded = ComposeReader.read(write("services:\n  x: &x\n    image: a\n    labels: *x\n"),
                ComposeOptions.defaults(Map.of()));
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems().get(0).reason()).containsAnyOf("recursive", "Recursive");
    }

    @Test
    void anExtendsCycleIsReportedAndTheOtherServicesRead() {
        Loaded<RunConfig> loaded = read(Fixtures.path("compose/bad/cycle.yaml"), Map.of());
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("standalone");
        assertThat(loaded.problems()).hasSize(3);
        assertThat(loaded.problems().get(0).reason())
                .isEqualTo("extends cycle: cycle.yaml:a -> cycle.yaml:b -> cycle.yaml:c -> cycle.yaml:a");
    }

    @Test
    void invalidYamlNamesTheLine() {
        Loaded<RunConfig> loaded = read(Fixtures.path("compose/bad/not-yaml.yaml"), Map.of());
        assertThat(loaded.items()).isEmpty();
        assertThat(loaded.problems().get(0).where()).isEqualTo("line 4");
        assertThat(loaded.problems().get(0).reason()).startsWith("not valid YAML");
    }

    @Test
    void badValuesNameServiceKeyAndLine() {
        Loaded<RunConfig> loaded = read(Fixtures.path("compose/bad/bad-values.yaml"), Map.of());
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("good");
        assertThat(loaded.problems()).extracting(InputProblem::where).containsExactly(
                "services.mem.mem_limit, line 6", "services.vol.volumes, line 10", "services.priv.privileged, line 13");
        assertThat(loaded.problems().get(0).reason()).contains("\"lots\" is not a size");
        assertThat(loaded.problems().get(1).reason()).contains("undefined volume \"undeclared\"");
        assertThat(loaded.problems().get(2).reason()).contains("\"sometimes\" is not true or false");
    }

    @Test
    void shortSyntaxPortsAreNotReadAsYamlSexagesimalNumbers() {
        RunConfig c = ComposeReader.read(write("services:\n  s:\n    image: a\n    ports:\n      - 22:22\n      - 80\n"),
                ComposeOptions.defaults(Map.of())).items().get(0);
        assertThat(c.ports()).containsExactly(new PortBinding("", 22, 22, "tcp"), new PortBinding("", 0, 80, "tcp"));
    }

    @Test
    void dollarDollarIsALiteralDollar() {
        RunConfig c = ComposeReader.read(write("services:\n  s:\n    image: a\n    healthcheck:\n"
                + "      test: echo $$HOME\n"), ComposeOptions.defaults(Map.of())).items().get(0);
        assertThat(c.healthcheck().orElseThrow().test()).containsExactly("CMD-SHELL", "echo $HOME");
    }

    @Test
    void aFileThatIsNotComposeIsAProblem() {
        assertThat(ComposeReader.read(write("- a\n- b\n"), ComposeOptions.defaults(Map.of())).problems().get(0)
                .reason()).contains("a Compose file is a mapping");
        assertThat(ComposeReader.read(write("version: '3'\n"), ComposeOptions.defaults(Map.of())).problems().get(0)
                .reason()).contains("no services");
    }

    @Test
    void anOverrideFileIsMergedOverTheFirst() throws IOException {
        Path base = Files.writeString(temp.resolve("compose.yaml"), """
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80"]
                    read_only: true
                """);
        Path override = Files.writeString(temp.resolve("compose.prod.yaml"), """
                services:
                  web:
                    privileged: true
                    ports: ["443:443"]
                    read_only: false
                """);
        RunConfig web = ComposeReader.read(List.of(base, override), ComposeOptions.defaults(Map.of())).items().get(0);
        assertThat(web.privileged()).isTrue();
        assertThat(web.readOnlyRootfs()).isFalse();
        assertThat(web.ports()).extracting(PortBinding::hostPort).containsExactly(80, 443);
        assertThat(web.sourceOf(RunField.PRIVILEGED)).isEqualTo("services.web.privileged (compose.prod.yaml:3)");
    }

    @Test
    void includedFilesAddTheirServicesAndDuplicatesAndCyclesAreReported() throws IOException {
        Files.createDirectories(temp.resolve("db"));
        Files.writeString(temp.resolve("db/compose.yaml"), """
                include:
                  - ../compose.yaml
                services:
                  db:
                    image: postgres:16
                    volumes: ["./data:/var/lib/postgresql/data"]
                  web:
                    image: duplicate
                """);
        Path main = Files.writeString(temp.resolve("compose.yaml"), """
                include:
                  - path: db/compose.yaml
                services:
                  web:
                    image: nginx
                """);
        Loaded<RunConfig> loaded = ComposeReader.read(main, ComposeOptions.defaults(Map.of()));
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("web", "db");
        assertThat(loaded.items().get(1).mounts().get(0).source())
                .isEqualTo(temp.resolve("db/data").toAbsolutePath().normalize().toString());
        assertThat(loaded.problems()).extracting(InputProblem::reason).containsExactlyInAnyOrder(
                "include cycle through ../compose.yaml",
                "service web is also defined in " + main + " (Compose refuses the duplicate)");
    }

    @Test
    void anEndlessEnvFileOrExtendsFileIsRefusedWithinBounds() {
        Loaded<RunConfig> env = ComposeReader.read(APP,
                ComposeOptions.defaults(Map.of()).withEnvFiles(List.of(Path.of("/dev/zero"))));
        assertThat(env.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("larger than"));
        Loaded<RunConfig> ext = ComposeReader.read(write(
                "services:\n  s:\n    extends:\n      file: /dev/zero\n      service: x\n"),
                ComposeOptions.defaults(Map.of()));
        assertThat(ext.problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .startsWith("extends file /dev/zero: larger than"));
    }

    @Test
    void aServiceWithoutImageOrBuildIsAProblem() {
        Loaded<RunConfig> loaded = ComposeReader.read(write(
                "services:\n  empty:\n  built:\n    build: .\n    privileged: true\n"),
                ComposeOptions.defaults(Map.of()));
        assertThat(loaded.items()).extracting(RunConfig::name).containsExactly("built");
        assertThat(loaded.items().get(0).image()).isEmpty();
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("services.empty, line 2");
            assertThat(p.reason()).isEqualTo("service has neither an image nor a build context");
        });
    }

    @TempDir
    Path temp;

    private Path write(String yaml) {
        try {
            return Files.writeString(Files.createTempFile(temp, "compose", ".yaml"), yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

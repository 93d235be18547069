package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll fs} over a checkout holding every lockfile and manifest format, assembled from the language
 * analyzers' real fixtures (made by npm, yarn, pnpm, Poetry, pipenv, pip, Maven, Composer, Bundler, cargo; see the
 * READMEs beside them in plimsoll-analyzers-lang/src/test/resources), matched against the repository's sample
 * advisories and, when the tests are given ../shared/vulndata ({@code -Dplimsoll.vulndata}, as bin/test does),
 * against all of it. Expected advisories were checked by hand against the records named in the comments.
 */
class FsEcosystemsTest {
    private static final Path FIXTURES = Path.of("..", "plimsoll-analyzers-lang", "src", "test", "resources")
            .toAbsolutePath().normalize();
    private static final List<String> PROJECTS = List.of("npm/yarn-v1", "npm/pnpm-v9", "python/lockfiles/poetry-1.3",
            "python/lockfiles/pipenv", "python/lockfiles/uv", "java/maven/shop", "java/gradle/app", "php/project",
            "ruby/project", "dotnet/project", "dotnet/app");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path checkout;
    static JsonNode samples;

    @BeforeAll
    static void assemble() throws IOException {
        for (String project : PROJECTS) {
            copy(FIXTURES.resolve(project), checkout.resolve(project));
        }
        // Go and Cargo: a go.mod, and cargo's v4 lockfile under the name cargo gives it
        copy(FIXTURES.resolve("golang/gomod/app"), checkout.resolve("golang/app"));
        Files.createDirectories(checkout.resolve("rust/app"));
        Files.copy(FIXTURES.resolve("rust/lockfiles/v4.lock"), checkout.resolve("rust/app/Cargo.lock"));
        // npm's own lockfile, without its node_modules: a checkout before `npm ci`
        Files.createDirectories(checkout.resolve("npm/project"));
        for (String f : List.of("package-lock.json", "package.json")) {
            Files.copy(FIXTURES.resolve("npm/project").resolve(f), checkout.resolve("npm/project").resolve(f));
        }
        CliRun run = CliRun.withDb("fs", "-f", "json", checkout.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        samples = JSON.readTree(run.out());
    }

    /** The project's own files, not what a package manager installed into it. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(f).toString();
                if (rel.contains("vendor/") || rel.contains("node_modules/")) {
                    continue;
                }
                Files.createDirectories(to.resolve(rel).getParent());
                Files.copy(f, to.resolve(rel));
            }
        }
    }

    private static Set<String> files(JsonNode report) {
        Set<String> out = new TreeSet<>();
        report.path("packages").forEach(p -> out.add(p.path("type").asText() + " "
                + p.path("locations").path(0).path("path").asText()));
        return out;
    }

    private static Set<String> findings(JsonNode report) {
        Set<String> out = new TreeSet<>();
        report.path("findings").forEach(f -> out.add(f.path("id").asText() + " " + f.path("package").path("name")
                .asText() + " " + f.path("package").path("version").asText() + " " + f.path("location").path("path")
                .asText() + " fixed " + f.path("fixedVersion").asText()));
        return out;
    }

    @Test
    void everyFormatContributesItsPackages() {
        assertThat(files(samples)).contains(
                "npm /npm/yarn-v1/yarn.lock", "npm /npm/pnpm-v9/pnpm-lock.yaml", "npm /npm/project/package-lock.json",
                "pypi /python/lockfiles/poetry-1.3/poetry.lock", "pypi /python/lockfiles/pipenv/Pipfile.lock",
                "pypi /python/lockfiles/pipenv/requirements.txt", "pypi /python/lockfiles/uv/uv.lock",
                "maven /java/maven/shop/shop-core/pom.xml", "maven /java/gradle/app/gradle.lockfile",
                "composer /php/project/composer.lock", "gem /ruby/project/Gemfile.lock",
                "nuget /dotnet/project/packages.lock.json", "nuget /dotnet/app/Fixture.Web.deps.json",
                "golang /golang/app/go.mod", "cargo /rust/app/Cargo.lock");
    }

    @Test
    void sampleAdvisoriesMatchInEveryLockfileThatNamesThePackage() {
        // samples/vulndata: GHSA-35jh-r3h4-6jhm (lodash < 4.17.21), GHSA-xvch-5gv4-984h (minimist < 1.2.6),
        // GHSA-jfh8-c2jp-5v3q (log4j-core 2.0-beta9 .. < 2.15.0)
        assertThat(findings(samples)).contains(
                "CVE-2021-23337 lodash 4.17.15 /npm/yarn-v1/yarn.lock fixed 4.17.21",
                "CVE-2021-23337 lodash 4.17.15 /npm/pnpm-v9/pnpm-lock.yaml fixed 4.17.21",
                "CVE-2021-23337 lodash 4.17.15 /npm/project/package-lock.json fixed 4.17.21",
                "CVE-2021-44906 minimist 1.2.0 /npm/yarn-v1/yarn.lock fixed 1.2.6",
                "CVE-2021-44906 minimist 1.2.0 /npm/project/package-lock.json fixed 1.2.6",
                "CVE-2021-44228 org.apache.logging.log4j:log4j-core 2.14.1 /java/maven/shop/shop-core/pom.xml"
                        + " fixed 2.15.0",
                "CVE-2021-44228 org.apache.logging.log4j:log4j-core 2.14.1 /java/gradle/app/gradle.lockfile"
                        + " fixed 2.15.0");
    }

    @Test
    void everyEcosystemMatchesTheWholeSharedData() throws IOException {
        Path vulndata = VulnDataDir.require();
        Path db = checkout.getParent().resolve("fs-ecosystems-" + ProcessHandle.current().pid() + ".db");
        try {
            CliRun build = CliRun.of("db", "build", "-q", "--from", vulndata.toString(), "--db", db.toString());
            assertThat(build.exitCode()).as(build.err()).isZero();
            CliRun run = CliRun.of("fs", "--db", db.toString(), "-f", "json", checkout.toString());
            Set<String> found = findings(JSON.readTree(run.out()));

            assertThat(found).contains(
                    // osv/PyPI PYSEC-2021-108 / GHSA: urllib3 < 1.26.5; Django 3.2 < 3.2.1 (CVE-2021-31542)
                    "CVE-2021-33503 urllib3 1.26.4 /python/lockfiles/poetry-1.3/poetry.lock fixed 1.26.5",
                    "CVE-2021-33503 urllib3 1.26.4 /python/lockfiles/uv/uv.lock fixed 1.26.5",
                    "CVE-2021-31542 django 3.2 /python/lockfiles/pipenv/Pipfile.lock fixed 3.2.1",
                    "CVE-2020-14343 pyyaml 5.3.1 /python/lockfiles/pipenv/requirements.txt fixed 5.4",
                    // php-security-advisories guzzlehttp/guzzle CVE-2022-29248 (< 7.4.3)
                    "CVE-2022-29248 guzzlehttp/guzzle 7.4.0 /php/project/composer.lock fixed 7.4.3",
                    // ruby-advisory-db gems/rack CVE-2022-30122 (patched ~> 2.2.3.1)
                    "CVE-2022-30122 rack 2.2.3 /ruby/project/Gemfile.lock fixed 2.2.3.1",
                    // ghsa/NuGet GHSA-5crp-9r3c-p9vr (Newtonsoft.Json < 13.0.1)
                    "GHSA-5crp-9r3c-p9vr Newtonsoft.Json 12.0.1 /dotnet/project/packages.lock.json fixed 13.0.1",
                    "GHSA-5crp-9r3c-p9vr Newtonsoft.Json 12.0.1 /dotnet/app/Fixture.Web.deps.json fixed 13.0.1",
                    // ghsa/Maven Log4Shell and its follow-ups
                    "CVE-2021-45046 org.apache.logging.log4j:log4j-core 2.14.1 /java/gradle/app/gradle.lockfile"
                            + " fixed 2.16.0");
            List<String> ecosystems = new ArrayList<>();
            JSON.readTree(run.out()).path("findings").forEach(f -> ecosystems.add(f.path("package").path("type")
                    .asText()));
            assertThat(ecosystems).contains("npm", "pypi", "maven", "composer", "gem", "nuget");
        } finally {
            Files.deleteIfExists(db);
        }
    }

    /** ../shared/vulndata as the tests are told of it; a test that needs it says how to give it. */
    static final class VulnDataDir {
        static Path require() {
            String dir = System.getProperty("plimsoll.vulndata");
            if (dir == null || dir.isBlank()) {
                dir = System.getenv("PLIMSOLL_VULNDATA");
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(dir != null && !dir.isBlank() && Files.isDirectory(
                    Path.of(dir)), "needs ../shared/vulndata: run with -Dplimsoll.vulndata=DIR (bin/test does)");
            return Path.of(dir);
        }
    }

    static {
        if (!Files.isDirectory(FIXTURES)) {
            throw new UncheckedIOException(new IOException("fixtures not found at " + FIXTURES));
        }
    }
}

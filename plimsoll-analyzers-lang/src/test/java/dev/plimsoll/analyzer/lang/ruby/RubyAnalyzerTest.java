package dev.plimsoll.analyzer.lang.ruby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.analyzer.lang.LangHarness;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.PackageMetadata.Declared.Relation;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RubyAnalyzerTest {
    private static final Path RUBY = Path.of("src/test/resources/ruby");
    private static final String LOCK = "/app/Gemfile.lock";
    private static final String SPECS = "/app/vendor/bundle/ruby/3.1.0/specifications/";
    private static final Optional<String> RUBYGEMS = Optional.of("https://rubygems.org/");

    private static PackageMetadata.Declared declared(Package p) {
        return (PackageMetadata.Declared) p.metadata();
    }

    @Test
    void bundledApplicationLockfileAndInstalledSpecifications() {
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer())
                .layer(AnalyzerHarness.layer().fixture("ruby/project", "/app")).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version,
                p -> p.locations().get(0).path(), p -> p.locations().get(0).line().orElse(0),
                p -> declared(p).format(), p -> declared(p).relation(), p -> declared(p).resolved())
                .containsExactly(
                        tuple("internal_tool", "0.3.0", LOCK, 6, "Gemfile.lock", Relation.DIRECT,
                                Optional.of("/tmp/fixgen/ruby/internal_tool@ac00c16d6a63aff0e14291e264ff8b8d629416b3")),
                        tuple("localgem", "1.0.0", LOCK, 12, "Gemfile.lock", Relation.DIRECT,
                                Optional.of("vendor/localgem")),
                        tuple("mustermann", "1.1.1", LOCK, 18, "Gemfile.lock", Relation.TRANSITIVE, RUBYGEMS),
                        tuple("mustermann", "1.1.1", SPECS + "mustermann-1.1.1.gemspec", 0, "gemspec",
                                Relation.UNKNOWN, Optional.empty()),
                        tuple("nokogiri", "1.13.10", LOCK, 20, "Gemfile.lock", Relation.DIRECT, RUBYGEMS),
                        tuple("nokogiri", "1.13.10", SPECS + "nokogiri-1.13.10-x86_64-linux.gemspec", 0, "gemspec",
                                Relation.UNKNOWN, Optional.empty()),
                        tuple("racc", "1.6.2", LOCK, 24, "Gemfile.lock", Relation.TRANSITIVE, RUBYGEMS),
                        tuple("racc", "1.6.2", SPECS + "racc-1.6.2.gemspec", 0, "gemspec", Relation.UNKNOWN,
                                Optional.empty()),
                        tuple("rack", "2.2.3", LOCK, 25, "Gemfile.lock", Relation.DIRECT, RUBYGEMS),
                        tuple("rack", "2.2.3", SPECS + "rack-2.2.3.gemspec", 0, "gemspec", Relation.UNKNOWN,
                                Optional.empty()),
                        tuple("rack-protection", "2.2.0", LOCK, 26, "Gemfile.lock", Relation.TRANSITIVE, RUBYGEMS),
                        tuple("rack-protection", "2.2.0", SPECS + "rack-protection-2.2.0.gemspec", 0, "gemspec",
                                Relation.UNKNOWN, Optional.empty()),
                        tuple("rspec-core", "3.12.0", LOCK, 28, "Gemfile.lock", Relation.DIRECT, RUBYGEMS),
                        tuple("rspec-core", "3.12.0", SPECS + "rspec-core-3.12.0.gemspec", 0, "gemspec",
                                Relation.UNKNOWN, Optional.empty()),
                        // a default gem of Ruby 3.1: locked, but not installed into vendor/bundle
                        tuple("ruby2_keywords", "0.0.5", LOCK, 29, "Gemfile.lock", Relation.TRANSITIVE, RUBYGEMS),
                        tuple("sinatra", "2.2.0", LOCK, 30, "Gemfile.lock", Relation.DIRECT, RUBYGEMS),
                        tuple("sinatra", "2.2.0", SPECS + "sinatra-2.2.0.gemspec", 0, "gemspec", Relation.UNKNOWN,
                                Optional.empty()),
                        tuple("tilt", "2.0.10", LOCK, 35, "Gemfile.lock", Relation.TRANSITIVE, RUBYGEMS),
                        tuple("tilt", "2.0.10", SPECS + "tilt-2.0.10.gemspec", 0, "gemspec", Relation.UNKNOWN,
                                Optional.empty()));

        Package lockedNokogiri = run.output().packages().get(4);
        // Both platform variants are lines of the one locked version.
        assertThat(lockedNokogiri.locations()).extracting(l -> l.line().orElseThrow()).containsExactly(20, 22);
        assertThat(lockedNokogiri.ecosystem()).isEqualTo(Ecosystem.GEM);
        assertThat(Purls.of(lockedNokogiri, Optional.empty())).isEqualTo("pkg:gem/nokogiri@1.13.10");
        // Gemfile groups are not in the lockfile: the test group's rspec-core is not known to be for development.
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(declared(p).dev()).isFalse());
        assertThat(run.output().packages()).filteredOn(p -> declared(p).format().equals("Gemfile.lock"))
                .allSatisfy(p -> assertThat(p.licenses()).isEmpty());
        assertThat(run.output().packages().get(7).licenses()).containsExactly("Ruby", "BSD-2-Clause");
        assertThat(run.deliveredPaths()).doesNotContain("/app/Gemfile");
    }

    @Test
    void debianRubyGemspecsIncludingDefaultGems() {
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).fixture("ruby/debian").runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, Package::licenses,
                p -> p.locations().get(0).path()).containsExactly(
                tuple("bundler", "2.3.27", List.of("MIT"),
                        "/usr/lib/ruby/gems/3.1.0/specifications/default/bundler-2.3.27.gemspec"),
                // its "# stub:" comment separates the extensions with NUL bytes, as RubyGems writes it
                tuple("json", "2.6.1", List.of("Ruby"),
                        "/usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec"),
                tuple("openssl", "3.0.1", List.of("Ruby"),
                        "/usr/lib/ruby/gems/3.1.0/specifications/default/openssl-3.0.1.gemspec"),
                tuple("rake", "13.0.6", List.of("MIT"),
                        "/usr/share/rubygems-integration/all/specifications/rake-13.0.6.gemspec"),
                tuple("rexml", "3.3.9", List.of("BSD-2-Clause"),
                        "/usr/lib/ruby/gems/3.1.0/specifications/rexml-3.3.9.gemspec"));
        assertThat(run.output().packages()).allSatisfy(p -> assertThat(p.metadata()).isEqualTo(
                new PackageMetadata.Declared("gemspec", false, Relation.UNKNOWN, Optional.empty(), Optional.empty())));
    }

    @Test
    void checksumsOfBundlerTwoFiveAndSeveralRemotes() {
        // Bundler 2.5's CHECKSUMS section (hand-written in its format); an old Bundler's GEM with two remotes.
        String lock = """
                GEM
                  remote: https://rubygems.org/
                  remote: https://gems.example.com/
                  specs:
                    nokogiri (1.16.0-aarch64-linux)
                      racc (~> 1.4)
                    nokogiri (1.16.0-x86_64-linux)
                      racc (~> 1.4)
                    racc (1.7.3)
                    rails (7.1.0.beta1)

                PLATFORMS
                  aarch64-linux
                  x86_64-linux

                DEPENDENCIES
                  nokogiri
                  rails (= 7.1.0.beta1)

                CHECKSUMS
                  nokogiri (1.16.0-aarch64-linux) sha256=aaaa
                  nokogiri (1.16.0-x86_64-linux) sha256=bbbb
                  racc (1.7.3) sha256=cccc
                  rails (7.1.0.beta1)

                BUNDLED WITH
                   2.5.4
                """;
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/srv/gems.locked", lock.replace("\n", "\r\n"))).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, p -> declared(p).format(),
                p -> declared(p).relation(), p -> declared(p).resolved(), p -> declared(p).checksum()).containsExactly(
                tuple("nokogiri", "1.16.0", "gems.locked", Relation.DIRECT, Optional.empty(), Optional.empty()),
                tuple("racc", "1.7.3", "gems.locked", Relation.TRANSITIVE, Optional.empty(),
                        Optional.of("sha256=cccc")),
                tuple("rails", "7.1.0.beta1", "gems.locked", Relation.DIRECT, Optional.empty(), Optional.empty()));
    }

    @Test
    void lockfilesInsideInstalledGemsAreTheirOwnAndIgnored() {
        String spec = """
                Gem::Specification.new do |s|
                  s.name = "rack".freeze
                  s.version = "2.2.3"
                end
                """;
        String lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    minitest (5.0.0)\n\nDEPENDENCIES\n  minitest\n";
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/usr/local/bundle/specifications/rack-2.2.3.gemspec", spec)
                .file("/usr/local/bundle/gems/rack-2.2.3/Gemfile.lock", lock)
                .file("/usr/local/bundle/bundler/gems/tool-abc123/Gemfile.lock", lock)
                // the gem's own, hand-written gemspec: not in specifications/
                .file("/usr/local/bundle/gems/rack-2.2.3/rack.gemspec", "raise 'never evaluated'")
                .file("/app/Gemfile.lock", lock)).runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, p -> p.locations().get(0).path())
                .containsExactly(tuple("minitest", "/app/Gemfile.lock"),
                        tuple("rack", "/usr/local/bundle/specifications/rack-2.2.3.gemspec"));
    }

    @Test
    void olderAndOddSpecificationForms() {
        String rubygems1 = """
                # -*- encoding: utf-8 -*-

                Gem::Specification.new do |s|
                  s.name = %q{rake}
                  s.version = "0.8.7"
                  s.license = "MIT"
                  s.summary = %q{Ruby based make-like utility.}
                end
                """;
        String platformRubyAndExpressionLicenses = """
                Gem::Specification.new do |s|
                  s.name = "x".freeze
                  s.version = "1.0.0.pre.rc1"
                  s.platform = "ruby".freeze
                  s.licenses = LICENSES.map(&:freeze)
                end
                """;
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/var/lib/gems/1.8/specifications/rake-0.8.7.gemspec", rubygems1)
                .file("/g/specifications/x-1.0.0.pre.rc1.gemspec", platformRubyAndExpressionLicenses))
                .runInEveryOrder();

        assertThat(run.output().problems()).isEmpty();
        assertThat(run.output().packages()).extracting(Package::name, Package::version, Package::licenses)
                .containsExactly(tuple("rake", "0.8.7", List.of("MIT")), tuple("x", "1.0.0.pre.rc1", List.of()));
    }

    @Test
    void brokenFilesAreProblemsNamingThem() {
        String badLines = """
                GEM
                  remote: https://rubygems.org/
                    early (1.0.0)
                  specs:
                    good (1.0.0)
                    no-version
                    spaced (1 .0)
                	tabbed (1.0.0)

                <<<<<<< HEAD
                DEPENDENCIES
                  good
                  (bad)
                """;
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/Gemfile.lock", badLines)
                .file("/b/Gemfile.lock", "source 'https://rubygems.org'\ngem 'rails'\n")
                .file("/c/Gemfile.lock", "")
                .file("/d/specifications/evil-1.0.gemspec", """
                        Gem::Specification.new do |s|
                          s.name = "evil#{`id`}"
                          s.version = "1.0"
                        end
                        """)
                .file("/e/specifications/e-1.gemspec", "puts 'a script, not a specification'")
                .file("/f/specifications/f-1.gemspec", "Gem::Specification.new do |s|\n  s.name = \"f\"\nend\n"))
                .runInEveryOrder();

        assertThat(run.output().packages()).extracting(Package::name).containsExactly("good");
        assertThat(run.output().problems()).extracting(p -> p.path().orElseThrow(), ScanProblem::kind,
                ScanProblem::message).containsExactly(
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE, "line 3: a gem before \"specs:\""),
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE, "line 6: not a gem and version: no-version"),
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE, "line 7: not a gem and version: spaced (1 .0)"),
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE,
                        "line 8: not a section header: ?tabbed (1.0.0)"),
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE, "line 10: not a section header: <<<<<<< HEAD"),
                tuple("/a/Gemfile.lock", ProblemKind.MALFORMED_FILE, "line 13: not a dependency: (bad)"),
                tuple("/b/Gemfile.lock", ProblemKind.MALFORMED_FILE, "no GEM, GIT, PATH or DEPENDENCIES section: "
                        + "not a Gemfile.lock; its gems are not read"),
                tuple("/c/Gemfile.lock", ProblemKind.MALFORMED_FILE, "no GEM, GIT, PATH or DEPENDENCIES section: "
                        + "not a Gemfile.lock; its gems are not read"),
                tuple("/d/specifications/evil-1.0.gemspec", ProblemKind.MALFORMED_FILE,
                        "line 2: s.name is not a plain name: \"evil#{`id`}\"; the gem is not reported"),
                tuple("/e/specifications/e-1.gemspec", ProblemKind.MALFORMED_FILE,
                        "no \"Gem::Specification.new do |s|\": not a specification written by RubyGems; the gem is "
                                + "not reported"),
                tuple("/f/specifications/f-1.gemspec", ProblemKind.MALFORMED_FILE,
                        "no s.version line: not a specification written by RubyGems; the gem is not reported"));
    }

    @Test
    void sizesAndCountsAreBounded() throws IOException {
        assertThat(new RubyAnalyzer().interests().maxBytes()).isEqualTo(16L * 1024 * 1024);
        StringBuilder many = new StringBuilder("GEM\n  remote: https://rubygems.org/\n  specs:\n");
        for (int i = 0; i <= GemfileLock.MAX_SPECS; i++) {
            many.append("    g").append(i).append(" (1.0.0)\n");
        }
        StringBuilder garbage = new StringBuilder("GEM\n");
        for (int i = 0; i <= GemfileLock.MAX_FAULTS; i++) {
            garbage.append("  ???\n");
        }
        AnalyzerHarness.Run run = LangHarness.of(new RubyAnalyzer()).layer(AnalyzerHarness.layer()
                .file("/a/Gemfile.lock", many.toString()).file("/b/Gemfile.lock", garbage.toString())
                .file("/c/Gemfile.lock", Files.readAllBytes(RUBY.resolve("project/Gemfile.lock")))).run();

        assertThat(run.output().packages()).extracting(p -> p.locations().get(0).path()).containsOnly(
                "/c/Gemfile.lock");
        assertThat(run.output().problems()).extracting(ScanProblem::kind, ScanProblem::message).containsExactly(
                tuple(ProblemKind.LIMIT_EXCEEDED, "line 50004: more than 50000 gems; its gems are not read"),
                tuple(ProblemKind.MALFORMED_FILE,
                        "line 102: more than 100 unreadable lines: not a Gemfile.lock; its gems are not read"));
    }
}

package dev.plimsoll.vulndb.build.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OsvEcosystemsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "npm                               | Lodash                  | npm lodash",
        "Maven                             | org.Foo:Bar             | maven org.Foo:Bar",
        "Maven:https://maven.google.com    | androidx.core:core      | maven androidx.core:core",
        "PyPI                              | Zope_Interface          | pypi zope-interface",
        "Go                                | github.com/Foo/bar      | golang github.com/Foo/bar",
        "crates.io                         | Serde                   | cargo serde",
        "RubyGems                          | Rails                   | gem rails",
        "NuGet                             | Newtonsoft.Json         | nuget newtonsoft.json",
        "Packagist                         | Symfony/HTTP-Kernel     | composer symfony/http-kernel",
        "Packagist:https://packages.drupal.org/8 | drupal/core       | composer drupal/core",
        "Hex                               | plug                    | hex plug",
        "Pub                               | http                    | pub http",
        "SwiftURL                          | github.com/apple/swift-nio | swift github.com/apple/swift-nio",
        "ConanCenter                       | openssl                 | conan openssl",
        "Debian:12                         | OpenSSL                 | deb debian:12 openssl",
        "Debian:bookworm                   | openssl                 | deb debian:12 openssl",
        "Debian:sid                        | openssl                 | deb debian:sid openssl",
        "Ubuntu:20.04:LTS                  | openssl                 | deb ubuntu:20.04 openssl",
        "Ubuntu:Pro:18.04:LTS              | openssl                 | deb ubuntu:18.04 openssl",
        "Ubuntu:Pro:FIPS-updates:22.04:LTS | openssl                 | deb ubuntu:22.04 openssl",
        "Ubuntu:24.10                      | openssl                 | deb ubuntu:24.10 openssl",
        "Alpine:v3.18                      | busybox                 | apk alpine:3.18 busybox",
        "Alpine:v3.9                       | busybox                 | apk alpine:3.9 busybox",
        "Rocky Linux:9                     | openssl                 | rpm rocky:9 openssl",
        "Rocky Linux:8.10                  | openssl                 | rpm rocky:8 openssl",
        "AlmaLinux:9                       | openssl                 | rpm almalinux:9 openssl",
        "Red Hat:enterprise_linux:9::appstream | NodeJS              | rpm rhel:9 NodeJS",
        "Red Hat:enterprise_linux:8::baseos | openssl                | rpm rhel:8 openssl",
        "Red Hat:enterprise_linux:10.0     | openssl                 | rpm rhel:10 openssl",
        "SUSE:Linux Enterprise Server 15 SP5 | openssl-3             | rpm sles:15.5 openssl-3",
        "SUSE:Linux Enterprise Module for Basesystem 15 SP6 | curl   | rpm sles:15.6 curl",
        "SUSE:Linux Enterprise Server for SAP Applications 12 SP5 | curl | rpm sles:12.5 curl",
        "SUSE:Linux Enterprise Server 12 SP5-LTSS | curl             | rpm sles:12.5 curl",
        "SUSE:Linux Enterprise Micro 5.5   | curl                    | rpm sle-micro:5.5 curl",
        "SUSE:Linux Micro 6.0              | curl                    | rpm sl-micro:6.0 curl",
        "openSUSE:Leap 15.5                | curl                    | rpm opensuse-leap:15.5 curl",
        "openSUSE:Leap Micro 5.5           | curl                    | rpm opensuse-leap-micro:5.5 curl",
        "openSUSE:Tumbleweed               | curl                    | rpm opensuse-tumbleweed:rolling curl",
        "Wolfi                             | glibc                   | apk wolfi:rolling glibc",
        "Chainguard                        | glibc                   | apk chainguard:rolling glibc",
    })
    void mapsToThePackageKey(String ecosystem, String name, String key) {
        EcosystemMapping mapping = OsvEcosystems.map(ecosystem);
        assertThat(mapping).isNotInstanceOf(EcosystemMapping.Unsupported.class);
        PackageKey packageKey = EcosystemMapping.key(mapping, name);
        assertThat(packageKey.asText()).isEqualTo(key);
        assertThat(packageKey.ecosystem().isOs()).isEqualTo(packageKey.distro().isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GitHub Actions", "purl-type:swift", "Linux", "Android", "OSS-Fuzz", "GIT", "Hackage",
        "Debian", "Debian:potatoes", "Ubuntu", "Ubuntu:Pro", "Alpine:3", "Rocky Linux", "AlmaLinux:x",
        "Red Hat:rhel_eus:9.2::baseos", "Red Hat:openshift:4.14::el9", "Red Hat:enterprise_linux",
        "SUSE:SUSE Manager Server 4.3", "openSUSE:Leap", "npm:extra", "Wolfi:1", "Root:Alpine:3.18", ""})
    void unsupportedEcosystemsSayWhy(String ecosystem) {
        assertThat(OsvEcosystems.map(ecosystem)).isInstanceOfSatisfying(EcosystemMapping.Unsupported.class,
                u -> assertThat(u.reason()).isNotBlank().contains(ecosystem.isEmpty() ? "\"\"" : ecosystem.split(":")[0]));
    }

    @ParameterizedTest
    @CsvSource({"Ubuntu:20.04:LTS,Ubuntu", "Rocky Linux:9,Rocky Linux", "npm,npm", "Red Hat:x:y,Red Hat"})
    void baseIsThePartBeforeTheFirstColon(String ecosystem, String base) {
        assertThat(OsvEcosystems.base(ecosystem)).isEqualTo(base);
    }

    @org.junit.jupiter.api.Test
    void languageAndOsMappingsAreChecked() {
        assertThat(new EcosystemMapping.Language(Ecosystem.NPM).ecosystem()).isEqualTo(Ecosystem.NPM);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EcosystemMapping.Language(Ecosystem.DEB));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new EcosystemMapping.Os(Ecosystem.NPM, "debian:12"));
    }
}

package dev.plimsoll.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.Purls;
import dev.plimsoll.core.inventory.SourcePackage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The package URLs the foundation issue names, exactly, plus the source package in `upstream`. */
class PurlsTest {
    private static final OsRelease DEBIAN = os("debian", "12");
    private static final OsRelease ALPINE = os("alpine", "3.18.4");
    private static final OsRelease ROCKY = os("rocky", "9.2");

    @Test
    void debWithSourceOfAnotherName() {
        Package p = new Package("libssl3", "3.0.15-1~deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("openssl", "3.0.15-1~deb12u1")), List.of(), List.of(),
                Optional.empty(), AnalyzerId.of("os/dpkg"), dpkg("amd64"));
        assertThat(Purls.of(p, Optional.of(DEBIAN)))
                .isEqualTo("pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl");
    }

    @Test
    void debThatIsItsOwnSourceHasNoUpstream() {
        Package p = new Package("openssl", "3.0.15-1~deb12u1", Ecosystem.DEB,
                Optional.of(new SourcePackage("openssl", "3.0.15-1~deb12u1")), List.of(), List.of(),
                Optional.empty(), AnalyzerId.of("os/dpkg"), dpkg("amd64"));
        assertThat(Purls.of(p, Optional.of(DEBIAN)))
                .isEqualTo("pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12");
    }

    @Test
    void debWithEpochAndBinNmuSource() {
        Package p = new Package("bash", "5.2.15-2+b13", Ecosystem.DEB, Optional.of(new SourcePackage("bash",
                "5.2.15-2")), List.of(), List.of(), Optional.empty(), AnalyzerId.of("os/dpkg"), dpkg("amd64"));
        assertThat(Purls.of(p, Optional.of(DEBIAN))).isEqualTo(
                "pkg:deb/debian/bash@5.2.15-2%2Bb13?arch=amd64&distro=debian-12&upstream=bash%405.2.15-2");
        Package z = new Package("zlib1g", "1:1.2.13.dfsg-1", Ecosystem.DEB, Optional.of(new SourcePackage("zlib",
                "1:1.2.13.dfsg-1")), List.of(), List.of(), Optional.empty(), AnalyzerId.of("os/dpkg"), dpkg("amd64"));
        assertThat(Purls.of(z, Optional.of(DEBIAN)))
                .isEqualTo("pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?arch=amd64&distro=debian-12&upstream=zlib");
    }

    @Test
    void apk() {
        Package p = new Package("busybox", "1.36.1-r2", Ecosystem.APK, Optional.of(new SourcePackage("busybox",
                "1.36.1-r2")), List.of("GPL-2.0-only"), List.of(), Optional.empty(), AnalyzerId.of("os/apk"),
                new PackageMetadata.Apk("x86_64", Optional.of("busybox"), Optional.empty(), Optional.empty(),
                        Optional.empty(), OptionalLong.empty(), List.of(), List.of()));
        assertThat(Purls.of(p, Optional.of(ALPINE)))
                .isEqualTo("pkg:apk/alpine/busybox@1.36.1-r2?arch=x86_64&distro=3.18.4");
    }

    @Test
    void rpmWithEpochAndSourceRpm() {
        Package p = new Package("openssl-libs", "1:3.0.7-24.el9", Ecosystem.RPM,
                Optional.of(new SourcePackage("openssl", "1:3.0.7-24.el9")), List.of(), List.of(), Optional.empty(),
                AnalyzerId.of("os/rpm"), new PackageMetadata.Rpm(Optional.of(1), "3.0.7", "24.el9", "x86_64",
                        Optional.of("openssl-3.0.7-24.el9.src.rpm"), Optional.empty(), Optional.empty(),
                        OptionalLong.empty(), List.of()));
        assertThat(Purls.of(p, Optional.of(ROCKY))).isEqualTo("pkg:rpm/rocky/openssl-libs@3.0.7-24.el9"
                + "?arch=x86_64&distro=rocky-9.2&epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm");
    }

    @Test
    void rhelNamespaceIsRedhat() {
        Package p = new Package("bash", "5.1.8-6.el9_1", Ecosystem.RPM, Optional.empty(), List.of(), List.of(),
                Optional.empty(), AnalyzerId.of("os/rpm"), new PackageMetadata.Rpm(Optional.empty(), "5.1.8",
                "6.el9_1", "x86_64", Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(),
                List.of()));
        assertThat(Purls.of(p, Optional.of(os("rhel", "9.4"))))
                .isEqualTo("pkg:rpm/redhat/bash@5.1.8-6.el9_1?arch=x86_64&distro=rhel-9.4");
    }

    @Test
    void pypiNameIsLowerCasedWithDashes() {
        Package p = lang("Charset_Normalizer", "3.0.1", Ecosystem.PYPI, new PackageMetadata.Python("dist-info",
                Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(Purls.of(p, Optional.of(DEBIAN))).isEqualTo("pkg:pypi/charset-normalizer@3.0.1");
    }

    @Test
    void npmScopeIsTheNamespace() {
        PackageMetadata.Npm npm = new PackageMetadata.Npm("node_modules/@babel/core", Optional.empty(),
                Optional.empty(), Optional.empty(), true, false);
        assertThat(Purls.of(lang("@babel/core", "7.24.0", Ecosystem.NPM, npm), Optional.empty()))
                .isEqualTo("pkg:npm/%40babel/core@7.24.0");
        assertThat(Purls.of(lang("lodash", "4.17.15", Ecosystem.NPM, npm), Optional.empty()))
                .isEqualTo("pkg:npm/lodash@4.17.15");
    }

    @Test
    void mavenGroupIsTheNamespace() {
        PackageMetadata.Java log4j = new PackageMetadata.Java("org.apache.logging.log4j", "log4j-core",
                PackageMetadata.Java.IdentifiedBy.POM_PROPERTIES, Optional.empty(), "00", Optional.empty());
        assertThat(Purls.of(lang("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN, log4j),
                Optional.empty())).isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    }

    private static Package lang(String name, String version, Ecosystem ecosystem, PackageMetadata metadata) {
        return new Package(name, version, ecosystem, Optional.empty(), List.of(), List.of(), Optional.empty(),
                AnalyzerId.of("lang/test"), metadata);
    }

    private static PackageMetadata.Dpkg dpkg(String arch) {
        return new PackageMetadata.Dpkg(arch, Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(),
                List.of());
    }

    private static OsRelease os(String id, String version) {
        return new OsRelease(id, version, Optional.empty(), id + " " + version, List.of(), Optional.empty(),
                "/etc/os-release");
    }
}

package dev.plimsoll.match.purl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.match.Candidate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Purls as scanners write them, into the keys their data is stored under. */
class PurlPackagesTest {

    private static PackageURL purl(String text) {
        try {
            return new PackageURL(text);
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12                       | deb debian:12 openssl
            pkg:deb/debian/openssl@3.0.15-1~deb12u1?distro=debian-12.8                                 | deb debian:12 openssl
            pkg:deb/debian/libssl3@3.0.15-1~deb12u1?distro=bookworm&upstream=openssl                   | deb debian:12 openssl
            pkg:deb/debian/bsdutils@1:2.38.1-5%2Bb1?distro=debian-bookworm&upstream=util-linux%402.38.1-5 | deb debian:12 util-linux
            pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?distro=ubuntu-22.04&upstream=openssl              | deb ubuntu:22.04 openssl
            pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?distro=jammy&upstream=openssl                     | deb ubuntu:22.04 openssl
            pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?os_distro=bookworm&os_name=debian&os_version=12&upstream=zlib | deb debian:12 zlib
            pkg:apk/alpine/busybox-binsh@1.36.1-r2?arch=x86_64&distro=3.18.4&upstream=busybox          | apk alpine:3.18 busybox
            pkg:apk/alpine/busybox@1.36.1-r2?distro=alpine-3.18.4                                      | apk alpine:3.18 busybox
            pkg:apk/alpine/busybox@1.36.1-r2?distro=3.19_alpha20230901                                 | apk alpine:edge busybox
            pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&epoch=1&distro=rocky-9.2&upstream=openssl-3.0.7-24.el9.src.rpm | rpm rocky:9 openssl-libs,rpm rocky:9 openssl
            pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?distro=rhel-9.2                                   | rpm rhel:9 openssl-libs
            pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?distro=9.2                                        | rpm rhel:9 openssl-libs
            pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1                                       | maven org.apache.logging.log4j:log4j-core
            pkg:npm/%40babel/traverse@7.22.0                                                           | npm @babel/traverse
            pkg:pypi/python-dateutil@2.8.2                                                             | pypi python-dateutil
            pkg:pypi/Zope.Interface@5.0                                                                | pypi zope-interface
            pkg:golang/github.com/gin-gonic/gin@v1.9.0                                                 | golang github.com/gin-gonic/gin
            pkg:golang/stdlib@go1.21.3                                                                 | golang stdlib
            pkg:composer/symfony/http-kernel@6.0.0                                                     | composer symfony/http-kernel
            pkg:cargo/tokio@1.28.0                                                                     | cargo tokio
            pkg:gem/rack@2.2.6                                                                         | gem rack
            pkg:nuget/Newtonsoft.Json@12.0.1                                                           | nuget newtonsoft.json
            """)
    void keys(String purl, String keys) {
        assertThat(PurlPackages.keys(purl(purl))).extracting(PackageKey::asText)
                .containsExactly(keys.split(","));
    }

    @Test
    void osPurlsWithoutADistroHaveNoKeys() {
        assertThat(PurlPackages.keys(purl("pkg:deb/debian/openssl@3.0.15-1"))).isEmpty();
        assertThat(PurlPackages.osRelease(purl("pkg:deb/debian/openssl@3.0.15-1"))).isEmpty();
    }

    @Test
    void candidatesCarryTheSourceVersionTheEpochAndTheSbomBasis() {
        Candidate bsdutils = PurlPackages.candidate(
                purl("pkg:deb/debian/bsdutils@1:2.38.1-5%2Bb1?distro=debian-12&upstream=util-linux%402.38.1-5"),
                Optional.of(Location.of("sbom.cdx.json")));
        assertThat(bsdutils.version()).isEqualTo("1:2.38.1-5+b1");
        assertThat(bsdutils.source()).contains(new SourcePackage("util-linux", "2.38.1-5"));
        assertThat(bsdutils.fromSbom()).isTrue();
        assertThat(bsdutils.location()).contains(Location.of("sbom.cdx.json"));
        assertThat(bsdutils.os().orElseThrow().versionId()).isEqualTo("12");

        Candidate paren = PurlPackages.candidate(
                purl("pkg:deb/debian/gcc@4:12.2.0-3?distro=debian-12&upstream=gcc-defaults%20(1.203)"),
                Optional.empty());
        assertThat(paren.source()).contains(new SourcePackage("gcc-defaults", "1.203"));

        Candidate rpm = PurlPackages.candidate(purl("pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?epoch=1&distro="
                + "rocky-9.2&upstream=openssl-3.0.7-24.el9.src.rpm"), Optional.empty());
        assertThat(rpm.version()).isEqualTo("1:3.0.7-24.el9");
        assertThat(rpm.source()).contains(new SourcePackage("openssl", "1:3.0.7-24.el9"));

        Candidate zeroEpoch = PurlPackages.candidate(purl("pkg:rpm/rocky/bash@5.1.8-6.el9?epoch=0&distro=rocky-9.2"),
                Optional.empty());
        assertThat(zeroEpoch.version()).isEqualTo("5.1.8-6.el9");
        assertThat(zeroEpoch.source()).isEmpty();
    }

    @Test
    void osPurlsBecomeInventoryPackagesWithTheirMetadata() {
        Package rpm = PurlPackages.osPackage(purl("pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=x86_64&epoch=1"
                + "&distro=rocky-9.2&upstream=openssl-3.0.7-24.el9.src.rpm"), Optional.empty()).orElseThrow();
        assertThat(rpm.version()).isEqualTo("1:3.0.7-24.el9");
        assertThat(rpm.foundBy()).isEqualTo(PurlPackages.FOUND_BY);
        assertThat(rpm.metadata()).isEqualTo(new PackageMetadata.Rpm(Optional.of(1), "3.0.7", "24.el9", "x86_64",
                Optional.of("openssl-3.0.7-24.el9.src.rpm"), Optional.empty(), Optional.empty(),
                java.util.OptionalLong.empty(), List.of()));

        Package apk = PurlPackages.osPackage(purl("pkg:apk/alpine/busybox-binsh@1.36.1-r2?arch=x86_64&distro=3.18.4"
                + "&upstream=busybox"), Optional.empty()).orElseThrow();
        assertThat(((PackageMetadata.Apk) apk.metadata()).origin()).contains("busybox");
        assertThat(PurlPackages.osPackage(purl("pkg:npm/left-pad@1.3.0"), Optional.empty())).isEmpty();
    }

    @Test
    void unmatchablePurlsAreRefusedWithAReason() {
        assertThatThrownBy(() -> PurlPackages.candidate(purl("pkg:npm/left-pad"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a version");
        assertThatThrownBy(() -> PurlPackages.candidate(purl("pkg:bitbucket/birkenfeld/pygments@1.0"),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bitbucket");
    }

    @Test
    void ecosystemsRoundTripThroughLanguagePurls() {
        for (var c : List.of(new String[]{"MAVEN", "org.apache.commons:commons-text"},
                new String[]{"NPM", "@babel/traverse"}, new String[]{"NPM", "express"},
                new String[]{"GOLANG", "github.com/gin-gonic/gin"}, new String[]{"GOLANG", "stdlib"},
                new String[]{"COMPOSER", "symfony/http-kernel"}, new String[]{"CARGO", "tokio"})) {
            Ecosystem e = Ecosystem.valueOf(c[0]);
            String purl = LanguagePurls.of(e, c[1], "1.0.0");
            assertThat(PurlPackages.candidate(purl(purl), Optional.empty()).name()).as(purl).isEqualTo(c[1]);
        }
    }
}

package dev.plimsoll.core.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.inventory.OsRelease;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistroTest {
    static OsRelease os(String id, String versionId, String codename) {
        return new OsRelease(id, versionId, Optional.ofNullable(codename), id, List.of(), Optional.empty(), "test");
    }

    @Test
    void releaseKeys() {
        assertThat(Distro.keyOf(os("debian", "12", "bookworm"))).contains("debian:12");
        assertThat(Distro.keyOf(os("debian", "", "trixie"))).contains("debian:13");
        assertThat(Distro.keyOf(os("ubuntu", "22.04", "jammy"))).contains("ubuntu:22.04");
        assertThat(Distro.keyOf(os("alpine", "3.18.4", null))).contains("alpine:3.18");
        assertThat(Distro.keyOf(os("alpine", "3.21_alpha20240807", null))).contains("alpine:edge");
        assertThat(Distro.keyOf(os("rocky", "9.2", null))).contains("rocky:9");
        assertThat(Distro.keyOf(os("wolfi", "20230201", null))).contains("wolfi:rolling");
        assertThat(Distro.keyOf(os("debian", "", null))).isEmpty();
    }

    @Test
    void codenames() {
        assertThat(Distro.debianRelease("Bullseye")).contains("11");
        assertThat(Distro.debianRelease("11")).contains("11");
        assertThat(Distro.debianRelease("focal")).isEmpty();
        assertThat(Distro.ubuntuRelease("noble")).contains("24.04");
    }

    @Test
    void namesAreNormalisedPerEcosystem() {
        assertThat(PackageNames.normalize(dev.plimsoll.core.inventory.Ecosystem.PYPI, "Flask_SQLAlchemy"))
                .isEqualTo("flask-sqlalchemy");
        assertThat(PackageNames.normalize(dev.plimsoll.core.inventory.Ecosystem.MAVEN, "org.apache/commons-text"))
                .isEqualTo("org.apache:commons-text");
        assertThat(PackageKey.os(dev.plimsoll.core.inventory.Ecosystem.DEB, "debian:12", "OpenSSL").asText())
                .isEqualTo("deb debian:12 openssl");
    }
}

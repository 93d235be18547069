package dev.plimsoll.rpmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpmDatabaseTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.SQLITE, Fixtures.BDB_LE, Fixtures.BDB_BE_512, Fixtures.BDB_CHECKSUM_1K})
    void readsWhatRpmListsForEachToolMadeFixture(String fixture) throws Exception {
        List<RpmPackage> packages = RpmDatabase.read(Fixtures.path(fixture), RpmLimits.defaults());

        List<String> expected = Fixtures.expectedRpmQa().stream().filter(l -> !l.startsWith("gpg-pubkey\t")).toList();
        assertThat(packages.stream().map(Fixtures::qaLine).sorted().toList()).isEqualTo(expected);
    }

    @Test
    void detectsEachFormatByMagic() throws Exception {
        assertThat(RpmDatabase.detect(Fixtures.path(Fixtures.SQLITE))).isEqualTo(RpmDbFormat.SQLITE);
        assertThat(RpmDatabase.detect(Fixtures.path(Fixtures.BDB_LE))).isEqualTo(RpmDbFormat.BDB_HASH);
        assertThat(RpmDatabase.detect(Fixtures.path(Fixtures.BDB_BE_512))).isEqualTo(RpmDbFormat.BDB_HASH);
        Path ndb = Files.write(tmp.resolve("Packages.db"), NdbFixture.build(Fixtures.sqliteBlobs()));
        assertThat(RpmDatabase.detect(ndb)).isEqualTo(RpmDbFormat.NDB);
    }

    @Test
    void allFormatsYieldTheSamePackagesInInstallOrder() throws Exception {
        List<RpmPackage> sqlite = RpmDatabase.read(Fixtures.path(Fixtures.SQLITE), RpmLimits.defaults());
        Path ndb = Files.write(tmp.resolve("Packages.db"), NdbFixture.build(Fixtures.sqliteBlobs()));

        assertThat(sqlite).hasSize(5);
        assertThat(sqlite.getFirst().name()).isEqualTo("plimsoll-meta");
        for (Path other : List.of(Fixtures.path(Fixtures.BDB_LE), Fixtures.path(Fixtures.BDB_BE_512),
            Fixtures.path(Fixtures.BDB_CHECKSUM_1K), ndb)) {
            assertThat(RpmDatabase.read(other, RpmLimits.defaults())).as(other.toString()).isEqualTo(sqlite);
        }
    }

    @Test
    void fillsEveryFieldFromTheRealHeaders() throws Exception {
        List<RpmPackage> packages = RpmDatabase.read(Fixtures.path(Fixtures.SQLITE), RpmLimits.defaults());

        RpmPackage alpha = named(packages, "plimsoll-alpha");
        assertThat(alpha.epoch()).contains(3);
        assertThat(alpha.version()).isEqualTo("1.2.3");
        assertThat(alpha.release()).isEqualTo("4.el9");
        assertThat(alpha.arch()).isEqualTo("x86_64");
        assertThat(alpha.sourceRpm()).contains("plimsoll-alpha-1.2.3-4.el9.src.rpm");
        assertThat(alpha.vendor()).contains("Plimsoll Fixtures");
        assertThat(alpha.license()).contains("MIT AND (Apache-2.0 OR BSD-3-Clause)");
        assertThat(alpha.modularityLabel()).isEmpty();
        assertThat(alpha.summary()).contains("Alpha fixture package with many files");
        assertThat(alpha.size()).isPresent();
        // rpm -ql lists 2 x 100 generated files, the binary, the config, the symlink, the message catalog and
        // 8 directories the package owns.
        assertThat(alpha.files()).hasSize(212).contains("/usr/bin/alpha", "/etc/alpha/alpha.conf",
            "/var/lib/alpha", "/usr/lib64/alpha/libalpha.so", "/usr/lib64/alpha/plugins/plugin-001.so",
            "/usr/lib64/alpha/plugins/plugin-100.so", "/usr/share/alpha/data/datum-with-a-longer-name-057.txt",
            "/usr/share/alpha/data/locale/de_DE/LC_MESSAGES/alpha.mo", "/usr/lib64/alpha");
        assertThat(alpha.files()).allMatch(f -> f.startsWith("/") && !f.contains("//"));

        RpmPackage beta = named(packages, "plimsoll-beta");
        assertThat(beta.arch()).isEqualTo("noarch");
        assertThat(beta.epoch()).isEmpty();
        assertThat(beta.summary()).contains("Beta fixture – noarch data für Tests");
        assertThat(beta.files()).containsExactly("/usr/share/beta", "/usr/share/beta/zone.tab");
        assertThat(named(packages, "plimsoll-beta-doc").sourceRpm()).contains("plimsoll-beta-2023c-1.el9.src.rpm");

        RpmPackage gamma = named(packages, "libgamma");
        assertThat(gamma.sourceRpm()).contains("gamma-0.9.1-2.module+el8.8.0+1234+abcdef12.src.rpm");
        assertThat(gamma.modularityLabel()).contains("gamma:2:8080020230101:abcdef12");
        assertThat(gamma.license()).contains("LGPL-2.1-or-later");
        assertThat(gamma.files()).containsExactly("/usr/lib64/libgamma.so.2");
        assertThat(gamma.size()).isEqualTo(OptionalLong.of(4));

        RpmPackage meta = named(packages, "plimsoll-meta");
        // "Epoch: 0" is kept apart from no Epoch: at all.
        assertThat(meta.epoch()).isEqualTo(Optional.of(0));
        assertThat(meta.vendor()).isEmpty();
        assertThat(meta.files()).isEmpty();
    }

    @Test
    void leavesGpgPubkeyPseudoPackagesOut() throws Exception {
        assertThat(Fixtures.expectedRpmQa()).anyMatch(l -> l.startsWith("gpg-pubkey\t"));
        assertThat(RpmDatabase.read(Fixtures.path(Fixtures.SQLITE), RpmLimits.defaults()))
            .noneMatch(RpmPackage::isGpgPubkey);
    }

    @Test
    void enforcesTheLimits() throws Exception {
        Path sqlite = Fixtures.path(Fixtures.SQLITE);
        Path bdb = Fixtures.path(Fixtures.BDB_LE);
        // gpg-pubkey records count: six records in all.
        assertThat(RpmDatabase.read(sqlite, new RpmLimits(6, 1 << 20, 1 << 20))).hasSize(5);
        assertThatThrownBy(() -> RpmDatabase.read(sqlite, new RpmLimits(5, 1 << 20, 1 << 20)))
            .isInstanceOf(RpmDbException.class).hasMessageContaining(sqlite.toString())
            .hasMessageContaining("hnum 6: more than 5 package records");
        assertThatThrownBy(() -> RpmDatabase.read(bdb, new RpmLimits(2, 1 << 20, 1 << 20)))
            .isInstanceOf(RpmDbException.class).hasMessageContaining("more than 2 package");
        for (Path db : List.of(sqlite, bdb)) {
            assertThatThrownBy(() -> RpmDatabase.read(db, new RpmLimits(100, 20_000, 1 << 20)))
                .isInstanceOf(RpmDbException.class).hasMessageContaining("exceeds the limit of 20000");
            assertThatThrownBy(() -> RpmDatabase.read(db, new RpmLimits(100, 1 << 20, 4096)))
                .isInstanceOf(RpmDbException.class).hasMessageContaining("exceed the limit of 4096");
        }
    }

    @Test
    void rejectsFilesThatAreNoRpmDatabase() throws Exception {
        Path empty = Files.write(tmp.resolve("empty"), new byte[0]);
        Path text = Files.writeString(tmp.resolve("text"), "this is not a database at all");
        for (Path p : List.of(empty, text)) {
            assertThatThrownBy(() -> RpmDatabase.detect(p)).isInstanceOf(RpmDbException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("not an rpm package database");
            assertThatThrownBy(() -> RpmDatabase.read(p, RpmLimits.defaults())).isInstanceOf(RpmDbException.class);
        }
        byte[] btree = Files.readAllBytes(Fixtures.path(Fixtures.BDB_LE));
        btree[12] = 0x62;
        btree[13] = 0x31;
        btree[14] = 0x05;
        Path index = Files.write(tmp.resolve("Name"), btree);
        assertThatThrownBy(() -> RpmDatabase.detect(index)).isInstanceOf(RpmDbException.class)
            .hasMessageContaining("btree");
    }

    @Test
    void limitsRejectNonsense() {
        assertThatThrownBy(() -> new RpmLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RpmLimits.defaults().maxPackages()).isEqualTo(200_000);
        assertThat(RpmLimits.defaults().maxHeaderBytes()).isEqualTo(32 * 1024 * 1024);
    }

    private static RpmPackage named(List<RpmPackage> packages, String name) {
        return packages.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}

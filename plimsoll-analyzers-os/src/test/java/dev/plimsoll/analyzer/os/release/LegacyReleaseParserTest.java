package dev.plimsoll.analyzer.os.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.os.release.LegacyReleaseParser.Release;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyReleaseParserTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Rocky Linux release 9.2 (Blue Onyx)|rocky|9.2|Blue Onyx",
        "AlmaLinux release 9.3 (Shamrock Pampas Cat)|almalinux|9.3|Shamrock Pampas Cat",
        "CentOS Linux release 7.9.2009 (Core)|centos|7.9.2009|Core",
        "CentOS Stream release 9|centos|9|",
        "CentOS release 6.10 (Final)|centos|6.10|Final",
        "Red Hat Enterprise Linux release 8.9 (Ootpa)|rhel|8.9|Ootpa",
        "Red Hat Enterprise Linux Server release 7.9 (Maipo)|rhel|7.9|Maipo",
        "Oracle Linux Server release 8.9|ol|8.9|",
        "Fedora release 39 (Thirty Nine)|fedora|39|Thirty Nine",
        "Amazon Linux release 2 (Karoo)|amzn|2|Karoo",
        "Amazon Linux release 2023.3.20240131 (Amazon Linux)|amzn|2023.3.20240131|Amazon Linux",
        "Amazon Linux AMI release 2018.03|amzn|2018.03|",
        "Scientific Linux release 7.9 (Nitrogen)|scientific|7.9|Nitrogen",
    })
    void readsTheRedHatFamilyLine(String line, String id, String version, String codename) {
        assertThat(LegacyReleaseParser.redHatStyle(line + "\n", Optional.empty())).contains(
                new Release(id, version, Optional.ofNullable(codename), line));
    }

    @Test
    void redHatLinesWithoutAVersionTellNothing() {
        assertThat(LegacyReleaseParser.redHatStyle("Rocky Linux release (none)\n", Optional.of("rocky"))).isEmpty();
        assertThat(LegacyReleaseParser.redHatStyle("garbage\n", Optional.of("rhel"))).isEmpty();
        assertThat(LegacyReleaseParser.redHatStyle("", Optional.of("rhel"))).isEmpty();
    }

    @Test
    void readsSuseRelease() {
        assertThat(LegacyReleaseParser.suse("SUSE Linux Enterprise Server 12 (x86_64)\nVERSION = 12\nPATCHLEVEL = 0\n"))
                .contains(new Release("sles", "12", Optional.empty(), "SUSE Linux Enterprise Server 12"));
        assertThat(LegacyReleaseParser.suse("SUSE Linux Enterprise Desktop 11 (x86_64)\nVERSION = 11\nPATCHLEVEL = 3\n"))
                .contains(new Release("sled", "11.3", Optional.empty(), "SUSE Linux Enterprise Desktop 11"));
        assertThat(LegacyReleaseParser.suse("Something else\nVERSION = 1\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "12.8|12||12",
        "7.11|7||7",
        "6.0.10|6||6",
        "13|13||13",
        "bookworm/sid|bookworm|bookworm|bookworm/sid",
        "trixie/sid|trixie|trixie|trixie/sid",
        "sid|sid|sid|sid",
    })
    void readsDebianVersion(String text, String versionId, String codename, String prettySuffix) {
        assertThat(LegacyReleaseParser.debianVersion(text + "\n")).contains(new Release("debian", versionId,
                Optional.ofNullable(codename), "Debian GNU/Linux " + prettySuffix));
    }

    @Test
    void readsAlpineReleasePhotonReleaseAndLsbRelease() {
        assertThat(LegacyReleaseParser.alpine("3.19_alpha20230901\n")).contains(
                new Release("alpine", "3.19_alpha20230901", Optional.empty(), "Alpine Linux v3.19_alpha20230901"));
        assertThat(LegacyReleaseParser.alpine("not a version\n")).isEmpty();
        assertThat(LegacyReleaseParser.photon("VMware Photon Linux 1.0\nPHOTON_BUILD_NUMBER=62c543d\n")).contains(
                new Release("photon", "1.0", Optional.empty(), "VMware Photon Linux 1.0"));
        assertThat(LegacyReleaseParser.lsb("DISTRIB_ID=LinuxMint\nDISTRIB_RELEASE=21.2\nDISTRIB_CODENAME=victoria\n"))
                .contains(new Release("linuxmint", "21.2", Optional.of("victoria"), "LinuxMint 21.2"));
        assertThat(LegacyReleaseParser.lsb("DISTRIB_RELEASE=1\n")).isEmpty();
    }

    @Test
    void firstLinesAreBounded() {
        String line = LegacyReleaseParser.firstLine("\n\n  " + "y".repeat(5000) + "\nsecond\n");

        assertThat(line).hasSizeBetween(1000, 1024).matches("y+");
    }
}

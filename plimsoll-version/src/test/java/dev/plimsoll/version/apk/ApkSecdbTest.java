package dev.plimsoll.version.apk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.VulnData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every fixed version in real Alpine secdb files: the fixtures (excerpts, see README.md next to them) always, the
 * whole v3.3-v3.11 secdb when {@link VulnData} finds ../shared/vulndata.
 */
class ApkSecdbTest {
    private static final List<String> FIXTURES = List.of("secdb-v3.11-main.yaml", "secdb-v3.11-community.yaml",
        "secdb-v3.8-main.yaml", "secdb-v3.7-main.yaml", "secdb-v3.7-community.yaml", "secdb-v3.4-main.yaml");

    /** A secfixes key: eight spaces, the version (YAML may quote it), a colon. The fixtures' layout only. */
    private static final Pattern VERSION_KEY = Pattern.compile("^ {8}\"?([^\" #-][^\"]*?)\"?:\\s*$");
    private static final Pattern NAME = Pattern.compile("^ {6}name: (\\S+)");

    /** A secfixes version with where it came from. */
    record Fix(String source, String pkg, String version) {
    }

    @Test
    void everyFixtureVersionParsesExceptTheMalformedOnesWhichAreRejectedWithAReason() throws IOException {
        List<Fix> fixes = new ArrayList<>();
        for (String fixture : FIXTURES) {
            try (InputStream in = ApkSecdbTest.class.getResourceAsStream(fixture)) {
                assertThat(in).as(fixture).isNotNull();
                fixes.addAll(read(fixture, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        Map<String, String> rejected = new TreeMap<>();
        for (Fix fix : fixes) {
            try {
                assertThat(ApkVersion.parse(fix.version()).raw()).isEqualTo(fix.version());
            } catch (InvalidVersionException e) {
                assertThat(e.getMessage()).contains(fix.version());
                rejected.put(fix.pkg() + " " + fix.version(), e.getMessage());
            }
        }
        assertThat(fixes).hasSize(108);
        // Typos in the real secdb: "-" written as "." or the reverse, and a letter followed by digits, which
        // apk-tools itself refuses since its 2024 version rewrite. "0" (db's "whitelisted" marker) is valid.
        assertThat(rejected.keySet()).containsExactly(
            "git 2.15.r-r1",
            "icu 57-1-r2",
            "irssi 0.8.21.r2",
            "mariadb 10.2.22.r0",
            "mariadb 10.2.24.r0",
            "mariadb 10.2.26.r0",
            "opensmtpd 6.6.2p1-r0",
            "phpmyadmin 4.8.0.-r1",
            "py-django 1.11-20-r0",
            "python2 2.7.16-33",
            "quassel 0.12.5.-r0",
            "xen 4.10-1-r1");
        assertThat(rejected.get("opensmtpd 6.6.2p1-r0")).contains("digit after the letter");
        assertThat(rejected.get("python2 2.7.16-33")).contains("'-' not followed by 'r'");
        assertThat(rejected.get("mariadb 10.2.22.r0")).contains("no digits after '.'");
    }

    @Test
    void wholeSecdbParsesAndItsVersionsObeyTheOrderLaws() throws IOException, InvalidVersionException {
        Path alpine = VulnData.require("alpine", "to read the whole Alpine secdb; the fixture test covers a sample");
        List<Fix> fixes = new ArrayList<>();
        for (Path file : VulnData.files(alpine, ".yaml")) {
            fixes.addAll(read(file.toString(), Files.readString(file)));
        }
        List<ApkVersion> versions = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Fix fix : fixes) {
            try {
                versions.add(ApkVersion.parse(fix.version()));
            } catch (InvalidVersionException e) {
                rejected.add(fix.source() + " " + e.getMessage());
            }
        }
        System.out.printf("Alpine secdb: %d fixed versions, %d valid, %d rejected%n", fixes.size(),
            versions.size(), rejected.size());
        assertThat(fixes).hasSizeGreaterThan(3000);
        // Malformed entries are rare typos; a jump here would mean the grammar is wrong, not the data.
        assertThat(rejected).hasSizeLessThan(fixes.size() / 50);

        List<ApkVersion> distinct = versions.stream().distinct().sorted().toList();
        for (int i = 1; i < distinct.size(); i++) {
            assertThat(distinct.get(i - 1)).isLessThan(distinct.get(i));
            assertThat(distinct.get(i)).isGreaterThan(distinct.get(i - 1));
        }
        Random random = new Random(0x5ECDBL);
        for (int n = 0; n < 50_000; n++) {
            ApkVersion a = distinct.get(random.nextInt(distinct.size()));
            ApkVersion b = distinct.get(random.nextInt(distinct.size()));
            ApkVersion c = distinct.get(random.nextInt(distinct.size()));
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
            if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                assertThat(a.compareTo(c)).isNotPositive();
            }
        }
    }

    static List<Fix> read(String source, String yaml) {
        List<Fix> fixes = new ArrayList<>();
        String pkg = "?";
        for (String line : yaml.split("\n")) {
            Matcher name = NAME.matcher(line);
            if (name.find()) {
                pkg = name.group(1);
                continue;
            }
            Matcher key = VERSION_KEY.matcher(line);
            if (key.find()) {
                fixes.add(new Fix(source, pkg, key.group(1)));
            }
        }
        return fixes;
    }
}

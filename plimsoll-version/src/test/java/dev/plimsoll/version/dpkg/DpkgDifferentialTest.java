package dev.plimsoll.version.dpkg;

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
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DpkgVersion}'s order against dpkg itself and against python3-apt, on generated corner cases and on real
 * Debian versions. Every pair must agree; the counts are printed so a CI log shows how much was compared.
 */
class DpkgDifferentialTest {
    /** Fixed seeds keep failures reproducible; the generators still cover a different corner with each seed. */
    private static final long SEED = 0x5EED_D9C6L;

    private static final Pattern SIGNED_EPOCH = Pattern.compile("^[ \t]*[+-][0-9]+:");

    @TempDir
    Path work;

    @Test
    void generatedPairsAgreeWithDpkgCompareVersions() throws Exception {
        DpkgReference.requireDpkg();
        // dpkg's command line reads a leading '-' as an option, so such versions (valid, upstream "-1") are left
        // to the apt_pkg comparison below.
        List<String[]> pairs = new DpkgVersionGenerator(new Random(SEED)).pairs(4200).stream()
            .filter(pair -> !pair[0].startsWith("-") && !pair[1].startsWith("-")).limit(4000).toList();
        assertThat(pairs).hasSize(4000);
        List<Integer> reference = DpkgReference.compareWithDpkg(pairs, work);
        assertAgreement("dpkg --compare-versions, generated pairs", pairs, reference);
    }

    @Test
    void realSecurityTrackerVersionsAgreeWithDpkgCompareVersions() throws Exception {
        DpkgReference.requireDpkg();
        List<String[]> pairs = pairsOf(validVersions(fixtureVersions()), 1500, new Random(SEED + 1));
        List<Integer> reference = DpkgReference.compareWithDpkg(pairs, work);
        assertAgreement("dpkg --compare-versions, security tracker fixture", pairs, reference);
    }

    @Test
    void manyGeneratedPairsAgreeWithAptPkg() throws Exception {
        DpkgReference.requireAptPkg();
        List<String[]> pairs = new DpkgVersionGenerator(new Random(SEED + 2)).pairs(50_000);
        List<Integer> reference = DpkgReference.compareWithAptPkg(pairs, work);
        assertAgreement("python3-apt apt_pkg.version_compare, generated pairs", pairs, reference);
    }

    @Test
    void wholeSecurityTrackerListsAgreeWithAptPkg() throws Exception {
        Path debian = VulnData.require("debian", "to compare every DSA/DLA version; the fixture test covers a sample");
        DpkgReference.requireAptPkg();
        List<String> all = new ArrayList<>();
        Pattern fixedVersion = Pattern.compile("^\\s+\\[[a-z-]+\\] - (\\S+) (\\S+)");
        for (String list : List.of("DSA.list", "DLA.list")) {
            for (String line : Files.readAllLines(debian.resolve(list))) {
                Matcher m = fixedVersion.matcher(line);
                if (m.find()) {
                    all.add(m.group(2));
                }
            }
        }
        List<DpkgVersion> versions = validVersions(all.stream().distinct().toList());
        assertThat(versions).hasSizeGreaterThan(10_000);
        List<String[]> pairs = pairsOf(versions, 30_000, new Random(SEED + 3));
        List<Integer> reference = DpkgReference.compareWithAptPkg(pairs, work);
        assertAgreement("python3-apt apt_pkg.version_compare, every DSA/DLA version", pairs, reference);
    }

    /**
     * Which texts are versions: dpkg's errors must be rejected, its "invalid character" warnings too (the
     * documented choice), and everything it takes silently must be accepted, except a signed epoch ("+1:2.0"),
     * which dpkg's strtol takes and Plimsoll rejects by choice. Texts whose upstream part does not start with a
     * digit are left out: dpkg stops at that warning and never looks at their characters.
     */
    @Test
    void validityAgreesWithDpkg() throws Exception {
        DpkgReference.requireDpkg();
        Random random = new Random(SEED + 4);
        DpkgVersionGenerator generator = new DpkgVersionGenerator(random);
        String[] noise = {" ", "\t", ":", "-", "_", "!", "/", "é", "@", "..", "~", "+", "0", "a", "::", "-:", ":-",
            "A", "%", "*", "=", ","};
        List<String> texts = new ArrayList<>();
        while (texts.size() < 1500) {
            String s = generator.version();
            int edits = 1 + random.nextInt(2);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(s.length() + 1);
                s = switch (random.nextInt(4)) {
                    case 0 -> s.substring(0, at) + noise[random.nextInt(noise.length)] + s.substring(at);
                    case 1 -> s.substring(0, at);
                    case 2 -> noise[random.nextInt(noise.length)] + s;
                    default -> s + noise[random.nextInt(noise.length)];
                };
            }
            // An empty text is dpkg's "blank version", and a leading '-' is read as an option: neither is a
            // question about syntax.
            if (!s.isBlank() && !s.startsWith("-")) {
                texts.add(s);
            }
        }
        List<DpkgReference.Verdict> verdicts = DpkgReference.validateWithDpkg(texts, work);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        int accepted = 0;
        for (int i = 0; i < texts.size(); i++) {
            DpkgReference.Verdict verdict = verdicts.get(i);
            if (verdict.warns("does not start with digit")) {
                continue;
            }
            compared++;
            boolean signedEpoch = SIGNED_EPOCH.matcher(texts.get(i)).find();
            boolean expected = !verdict.isError() && !verdict.warns("invalid character") && !signedEpoch;
            boolean actual = generator.isValid(texts.get(i));
            accepted += actual ? 1 : 0;
            if (expected != actual) {
                disagreements.add("\"" + texts.get(i) + "\": dpkg says " + verdict + ", Plimsoll "
                    + (actual ? "accepts" : "rejects"));
            }
        }
        System.out.printf("dpkg validity differential: %d texts compared (%d valid), %d disagreements%n",
            compared, accepted, disagreements.size());
        assertThat(compared).isGreaterThan(1000);
        assertThat(accepted).isGreaterThan(200);
        assertThat(disagreements).isEmpty();
    }

    static void assertAgreement(String against, List<String[]> pairs, List<Integer> reference)
        throws InvalidVersionException {
        List<String> disagreements = new ArrayList<>();
        int equal = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int ours = Integer.signum(DpkgVersion.parse(pairs.get(i)[0]).compareTo(DpkgVersion.parse(pairs.get(i)[1])));
            equal += ours == 0 ? 1 : 0;
            Integer theirs = reference.get(i);
            if (theirs == null || theirs != ours) {
                disagreements.add(pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": Plimsoll " + ours + ", reference "
                    + (theirs == null ? "rejected a version" : theirs));
            }
        }
        System.out.printf("%s: %d pairs (%d equal), %d disagreements%n", against, pairs.size(), equal,
            disagreements.size());
        assertThat(disagreements).as(against).isEmpty();
    }

    /** Neighbours in Plimsoll's order (which the reference must confirm one by one) plus random pairs. */
    static List<String[]> pairsOf(List<DpkgVersion> versions, int randomPairs, Random random) {
        List<DpkgVersion> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            pairs.add(new String[] {sorted.get(i - 1).raw(), sorted.get(i).raw()});
        }
        for (int i = 0; i < randomPairs; i++) {
            pairs.add(new String[] {versions.get(random.nextInt(versions.size())).raw(),
                versions.get(random.nextInt(versions.size())).raw()});
        }
        return pairs;
    }

    static List<DpkgVersion> validVersions(List<String> texts) {
        List<DpkgVersion> versions = new ArrayList<>();
        for (String text : texts) {
            try {
                versions.add(DpkgVersion.parse(text));
            } catch (InvalidVersionException e) {
                // Placeholders such as "<unfixed>" are not versions; DpkgRealDataTest checks which ones.
            }
        }
        return versions;
    }

    static List<String> fixtureVersions() throws IOException {
        try (InputStream in = DpkgDifferentialTest.class.getResourceAsStream("debian-security-versions.txt")) {
            assertThat(in).as("fixture debian-security-versions.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
    }
}

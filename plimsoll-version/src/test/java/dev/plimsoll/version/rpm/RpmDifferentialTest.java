package dev.plimsoll.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RpmVersion}'s order against rpm's own {@code rpm.vercmp} (rpmverParse + rpmverCmp) on generated corner
 * cases and on the EVRs of real images. Every pair must agree; the counts are printed for the CI log.
 */
class RpmDifferentialTest {
    private static final long SEED = 0x5EED_0A9AL;

    @TempDir
    Path work;

    @Test
    void generatedPairsAgreeWithRpm() throws Exception {
        RpmReference.requireRpm();
        List<String[]> pairs = new RpmVersionGenerator(new Random(SEED)).pairs(50_000);
        assertAgreement("rpm.vercmp, generated pairs", pairs, RpmReference.compare(pairs, work));
    }

    /** Segment-level rpmvercmp on versions alone: no epoch, no release, every separator and marker mixed in. */
    @Test
    void generatedBareVersionsAgreeWithRpm() throws Exception {
        RpmReference.requireRpm();
        RpmVersionGenerator generator = new RpmVersionGenerator(new Random(SEED + 1));
        List<String[]> pairs = new ArrayList<>();
        while (pairs.size() < 10_000) {
            String[] pair = generator.pairs(1).get(0);
            String a = bare(pair[0]);
            String b = bare(pair[1]);
            if (generator.isValid(a) && generator.isValid(b)) {
                pairs.add(new String[] {a, b});
            }
        }
        assertAgreement("rpm.vercmp, bare versions", pairs, RpmReference.compare(pairs, work));
    }

    @Test
    void realImageEvrsAgreeWithRpm() throws Exception {
        RpmReference.requireRpm();
        List<RpmVersion> versions = new ArrayList<>();
        for (String text : fixtureEvrs()) {
            versions.add(RpmVersion.parse(text));
        }
        List<RpmVersion> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            pairs.add(new String[] {sorted.get(i - 1).raw(), sorted.get(i).raw()});
        }
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 20_000; i++) {
            pairs.add(new String[] {versions.get(random.nextInt(versions.size())).raw(),
                versions.get(random.nextInt(versions.size())).raw()});
        }
        assertAgreement("rpm.vercmp, EVRs of real images", pairs, RpmReference.compare(pairs, work));
    }

    /** The version alone: epoch and release dropped, hyphens (which rpm would split at) made separators. */
    private static String bare(String evr) {
        int colon = evr.indexOf(':');
        return (colon >= 0 ? evr.substring(colon + 1) : evr).replace('-', '.');
    }

    private static void assertAgreement(String against, List<String[]> pairs, List<Integer> reference)
        throws InvalidVersionException {
        List<String> disagreements = new ArrayList<>();
        int equal = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int ours = Integer.signum(RpmVersion.parse(pairs.get(i)[0]).compareTo(RpmVersion.parse(pairs.get(i)[1])));
            equal += ours == 0 ? 1 : 0;
            if (reference.get(i) != ours) {
                disagreements.add(pairs.get(i)[0] + " vs " + pairs.get(i)[1] + ": Plimsoll " + ours + ", rpm "
                    + reference.get(i));
            }
        }
        System.out.printf("%s: %d pairs (%d equal), %d disagreements%n", against, pairs.size(), equal,
            disagreements.size());
        assertThat(disagreements).as(against).isEmpty();
    }

    static List<String> fixtureEvrs() throws IOException {
        try (InputStream in = RpmDifferentialTest.class.getResourceAsStream("real-image-evrs.txt")) {
            assertThat(in).as("fixture real-image-evrs.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
    }
}

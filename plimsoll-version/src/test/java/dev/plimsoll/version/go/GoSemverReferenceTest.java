package dev.plimsoll.version.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.ReferenceTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against golang.org/x/mod itself: for thousands of generated version pairs (releases,
 * shorthands, pre-releases, +incompatible, pseudo-versions, malformed text) x/mod's semver.IsValid,
 * semver.Compare, semver.Canonical and module.IsPseudoVersion are compared with ours; the bare form (no "v", as
 * OSV writes Go versions) must order exactly like the "v" form. The seed is fixed so failures reproduce;
 * {@code -Dplimsoll.diff.seed=N} tries another.
 */
@Timeout(600)
class GoSemverReferenceTest {
    private static final int PAIRS = 20000;

    @TempDir
    Path tmp;

    @Test
    void agreesWithGolangXModSemver() {
        GoOracle oracle = GoOracle.build(tmp);
        Random random = new Random(Long.getLong("plimsoll.diff.seed", 20260523L));
        GoStrings strings = new GoStrings(random);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String a = strings.version();
            pairs.add(new String[] {a, random.nextBoolean() ? strings.near(a) : strings.version()});
        }
        List<String> answers = oracle.ask(pairs, tmp);

        List<String> disagreements = new ArrayList<>();
        int validPairs = 0;
        int pseudo = 0;
        int incompatible = 0;
        int prerelease = 0;
        for (int i = 0; i < PAIRS; i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            String[] go = answers.get(i).split(" ");
            Optional<GoVersion> va = parse(a);
            Optional<GoVersion> vb = parse(b);
            check(disagreements, "IsValid " + a, bit(va.isPresent()), go[0]);
            check(disagreements, "IsValid " + b, bit(vb.isPresent()), go[1]);
            check(disagreements, "IsPseudoVersion " + a, bit(va.flatMap(GoVersion::pseudo).isPresent()), go[3]);
            check(disagreements, "IsPseudoVersion " + b, bit(vb.flatMap(GoVersion::pseudo).isPresent()), go[4]);
            check(disagreements, "Canonical " + a, va.map(v -> ReferenceTool.hex(v.canonical())).orElse("-"), go[5]);
            if (va.isPresent() && vb.isPresent()) {
                validPairs++;
                pseudo += va.get().pseudo().isPresent() || vb.get().pseudo().isPresent() ? 1 : 0;
                incompatible += va.get().isIncompatible() || vb.get().isIncompatible() ? 1 : 0;
                prerelease += !va.get().prerelease().isEmpty() && !vb.get().prerelease().isEmpty() ? 1 : 0;
                int ours = va.get().compareTo(vb.get());
                check(disagreements, "Compare " + a + " " + b, Integer.toString(ours), go[2]);
                check(disagreements, "equals " + a + " " + b, bit(ours == 0), bit(va.get().equals(vb.get())));
                Optional<GoVersion> bareA = parse(a.substring(1));
                check(disagreements, "bare form of " + a, "0",
                    bareA.map(bare -> Integer.toString(bare.compareTo(va.get()))).orElse("rejected"));
            }
        }
        System.out.printf("golang.org/x/mod differential: %d pairs, %d with both valid (%d with a pseudo-version, "
                + "%d with +incompatible, %d both pre-releases); %d disagreements%n", PAIRS, validPairs, pseudo,
            incompatible, prerelease, disagreements.size());
        assertThat(disagreements).as("disagreements with golang.org/x/mod").isEmpty();
        assertThat(validPairs).isBetween(PAIRS / 3, PAIRS - 500);
        assertThat(pseudo).isGreaterThan(PAIRS / 20);
        assertThat(incompatible).isGreaterThan(PAIRS / 50);
        assertThat(prerelease).isGreaterThan(PAIRS / 50);
    }

    private static Optional<GoVersion> parse(String text) {
        try {
            return Optional.of(GoVersion.parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    private static void check(List<String> disagreements, String what, String ours, String theirs) {
        if (!ours.equals(theirs) && disagreements.size() < 200) {
            disagreements.add(what + ": ours " + ours + ", x/mod " + theirs);
        }
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }
}

package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.reference.ReferenceTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against composer/semver itself: thousands of generated versions (normalisation), version
 * pairs (order), constraints (the parsed tree as the library prints it) and version/constraint pairs
 * ({@code Semver::satisfies}) are answered by the library and by us; every answer must agree, rejections
 * included. Raw {@code version_compare} is checked on its own too. The seed is fixed so failures reproduce;
 * {@code -Dplimsoll.diff.seed=N} tries another.
 */
@Timeout(600)
class ComposerReferenceTest {
    private static final int VERSIONS = 5000;
    private static final int PAIRS = 10000;
    private static final int CONSTRAINTS = 6000;
    private static final int SATISFIES = 15000;
    private static final int RAW_COMPARISONS = 5000;

    @TempDir
    Path tmp;

    @Test
    void agreesWithComposerSemver() {
        ReferenceTool composer = ComposerOracle.require();
        Random random = new Random(Long.getLong("plimsoll.diff.seed", 20260523L));
        ComposerStrings strings = new ComposerStrings(random);

        Set<String> versionSet = new LinkedHashSet<>();
        while (versionSet.size() < VERSIONS) {
            versionSet.add(versionSet.isEmpty() || random.nextInt(3) > 0 ? strings.version()
                : strings.near(pick(versionSet, random)));
        }
        List<String> versions = List.copyOf(versionSet);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String a = versions.get(random.nextInt(versions.size()));
            pairs.add(new String[] {a, random.nextBoolean() ? versions.get(random.nextInt(versions.size()))
                : strings.near(a)});
        }
        Set<String> constraintSet = new LinkedHashSet<>();
        while (constraintSet.size() < CONSTRAINTS) {
            constraintSet.add(strings.constraint());
        }
        List<String> constraints = List.copyOf(constraintSet);
        List<String[]> checks = new ArrayList<>();
        for (int i = 0; i < SATISFIES; i++) {
            checks.add(new String[] {versions.get(random.nextInt(versions.size())),
                constraints.get(random.nextInt(constraints.size()))});
        }
        List<String[]> raws = new ArrayList<>();
        for (int i = 0; i < RAW_COMPARISONS; i++) {
            String a = versions.get(random.nextInt(versions.size()));
            raws.add(new String[] {strings.mutate(a), random.nextBoolean() ? strings.near(a) : strings.mutate(a)});
        }

        List<String> questions = new ArrayList<>();
        versions.forEach(v -> questions.add(ComposerOracle.question("N", v)));
        pairs.forEach(p -> questions.add(ComposerOracle.question("C", p[0], p[1])));
        constraints.forEach(c -> questions.add(ComposerOracle.question("P", c)));
        checks.forEach(s -> questions.add(ComposerOracle.question("S", s[0], s[1])));
        raws.forEach(r -> questions.add(ComposerOracle.question("D", r[0], r[1])));
        List<String> answers = composer.ask(questions, tmp);

        List<String> disagreements = new ArrayList<>();
        int index = 0;
        int normalized = 0;
        for (String v : versions) {
            String ours = normalizeAnswer(v);
            normalized += ours.startsWith("ok") ? 1 : 0;
            check(disagreements, "normalize " + show(v), ours, answers.get(index++));
        }
        int ordered = 0;
        for (String[] p : pairs) {
            String ours = compareAnswer(p[0], p[1]);
            ordered += ours.equals("err") ? 0 : 1;
            check(disagreements, "compare " + show(p[0]) + " " + show(p[1]), ours, answers.get(index++));
        }
        int parsed = 0;
        for (String c : constraints) {
            String ours = parseAnswer(c);
            parsed += ours.startsWith("ok") ? 1 : 0;
            check(disagreements, "parse " + show(c), ours, answers.get(index++));
        }
        int decided = 0;
        int satisfied = 0;
        for (String[] s : checks) {
            String ours = satisfiesAnswer(s[0], s[1]);
            decided += ours.equals("err") ? 0 : 1;
            satisfied += ours.equals("1") ? 1 : 0;
            check(disagreements, "satisfies " + show(s[0]) + " " + show(s[1]), ours, answers.get(index++));
        }
        for (String[] r : raws) {
            String ours = Integer.toString(PhpVersionCompare.compare(r[0], r[1]));
            check(disagreements, "version_compare " + show(r[0]) + " " + show(r[1]), ours, answers.get(index++));
        }

        System.out.printf("composer/semver differential: %d versions (%d normalised), %d pairs (%d ordered), "
                + "%d constraints (%d parsed), %d satisfies checks (%d decided, %d true), %d raw version_compare; "
                + "%d disagreements%n", versions.size(), normalized, pairs.size(), ordered, constraints.size(),
            parsed, checks.size(), decided, satisfied, raws.size(), disagreements.size());
        assertThat(disagreements).as("disagreements with composer/semver").isEmpty();
        // The generator must reach both outcomes of every question, or the comparison proves little.
        assertThat(normalized).isBetween(VERSIONS / 2, VERSIONS - 100);
        assertThat(parsed).isBetween(CONSTRAINTS / 2, CONSTRAINTS - 100);
        assertThat(satisfied).isBetween(SATISFIES / 20, decided - SATISFIES / 20);
    }

    private static String normalizeAnswer(String version) {
        try {
            return "ok " + ReferenceTool.hex(ComposerVersionParser.normalize(version));
        } catch (InvalidVersionException e) {
            return "err";
        }
    }

    private static String compareAnswer(String a, String b) {
        String na;
        String nb;
        try {
            na = ComposerVersionParser.normalize(a);
            nb = ComposerVersionParser.normalize(b);
        } catch (InvalidVersionException e) {
            return "err";
        }
        int sign = PhpVersionCompare.compare(na, nb);
        boolean branches = na.startsWith("dev-") && nb.startsWith("dev-");
        // Comparator compares branches with each other only for equality; otherwise by version_compare.
        boolean lt = !branches && sign < 0;
        boolean eq = branches ? na.equals(nb) : sign == 0;
        boolean gt = !branches && sign > 0;
        if (!na.startsWith("dev-") && !nb.startsWith("dev-")) {
            try {
                int viaApi = ComposerVersion.parse(a).compareTo(ComposerVersion.parse(b));
                if (viaApi != sign || ComposerVersion.parse(a).equals(ComposerVersion.parse(b)) != (sign == 0)) {
                    return "api-mismatch " + viaApi;
                }
            } catch (InvalidVersionException e) {
                return "api-rejects " + e.getMessage();
            }
        }
        return sign + " " + bit(lt) + " " + bit(eq) + " " + bit(gt);
    }

    private static String parseAnswer(String constraint) {
        try {
            return "ok " + ReferenceTool.hex(ComposerConstraintParser.parse(constraint).render());
        } catch (InvalidVersionException e) {
            return "err";
        }
    }

    private static String satisfiesAnswer(String version, String constraint) {
        String normalized;
        ComposerConstraint parsed;
        try {
            normalized = ComposerVersionParser.normalize(version);
            parsed = ComposerScheme.INSTANCE.constraint(constraint);
        } catch (InvalidVersionException e) {
            return "err";
        }
        boolean matches = parsed.matchesNormalized(normalized);
        if (!normalized.startsWith("dev-")) {
            try {
                if (parsed.contains(ComposerScheme.INSTANCE.parse(version)) != matches) {
                    return "api-mismatch";
                }
            } catch (InvalidVersionException e) {
                return "api-rejects " + e.getMessage();
            }
        }
        return matches ? "1" : "0";
    }

    private static void check(List<String> disagreements, String what, String ours, String theirs) {
        if (!ours.equals(theirs) && disagreements.size() < 200) {
            disagreements.add(what + ": ours " + ours + ", composer/semver " + theirs);
        }
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    private static String show(String text) {
        return "\"" + text.replace("\t", "\\t") + "\"";
    }

    private static String pick(Set<String> set, Random random) {
        int n = random.nextInt(set.size());
        for (String s : set) {
            if (n-- == 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }
}

package dev.plimsoll.version.gem;

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
 * Differential test against RubyGems itself: thousands of generated versions, version pairs and
 * requirement/version pairs are answered by Ruby's Gem::Version and Gem::Requirement and by us; every answer must
 * agree, rejections included. The seed is fixed so failures reproduce; {@code -Dplimsoll.diff.seed=N} tries
 * another.
 */
@Timeout(600)
class GemReferenceTest {
    private static final int VERSIONS = 4000;
    private static final int PAIRS = 8000;
    private static final int REQUIREMENTS = 8000;

    @TempDir
    Path tmp;

    @Test
    void agreesWithRubyGems() {
        ReferenceTool ruby = ReferenceTool.require("ruby", List.of("--disable-gems"),
            Path.of("src/test/resources/gem/gem-oracle.rb"), List.of("-e", "require 'rubygems'; Gem::Version"),
            "apt-get install ruby (or plimsoll-version/reference-tools/install-gem-pep440.sh)");
        Random random = new Random(Long.getLong("plimsoll.diff.seed", 20240611L));
        GemStrings strings = new GemStrings(random);

        Set<String> versions = new LinkedHashSet<>();
        while (versions.size() < VERSIONS) {
            versions.add(random.nextBoolean() || versions.isEmpty() ? strings.version()
                : strings.near(pickFrom(versions, random)));
        }
        List<String> pool = List.copyOf(versions);
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String a = pool.get(random.nextInt(pool.size()));
            String b = random.nextInt(3) == 0 ? pool.get(random.nextInt(pool.size())) : strings.near(a);
            pairs.add(new String[] {a, b});
        }
        List<String[]> requirements = new ArrayList<>();
        for (int i = 0; i < REQUIREMENTS; i++) {
            String candidate = pool.get(random.nextInt(pool.size()));
            String requirement = strings.requirement(random.nextInt(4) == 0 ? strings.version() : candidate);
            requirements.add(new String[] {requirement, random.nextBoolean() ? candidate : strings.near(candidate)});
        }

        List<String> questions = new ArrayList<>();
        pool.forEach(v -> questions.add(ReferenceTool.jsonArray("V", v)));
        pairs.forEach(p -> questions.add(ReferenceTool.jsonArray("C", p[0], p[1])));
        requirements.forEach(r -> questions.add(ReferenceTool.jsonArray("R", r[0], r[1])));
        List<String> answers = ruby.ask(questions, tmp);

        List<String> disagreements = new ArrayList<>();
        int index = 0;
        int accepted = 0;
        for (String v : pool) {
            String ours = describeVersion(v);
            accepted += ours.startsWith("ok") ? 1 : 0;
            check(disagreements, "parse " + ReferenceTool.show(v), ours, answers.get(index++));
        }
        int ordered = 0;
        for (String[] p : pairs) {
            String ours = describeComparison(p[0], p[1]);
            ordered += ours.equals("err") ? 0 : 1;
            check(disagreements, "compare " + ReferenceTool.show(p[0]) + " " + ReferenceTool.show(p[1]), ours,
                answers.get(index++));
        }
        int satisfied = 0;
        int tested = 0;
        for (String[] r : requirements) {
            String ours = describeRequirement(r[0], r[1]);
            tested += ours.startsWith("err") ? 0 : 1;
            satisfied += ours.equals("true") ? 1 : 0;
            check(disagreements, "requirement " + ReferenceTool.show(r[0]) + " on " + ReferenceTool.show(r[1]),
                ours, answers.get(index++));
        }
        System.out.printf("gem differential vs RubyGems: %d versions (%d valid), %d pairs (%d ordered), "
            + "%d requirement checks (%d evaluated, %d satisfied): %d disagreements%n", pool.size(), accepted,
            pairs.size(), ordered, requirements.size(), tested, satisfied, disagreements.size());

        assertThat(disagreements).as("answers that differ from RubyGems (ours vs Ruby's)").isEmpty();
        // The generators must exercise real work, not mostly rejections.
        assertThat(accepted).isGreaterThan(VERSIONS * 3 / 4);
        assertThat(ordered).isGreaterThan(PAIRS * 3 / 4);
        assertThat(tested).isGreaterThan(REQUIREMENTS * 3 / 4);
        assertThat(satisfied).isBetween(REQUIREMENTS / 5, REQUIREMENTS * 4 / 5);
    }

    private static void check(List<String> disagreements, String what, String ours, String theirs) {
        if (!ours.equals(theirs)) {
            disagreements.add(what + ": " + ours + " vs " + theirs);
        }
    }

    private static String describeVersion(String text) {
        try {
            return "ok " + GemVersion.parse(text).normalized();
        } catch (InvalidVersionException e) {
            return "err";
        }
    }

    private static String describeComparison(String a, String b) {
        try {
            return Integer.toString(GemVersion.parse(a).compareTo(GemVersion.parse(b)));
        } catch (InvalidVersionException e) {
            return "err";
        }
    }

    private static String describeRequirement(String requirement, String version) {
        GemRequirement parsed;
        try {
            parsed = GemRequirement.parse(requirement);
        } catch (InvalidVersionException e) {
            return "errreq";
        }
        try {
            return Boolean.toString(parsed.contains(GemVersion.parse(version)));
        } catch (InvalidVersionException e) {
            return "errver";
        }
    }

    private static String pickFrom(Set<String> set, Random random) {
        int skip = random.nextInt(set.size());
        for (String s : set) {
            if (skip-- == 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }
}

package dev.plimsoll.check.cis.audit;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.core.error.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which checks to run, from {@code --checks}: a comma list of patterns, each an id ("5.9", "privileged"), a section
 * ("5", "k8s"), a section or id with everything below it ("5.*", "2.2.*"), an inclusive range of numbered ids
 * ("2.1-2.5", which takes 2.2.1 too) or "*"; a leading "!" excludes. With no including pattern every check is
 * included; exclusions win over inclusions.
 */
public final class CheckSelection {
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    public static final CheckSelection ALL = new CheckSelection(List.of(), List.of(), "");

    private final List<Matcher> includes;
    private final List<Matcher> excludes;
    private final String spec;

    private CheckSelection(List<Matcher> includes, List<Matcher> excludes, String spec) {
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.spec = spec;
    }

    /**
     * @throws UsageException naming the malformed pattern and the accepted forms
     */
    public static CheckSelection parse(String spec) {
        Objects.requireNonNull(spec);
        if (spec.isBlank()) {
            return ALL;
        }
        List<Matcher> includes = new ArrayList<>();
        List<Matcher> excludes = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String pattern = raw.trim();
            boolean exclude = pattern.startsWith("!");
            Matcher m = matcher(exclude ? pattern.substring(1).trim() : pattern, raw.trim());
            (exclude ? excludes : includes).add(m);
        }
        return new CheckSelection(includes, excludes, spec.trim());
    }

    private static Matcher matcher(String p, String original) {
        if (p.equals("*")) {
            return id -> true;
        }
        if (p.endsWith(".*") && NUMBER.matcher(p.substring(0, p.length() - 2)).matches()) {
            String prefix = p.substring(0, p.length() - 2);
            return id -> id.equals(prefix) || id.startsWith(prefix + ".");
        }
        if (p.endsWith(".*") && NAME.matcher(p.substring(0, p.length() - 2)).matches()) {
            // A named section ("k8s.*") holds no dotted ids: the same as the section itself.
            String name = p.substring(0, p.length() - 2);
            return id -> id.equalsIgnoreCase(name);
        }
        int dash = p.indexOf('-');
        if (dash > 0 && NUMBER.matcher(p.substring(0, dash)).matches()) {
            String to = p.substring(dash + 1);
            if (!NUMBER.matcher(to).matches()) {
                throw malformed(original);
            }
            int[] low = numbers(p.substring(0, dash));
            int[] high = numbers(to);
            if (compare(low, high) > 0) {
                throw new UsageException("--checks: the range '" + original + "' runs backwards");
            }
            return id -> NUMBER.matcher(id).matches() && compare(numbers(id), low) >= 0
                    && (compare(numbers(id), high) <= 0 || isBelow(numbers(id), high));
        }
        if (NUMBER.matcher(p).matches()) {
            return id -> id.equals(p) || id.startsWith(p + ".");
        }
        if (NAME.matcher(p).matches()) {
            return id -> id.equalsIgnoreCase(p);
        }
        throw malformed(original);
    }

    private static UsageException malformed(String pattern) {
        return new UsageException("--checks: malformed pattern '" + pattern + "'; use an id (5.9, privileged), a "
                + "section (5, k8s), a prefix (5.*), a range (2.1-2.5) or *, each optionally preceded by ! to "
                + "exclude, separated by commas");
    }

    private static int[] numbers(String id) {
        return Arrays.stream(id.split("\\.")).mapToInt(CheckSelection::parseComponent).toArray();
    }

    private static int parseComponent(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // More digits than an int holds: such an id sorts after every real one.
            return Integer.MAX_VALUE;
        }
    }

    private static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }

    /** Whether {@code id} lies below {@code parent} ("2.5.1" below "2.5"): an inclusive range takes its children. */
    private static boolean isBelow(int[] id, int[] parent) {
        return id.length > parent.length && Arrays.equals(Arrays.copyOf(id, parent.length), parent);
    }

    /** Whether a check with this id (or the section the id belongs to) is selected. */
    public boolean includes(String id) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(id));
        return included && excludes.stream().noneMatch(m -> m.matches(id));
    }

    public boolean includes(CheckMeta meta) {
        boolean included = includes.isEmpty() || includes.stream()
                .anyMatch(m -> m.matches(meta.id()) || m.matches(meta.section().number()));
        return included && excludes.stream()
                .noneMatch(m -> m.matches(meta.id()) || m.matches(meta.section().number()));
    }

    /** The selected checks, in their order. */
    public <F> List<CisCheck<F>> select(List<? extends CisCheck<F>> checks) {
        return checks.stream().filter(c -> includes(c.meta())).map(c -> (CisCheck<F>) c).toList();
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? "*" : spec;
    }

    @FunctionalInterface
    private interface Matcher {
        boolean matches(String id);
    }
}

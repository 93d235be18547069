package dev.plimsoll.version.npm;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a node-semver range to sets of primitive comparators, in node's order of steps: whitespace collapsed,
 * split on {@code ||}; per set, build metadata dropped, a hyphen range expanded, operators joined to their
 * versions, then each space-separated token expanded (caret, tilde, x-range, stars) into primitives such as
 * "&gt;=1.2.0 &lt;1.3.0-0". The expansions are written out as text and read back by the comparator grammar, as node
 * does, so that odd inputs fail (or, in loose mode, are dropped) exactly where node's do.
 */
final class NpmRangeParser {
    private static final Pattern BUILD_ANYWHERE = Pattern.compile(NpmGrammar.BUILD);
    private static final Pattern TILDE_SPACE = Pattern.compile("~>?[" + JsText.WHITESPACE_CLASS + "]");
    private static final Pattern CARET_SPACE = Pattern.compile("\\^[" + JsText.WHITESPACE_CLASS + "]");
    private static final Pattern STAR = Pattern.compile("(?:<|>)?=?[" + JsText.WHITESPACE_CLASS + "]?\\*");

    private final NpmRangeOptions options;
    private final NpmGrammar grammar;
    /** "-0" when pre-releases are included: lower bounds then start at the lowest pre-release. */
    private final String lowest;

    NpmRangeParser(NpmRangeOptions options) {
        this.options = options;
        this.grammar = options.loose() ? NpmGrammar.LOOSE : NpmGrammar.STRICT;
        this.lowest = options.includePrerelease() ? "-0" : "";
    }

    NpmRange parse(String expression) throws InvalidVersionException {
        String normalized = JsText.collapseWhitespace(JsText.trim(expression));
        List<List<NpmComparator>> sets = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String part : normalized.split("\\|\\|", -1)) {
            List<NpmComparator> set = comparatorSet(JsText.trim(part), expression, dropped);
            if (!set.isEmpty()) {
                sets.add(set);
            }
        }
        if (sets.isEmpty()) {
            throw new InvalidVersionException("npm range \"" + expression + "\" has no valid comparator");
        }
        return new NpmRange(expression, options, simplified(sets), dropped);
    }

    /**
     * node's set-level simplification, which is not only cosmetic: sets that match nothing are dropped, and when a
     * set matches any version the range becomes that set alone. Because such a set admits no pre-release, this
     * changes results: "* || 1.2.3-beta" does not match 1.2.3-beta without includePrerelease.
     */
    private static List<List<NpmComparator>> simplified(List<List<NpmComparator>> sets) {
        if (sets.size() == 1) {
            return sets;
        }
        List<List<NpmComparator>> useful = sets.stream()
            .filter(set -> !(set.get(0) instanceof NpmComparator.Bound b && b.isNothing()))
            .toList();
        if (useful.isEmpty()) {
            return List.of(sets.get(0));
        }
        if (useful.size() > 1) {
            for (List<NpmComparator> set : useful) {
                if (set.size() == 1 && set.get(0) instanceof NpmComparator.Any) {
                    return List.of(set);
                }
            }
        }
        return useful;
    }

    private List<NpmComparator> comparatorSet(String part, String expression, List<String> dropped)
            throws InvalidVersionException {
        String text = BUILD_ANYWHERE.matcher(part).replaceAll("");
        text = expandHyphen(text);
        text = OperatorSpacing.join(text);
        text = TILDE_SPACE.matcher(text).replaceAll("~");
        text = CARET_SPACE.matcher(text).replaceAll("^");
        StringJoiner expanded = new StringJoiner(" ");
        for (String token : text.split(" ", -1)) {
            expanded.add(expandToken(token));
        }
        List<NpmComparator> comparators = new ArrayList<>();
        for (String primitive : JsText.splitWhitespace(expanded.toString())) {
            String comparator = isAtLeastZero(primitive) ? "" : primitive;
            if (options.loose() && !comparator.isEmpty() && !grammar.comparator.matcher(comparator).matches()) {
                dropped.add(comparator);
                continue;
            }
            comparators.add(primitive(comparator, expression));
        }
        for (NpmComparator comparator : comparators) {
            if (comparator instanceof NpmComparator.Bound b && b.isNothing()) {
                return List.of(comparator);
            }
        }
        Map<String, NpmComparator> distinct = new LinkedHashMap<>();
        for (NpmComparator comparator : comparators) {
            distinct.put(comparator.value(), comparator);
        }
        if (distinct.size() > 1) {
            distinct.remove("");
        }
        return List.copyOf(distinct.values());
    }

    /** "&gt;=0.0.0" ("&gt;=0.0.0-0" with pre-releases) stands for any version. */
    private boolean isAtLeastZero(String primitive) {
        return JsText.trim(primitive).equals(options.includePrerelease() ? ">=0.0.0-0" : ">=0.0.0");
    }

    private NpmComparator primitive(String text, String expression) throws InvalidVersionException {
        if (text.isEmpty()) {
            return new NpmComparator.Any();
        }
        Matcher m = grammar.comparator.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException("npm range \"" + expression + "\": invalid comparator \"" + text + "\"");
        }
        try {
            return new NpmComparator.Bound(NpmOperator.of(m.group(1)), NpmVersion.parse(m.group(2), options.loose()));
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("npm range \"" + expression + "\": " + e.getMessage());
        }
    }

    /** "1.2 - 3.4" becomes "&gt;=1.2.0 &lt;3.5.0-0"; bounds given in full are kept as written. */
    private String expandHyphen(String text) {
        Matcher m = grammar.hyphen.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String from;
        if (isX(m.group(2))) {
            from = "";
        } else if (isX(m.group(3))) {
            from = ">=" + m.group(2) + ".0.0" + lowest;
        } else if (isX(m.group(4))) {
            from = ">=" + m.group(2) + "." + m.group(3) + ".0" + lowest;
        } else if (m.group(5) != null) {
            from = ">=" + m.group(1);
        } else {
            from = ">=" + m.group(1) + lowest;
        }
        String to;
        if (isX(m.group(8))) {
            to = "";
        } else if (isX(m.group(9))) {
            to = "<" + JsText.increment(m.group(8)) + ".0.0-0";
        } else if (isX(m.group(10))) {
            to = "<" + m.group(8) + "." + JsText.increment(m.group(9)) + ".0-0";
        } else if (m.group(11) != null) {
            to = "<=" + m.group(8) + "." + m.group(9) + "." + m.group(10) + "-" + m.group(11);
        } else if (options.includePrerelease()) {
            to = "<" + m.group(8) + "." + m.group(9) + "." + JsText.increment(m.group(10)) + "-0";
        } else {
            to = "<=" + m.group(7);
        }
        return JsText.trim(from + " " + to);
    }

    private String expandToken(String token) {
        String text = mapPieces(JsText.trim(token), this::expandCaret);
        text = mapPieces(JsText.trim(text), this::expandTilde);
        text = mapPieces(text, this::expandXRange);
        Matcher star = STAR.matcher(JsText.trim(text));
        return star.find() ? star.replaceFirst("") : JsText.trim(text);
    }

    private static String mapPieces(String text, UnaryOperator<String> expansion) {
        StringJoiner out = new StringJoiner(" ");
        for (String piece : JsText.splitWhitespace(text)) {
            out.add(expansion.apply(piece));
        }
        return out.toString();
    }

    private String expandCaret(String piece) {
        return expandPrefixed(grammar.caret, piece, this::caretRange);
    }

    private String expandTilde(String piece) {
        return expandPrefixed(grammar.tilde, piece, this::tildeRange);
    }

    /** The parts of a caret or tilde range once a minor is given; the patch may still be an x. */
    @FunctionalInterface
    private interface WithMinor {
        String expand(String major, String minor, String patch, String pre);
    }

    /** Caret and tilde agree until a minor is given: "^1" and "~1" are any 1.x.x, "^*" and "~*" anything. */
    private String expandPrefixed(Pattern pattern, String piece, WithMinor withMinor) {
        Matcher m = pattern.matcher(piece);
        if (!m.matches()) {
            return piece;
        }
        String major = m.group(1);
        if (isX(major)) {
            return "";
        }
        if (isX(m.group(2))) {
            return everyMinorOf(major);
        }
        return withMinor.expand(major, m.group(2), m.group(3), m.group(4));
    }

    /** Caret: changes that do not modify the left-most non-zero part are allowed. */
    private String caretRange(String major, String minor, String patch, String pre) {
        if (isX(patch)) {
            return ">=" + major + "." + minor + ".0" + lowest + " <" + (major.equals("0")
                ? major + "." + JsText.increment(minor) + ".0-0"
                : JsText.increment(major) + ".0.0-0");
        }
        String from = ">=" + major + "." + minor + "." + patch + (pre == null ? "" : "-" + pre);
        String to;
        if (!major.equals("0")) {
            to = JsText.increment(major) + ".0.0-0";
        } else if (!minor.equals("0")) {
            to = major + "." + JsText.increment(minor) + ".0-0";
        } else {
            to = major + "." + minor + "." + JsText.increment(patch) + "-0";
        }
        return from + " <" + to;
    }

    /** Tilde: patch-level changes if a minor is given, minor-level changes if not. */
    private String tildeRange(String major, String minor, String patch, String pre) {
        if (isX(patch)) {
            return everyPatchOf(major, minor);
        }
        return ">=" + major + "." + minor + "." + patch + (pre == null ? "" : "-" + pre) + " <" + major + "."
            + JsText.increment(minor) + ".0-0";
    }

    /** Every version of the major ("1", "1.x", "^1", "~1"): "&gt;=1.0.0 &lt;2.0.0-0". */
    private String everyMinorOf(String major) {
        return ">=" + major + ".0.0" + lowest + " <" + JsText.increment(major) + ".0.0-0";
    }

    /** Every version of the minor ("1.2", "1.2.x", "~1.2"): "&gt;=1.2.0 &lt;1.3.0-0". */
    private String everyPatchOf(String major, String minor) {
        return ">=" + major + "." + minor + ".0" + lowest + " <" + major + "." + JsText.increment(minor) + ".0-0";
    }

    /** X-ranges and partial versions, with or without an operator ("1.x", "&gt;1.2", "&lt;=2", "*"). */
    private String expandXRange(String piece) {
        String text = JsText.trim(piece);
        Matcher m = grammar.xRange.matcher(text);
        if (!m.matches()) {
            return text;
        }
        String operator = m.group(1);
        String major = m.group(2);
        String minor = m.group(3);
        String patch = m.group(4);
        // "x.1" and "1.x.2" are not x-ranges; left as they are, they fail as comparators.
        if ((isX(major) && !isX(minor)) || (isX(minor) && patch != null && !patch.isEmpty() && !isX(patch))) {
            return text;
        }
        boolean anyMajor = isX(major);
        boolean anyMinor = anyMajor || isX(minor);
        boolean anyPatch = anyMinor || isX(patch);
        if (operator.equals("=") && anyPatch) {
            operator = "";
        }
        String pre = lowest;
        if (anyMajor) {
            return operator.equals(">") || operator.equals("<") ? "<0.0.0-0" : "*";
        }
        if (!operator.isEmpty() && anyPatch) {
            if (anyMinor) {
                minor = "0";
            }
            patch = "0";
            if (operator.equals(">") || operator.equals("<=")) {
                // >1 is >=2.0.0, >1.2 is >=1.3.0; <=1 is <2.0.0-0, <=1.2 is <1.3.0-0
                operator = operator.equals(">") ? ">=" : "<";
                if (anyMinor) {
                    major = JsText.increment(major);
                } else {
                    minor = JsText.increment(minor);
                }
            }
            if (operator.equals("<")) {
                pre = "-0";
            }
            return operator + major + "." + minor + "." + patch + pre;
        }
        if (anyMinor) {
            return everyMinorOf(major);
        }
        if (anyPatch) {
            return everyPatchOf(major, minor);
        }
        return text;
    }

    /** A missing part counts as a wildcard, like "x", "X" and "*". */
    private static boolean isX(String part) {
        return part == null || part.isEmpty() || part.equalsIgnoreCase("x") || part.equals("*");
    }
}

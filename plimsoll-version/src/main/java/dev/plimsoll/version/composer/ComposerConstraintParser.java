package dev.plimsoll.version.composer;

import static dev.plimsoll.version.composer.ComposerVersionParser.MODIFIER;
import static dev.plimsoll.version.composer.ComposerVersionParser.normalize;
import static dev.plimsoll.version.composer.ComposerVersionParser.phpEmpty;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.composer.ComposerTerm.AllOf;
import dev.plimsoll.version.composer.ComposerTerm.AnyOf;
import dev.plimsoll.version.composer.ComposerTerm.Comparison;
import dev.plimsoll.version.composer.ComposerTerm.MatchAll;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * composer/semver's constraint grammar ({@code VersionParser::parseConstraints}): {@code ||} or {@code |}
 * separates alternatives, a comma or space separates conjuncts; each conjunct is a wildcard ({@code *},
 * {@code 1.2.*}), a tilde ({@code ~1.2}), caret ({@code ^1.2}) or hyphen range ({@code 1.0 - 2.0}), or a
 * comparison ({@code >=1.0}, {@code !=1.5}, {@code 1.0}), with an optional stability flag ({@code @beta}).
 * Lower bounds that carry no stability of their own get "-dev" so that pre-releases of the bound are included,
 * exactly as composer does. The shapes it builds (including composer's merging of adjacent
 * {@code [>= a < b] || [>= b < c]} alternatives) are those the library builds, so that the differential test can
 * compare printed trees.
 */
final class ComposerConstraintParser {
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES;
    private static final int CS = Pattern.UNIX_LINES;

    private static final Pattern OR_SEPARATOR = Pattern.compile("\\s*\\|\\|?\\s*", CS);
    /** A comma or space between conjuncts, not next to an operator, a hyphen of a hyphen range, or "as". */
    private static final Pattern AND_SEPARATOR =
        Pattern.compile("(?<!^|as|[=>< ,]) *(?<!-)[, ](?!-) *(?!,|as|$)", CS);
    private static final Pattern FLAGGED =
        Pattern.compile("^([^,\\s]*?)@(" + ComposerVersionParser.FLAG_STABILITIES + ")$", CI);
    private static final Pattern WITH_REFERENCE = Pattern.compile("^(dev-[^,\\s@]+?|[^,\\s@]+?\\.x-dev)#.+$", CI);
    private static final Pattern WILDCARD_ONLY = Pattern.compile("^(v)?[xX*](\\.[xX*])*$", CI);
    /**
     * A version inside a range. Groups: 1 major, 2 minor, 3 patch, 4 fourth number, 5 stability word, 6 its
     * numbers, 7 dev marker, 8 ".x-dev" wildcard branch.
     */
    private static final String RANGE_VERSION = "v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.(\\d++))?(?:"
        + MODIFIER + "|\\.([xX*][.-]?dev))(?:\\+[^\\s]+)?";
    private static final Pattern TILDE = Pattern.compile("^~>?" + RANGE_VERSION + "$", CI);
    private static final Pattern CARET = Pattern.compile("^\\^" + RANGE_VERSION + "($)", CI);
    private static final Pattern X_RANGE = Pattern.compile("^v?(\\d++)(?:\\.(\\d++))?(?:\\.(\\d++))?(?:\\.[xX*])++$", CS);
    /** Groups: 1 from (2..9 its parts as in RANGE_VERSION), 10 to (11..18 its parts). */
    private static final Pattern HYPHEN =
        Pattern.compile("^(?<from>" + RANGE_VERSION + ") +- +(?<to>" + RANGE_VERSION + ")($)", CI);
    private static final Pattern COMPARISON = Pattern.compile("^(<>|!=|>=?|<=?|==?)?\\s*(.*)", CS);
    private static final Pattern BRANCH_LIKE = Pattern.compile("^[0-9a-zA-Z./-]+$", CS);
    private static final Pattern HAS_MODIFIER = Pattern.compile("-" + MODIFIER + "$", CS);

    /** A component that would leave PHP's 64-bit integers when incremented is refused rather than mis-read. */
    private static final int MAX_INCREMENTED_DIGITS = 18;

    private ComposerConstraintParser() {
    }

    static ComposerTerm parse(String constraints) throws InvalidVersionException {
        ComposerVersionParser.checkLength(constraints);
        String[] alternatives = OR_SEPARATOR.split(ComposerVersionParser.phpTrim(constraints), -1);
        List<ComposerTerm> groups = new ArrayList<>();
        for (String alternative : alternatives) {
            List<ComposerTerm> conjuncts = new ArrayList<>();
            for (String part : AND_SEPARATOR.split(alternative, -1)) {
                conjuncts.addAll(parseOne(part));
            }
            groups.add(conjuncts.size() == 1 ? conjuncts.get(0) : new AllOf(conjuncts));
        }
        return disjunction(groups);
    }

    /** composer's {@code MultiConstraint::create(…, false)}: one alternative is itself; adjacent ranges merge. */
    private static ComposerTerm disjunction(List<ComposerTerm> groups) {
        if (groups.size() == 1) {
            return groups.get(0);
        }
        List<ComposerTerm> merged = new ArrayList<>();
        boolean mergedAny = false;
        ComposerTerm left = groups.get(0);
        for (int i = 1; i < groups.size(); i++) {
            ComposerTerm right = groups.get(i);
            if (contiguous(left, right)) {
                mergedAny = true;
                left = new AllOf(List.of(((AllOf) left).terms().get(0), ((AllOf) right).terms().get(1)));
            } else {
                merged.add(left);
                left = right;
            }
        }
        if (!mergedAny) {
            return new AnyOf(groups);
        }
        merged.add(left);
        return merged.size() == 1 ? merged.get(0) : new AnyOf(merged);
    }

    /** [&gt;= a, &lt; b] followed by [&gt;= b, &lt;(=) c]: composer collapses the two into [&gt;= a, &lt;(=) c]. */
    private static boolean contiguous(ComposerTerm left, ComposerTerm right) {
        if (!(left instanceof AllOf l) || !(right instanceof AllOf r) || l.terms().size() != 2
            || r.terms().size() != 2) {
            return false;
        }
        return l.terms().get(0) instanceof Comparison l0 && l0.operator() == ComposerOperator.GE
            && l.terms().get(1) instanceof Comparison l1 && l1.operator() == ComposerOperator.LT
            && r.terms().get(0) instanceof Comparison r0 && r0.operator() == ComposerOperator.GE
            && r.terms().get(1) instanceof Comparison r1
            && (r1.operator() == ComposerOperator.LT || r1.operator() == ComposerOperator.LE)
            && l1.version().equals(r0.version());
    }

    private static List<ComposerTerm> parseOne(String input) throws InvalidVersionException {
        String constraint = input;
        Matcher alias = ComposerVersionParser.ALIAS.matcher(constraint);
        if (alias.find()) {
            constraint = alias.group(1);
        }
        String stabilityModifier = null;
        Matcher flagged = FLAGGED.matcher(constraint);
        if (flagged.find()) {
            constraint = flagged.group(1).isEmpty() ? "*" : flagged.group(1);
            if (!flagged.group(2).equals("stable")) {
                stabilityModifier = flagged.group(2);
            }
        }
        Matcher reference = WITH_REFERENCE.matcher(constraint);
        if (reference.find()) {
            constraint = reference.group(1);
        }

        Matcher m = WILDCARD_ONLY.matcher(constraint);
        if (m.find()) {
            if (!phpEmpty(m.group(1)) || !phpEmpty(m.group(2))) {
                return List.of(new Comparison(ComposerOperator.GE, "0.0.0.0-dev"));
            }
            return List.of(new MatchAll());
        }

        m = TILDE.matcher(constraint);
        if (m.find()) {
            if (constraint.startsWith("~>")) {
                throw new InvalidVersionException("could not parse composer constraint \"" + constraint
                    + "\": invalid operator \"~>\", composer's tilde is \"~\"");
            }
            int position = present(m.group(4)) ? 4 : present(m.group(3)) ? 3 : present(m.group(2)) ? 2 : 1;
            if (!phpEmpty(m.group(8))) {
                position++;
            }
            String suffix = phpEmpty(m.group(5)) && phpEmpty(m.group(7)) && phpEmpty(m.group(8)) ? "-dev" : "";
            String low = normalize((constraint + suffix).substring(1));
            String high = bump(parts(m, 1), Math.max(1, position - 1)) + "-dev";
            return List.of(new Comparison(ComposerOperator.GE, low), new Comparison(ComposerOperator.LT, high));
        }

        m = CARET.matcher(constraint);
        if (m.find()) {
            int position;
            if (!"0".equals(m.group(1)) || !present(m.group(2))) {
                position = 1;
            } else if (!"0".equals(m.group(2)) || !present(m.group(3))) {
                position = 2;
            } else {
                position = 3;
            }
            String suffix = phpEmpty(m.group(5)) && phpEmpty(m.group(7)) && phpEmpty(m.group(8)) ? "-dev" : "";
            String low = normalize((constraint + suffix).substring(1));
            String high = bump(parts(m, 1), position) + "-dev";
            return List.of(new Comparison(ComposerOperator.GE, low), new Comparison(ComposerOperator.LT, high));
        }

        m = X_RANGE.matcher(constraint);
        if (m.find()) {
            int position = present(m.group(3)) ? 3 : present(m.group(2)) ? 2 : 1;
            String[] parts = {m.group(1), m.group(2), m.group(3), null};
            String low = pad(parts, position) + "-dev";
            String high = bump(parts, position) + "-dev";
            if (low.equals("0.0.0.0-dev")) {
                return List.of(new Comparison(ComposerOperator.LT, high));
            }
            return List.of(new Comparison(ComposerOperator.GE, low), new Comparison(ComposerOperator.LT, high));
        }

        m = HYPHEN.matcher(constraint);
        if (m.find()) {
            String lowSuffix = phpEmpty(m.group(6)) && phpEmpty(m.group(8)) && phpEmpty(m.group(9)) ? "-dev" : "";
            Comparison lower = new Comparison(ComposerOperator.GE, normalize(m.group("from")) + lowSuffix);
            Comparison upper;
            if ((!emptyButZero(m.group(12)) && !emptyButZero(m.group(13))) || !phpEmpty(m.group(15))
                || !phpEmpty(m.group(17)) || !phpEmpty(m.group(18))) {
                upper = new Comparison(ComposerOperator.LE, normalize(m.group("to")));
            } else {
                normalize(m.group("to"));
                String[] to = {m.group(11), m.group(12), m.group(13), m.group(14)};
                upper = new Comparison(ComposerOperator.LT, bump(to, emptyButZero(m.group(12)) ? 1 : 2) + "-dev");
            }
            return List.of(lower, upper);
        }

        m = COMPARISON.matcher(constraint);
        if (m.find()) {
            String written = m.group(2);
            String version;
            try {
                version = normalize(written);
            } catch (InvalidVersionException e) {
                // "foo-dev" is read as the branch "dev-foo", unless it is no branch name at all.
                if (written.endsWith("-dev") && BRANCH_LIKE.matcher(written).find()) {
                    version = normalize("dev-" + written.substring(0, written.length() - 4));
                } else {
                    throw new InvalidVersionException("could not parse composer constraint \"" + constraint
                        + "\": " + e.getMessage());
                }
            }
            String operator = phpEmpty(m.group(1)) ? "=" : m.group(1);
            if (!operator.equals("==") && !operator.equals("=") && stabilityModifier != null
                && ComposerVersionParser.parseStability(version).equals("stable")) {
                version += "-" + stabilityModifier;
            } else if (operator.equals("<") || operator.equals(">=")) {
                if (!HAS_MODIFIER.matcher(ComposerVersionParser.asciiLower(written)).find()
                    && !written.startsWith("dev-")) {
                    version += "-dev";
                }
            }
            return List.of(new Comparison(ComposerOperator.of(operator), version));
        }
        throw new InvalidVersionException("could not parse composer constraint \"" + constraint + "\"");
    }

    /** Groups first..first+3 of a range match: major, minor, patch, fourth. */
    private static String[] parts(Matcher m, int first) {
        return new String[] {m.group(first), m.group(first + 1), m.group(first + 2), m.group(first + 3)};
    }

    /** Keeps the parts up to {@code position} as written and sets the rest to 0. */
    private static String pad(String[] parts, int position) {
        String[] out = new String[4];
        for (int i = 0; i < 4; i++) {
            out[i] = i + 1 > position ? "0" : text(parts[i]);
        }
        return String.join(".", out);
    }

    /** Increments the part at {@code position} (1-based) and sets the later parts to 0. */
    private static String bump(String[] parts, int position) throws InvalidVersionException {
        String[] out = new String[4];
        for (int i = 0; i < 4; i++) {
            if (i + 1 > position) {
                out[i] = "0";
            } else if (i + 1 == position) {
                out[i] = Long.toString(phpNumber(text(parts[i])) + 1);
            } else {
                out[i] = text(parts[i]);
            }
        }
        return String.join(".", out);
    }

    /** A digit string read as PHP reads a numeric string in arithmetic ("007" is 7, "" is 0). */
    private static long phpNumber(String digits) throws InvalidVersionException {
        if (digits.length() > MAX_INCREMENTED_DIGITS) {
            throw new InvalidVersionException("composer version component too large to increment: " + digits);
        }
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static String text(String group) {
        return group == null ? "" : group;
    }

    private static boolean present(String group) {
        return group != null && !group.isEmpty();
    }

    /** The hyphen range's own emptiness test: like PHP's empty(), except that "0" counts as present. */
    private static boolean emptyButZero(String group) {
        return group == null || group.isEmpty();
    }
}

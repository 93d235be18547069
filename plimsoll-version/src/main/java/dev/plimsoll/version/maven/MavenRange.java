package dev.plimsoll.version.maven;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.Restriction;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * A set of Maven versions, written in one of three forms:
 * <ul>
 *   <li>Maven's version-range syntax: {@code [1.0,2.0)}, {@code (,1.0]}, {@code [1.2]}, unions
 *       {@code [1.0,1.2),[1.5,)}. Each bracketed set is read by maven-artifact's {@link VersionRange} and
 *       tested with its {@link Restriction}. The union is split here, because the library refuses sets that are
 *       out of order or overlap ("Ranges overlap"), which an advisory may well write and which still denote a
 *       plain union.</li>
 *   <li>A bare version {@code 1.0}: exactly that version (equal in Maven's order). In a POM a bare version is
 *       a soft preference that admits every version; that reading makes no sense for "which versions are
 *       affected", so it is not used.</li>
 *   <li>The comparator form GitHub advisories use for Maven ({@code <= 4.1.70.Final}, {@code >= 1.0, < 2.0}):
 *       operators {@code < <= > >= = == !=}, conjuncts joined by commas, alternatives by {@code ||}.</li>
 * </ul>
 */
public final class MavenRange implements VersionConstraint {
    private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|==|!=|<|>|=)\\s*(\\S+)");

    private final String raw;
    private final List<List<Clause>> anyOf;

    private MavenRange(String raw, List<List<Clause>> anyOf) {
        this.raw = raw;
        this.anyOf = anyOf;
    }

    public static MavenRange parse(String expression) throws InvalidVersionException {
        Objects.requireNonNull(expression, "expression");
        if (expression.length() > MavenVersion.MAX_LENGTH) {
            throw new InvalidVersionException("Maven range longer than " + MavenVersion.MAX_LENGTH
                + " characters: \"" + expression.substring(0, 40) + "...\"");
        }
        String text = expression.strip();
        if (text.isEmpty()) {
            throw new InvalidVersionException("empty Maven range");
        }
        char first = text.charAt(0);
        if (first == '[' || first == '(') {
            return new MavenRange(expression, rangeSets(text));
        }
        if ("<>=!".indexOf(first) >= 0) {
            return new MavenRange(expression, comparators(text));
        }
        MavenVersion exact = MavenVersion.parse(text);
        return new MavenRange(expression, List.of(List.of(new Clause.Interval(exactly(exact)))));
    }

    @Override
    public boolean contains(Version version) {
        if (!(version instanceof MavenVersion maven)) {
            throw new IllegalArgumentException("a Maven range cannot hold a "
                + (version == null ? "null" : version.scheme().id()) + " version");
        }
        DefaultArtifactVersion artifact = new DefaultArtifactVersion(maven.raw());
        for (List<Clause> all : anyOf) {
            if (all.stream().allMatch(c -> c.contains(maven, artifact))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public String toString() {
        return raw;
    }

    /** One condition of a conjunction. */
    private sealed interface Clause {
        boolean contains(MavenVersion version, DefaultArtifactVersion artifact);

        /** An interval, tested by the library's {@link Restriction#containsVersion}. */
        record Interval(Restriction restriction) implements Clause {
            @Override
            public boolean contains(MavenVersion version, DefaultArtifactVersion artifact) {
                return restriction.containsVersion(artifact);
            }
        }

        /** {@code != v}: every version not equal to v in Maven's order. */
        record NotEqual(MavenVersion excluded) implements Clause {
            @Override
            public boolean contains(MavenVersion version, DefaultArtifactVersion artifact) {
                return version.compareTo(excluded) != 0;
            }
        }
    }

    private static List<List<Clause>> rangeSets(String text) throws InvalidVersionException {
        List<List<Clause>> sets = new ArrayList<>();
        int i = 0;
        while (true) {
            char open = text.charAt(i);
            if (open != '[' && open != '(') {
                throw new InvalidVersionException("malformed Maven range \"" + text + "\": expected '[' or '(' at "
                    + i);
            }
            int close = firstOf(text, i + 1, ']', ')');
            if (close < 0) {
                throw new InvalidVersionException("malformed Maven range \"" + text + "\": unclosed set at " + i);
            }
            String set = text.substring(i, close + 1);
            checkBounds(text, set.substring(1, set.length() - 1));
            sets.add(List.of(new Clause.Interval(librarySet(text, set))));
            i = skipSpaces(text, close + 1);
            if (i == text.length()) {
                return List.copyOf(sets);
            }
            if (text.charAt(i) != ',') {
                throw new InvalidVersionException("malformed Maven range \"" + text + "\": expected ',' at " + i);
            }
            i = skipSpaces(text, i + 1);
            if (i == text.length()) {
                throw new InvalidVersionException("malformed Maven range \"" + text + "\": trailing ','");
            }
        }
    }

    /** The bounds must be versions this scheme accepts: at most one comma, no whitespace inside a bound. */
    private static void checkBounds(String text, String inner) throws InvalidVersionException {
        String[] bounds = inner.split(",", -1);
        if (bounds.length > 2) {
            throw new InvalidVersionException("malformed Maven range \"" + text + "\": more than two bounds in ["
                + inner + "]");
        }
        for (String bound : bounds) {
            String trimmed = bound.strip();
            if (!trimmed.isEmpty()) {
                MavenVersion.parse(trimmed);
            }
        }
    }

    private static Restriction librarySet(String text, String set) throws InvalidVersionException {
        try {
            List<Restriction> restrictions = VersionRange.createFromVersionSpec(set).getRestrictions();
            if (restrictions.size() != 1) {
                throw new InvalidVersionException("malformed Maven range \"" + text + "\": " + set
                    + " is not a single set");
            }
            return restrictions.get(0);
        } catch (InvalidVersionSpecificationException e) {
            throw new InvalidVersionException("malformed Maven range \"" + text + "\": " + e.getMessage());
        }
    }

    private static List<List<Clause>> comparators(String text) throws InvalidVersionException {
        List<List<Clause>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            List<Clause> all = new ArrayList<>();
            for (String part : alternative.split(",", -1)) {
                Matcher m = COMPARATOR.matcher(part.strip());
                if (!m.matches()) {
                    throw new InvalidVersionException("malformed Maven comparator \"" + part.strip() + "\" in \""
                        + text + "\"");
                }
                MavenVersion bound = MavenVersion.parse(m.group(2));
                DefaultArtifactVersion v = new DefaultArtifactVersion(bound.raw());
                all.add(switch (m.group(1)) {
                    case "<" -> new Clause.Interval(new Restriction(null, false, v, false));
                    case "<=" -> new Clause.Interval(new Restriction(null, false, v, true));
                    case ">" -> new Clause.Interval(new Restriction(v, false, null, false));
                    case ">=" -> new Clause.Interval(new Restriction(v, true, null, false));
                    case "!=" -> new Clause.NotEqual(bound);
                    default -> new Clause.Interval(exactly(bound));
                });
            }
            alternatives.add(List.copyOf(all));
        }
        return List.copyOf(alternatives);
    }

    private static Restriction exactly(MavenVersion version) {
        DefaultArtifactVersion v = new DefaultArtifactVersion(version.raw());
        return new Restriction(v, true, v, true);
    }

    private static int firstOf(String text, int from, char a, char b) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}

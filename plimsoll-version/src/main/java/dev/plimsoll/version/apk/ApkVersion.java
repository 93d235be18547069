package dev.plimsoll.version.apk;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import dev.plimsoll.version.apk.ApkToken.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Alpine package version, {@code number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}}, with the grammar
 * and order of apk-tools (documented in its apk-package(5) page; the order is that of its version comparison since
 * the 2024 rewrite that added commit hashes).
 *
 * <p>Grammar: a non-empty run of digits; then any number of {@code .digits}; then at most one lower-case letter;
 * then any number of suffixes, each {@code _} and one of alpha, beta, pre, rc, cvs, svn, git, hg, p, each with an
 * optional number; then at most one {@code ~} and lower-case hex digits; then at most one {@code -r} and digits.
 * Nothing else is allowed: apk-tools rejects such versions too, and real malformed ones exist in Alpine's secdb
 * ("0.12.5.-r0", "2.7.16-33", "6.6.2p1-r0"), so rejecting them with a reason lets the caller report the record.
 *
 * <p>Order: the two versions are read part by part (see {@link ApkToken}); the first part that differs decides.
 * Numbers compare numerically, except that a dotted number with a leading zero on either side compares as text;
 * the letter, suffix kind, suffix numbers and revision compare in the obvious way; commit hashes compare as text
 * (so "1.0~1234" &lt; "1.0~2345"). Where one version has a part of a different kind, a pre-release suffix is
 * smaller, else the version whose part comes later in the grammar is smaller ("1.2-r5" &lt; "1.2.1",
 * "1.2" &lt; "1.2_p1" &lt; "1.2a", "1.2~ab-r9" &gt; "1.2-r0"). Numbers here are never truncated; apk-tools keeps them in
 * 64 bits, so the two orders could differ only for a component of 2^64 or more, which no real version has.
 *
 * <p>Equality is that of the order: {@link #equals} holds exactly when {@link #compareTo} is 0 ("1.2-r01" equals
 * "1.2-r1", but "1.02" does not equal "1.2").
 */
public final class ApkVersion implements Version {
    public static final int MAX_LENGTH = 1024;

    private final String raw;
    private final List<ApkToken> tokens;
    private final List<String> key;

    private ApkVersion(String raw, List<ApkToken> tokens) {
        this.raw = raw;
        this.tokens = List.copyOf(tokens);
        this.key = this.tokens.stream().map(ApkToken::canonicalKey).toList();
    }

    public static ApkVersion parse(String raw) throws InvalidVersionException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length() > MAX_LENGTH) {
            throw invalid(raw.substring(0, 40) + "...", "longer than " + MAX_LENGTH + " characters");
        }
        return new ApkVersion(raw, new Lexer(raw).tokens());
    }

    private static InvalidVersionException invalid(String raw, String reason) {
        return new InvalidVersionException("malformed apk version \"" + raw + "\": " + reason);
    }

    /** Reads the parts in grammar order; each part may only follow the parts before it in the grammar. */
    private static final class Lexer {
        private final String text;
        private final List<ApkToken> tokens = new ArrayList<>();
        private int pos;

        Lexer(String text) {
            this.text = text;
        }

        List<ApkToken> tokens() throws InvalidVersionException {
            if (text.isEmpty()) {
                throw invalid(text, "empty");
            }
            String first = run(ApkVersionChars::isDigit);
            if (first.isEmpty()) {
                throw invalid(text, "must start with a digit");
            }
            tokens.add(new ApkToken(Kind.INITIAL_NUMBER, first, null));
            while (pos < text.length()) {
                char c = text.charAt(pos);
                Kind last = tokens.get(tokens.size() - 1).kind();
                if (c == '.') {
                    require(last.compareTo(Kind.NUMBER) <= 0, "'.' after the numeric part");
                    pos++;
                    String digits = run(ApkVersionChars::isDigit);
                    require(!digits.isEmpty(), "no digits after '.'");
                    tokens.add(new ApkToken(Kind.NUMBER, digits, null));
                } else if (c >= 'a' && c <= 'z') {
                    require(last.compareTo(Kind.NUMBER) <= 0,
                        "letter '" + c + "' where only one letter right after the numbers is allowed");
                    pos++;
                    tokens.add(new ApkToken(Kind.LETTER, String.valueOf(c), null));
                } else if (ApkVersionChars.isDigit(c)) {
                    // Digit runs are read whole, so a digit here follows a letter or a suffix name.
                    require(last == Kind.SUFFIX, "digit after the letter (write '.' before further numbers)");
                    tokens.add(new ApkToken(Kind.SUFFIX_NUMBER, run(ApkVersionChars::isDigit), null));
                } else if (c == '_') {
                    require(last.compareTo(Kind.SUFFIX_NUMBER) <= 0, "'_' suffix after the commit hash or revision");
                    pos++;
                    String label = run(ch -> ch >= 'a' && ch <= 'z');
                    ApkSuffix suffix = ApkSuffix.ofLabel(label)
                        .orElseThrow(() -> invalid(text, "unknown suffix \"_" + label
                            + "\" (alpha, beta, pre, rc, cvs, svn, git, hg, p)"));
                    tokens.add(new ApkToken(Kind.SUFFIX, label, suffix));
                } else if (c == '~') {
                    require(last.compareTo(Kind.COMMIT_HASH) < 0, "second '~' or '~' after the revision");
                    pos++;
                    String hash = run(ApkVersionChars::isLowerHexDigit);
                    require(!hash.isEmpty(), "no lower-case hex digits after '~'");
                    tokens.add(new ApkToken(Kind.COMMIT_HASH, hash, null));
                } else if (c == '-') {
                    require(last.compareTo(Kind.REVISION) < 0, "second revision");
                    require(pos + 1 < text.length() && text.charAt(pos + 1) == 'r',
                        "'-' not followed by 'r' (the only hyphen allowed starts the revision, \"-r#\")");
                    pos += 2;
                    String digits = run(ApkVersionChars::isDigit);
                    require(!digits.isEmpty(), "no digits after \"-r\"");
                    tokens.add(new ApkToken(Kind.REVISION, digits, null));
                } else {
                    throw invalid(text, "invalid character " + ApkVersionChars.describe(c) + " at offset " + pos);
                }
            }
            return tokens;
        }

        private String run(ApkVersionChars.CharTest test) {
            int start = pos;
            while (pos < text.length() && test.accepts(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void require(boolean condition, String reason) throws InvalidVersionException {
            if (!condition) {
                throw invalid(text, reason + " at offset " + pos);
            }
        }
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public VersionScheme scheme() {
        return ApkScheme.INSTANCE;
    }

    /** The package build number of "-r#", empty when the version has none (which sorts before "-r0"). */
    public Optional<BigInteger> revision() {
        return tokens.stream().filter(t -> t.kind() == Kind.REVISION).findFirst()
            .map(t -> new BigInteger(t.text()));
    }

    /** The commit hash of "~hash", empty when the version has none. */
    public Optional<String> commitHash() {
        return tokens.stream().filter(t -> t.kind() == Kind.COMMIT_HASH).findFirst().map(ApkToken::text);
    }

    /** The suffixes in the order written. */
    public List<ApkSuffix> suffixes() {
        return tokens.stream().filter(t -> t.kind() == Kind.SUFFIX).map(ApkToken::suffix).toList();
    }

    @Override
    public int compareTo(Version other) {
        if (!(other instanceof ApkVersion that)) {
            throw new IllegalArgumentException("cannot order an apk version against a "
                + (other == null ? "null" : other.scheme().id()) + " version");
        }
        for (int i = 0; ; i++) {
            ApkToken a = i < tokens.size() ? tokens.get(i) : ApkToken.END;
            ApkToken b = i < that.tokens.size() ? that.tokens.get(i) : ApkToken.END;
            if (a.kind() != b.kind()) {
                return a.compareDifferentKind(b);
            }
            if (a.kind() == Kind.END) {
                return 0;
            }
            int order = a.compareSameKind(b);
            if (order != 0) {
                return order;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApkVersion that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}

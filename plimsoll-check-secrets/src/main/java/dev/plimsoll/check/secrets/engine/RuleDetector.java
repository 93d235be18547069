package dev.plimsoll.check.secrets.engine;

import dev.plimsoll.check.secrets.filter.Entropy;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.check.secrets.rules.SecretRule;
import dev.plimsoll.check.secrets.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A provider rule as a detector: its regex over the keyword windows, then the secret group, the entropy floor, the
 * validator, the rule's allowlist and the provider placeholder check ("…EXAMPLE", "xxxx").
 */
public final class RuleDetector implements Detector {
    /** How far a rule whose regex can cross lines (PEM blocks) may reach past its keyword. */
    static final int MULTILINE_SPAN = 16 * 1024;

    private final SecretRule rule;
    private final RuleInfo info;
    private final Optional<Validator> validator;
    private final int span;
    private final String requiredChars;

    public RuleDetector(SecretRule rule, Optional<Validator> validator) {
        this.rule = rule;
        this.info = new RuleInfo(rule.id(), rule.title(), rule.severity(), rule.references(), RuleInfo.PROVIDER);
        this.validator = validator;
        this.span = crossesLines(rule.regex().pattern(), rule.regex().flags()) ? MULTILINE_SPAN : 0;
        this.requiredChars = RequiredChars.of(rule.regex());
    }

    public SecretRule rule() {
        return rule;
    }

    /** Imported gitleaks rules may have no keywords: they then run on every text. */
    @Override
    public List<String> keywords() {
        return rule.keywords();
    }

    @Override
    public int span() {
        return rule.keywords().isEmpty() ? Integer.MAX_VALUE : span;
    }

    /** A multi-line rule's keyword may sit on any line of its match (see {@link Detector#reachBack()}). */
    @Override
    public int reachBack() {
        return span;
    }

    public boolean appliesTo(String path) {
        return rule.path().isEmpty() || rule.path().get().matcher(path).find();
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        for (int i = 0; i < requiredChars.length(); i++) {
            if (text.text().indexOf(requiredChars.charAt(i), from, to) < 0) {
                return;   // a match needs this character ('@' of a URL with a password): most windows lack it
            }
        }
        Matcher m = rule.regex().matcher(text.text());
        m.region(from, to);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            int g = rule.secretGroup();
            if (m.start(g) < 0) {
                continue;
            }
            String secret = m.group(g);
            String match = m.group();
            if (secret.isEmpty() || !accept(secret, match, text.line(m.start(g)), text.path())) {
                continue;
            }
            out.add(Candidate.of(info, m.start(g), m.end(g), secret, match));
        }
    }

    /** The rule's own checks on one match (package-visible for the per-rule tests). */
    boolean accept(String secret, String match, String line, String path) {
        if (rule.entropy().isPresent() && Entropy.shannon(secret) < rule.entropy().getAsDouble()) {
            return false;
        }
        if (validator.isPresent() && !validator.get().valid(secret)
                && (secret.equals(match) || !validator.get().valid(match))) {
            return false;
        }
        if (rule.allowlist().allows(path, secret, match, line)) {
            return false;
        }
        return !Values.isProviderPlaceholder(secret);
    }

    /**
     * Whether a regex is meant to cross line breaks: DOTALL, \n, \r, [\s\S]-style classes. A plain \s or [^"] is
     * taken to stay on the keyword's line: a value that runs on past the line end is not the value. A \n or \r
     * inside a negated class ({@code [^;"'\r\n]}) says the opposite - the match stops at the line end - so negated
     * classes are left out of the test; counting them gave such a rule a 16 KiB window each side of every keyword,
     * and its regex then ran over whole files.
     */
    static boolean crossesLines(String pattern, int flags) {
        String p = NEGATED_CLASS.matcher(pattern).replaceAll("");
        return (flags & java.util.regex.Pattern.DOTALL) != 0 || p.contains("(?s") || p.contains("\\n")
                || p.contains("\\r") || p.contains("\\s\\S") || p.contains("\\S\\s") || p.contains("[\\w\\W]")
                || p.contains("[\\d\\D]") || REPEATED_SPACE_CLASS.matcher(p).find();
    }

    /** A negated character class ({@code [^;"'\r\n]}): what it names is what a match cannot hold. */
    private static final java.util.regex.Pattern NEGATED_CLASS = java.util.regex.Pattern.compile(
            "(?<!\\\\)\\[\\^(?:\\\\.|[^\\]\\\\])*]");

    /**
     * A (non-negated) character class holding {@code \s}, repeated without a small bound: a PEM body
     * {@code [A-Za-z0-9+/=\s]{64,16384}} runs over many lines; {@code [\s:]} or {@code [_\s-]?} stays on one.
     */
    private static final java.util.regex.Pattern REPEATED_SPACE_CLASS = java.util.regex.Pattern.compile(
            "(?<!\\\\)\\[(?!\\^)(?:\\\\.|[^\\]\\\\])*\\\\s(?:\\\\.|[^\\]\\\\])*](?:[*+]|\\{\\d*,(?:\\d{3,})?})");
}

package dev.plimsoll.check.secrets;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.Engine;
import dev.plimsoll.check.secrets.engine.RuleDetector;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.generic.GenericDetectors;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secret scanner: give it a file's bytes (or a stream, or a piece of text such as an image's {@code Env} entry)
 * and get {@link SecretMatch}es, or the reason the file was skipped. Immutable and thread-safe: build one and share
 * it across the threads that scan files in parallel.
 *
 * <pre>{@code
 * SecretScanner scanner = SecretScanner.builder().rules(RuleSet.builtin()).build();
 * ScanOutcome out = scanner.scan("app/.env", Files.readAllBytes(file));
 * for (SecretMatch m : out.matches()) {
 *     System.out.println(m.ruleId() + " " + m.line() + ":" + m.column() + " " + m.display());
 * }
 * }</pre>
 *
 * <p>Cost: most files hold no keyword and take one Aho-Corasick pass over their bytes, without decoding. Files with
 * keywords are decoded (UTF-8) and each detector with a hit runs on the lines around its hits only. Inputs larger
 * than {@link ScanLimits#chunkBytes()} are streamed in overlapping chunks cut at line ends; a match that starts in
 * the overlap belongs to the next chunk, so each is reported once.
 */
public final class SecretScanner {
    private final Engine engine;
    private final SecretHasher hasher;
    private final ScanLimits limits;

    private SecretScanner(Engine engine, SecretHasher hasher, ScanLimits limits) {
        this.engine = engine;
        this.hasher = hasher;
        this.limits = limits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The catalogue rules, the generic detectors, the default hash key and limits. */
    public static SecretScanner withDefaults() {
        return builder().build();
    }

    /** Scans one file's content; {@code path} is used for messages, path allowlists and code/config decisions. */
    public ScanOutcome scan(String path, byte[] content) {
        Optional<ScanOutcome.Skipped> skip = ContentSniffer.sniff(path, content, content.length, content.length,
                limits);
        if (skip.isPresent()) {
            return skip.get();
        }
        if (ContentSniffer.utf16(content, content.length)) {
            return new ScanOutcome.Scanned(scanText(path, new String(content, StandardCharsets.UTF_16)));
        }
        if (content.length <= limits.chunkBytes()) {
            List<SecretMatch> out = new ArrayList<>();
            chunk(path, content, content.length, content.length, 1, out);
            if (out.isEmpty()) {
                out.addAll(namedValueFile(path, content));
            }
            return new ScanOutcome.Scanned(out);
        }
        try {
            return scan(path, new java.io.ByteArrayInputStream(content), content.length);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
    }

    /** File names that name a credential: the file's one value is then that credential (".aws-secret", "api_token"). */
    private static final java.util.regex.Pattern CREDENTIAL_FILE_NAME = java.util.regex.Pattern.compile(
            "(?i).*(secret|passw|token|api[-_.]?key|credential|private[-_.]?key|access[-_.]?key).*");
    private static final int NAMED_VALUE_MAX = 1024;

    /**
     * A file that holds one bare value and whose name says what it is ({@code .aws-secret}, {@code db_password}) has
     * no key in its content for the assignment detectors to judge: its name is the key. It is judged as the
     * assignment {@code NAME=VALUE} would be, so the same placeholder, reference and entropy filters apply.
     */
    private List<SecretMatch> namedValueFile(String path, byte[] content) {
        if (content.length > NAMED_VALUE_MAX) {
            return List.of();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!CREDENTIAL_FILE_NAME.matcher(name).matches()) {
            return List.of();
        }
        String value = new String(content, StandardCharsets.UTF_8).strip();
        if (value.length() < 8 || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            return List.of();
        }
        String key = name.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String prefix = key + "=";
        int valueColumn = new String(content, StandardCharsets.UTF_8).indexOf(value.charAt(0)) + 1;
        List<SecretMatch> out = new ArrayList<>();
        for (SecretMatch m : scanText(path, prefix + value)) {
            out.add(new SecretMatch(m.ruleId(), m.title(), m.severity(), 1,
                    Math.max(1, m.column() - prefix.length() + valueColumn - 1), m.length(), m.masked(),
                    m.keyedHash(), m.references(), Optional.of("the file's name says what its value is")));
        }
        return out;
    }

    /**
     * Scans a stream in overlapping chunks (memory stays at about one chunk).
     *
     * @param size the size when known, else -1 (the sniffer then judges from the first chunk)
     */
    public ScanOutcome scan(String path, InputStream in, long size) throws IOException {
        byte[] buf = new byte[limits.chunkBytes()];
        int n = in.readNBytes(buf, 0, buf.length);
        boolean eof = n < buf.length;
        Optional<ScanOutcome.Skipped> skip = ContentSniffer.sniff(path, buf, n, size, limits);
        if (skip.isPresent()) {
            return skip.get();
        }
        if (ContentSniffer.utf16(buf, n)) {
            byte[] all = concat(buf, n, in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limits.maxBytes())));
            return new ScanOutcome.Scanned(scanText(path, new String(all, StandardCharsets.UTF_16)));
        }
        List<SecretMatch> out = new ArrayList<>();
        int line = 1;
        long total = n;
        while (true) {
            int end;
            int owned;
            if (eof) {
                end = n;
                owned = n;
            } else {
                end = lastNewline(buf, 0, n) + 1;
                if (end <= 0) {
                    end = utf8Boundary(buf, n);
                }
                owned = lastNewline(buf, 0, end - limits.overlapBytes()) + 1;
                if (owned <= 0) {
                    owned = utf8Boundary(buf, end - limits.overlapBytes());
                }
            }
            chunk(path, buf, end, owned, line, out);
            if (eof) {
                break;
            }
            for (int i = 0; i < owned; i++) {
                if (buf[i] == '\n') {
                    line++;
                }
            }
            System.arraycopy(buf, owned, buf, 0, n - owned);
            n -= owned;
            int r = in.readNBytes(buf, n, buf.length - n);
            n += r;
            total += r;
            eof = n < buf.length;
            if (total > limits.maxBytes()) {
                return new ScanOutcome.Skipped(SkipReason.TOO_LARGE, "more than " + limits.maxBytes() + " bytes");
            }
        }
        return new ScanOutcome.Scanned(out);
    }

    /**
     * Scans a piece of text that is not a file (an image config's {@code Env} entry or label, a history
     * {@code created_by} line, a commit message): no sniffing, no chunking. {@code source} names it for path
     * allowlists and the code/config decision ("image config Env").
     */
    public List<SecretMatch> scanText(String source, String text) {
        List<SecretMatch> out = new ArrayList<>();
        List<Candidate> cs = engine.scan(new ScanText(text, source));
        toMatches(text, cs, text.length(), 1, out);
        return out;
    }

    private void chunk(String path, byte[] buf, int end, int owned, int firstLine, List<SecretMatch> out) {
        Engine.KeywordHits hits = engine.find(buf, 0, end);
        if (hits == null) {
            return;
        }
        String text;
        int ownedChars;
        if (owned == end) {
            text = new String(buf, 0, end, StandardCharsets.UTF_8);
            ownedChars = text.length();
        } else {
            String head = new String(buf, 0, owned, StandardCharsets.UTF_8);
            ownedChars = head.length();
            text = head + new String(buf, owned, end - owned, StandardCharsets.UTF_8);
        }
        // One char per byte (ASCII, or invalid bytes each replaced by one char): the byte hits are char positions.
        ScanText st = new ScanText(text, path);
        List<Candidate> cs = text.length() == end ? engine.scan(st, hits) : engine.scan(st);
        toMatches(text, cs, ownedChars, firstLine, out);
    }

    /** Candidates (by position) to matches with line and column; those starting at or after {@code limit} are not ours. */
    private void toMatches(String text, List<Candidate> cs, int limit, int firstLine, List<SecretMatch> out) {
        int line = firstLine;
        int lineStart = 0;
        int pos = 0;
        for (Candidate c : cs) {
            if (c.start() >= limit) {
                break;
            }
            for (; pos < c.start(); pos++) {
                if (text.charAt(pos) == '\n') {
                    line++;
                    lineStart = pos + 1;
                }
            }
            String secret = c.secret();
            out.add(new SecretMatch(c.rule().id(), c.rule().title(), c.rule().severity(), line,
                    c.start() - lineStart + 1, secret.length(), Masking.mask(secret), hasher.hash(secret),
                    c.rule().references(), Optional.ofNullable(c.note())));
        }
    }

    private static int lastNewline(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The largest index at or before {@code i} that does not split a UTF-8 sequence. */
    private static int utf8Boundary(byte[] b, int i) {
        int j = Math.max(1, i);
        while (j > 1 && (b[j] & 0xC0) == 0x80) {
            j--;
        }
        return j;
    }

    private static byte[] concat(byte[] a, int n, byte[] b) {
        byte[] all = new byte[n + b.length];
        System.arraycopy(a, 0, all, 0, n);
        System.arraycopy(b, 0, all, n, b.length);
        return all;
    }

    /** Configures a scanner; every setting has a default. */
    public static final class Builder {
        private RuleSet rules;
        private boolean generic = true;
        private byte[] hashKey = SecretHasher.DEFAULT_KEY;
        private ScanLimits limits = ScanLimits.DEFAULTS;

        private Builder() {
        }

        /** Provider rules, global allowlists and validators; default {@link RuleSet#builtin()}. */
        public Builder rules(RuleSet ruleSet) {
            this.rules = ruleSet;
            return this;
        }

        /** Whether the generic detectors (assignments, CLI flags, URLs, decoders) run; default true. */
        public Builder genericDetectors(boolean on) {
            this.generic = on;
            return this;
        }

        /** The HMAC key for {@link SecretMatch#keyedHash()}; default {@link SecretHasher#DEFAULT_KEY}. */
        public Builder hashKey(byte[] key) {
            this.hashKey = key.clone();
            return this;
        }

        public Builder limits(ScanLimits scanLimits) {
            this.limits = scanLimits;
            return this;
        }

        public SecretScanner build() {
            RuleSet rs = rules != null ? rules : RuleSet.builtin();
            List<Detector> detectors = new ArrayList<>();
            for (SecretRule r : rs.rules()) {
                detectors.add(new RuleDetector(r, r.validator().flatMap(v -> rs.validators().get(v))));
            }
            if (generic) {
                detectors.addAll(GenericDetectors.all());
            }
            return new SecretScanner(new Engine(detectors, rs.allowlists()), new SecretHasher(hashKey), limits);
        }
    }
}

package dev.plimsoll.check.secrets.engine;

/**
 * A secret a detector found, before the engine's common steps (nested scan of decoded content, inline allow
 * comments, global allowlists, overlap resolution). Engine-internal: it holds the raw secret, so it never leaves the
 * engine, and toString says nothing about it.
 *
 * @param start    where the secret (or the encoded value it was decoded from) starts in the scanned text
 * @param end      where it ends
 * @param secret   the raw secret: what is hashed and masked
 * @param match    the whole regex match (allowlists with regexTarget = match)
 * @param nested   decoded content to scan again (Kubernetes Secret data, Docker auths, escaped PEM), or null
 * @param fallback with {@code nested}: report this candidate itself when the nested scan finds nothing
 * @param note     how the secret was found when it is not plain text ("base64-decoded …"), or null
 */
public record Candidate(RuleInfo rule, int start, int end, String secret, String match, String nested,
                        boolean fallback, String note) {
    public static Candidate of(RuleInfo rule, int start, int end, String secret, String match) {
        return new Candidate(rule, start, end, secret, match, null, false, null);
    }

    public Candidate at(int newStart, int newEnd, String newNote) {
        return new Candidate(rule, newStart, newEnd, secret, match, null, false, newNote);
    }

    @Override
    public String toString() {
        return "Candidate[" + rule.id() + " " + start + ".." + end + "]";
    }
}

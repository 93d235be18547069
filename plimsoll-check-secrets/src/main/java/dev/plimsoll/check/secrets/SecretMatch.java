package dev.plimsoll.check.secrets;

import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One secret found: where, by which rule, in masked form and as a keyed hash. The raw secret is not here (nor in
 * toString), so a SecretMatch can go anywhere: reports, logs, baselines.
 *
 * @param line      1-based line of the secret's first character (of the encoded value, for decoded secrets)
 * @param column    1-based column, in characters
 * @param length    the secret's length in characters
 * @param masked    the first characters (4, fewer for short secrets) then '*' for the rest
 * @param keyedHash HMAC-SHA256 of the secret (UTF-8), lower-case hex, with the scanner's key ({@link SecretHasher})
 * @param note      how the secret was found when it was not plain text ("base64-decoded from Kubernetes Secret …")
 */
public record SecretMatch(String ruleId, String title, Severity severity, int line, int column, int length,
                          String masked, String keyedHash, List<String> references, Optional<String> note) {
    public SecretMatch {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(masked);
        Objects.requireNonNull(keyedHash);
        Objects.requireNonNull(note);
        references = List.copyOf(references);
    }

    /** The masked form with the length, as reports show it: "ghp_************************************ (40 chars)". */
    public String display() {
        return masked + " (" + length + " chars)";
    }
}

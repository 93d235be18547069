package dev.plimsoll.core.finding;

import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.inventory.Location;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret found in a file, a layer, the image config or history. The raw value is never kept: only a masked
 * form for people and a keyed hash of the value for fingerprints and baselines.
 *
 * @param maskedMatch  the match with the secret masked ("ghp_****************************abcd")
 * @param secretSha256 HMAC-SHA256 of the secret value (UTF-8) with the scanner's key, hex (plimsoll-check-secrets
 *                     SecretHasher); a plain SHA-256 of a short password would be reversible by dictionary
 * @param visibility   VISIBLE, or deleted/shadowed when the file is only in a lower layer
 * @param commit       the commit that added the secret, for findings in git history
 */
public record SecretFinding(RuleId ruleId, String title, Severity severity, Target target, Location where,
                            String maskedMatch, String secretSha256, Visibility visibility, List<URI> references,
                            Optional<CommitRef> commit)
        implements Finding {
    public SecretFinding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(target);
        Objects.requireNonNull(where);
        Objects.requireNonNull(maskedMatch);
        Objects.requireNonNull(secretSha256);
        Objects.requireNonNull(visibility);
        references = List.copyOf(references);
        Objects.requireNonNull(commit);
    }

    /** A finding in a file, a layer or the image config: no commit. */
    public SecretFinding(RuleId ruleId, String title, Severity severity, Target target, Location where,
                         String maskedMatch, String secretSha256, Visibility visibility, List<URI> references) {
        this(ruleId, title, severity, target, where, maskedMatch, secretSha256, visibility, references,
                Optional.empty());
    }

    /** This finding as added by {@code c}. */
    public SecretFinding withCommit(CommitRef c) {
        return new SecretFinding(ruleId, title, severity, target, where, maskedMatch, secretSha256, visibility,
                references, Optional.of(c));
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SECRET;
    }

    @Override
    public Optional<Location> location() {
        return Optional.of(where);
    }

    @Override
    public Optional<String> fix() {
        return Optional.of("remove the secret from " + where.path() + " and rotate it");
    }

    /**
     * Rule + file + keyed hash of the secret: not the line (a secret that moves keeps its baseline entry), not the
     * layer or commit (the same secret in the same file is one thing to rotate), not the target's name (a baseline
     * made from {@code plimsoll secrets .} serves {@code plimsoll secrets /abs/checkout} and {@code --git}), and
     * never the secret itself.
     */
    @Override
    public Fingerprint fingerprint() {
        return Fingerprint.of("secret", ruleId.value(), where.path(), secretSha256);
    }
}

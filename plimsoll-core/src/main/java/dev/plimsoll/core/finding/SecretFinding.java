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
 */
public record SecretFinding(RuleId ruleId, String title, Severity severity, Target target, Location where,
                            String maskedMatch, String secretSha256, Visibility visibility, List<URI> references)
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

    @Override
    public Fingerprint fingerprint() {
        return Fingerprint.of("secret", ruleId.value(), target.name(), where.path(), secretSha256);
    }
}

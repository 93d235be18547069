package dev.plimsoll.check.secrets;

import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link SecretMatch} into the core model's {@link SecretFinding}: the masked form with its length goes
 * into {@code maskedMatch}, the keyed hash into {@code secretSha256} (which holds the HMAC, see SecretFinding).
 */
public final class SecretFindings {
    private SecretFindings() {
    }

    /** A finding in a file (of a directory tree, or of a layer when {@code layer} is present). */
    public static SecretFinding toFinding(SecretMatch m, Target target, String path, Optional<LayerRef> layer,
                                          Visibility visibility) {
        Location where = new Location(path, layer, java.util.OptionalInt.empty()).atLineAndColumn(m.line(),
                m.column());
        return new SecretFinding(RuleId.of(m.ruleId()), m.title(), m.severity(), target, where, m.display(),
                m.keyedHash(), visibility, uris(m.references()));
    }

    /** A finding in something that is not a file ("image config Env", "history[3].created_by"): no line. */
    public static SecretFinding toFinding(SecretMatch m, Target target, String where) {
        return new SecretFinding(RuleId.of(m.ruleId()), m.title(), m.severity(), target, Location.of(where),
                m.display(), m.keyedHash(), Visibility.VISIBLE, uris(m.references()));
    }

    private static List<URI> uris(List<String> refs) {
        List<URI> out = new ArrayList<>();
        for (String r : refs) {
            try {
                out.add(URI.create(r));
            } catch (IllegalArgumentException e) {
                // a malformed reference in a rule file is not worth failing a scan for
            }
        }
        return out;
    }
}

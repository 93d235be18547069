package dev.plimsoll.engine.audit;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.image.ImageAuditFacts;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.check.secrets.scan.ImageConfigSecrets;
import dev.plimsoll.core.error.PlimsollException;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.fs.InterestIndex;
import dev.plimsoll.fs.SquashWalker;
import dev.plimsoll.fs.SquashedView;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Builds the CIS section 4 facts of an image with the scan's own readers: the image sources of plimsoll-image, the
 * squashed view of plimsoll-fs (metadata only: no file content is read, so the walk costs one pass over the layer
 * headers) and the secret scanner's config scan. It lives here, where image reading is wired, so plimsoll-check-cis
 * keeps depending on the core alone.
 */
public final class ImageAuditCollector {
    private final ImageOpener opener;
    private final WalkLimits limits;
    private final SecretScanner secrets;

    public ImageAuditCollector(ImageOpener opener, WalkLimits limits, SecretScanner secrets) {
        this.opener = Objects.requireNonNull(opener);
        this.limits = Objects.requireNonNull(limits);
        this.secrets = Objects.requireNonNull(secrets);
    }

    /** The default readers and the built-in secret rules. */
    public static ImageAuditCollector standard() {
        return new ImageAuditCollector(new ImageOpener(), WalkLimits.defaults(), SecretScanner.withDefaults());
    }

    /**
     * The facts of one image. An image that cannot be opened or read (missing, malformed, a layer failing
     * verification) is a problem naming it, so other targets are still audited; entries the walk skipped (unsafe
     * names, unsupported types) are problems alongside the facts, since the setuid list may miss them.
     */
    public Loaded<ImageAuditFacts> collect(ImageSource source, Platform platform) {
        String name = source.displayName();
        try (Image image = opener.open(source, platform);
             SquashedView view = new SquashWalker(limits).walk(image, InterestIndex.compile(List.of()),
                     (entry, wanted) -> { })) {
            ImageAuditFacts facts = ImageAuditFacts.of(name, image.config(), view.files(),
                    ImageConfigSecrets.scan(secrets, new Target(Target.Kind.IMAGE, name), image.config()));
            List<InputProblem> problems = view.problems().stream()
                    .map(p -> new InputProblem(name, p.path().orElse(""), p.message()))
                    .toList();
            return new Loaded<>(List.of(facts), problems);
        } catch (PlimsollException | IOException e) {
            return Loaded.failed(new InputProblem(name, "", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
    }
}

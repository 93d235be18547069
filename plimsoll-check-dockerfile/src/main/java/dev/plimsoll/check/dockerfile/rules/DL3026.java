package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.Mount;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Images may only come from trusted registries (hadolint's {@code trustedRegistries}): the base of each FROM, and
 * the image of {@code COPY --from=<image>} and {@code RUN --mount=type=cache|bind,from=<image>}. An entry matches
 * a registry exactly, {@code *} matches every registry, {@code *.example.com} by suffix and {@code example.*} by
 * prefix. An image without a registry is from Docker Hub: it passes when {@code docker.io} or
 * {@code hub.docker.com} is trusted ({@code scratch} always does). References to earlier stages pass; an image
 * whose registry is an unknown variable is not judged. Inactive without configuration.
 */
public final class DL3026 implements DockerfileRule {
    @Override
    public String id() {
        return "DL3026";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<String> trusted = context.config().trustedRegistries();
        if (trusted.isEmpty()) {
            return;
        }
        Dockerfile dockerfile = context.dockerfile();
        for (Stage stage : dockerfile.stages()) {
            if (stage.isBasedOnStage()) {
                continue;
            }
            String raw = stage.baseImageRaw();
            Expansion expanded = stage.baseImage();
            if (!expanded.isExact() && firstComponent(raw).indexOf('$') >= 0) {
                continue;
            }
            String image = expanded.isExact() ? expanded.value() : raw;
            untrusted(image, trusted).ifPresent(reason -> out.report(stage.from(),
                    "FROM " + image + ": " + reason, image));
        }
        for (Instruction instruction : dockerfile.instructions()) {
            if (instruction instanceof CopyInstruction copy && copy.from().isPresent()) {
                Optional<String> image = imageReference(dockerfile, copy, copy.from().get());
                if (image.isPresent()) {
                    untrusted(image.get(), trusted).ifPresent(reason -> out.report(copy,
                            "COPY --from=" + image.get() + ": " + reason, image.get()));
                }
            } else if (instruction instanceof RunInstruction run) {
                List<String> images = new ArrayList<>();
                List<String> reasons = new ArrayList<>();
                for (Mount mount : run.mounts()) {
                    if ((mount.type().equals("cache") || mount.type().equals("bind")) && mount.from().isPresent()) {
                        Optional<String> image = imageReference(dockerfile, run, mount.from().get());
                        if (image.isPresent()) {
                            Optional<String> reason = untrusted(image.get(), trusted);
                            if (reason.isPresent()) {
                                images.add(image.get());
                                reasons.add(reason.get());
                            }
                        }
                    }
                }
                if (!images.isEmpty()) {
                    out.report(run, "RUN --mount from=" + images.get(0) + ": " + reasons.get(0)
                            + (images.size() > 1 ? " (and " + (images.size() - 1) + " more)" : ""),
                            String.join(" ", images));
                }
            }
        }
    }

    /** The image a {@code from} value names, or empty when it names an earlier stage or is not known. */
    private static Optional<String> imageReference(Dockerfile dockerfile, Instruction at, String written) {
        Optional<String> reference = StageRefs.resolve(dockerfile, at, written);
        if (reference.isEmpty() || StageRefs.isIndex(reference.get())
                || StageRefs.namesStageUpTo(dockerfile, StageRefs.stageIndex(dockerfile, at), reference.get())) {
            return Optional.empty();
        }
        return reference;
    }

    /** Why the image is not allowed, or empty when it is. */
    static Optional<String> untrusted(String image, List<String> trusted) {
        Optional<String> registry = registry(image);
        if (registry.isPresent()) {
            return isTrusted(registry.get(), trusted) ? Optional.empty()
                    : Optional.of("registry " + registry.get() + " is not a trusted registry ("
                            + String.join(", ", trusted) + ")");
        }
        if (image.equalsIgnoreCase("scratch") || isTrusted("docker.io", trusted)
                || isTrusted("hub.docker.com", trusted)) {
            return Optional.empty();
        }
        return Optional.of("the image comes from Docker Hub, which is not a trusted registry ("
                + String.join(", ", trusted) + ")");
    }

    /** The registry of an image reference: its first component when that has a '.' or ':' or is localhost. */
    static Optional<String> registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String first = image.substring(0, slash);
        if (first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost")) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    private static String firstComponent(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? image : image.substring(0, slash);
    }

    static boolean isTrusted(String registry, List<String> trusted) {
        String name = registry.toLowerCase(Locale.ROOT);
        for (String entry : trusted) {
            String allow = entry.strip().toLowerCase(Locale.ROOT);
            if (allow.equals("*")
                    || (allow.startsWith("*") && name.endsWith(allow.substring(1)))
                    || (allow.endsWith("*") && name.startsWith(allow.substring(0, allow.length() - 1)))
                    || name.equals(allow)) {
                return true;
            }
        }
        return false;
    }
}

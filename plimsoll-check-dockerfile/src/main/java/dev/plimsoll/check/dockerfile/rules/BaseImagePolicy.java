package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import dev.plimsoll.core.image.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Base-image policy shared by the FROM rules of Plimsoll: the image a stage is built from, normalised as Docker does
 * ({@link ImageReference}), trusted-registry matching (DL3026's forms) and minimal-image globs.
 */
final class BaseImagePolicy {
    /** Minimal runtime images when {@code plimsoll.minimalBaseImages} is not set. */
    static final List<String> DEFAULT_MINIMAL = List.of("scratch", "gcr.io/distroless/*", "cgr.dev/chainguard/*",
            "*-slim", "*-slim-*", "*-alpine", "*-alpine*", "alpine", "busybox", "*-minimal", "ubi*-micro",
            "ubi*-minimal", "*distroless*", "cgr.dev/*", "chainguard/*", "busybox*", "minideb", "nanoserver");

    /**
     * A stage's base image as it would be pulled: {@code written} is the FROM word, {@code image} its value with the
     * global ARG defaults substituted.
     */
    record BaseImage(Stage stage, String written, String image, ImageReference reference) {
        boolean fromArg() {
            return written.contains("$");
        }

        /** The image as the message shows it: {@code ${BASE} (= debian:12)} for ARG-built references. */
        String describe() {
            return fromArg() ? written + " (= " + image + ")" : written;
        }
    }

    private BaseImagePolicy() {
    }

    /**
     * The image a stage pulls; empty for {@code scratch}, an earlier stage, an image word whose ARGs have no
     * default (unknown until build time) and references Docker would reject (other rules report those).
     */
    static Optional<BaseImage> of(Stage stage) {
        if (stage.isScratch() || stage.isBasedOnStage()) {
            return Optional.empty();
        }
        String written = stage.baseImageRaw();
        String image = written;
        if (written.contains("$")) {
            Expansion e = stage.baseImage();
            if (!e.isExact() || e.value().isEmpty()) {
                return Optional.empty();
            }
            image = e.value();
        }
        image = ImageRefs.unquote(image);
        if (image.equalsIgnoreCase("scratch")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BaseImage(stage, written, image, ImageReference.parse(image)));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** {@code plimsoll.trustedRegistries}, or hadolint's {@code trustedRegistries} when that is not set. */
    static List<String> trustedRegistries(LintContext context) {
        List<String> own = context.settings().strings("trustedRegistries");
        return own.isEmpty() ? context.config().trustedRegistries() : own;
    }

    /** DL3026's matching: exact, {@code *}, {@code *.suffix}, {@code prefix*}; Docker Hub as docker.io. */
    static boolean trusted(ImageReference ref, List<String> registries) {
        String registry = ref.registry().toLowerCase(Locale.ROOT);
        boolean hub = registry.equals(ImageReference.DOCKER_HUB);
        for (String entry : registries) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.equals("*") || e.equals(registry)
                    || (hub && (e.equals("hub.docker.com") || e.equals("index.docker.io") || e.equals("docker.io")))
                    || (e.startsWith("*") && registry.endsWith(e.substring(1)))
                    || (e.endsWith("*") && registry.startsWith(e.substring(0, e.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an image matches one of the globs. A glob with a slash is matched against the name ({@code
     * gcr.io/distroless/*}, {@code docker.io/library/alpine}); one without against the last path component, its tag,
     * and {@code component:tag} ({@code alpine}, {@code *-slim}, {@code ubi*-minimal}).
     */
    static boolean matchesAny(ImageReference ref, List<String> globs) {
        String familiarName = familiarName(ref);
        String last = ref.repository().substring(ref.repository().lastIndexOf('/') + 1);
        String tag = ref.tag().orElse("");
        String[] named = tag.isEmpty() ? new String[] {familiarName, ref.name()}
                : new String[] {familiarName, ref.name(), familiarName + ":" + tag, ref.name() + ":" + tag};
        String[] unnamed = tag.isEmpty() ? new String[] {last} : new String[] {last, tag, last + ":" + tag};
        for (String glob : globs) {
            String g = glob.strip();
            for (String form : g.indexOf('/') >= 0 ? named : unnamed) {
                if (PolicyGlobs.matches(g, form)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code python} for docker.io/library/python, {@code bitnami/redis}, {@code quay.io/org/app}. */
    static String familiarName(ImageReference ref) {
        if (ref.registry().equals(ImageReference.DOCKER_HUB)) {
            return ref.repository().startsWith("library/") ? ref.repository().substring("library/".length())
                    : ref.repository();
        }
        return ref.name();
    }
}

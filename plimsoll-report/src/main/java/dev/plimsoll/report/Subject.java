package dev.plimsoll.report;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURLBuilder;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.scan.ScanResult;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report is about, as SBOMs name their root: a container image, or a filesystem (a root filesystem directory,
 * or anything scanned without an image).
 *
 * @param image   true for an image (CycloneDX "container", SPDX CONTAINER), false for a filesystem
 * @param name    the user's name for the target
 * @param version the manifest digest, else the tag of the first repo tag, when known
 * @param purl    {@code pkg:oci/NAME@DIGEST?...} when both a manifest digest and a repository name are known
 */
record Subject(boolean image, String name, Optional<String> version, Optional<String> purl) {

    static Subject of(ScanResult scan) {
        Target target = scan.target();
        Optional<ImageSummary> summary = scan.inventory().image();
        boolean isImage = target.kind() == Target.Kind.IMAGE && summary.isPresent();
        if (!isImage) {
            return new Subject(false, target.name(), Optional.empty(), Optional.empty());
        }
        ImageSummary s = summary.get();
        // Plain conditionals, not Optional lambdas: each lambda costs a fresh JVM a class to spin and link.
        Reference ref = s.repoTags().isEmpty() ? null : Reference.parse(s.repoTags().get(0));
        Optional<Digest> digest = s.manifestDigest();
        Optional<String> version = Optional.empty();
        if (digest.isPresent()) {
            version = Optional.of(digest.get().toString());
        } else if (ref != null) {
            version = ref.tag();
        }
        Optional<String> purl = Optional.empty();
        if (digest.isPresent() && ref != null) {
            purl = Optional.of(ociPurl(ref, digest.get(), s));
        }
        return new Subject(true, target.name(), version, purl);
    }

    /**
     * The purl-spec "oci" type: the name is the last path segment of the repository, the version the manifest digest,
     * and the full repository goes in {@code repository_url}, Docker Hub names expanded the way the Docker CLI does
     * (as Trivy writes them).
     */
    private static String ociPurl(Reference ref, Digest digest, ImageSummary s) {
        try {
            PackageURLBuilder b = PackageURLBuilder.aPackageURL().withType("oci")
                    .withName(ref.lastSegment().toLowerCase(Locale.ROOT))
                    .withVersion(digest.toString())
                    .withQualifier("arch", s.platform().architecture())
                    .withQualifier("repository_url", ref.repositoryUrl());
            if (ref.tag().isPresent()) {
                b.withQualifier("tag", ref.tag().get());
            }
            return b.build().canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("cannot build a package URL for image " + s.name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A repo tag split into repository and tag: "registry:5000/team/app:1.2" is repository + "1.2". */
    record Reference(String repository, Optional<String> tag) {
        static Reference parse(String repoTag) {
            String ref = repoTag;
            int at = ref.indexOf('@');
            if (at >= 0) {
                ref = ref.substring(0, at);
            }
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            if (colon > slash) {
                return new Reference(ref.substring(0, colon), Optional.of(ref.substring(colon + 1)));
            }
            return new Reference(ref, Optional.empty());
        }

        String lastSegment() {
            return repository.substring(repository.lastIndexOf('/') + 1);
        }

        /** The repository with its registry: a first segment without '.' or ':' (and not localhost) is Docker Hub. */
        String repositoryUrl() {
            int slash = repository.indexOf('/');
            String first = slash < 0 ? "" : repository.substring(0, slash);
            boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
            if (hasRegistry) {
                return repository;
            }
            return "index.docker.io/" + (slash < 0 ? "library/" : "") + repository;
        }
    }
}

package dev.plimsoll.core.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What names an image to scan: a value, so it can be stored and printed. Opening it is the image module's job.
 * The argument forms follow skopeo's transports: {@code docker-archive:PATH[:REF]}, {@code oci:DIR[:REF]},
 * {@code oci-archive:PATH[:REF]}, {@code dir:DIR} (a root filesystem); without a prefix the kind is detected from
 * the path (a directory with {@code oci-layout} is an OCI layout, any other directory a root filesystem, a file is
 * a docker-archive or an oci-archive, told apart when the file is opened). An image in a registry is named by a
 * Docker reference ({@code nginx:1.27}, {@code localhost:5000/team/app@sha256:…}), with or without skopeo's
 * {@code docker://} prefix; without it, an argument that exists on disk or looks like a file name is a file.
 */
public sealed interface ImageSource permits ImageSource.DockerArchive, ImageSource.OciLayout,
        ImageSource.OciArchive, ImageSource.RootfsDir, ImageSource.ArchiveFile, ImageSource.RegistryImage {

    /** The user's words for the image, as reports show it. */
    String displayName();

    /** A docker save tarball (plain, gzip or zstd): classic manifest.json layout or Docker 25+ OCI layout. */
    record DockerArchive(Path path, Optional<String> reference) implements ImageSource {
        public DockerArchive {
            Objects.requireNonNull(path);
            Objects.requireNonNull(reference);
        }

        @Override
        public String displayName() {
            return path + reference.map(r -> ":" + r).orElse("");
        }
    }

    /** An OCI image layout directory; {@code reference} selects a manifest by its ref name annotation. */
    record OciLayout(Path path, Optional<String> reference) implements ImageSource {
        public OciLayout {
            Objects.requireNonNull(path);
            Objects.requireNonNull(reference);
        }

        @Override
        public String displayName() {
            return path + reference.map(r -> ":" + r).orElse("");
        }
    }

    /** An OCI image layout packed in a tar (plain, gzip or zstd). */
    record OciArchive(Path path, Optional<String> reference) implements ImageSource {
        public OciArchive {
            Objects.requireNonNull(path);
            Objects.requireNonNull(reference);
        }

        @Override
        public String displayName() {
            return path + reference.map(r -> ":" + r).orElse("");
        }
    }

    /** An archive file whose layout (docker-archive or oci-archive) is decided by reading it. */
    record ArchiveFile(Path path, Optional<String> reference) implements ImageSource {
        public ArchiveFile {
            Objects.requireNonNull(path);
            Objects.requireNonNull(reference);
        }

        @Override
        public String displayName() {
            return path + reference.map(r -> ":" + r).orElse("");
        }
    }

    /** An unpacked root filesystem. */
    record RootfsDir(Path path) implements ImageSource {
        public RootfsDir {
            Objects.requireNonNull(path);
        }

        @Override
        public String displayName() {
            return path.toString();
        }
    }

    /** An image in a Docker Registry HTTP API V2 / OCI distribution registry. */
    record RegistryImage(ImageReference reference) implements ImageSource {
        public RegistryImage {
            Objects.requireNonNull(reference);
        }

        @Override
        public String displayName() {
            return reference.familiar();
        }
    }

    /**
     * Parses a command-line argument. An explicit prefix decides the kind; otherwise the file system does. A
     * trailing {@code :REF} is split off only with an explicit prefix, and only when the part before it exists
     * (paths may contain colons).
     */
    static ImageSource parse(String arg) {
        Objects.requireNonNull(arg, "image argument");
        if (arg.isBlank()) {
            throw new IllegalArgumentException("empty image argument");
        }
        int colon = arg.indexOf(':');
        if (colon > 0) {
            String prefix = arg.substring(0, colon);
            String rest = arg.substring(colon + 1);
            switch (prefix) {
                case "docker-archive" -> {
                    PathAndRef p = splitRef(rest);
                    return new DockerArchive(p.path, p.ref);
                }
                case "oci" -> {
                    PathAndRef p = splitRef(rest);
                    return new OciLayout(p.path, p.ref);
                }
                case "oci-archive" -> {
                    PathAndRef p = splitRef(rest);
                    return new OciArchive(p.path, p.ref);
                }
                case "dir", "rootfs" -> {
                    return new RootfsDir(Path.of(rest));
                }
                case "docker", "registry" -> {
                    return new RegistryImage(ImageReference.parse(rest.startsWith("//") ? rest.substring(2) : rest));
                }
                default -> {
                    // not a transport prefix: a path that contains a colon
                }
            }
        }
        if (!Files.exists(Path.of(arg)) && !looksLikeAFile(arg)) {
            try {
                return new RegistryImage(ImageReference.parse(arg));
            } catch (ImageReference.InvalidReferenceException notAReference) {
                // not a reference either: a missing file, reported as such when it is opened
            }
        }
        Path path = Path.of(arg);
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve("oci-layout"))
                    ? new OciLayout(path, Optional.empty())
                    : new RootfsDir(path);
        }
        return new ArchiveFile(path, Optional.empty());
    }

    /** Paths that cannot be meant as references: relative or absolute path syntax, or an archive's extension. */
    private static boolean looksLikeAFile(String arg) {
        String lower = arg.toLowerCase(java.util.Locale.ROOT);
        return arg.startsWith("/") || arg.startsWith("./") || arg.startsWith("../") || arg.startsWith("~")
                || arg.contains("\\") || lower.matches(".*\\.(tar|tgz|gz|zst|zstd|oci)(:[^/]*)?");
    }

    private static PathAndRef splitRef(String rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("missing path after the transport prefix");
        }
        int last = rest.lastIndexOf(':');
        if (last > 0 && !Files.exists(Path.of(rest))) {
            String candidate = rest.substring(0, last);
            // "name:tag" references have a colon themselves: try the first colon as well
            int first = rest.indexOf(':');
            if (first > 0 && first != last && Files.exists(Path.of(rest.substring(0, first)))) {
                return new PathAndRef(Path.of(rest.substring(0, first)), Optional.of(rest.substring(first + 1)));
            }
            if (Files.exists(Path.of(candidate))) {
                return new PathAndRef(Path.of(candidate), Optional.of(rest.substring(last + 1)));
            }
        }
        return new PathAndRef(Path.of(rest), Optional.empty());
    }

    record PathAndRef(Path path, Optional<String> ref) {
    }
}

package dev.plimsoll.image;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.UsageException;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.archive.ArchiveEntries;
import dev.plimsoll.image.dockerarchive.DockerArchiveReader;
import dev.plimsoll.image.engine.EngineImages;
import dev.plimsoll.image.engine.ReferenceSources;
import dev.plimsoll.image.json.JsonDocuments;
import dev.plimsoll.image.oci.ArchivedLayout;
import dev.plimsoll.image.oci.LayoutDirectory;
import dev.plimsoll.image.oci.OciResolver;
import dev.plimsoll.image.registry.RegistryImages;
import dev.plimsoll.image.registry.RegistrySettings;
import dev.plimsoll.image.rootfs.RootfsImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens any {@link ImageSource} as an {@link Image}. Thread-safe; one opener serves many opens.
 * <p>
 * An archive whose kind is not stated is a docker-archive when it has a manifest.json (the classic layout and
 * Docker 25+'s, which also carries an OCI layout: manifest.json is docker save's contract and records the tags),
 * otherwise an oci-archive when it has oci-layout and index.json.
 * <p>
 * An image named by reference is looked for in the {@link ReferenceSources} in order: local engines (through their
 * API socket) and the registry; by default the registry alone.
 */
public final class ImageOpener {
    private final ImageLimits limits;
    private final JsonDocuments json;
    private final DockerArchiveReader dockerArchives;
    private final RegistryImages registries;
    private final ReferenceSources referenceSources;
    private final EngineImages engines;

    public ImageOpener() {
        this(ImageLimits.DEFAULTS);
    }

    /** Registries reached anonymously, with verified TLS. */
    public ImageOpener(ImageLimits limits) {
        this(limits, RegistrySettings.defaults());
    }

    public ImageOpener(ImageLimits limits, RegistrySettings registry) {
        this(limits, registry, ReferenceSources.REGISTRY_ONLY);
    }

    public ImageOpener(ImageLimits limits, RegistrySettings registry, ReferenceSources referenceSources) {
        this.limits = Objects.requireNonNull(limits);
        this.json = new JsonDocuments(limits.maxDocumentBytes());
        this.dockerArchives = new DockerArchiveReader(json, limits);
        this.registries = new RegistryImages(registry, limits, json);
        this.referenceSources = Objects.requireNonNull(referenceSources);
        this.engines = new EngineImages(limits, dockerArchives, EngineImages.DEFAULT_TIMEOUT,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param platform the platform to pick when the source offers several (an index); a source with a single
     *                 image yields it whatever its platform, and its summary says which
     * @throws UsageException when the path does not exist or cannot be read
     * @throws ImageException when the image is malformed, corrupt, or ambiguous
     * @throws dev.plimsoll.core.error.RegistryException when a registry refuses or fails
     */
    public Image open(ImageSource source, Platform platform) throws ImageException {
        Objects.requireNonNull(platform);
        String name = source.displayName();
        return switch (source) {
            case ImageSource.DockerArchive s -> openArchive(s.path(), name, s.reference(), platform, Kind.DOCKER);
            case ImageSource.OciArchive s -> openArchive(s.path(), name, s.reference(), platform, Kind.OCI);
            case ImageSource.ArchiveFile s -> openArchive(s.path(), name, s.reference(), platform, Kind.DETECT);
            case ImageSource.OciLayout s -> {
                requireDirectory(s.path());
                yield new OciResolver(json, limits, name, LayoutDirectory.open(name, s.path()))
                        .open(s.reference(), platform, "oci", () -> { });
            }
            case ImageSource.RootfsDir s -> {
                requireDirectory(s.path());
                yield new RootfsImage(s.path(), name, platform);
            }
            case ImageSource.RegistryImage s -> openReference(s, platform);
        };
    }

    private Image openReference(ImageSource.RegistryImage source, Platform platform) {
        for (ReferenceSources.Source where : referenceSources.order()) {
            switch (where) {
                case ReferenceSources.Registry r -> {
                    return registries.open(source, platform);
                }
                case ReferenceSources.LocalEngine engine -> {
                    Optional<Image> image = engines.open(engine, source.reference(), source.displayName(),
                            referenceSources.platform(), referenceSources.notes());
                    if (image.isPresent()) {
                        return image.get();
                    }
                }
            }
        }
        throw new ImageException(source.displayName(), "no such image in " + referenceSources.names()
                + " (the image sources asked; the registry is asked when they include remote)");
    }

    private enum Kind { DOCKER, OCI, DETECT }

    private Image openArchive(Path path, String name, Optional<String> reference, Platform platform, Kind kind) {
        requireFile(path);
        ArchiveEntries entries = ArchiveEntries.open(path, name, limits);
        try {
            boolean docker = switch (kind) {
                case DOCKER -> true;
                case OCI -> false;
                case DETECT -> detectDocker(entries, name);
            };
            return docker
                    ? dockerArchives.read(entries, name, reference)
                    : new OciResolver(json, limits, name, new ArchivedLayout(path.toString(), entries))
                            .open(reference, platform, "oci-archive", entries);
        } catch (RuntimeException e) {
            closeQuietly(entries, e);
            throw e;
        }
    }

    private static boolean detectDocker(ArchiveEntries entries, String name) {
        if (DockerArchiveReader.recognises(entries)) {
            return true;
        }
        if (entries.contains("oci-layout") && entries.contains("index.json")) {
            return false;
        }
        throw new ImageException(name, "neither a docker-archive (no manifest.json) nor an OCI archive"
                + " (no oci-layout and index.json)");
    }

    private static void requireFile(Path path) {
        if (!Files.exists(path)) {
            throw new UsageException("no such file: " + path);
        }
        if (Files.isDirectory(path)) {
            throw new UsageException(path + " is a directory, not an image archive");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("cannot read " + path + ": permission denied");
        }
    }

    private static void requireDirectory(Path path) {
        if (!Files.exists(path)) {
            throw new UsageException("no such directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(path + " is not a directory");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException("cannot read " + path + ": permission denied");
        }
    }

    private static void closeQuietly(ArchiveEntries entries, RuntimeException failure) {
        try {
            entries.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

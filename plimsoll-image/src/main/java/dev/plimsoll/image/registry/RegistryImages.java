package dev.plimsoll.image.registry;

import dev.plimsoll.core.image.ImageReference;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.ImageLimits;
import dev.plimsoll.image.json.JsonDocuments;
import dev.plimsoll.image.layer.BlobImage;
import dev.plimsoll.image.oci.Descriptor;
import dev.plimsoll.image.oci.OciResolver;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Opens images straight from a registry: no Docker engine, no pull to disk beyond the blobs a scan reads. */
public final class RegistryImages {
    private final RegistrySettings settings;
    private final ImageLimits limits;
    private final JsonDocuments json;

    public RegistryImages(RegistrySettings settings, ImageLimits limits, JsonDocuments json) {
        this.settings = Objects.requireNonNull(settings);
        this.limits = Objects.requireNonNull(limits);
        this.json = Objects.requireNonNull(json);
    }

    /** Sets up the HTTP and TLS stack ahead of a scan, off the network (see {@link RegistryTransport#warmUp}). */
    public static void warmUp() {
        RegistryTransport.warmUp();
    }

    /** Sets up plain HTTP and JSON reading ahead of a scan of an --insecure-registry host, off the network. */
    public static void warmUpPlainHttp() {
        RegistryTransport.warmUpPlainHttp();
    }

    public BlobImage open(ImageSource.RegistryImage source, Platform platform) {
        ImageReference ref = source.reference();
        String name = source.displayName();
        // one transport per image: tokens are scoped to its repository and live as long as the scan
        RegistryTransport transport = new RegistryTransport(settings);
        RegistryClient.Opened opened;
        try {
            opened = RegistryClient.open(transport, settings, ref, limits.maxDocumentBytes());
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
        BlobDownloads downloads = new BlobDownloads(opened.client(), name, settings, limits.maxLayerBytes());
        Runnable close = () -> {
            downloads.close();
            transport.close();
        };
        try {
            RegistryClient.Fetched m = opened.manifest();
            // the name reports show as the image's tag: pinned by digest alone, the reference itself
            String fullName = ref.tag().isEmpty() && ref.digest().isPresent() ? ref.canonical()
                    : ref.name() + ":" + ref.tag().orElse("latest");
            Descriptor root = new Descriptor(m.mediaType(), m.digest(), m.bytes().length, Optional.empty(),
                    Map.of(Descriptor.CONTAINERD_NAME, fullName));
            return new OciResolver(json, limits, name, new RegistryStore(opened.client(), downloads, m,
                    settings.documents(), settings.maxAttempts()))
                    .openDescriptor(root, platform, "registry", close::run);
        } catch (RuntimeException e) {
            close.run();
            throw e;
        }
    }
}

package dev.plimsoll.core.error;

import java.util.Optional;

/** The image cannot be read safely or correctly: missing or corrupt blobs, bad manifests, hostile archives. */
public final class ImageException extends PlimsollException {
    private static final long serialVersionUID = 1L;
    private final String image;
    private final String layer;
    private final String entry;
    private final String reason;

    public ImageException(String image, String layer, String entry, String reason, Throwable cause) {
        super(compose(image, layer, entry, reason), cause);
        this.image = image;
        this.layer = layer;
        this.entry = entry;
        this.reason = reason;
    }

    public ImageException(String image, String reason) {
        this(image, null, null, reason, null);
    }

    public ImageException(String image, String reason, Throwable cause) {
        this(image, null, null, reason, cause);
    }

    public static ImageException inLayer(String image, String layer, String entry, String reason) {
        return new ImageException(image, layer, entry, reason, null);
    }

    public String image() {
        return image;
    }

    public Optional<String> layer() {
        return Optional.ofNullable(layer);
    }

    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }

    public String reason() {
        return reason;
    }

    private static String compose(String image, String layer, String entry, String reason) {
        StringBuilder sb = new StringBuilder(image == null ? "image" : image);
        if (layer != null) {
            sb.append(": layer ").append(layer);
        }
        if (entry != null) {
            sb.append(": entry ").append(entry);
        }
        return sb.append(": ").append(reason).toString();
    }
}

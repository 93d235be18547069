package dev.plimsoll.image.oci;

import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.image.blob.BlobSource;
import dev.plimsoll.image.blob.PathBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * An OCI image layout directory. Every file it hands out is a regular file whose real path lies inside the
 * layout: a blob that is a symlink to /etc/shadow, or a blobs/ directory linked elsewhere, is refused.
 */
public final class LayoutDirectory implements BlobStore {
    private final String image;
    private final Path given;
    private final Path root;

    private LayoutDirectory(String image, Path given, Path root) {
        this.image = image;
        this.given = given;
        this.root = root;
    }

    public static LayoutDirectory open(String image, Path dir) {
        try {
            return new LayoutDirectory(image, dir, dir.toRealPath());
        } catch (IOException e) {
            throw new ImageException(image, "cannot read the layout directory: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        // the user's words, not the resolved path
        return given.toString();
    }

    @Override
    public Optional<BlobSource> file(String name) {
        return regularFile(root.resolve(name), name);
    }

    @Override
    public Optional<BlobSource> blob(Digest digest) {
        Path p = root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
        return regularFile(p, BlobStore.blobPath(digest));
    }

    private Optional<BlobSource> regularFile(Path p, String name) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Path real = p.toRealPath();
            if (!real.startsWith(root)) {
                throw new ImageException(image, name + " resolves to " + real + ", outside the layout");
            }
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                throw new ImageException(image, name + " is not a regular file");
            }
            return Optional.of(new PathBlob(name, real, attrs.size()));
        } catch (IOException e) {
            throw new ImageException(image, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}

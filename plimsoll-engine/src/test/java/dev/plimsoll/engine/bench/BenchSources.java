package dev.plimsoll.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import dev.plimsoll.core.image.ImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Every source kind of one bench image, made from what build.sh wrote (NAME.tar by skopeo, NAME.oci by umoci):
 * the docker-archive as is, gzip- and zstd-compressed; the OCI layout; the OCI layout packed as an oci-archive;
 * the Docker 25+ docker-archive (OCI layout plus manifest.json in one tar); the root filesystem unpacked by umoci.
 */
final class BenchSources {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Variant(String kind, ImageSource source) {
        @Override
        public String toString() {
            return kind;
        }
    }

    private BenchSources() {
    }

    static List<Variant> all(Path images, Path work, String name) throws IOException {
        Path tar = images.resolve(name + ".tar");
        Path oci = images.resolve(name + ".oci");
        Path dir = Files.createDirectories(work.resolve(name));
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("docker-archive", ImageSource.parse(tar.toString())));
        variants.add(new Variant("docker-archive.gz", ImageSource.parse(
                "docker-archive:" + once(dir.resolve(name + ".tar.gz"), p -> gzip(tar, p)))));
        variants.add(new Variant("docker-archive.zst", ImageSource.parse(
                "docker-archive:" + once(dir.resolve(name + ".tar.zst"), p -> zstd(tar, p)))));
        variants.add(new Variant("oci", ImageSource.parse("oci:" + oci + ":1")));
        variants.add(new Variant("oci-archive", ImageSource.parse(
                "oci-archive:" + once(dir.resolve(name + ".oci.tar"), p -> tarDir(oci, p, null)))));
        variants.add(new Variant("docker-archive-oci", new ImageSource.DockerArchive(
                once(dir.resolve(name + ".docker25.tar"), p -> tarDir(oci, p, dockerManifest(oci, name))),
                Optional.empty())));
        variants.add(new Variant("rootfs", new ImageSource.RootfsDir(
                once(dir.resolve("bundle"), p -> umociUnpack(oci, p)).resolve("rootfs"))));
        return variants;
    }

    interface Maker {
        void make(Path target) throws IOException, InterruptedException;
    }

    /** Makes a derived file once per work directory; a partial file from a killed run is remade. */
    private static Path once(Path target, Maker maker) throws IOException {
        Path done = target.resolveSibling(target.getFileName() + ".done");
        if (!Files.exists(done)) {
            deleteRecursively(target);
            try {
                maker.make(target);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Files.createFile(done);
        }
        return target;
    }

    private static void gzip(Path in, Path out) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            Files.copy(in, o);
        }
    }

    private static void zstd(Path in, Path out) throws IOException {
        try (OutputStream o = new ZstdOutputStream(Files.newOutputStream(out), 1)) {
            Files.copy(in, o);
        }
    }

    /** The manifest.json Docker 25+ writes beside the OCI layout, pointing into blobs/. */
    private static byte[] dockerManifest(Path oci, String name) throws IOException {
        JsonNode index = JSON.readTree(oci.resolve("index.json").toFile());
        String manifestDigest = index.get("manifests").get(0).get("digest").asText();
        JsonNode manifest = JSON.readTree(blob(oci, manifestDigest).toFile());
        ArrayNode out = JSON.createArrayNode();
        ObjectNode entry = out.addObject();
        entry.put("Config", blobPath(manifest.get("config").get("digest").asText()));
        entry.putArray("RepoTags").add("bench/" + name + ":1");
        ArrayNode layers = entry.putArray("Layers");
        manifest.get("layers").forEach(l -> layers.add(blobPath(l.get("digest").asText())));
        return JSON.writeValueAsBytes(out);
    }

    private static String blobPath(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    private static Path blob(Path oci, String digest) {
        return oci.resolve(blobPath(digest));
    }

    private static void tarDir(Path dir, Path out, byte[] manifestJson) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(out));
             Stream<Path> files = Files.walk(dir)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                TarArchiveEntry e = new TarArchiveEntry(p.toFile(), Files.isDirectory(p) ? rel + "/" : rel);
                tar.putArchiveEntry(e);
                if (Files.isRegularFile(p)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
            if (manifestJson != null) {
                TarArchiveEntry e = new TarArchiveEntry("manifest.json");
                e.setSize(manifestJson.length);
                tar.putArchiveEntry(e);
                tar.write(manifestJson);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void umociUnpack(Path oci, Path bundle) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("umoci", "unpack", "--rootless", "--image", oci + ":1", bundle.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("umoci unpack failed for " + oci + ": " + output);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> {
                try {
                    Files.delete(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

package dev.plimsoll.cli.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Pushes test images to a plain test registry over the distribution API (monolithic uploads). */
public final class Pusher {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String host;

    public Pusher(String host) {
        this.host = host;
    }

    /** An image as a config and its layers (uncompressed tars, pushed gzip-compressed). */
    public record Image(ObjectNode config, List<byte[]> layers) {
        /** The same image with one more layer on top. */
        public Image plus(byte[] layer) {
            ObjectNode c = config.deepCopy();
            ((ObjectNode) c.get("rootfs")).withArray("diff_ids").add(sha256(layer));
            c.withArray("history").addObject().put("created_by", "test layer");
            List<byte[]> more = new ArrayList<>(layers);
            more.add(layer);
            return new Image(c, more);
        }
    }

    /** Reads a classic docker-archive (manifest.json, config, layer.tar files). */
    public static Image fromDockerArchive(Path archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        ObjectNode config = (ObjectNode) JSON.readTree(files.get(manifest.get("Config").asText()));
        List<byte[]> layers = new ArrayList<>();
        manifest.get("Layers").forEach(l -> layers.add(files.get(l.asText())));
        return new Image(config, layers);
    }

    /** Pushes an image as a Docker v2 schema 2 manifest; returns the manifest's digest. */
    public String push(String repository, String tag, Image image) throws IOException {
        byte[] config = JSON.writeValueAsBytes(image.config());
        ObjectNode m = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", DOCKER_MANIFEST);
        m.putObject("config").put("mediaType", "application/vnd.docker.container.image.v1+json")
                .put("size", config.length).put("digest", upload(repository, config));
        ArrayNode layers = m.putArray("layers");
        for (byte[] layer : image.layers()) {
            byte[] gz = gzip(layer);
            layers.addObject().put("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip")
                    .put("size", gz.length).put("digest", upload(repository, gz));
        }
        return putManifest(repository, tag, DOCKER_MANIFEST, JSON.writeValueAsBytes(m));
    }

    /** Digests of the layer blobs {@link #push} stores for an image (gzip is deterministic here). */
    public static List<String> layerDigests(Image image) throws IOException {
        List<String> out = new ArrayList<>();
        for (byte[] layer : image.layers()) {
            out.add(sha256(gzip(layer)));
        }
        return out;
    }

    /**
     * Pushes every image of an OCI layout (blobs and manifests) and tags its index.json's manifests: one manifest
     * as itself, several as an OCI index.
     */
    public String pushOciLayout(String repository, String tag, Path layout) throws IOException {
        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        ArrayNode manifests = JSON.createArrayNode();
        String last = null;
        for (JsonNode d : index.get("manifests")) {
            byte[] manifest = blob(layout, d.get("digest").asText());
            JsonNode m = JSON.readTree(manifest);
            upload(repository, blob(layout, m.get("config").get("digest").asText()));
            for (JsonNode l : m.get("layers")) {
                upload(repository, blob(layout, l.get("digest").asText()));
            }
            String mediaType = d.get("mediaType").asText();
            last = putManifest(repository, d.get("digest").asText(), mediaType, manifest);
            ObjectNode entry = ((ObjectNode) d).deepCopy();
            entry.remove("annotations");
            manifests.add(entry);
        }
        if (manifests.size() == 1) {
            JsonNode d = manifests.get(0);
            return putManifest(repository, tag, d.get("mediaType").asText(), blob(layout, d.get("digest").asText()));
        }
        ObjectNode idx = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OCI_INDEX);
        idx.set("manifests", manifests);
        return last == null ? null : putManifest(repository, tag, OCI_INDEX, JSON.writeValueAsBytes(idx));
    }

    private static byte[] blob(Path layout, String digest) throws IOException {
        return Files.readAllBytes(layout.resolve("blobs").resolve(digest.replace(':', '/')));
    }

    private String upload(String repository, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/" + repository
                + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build());
        String location = start.headers().firstValue("Location").orElseThrow();
        URI put = URI.create("http://" + host).resolve(location);
        String sep = put.getQuery() == null ? "?" : "&";
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(put + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (done.statusCode() != 201) {
            throw new IOException("upload of " + digest + ": HTTP " + done.statusCode() + " " + done.body());
        }
        return digest;
    }

    private String putManifest(String repository, String reference, String mediaType, byte[] bytes)
            throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/" + repository
                + "/manifests/" + reference)).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (r.statusCode() != 201) {
            throw new IOException("manifest " + reference + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return sha256(bytes);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Compresses a layer for the registry; one already gzip-compressed (docker-archives may hold such) is kept. */
    static byte[] gzip(byte[] data) throws IOException {
        if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}

package dev.plimsoll.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A registry for the ahead-of-time cache's training run only: serves the one image of a small docker-archive tar
 * (the training image bin/plimsoll generates) over plain HTTP on 127.0.0.1, as repository {@code training} tag
 * {@code 1}, with an OCI manifest and uncompressed layers. A training scan of it records the registry client's
 * classes and profiles, which a real registry scan then finds in the cache. Not a user command.
 */
final class TrainingRegistry implements AutoCloseable {
    private static final String REPOSITORY = "training";
    private static final long MAX_ARCHIVE = 256L << 20;

    private final HttpServer server;
    private final Map<String, byte[]> blobs;
    private final byte[] manifest;
    private final String manifestDigest;

    private TrainingRegistry(HttpServer server, Map<String, byte[]> blobs, byte[] manifest) {
        this.server = server;
        this.blobs = blobs;
        this.manifest = manifest;
        this.manifestDigest = digest(manifest);
    }

    /** Starts serving the image of {@code dockerArchive} (classic layout: manifest.json, config, layer tars). */
    static TrainingRegistry serve(Path dockerArchive) throws IOException {
        if (Files.size(dockerArchive) > MAX_ARCHIVE) {
            throw new IOException(dockerArchive + ": larger than a training image should be");
        }
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(dockerArchive); TarArchiveInputStream tar =
                new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        byte[] archiveManifest = files.get("manifest.json");
        if (archiveManifest == null) {
            throw new IOException(dockerArchive + ": no manifest.json");
        }
        JsonNode entry = json.readTree(archiveManifest).path(0);
        Map<String, byte[]> blobs = new HashMap<>();
        ObjectNode manifest = json.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.set("config", descriptor(json, "application/vnd.oci.image.config.v1+json",
                file(files, entry.path("Config").asText(), dockerArchive), blobs));
        ArrayNode layers = manifest.putArray("layers");
        for (JsonNode layer : entry.path("Layers")) {
            layers.add(descriptor(json, "application/vnd.oci.image.layer.v1.tar",
                    file(files, layer.asText(), dockerArchive), blobs));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        TrainingRegistry registry = new TrainingRegistry(server, blobs, json.writeValueAsBytes(manifest));
        server.createContext("/v2/", registry::handle);
        server.start();
        return registry;
    }

    /** The image's reference: {@code 127.0.0.1:PORT/training:1}. */
    String reference() {
        return host() + "/" + REPOSITORY + ":1";
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean head = exchange.getRequestMethod().equals("HEAD");
            String manifests = "/v2/" + REPOSITORY + "/manifests/";
            String blobPrefix = "/v2/" + REPOSITORY + "/blobs/";
            if (path.equals("/v2/")) {
                send(exchange, 200, "application/json", "{}".getBytes(), head);
            } else if (path.equals(manifests + "1") || path.equals(manifests + manifestDigest)) {
                exchange.getResponseHeaders().add("Docker-Content-Digest", manifestDigest);
                send(exchange, 200, "application/vnd.oci.image.manifest.v1+json", manifest, head);
            } else if (path.startsWith(blobPrefix) && blobs.containsKey(path.substring(blobPrefix.length()))) {
                exchange.getResponseHeaders().add("Docker-Content-Digest", path.substring(blobPrefix.length()));
                send(exchange, 200, "application/octet-stream", blobs.get(path.substring(blobPrefix.length())), head);
            } else {
                send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}".getBytes(), head);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
        if (head) {
            exchange.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static byte[] file(Map<String, byte[]> files, String name, Path archive) throws IOException {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IOException(archive + ": manifest.json names " + name + ", which is not in the archive");
        }
        return bytes;
    }

    private static ObjectNode descriptor(ObjectMapper json, String mediaType, byte[] blob, Map<String, byte[]> blobs) {
        String digest = digest(blob);
        blobs.put(digest, blob);
        ObjectNode d = json.createObjectNode();
        d.put("mediaType", mediaType);
        d.put("digest", digest);
        d.put("size", blob.length);
        return d;
    }

    private static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

package dev.plimsoll.cli.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The real CNCF distribution registry (Debian's docker-registry), started on 127.0.0.1 with a generated config on
 * a free port. Several instances may serve one storage directory: images are pushed through a plain one and read
 * through instances with authentication or TLS in front of the same storage.
 */
public final class TestRegistry implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private final Process process;
    private final int port;
    private final Path storage;
    private final Path log;

    private TestRegistry(Process process, int port, Path storage, Path log) {
        this.process = process;
        this.port = port;
        this.storage = storage;
        this.log = log;
    }

    /** Plain HTTP, no authentication. */
    public static TestRegistry plain(Path storage, Path work) throws IOException {
        return start(storage, work, "", "");
    }

    /** HTTP basic authentication from an htpasswd file (bcrypt). */
    public static TestRegistry basic(Path storage, Path work, Path htpasswd) throws IOException {
        return start(storage, work, "", "auth:\n  htpasswd:\n    realm: plimsoll-test\n    path: " + htpasswd + "\n");
    }

    /** TLS with this certificate and key (PEM). */
    public static TestRegistry tls(Path storage, Path work, Path certificate, Path key) throws IOException {
        return start(storage, work, "  tls:\n    certificate: " + certificate + "\n    key: " + key + "\n", "");
    }

    /** Token authentication: the registry trusts JWTs signed by the certificate in {@code rootCertBundle}. */
    public static TestRegistry token(Path storage, Path work, String realm, String service, String issuer,
                                     Path rootCertBundle) throws IOException {
        return start(storage, work, "", "auth:\n  token:\n    realm: " + realm + "\n    service: " + service
                + "\n    issuer: " + issuer + "\n    rootcertbundle: " + rootCertBundle + "\n");
    }

    private static TestRegistry start(Path storage, Path work, String tls, String auth) throws IOException {
        int port = freePort();
        Path dir = Files.createTempDirectory(work, "registry-");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, "version: 0.1\n"
                + "log:\n  level: info\n  formatter: text\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n  delete:\n    enabled: true\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n  secret: plimsoll-test-secret\n" + tls + auth);
        Path log = dir.resolve("registry.log");
        Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        TestRegistry registry = new TestRegistry(p, port, storage, log);
        registry.awaitListening();
        return registry;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException("docker-registry did not listen on " + port + ": " + Files.readString(log));
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path storage() {
        return storage;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The file the registry serves a blob from. */
    public Path blobFile(String digest) {
        String hex = digest.substring(digest.indexOf(':') + 1);
        return storage.resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex)
                .resolve("data");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

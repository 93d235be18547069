package dev.plimsoll.cli.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS reverse proxy (the test certificate; clients trust it with --registry-ca) in front of a plain test registry
 * that records every GET path and can cut a blob's response
 * after half its bytes, the first {@code n} times it is asked for (an interrupted download).
 */
public final class CountingProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final List<String> paths = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> cuts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();

    public CountingProxy(String upstream, TestCerts certs) throws IOException, GeneralSecurityException {
        this.upstream = upstream;
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("k", certs.privateKey(), new char[0], new java.security.cert.Certificate[] {certs.x509()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        this.server = https;
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Cuts the next {@code times} responses for this blob digest half-way. */
    public void cut(String digest, int times) {
        cuts.put(digest, new AtomicInteger(times));
    }

    /** Answers the next {@code times} requests whose path ends with {@code suffix} with 429 and Retry-After: 1. */
    public void throttle(String suffix, int times) {
        throttles.put(suffix, new AtomicInteger(times));
    }

    /** GET paths seen so far. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    public void reset() {
        paths.clear();
    }

    /** How many GETs asked for one of these blobs. */
    public long blobGets(List<String> digests) {
        return paths().stream().filter(p -> p.contains("/blobs/") && digests.stream().anyMatch(p::endsWith)).count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            paths.add(path);
            AtomicInteger throttle = throttles.entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (throttle != null && throttle.getAndDecrement() > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + upstream + path))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept != null) {
                b.header("Accept", accept);
            }
            HttpResponse<byte[]> r;
            try {
                r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            r.headers().map().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")
                        && !k.equalsIgnoreCase("connection") && !k.startsWith(":")) {
                    v.forEach(value -> exchange.getResponseHeaders().add(k, value));
                }
            });
            byte[] body = r.body();
            AtomicInteger cut = cuts.entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            boolean cutThis = cut != null && cut.getAndDecrement() > 0 && r.statusCode() == 200;
            exchange.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
            OutputStream out = exchange.getResponseBody();
            if (cutThis) {
                out.write(body, 0, body.length / 2);
                out.flush();
                // closing the exchange short of its length drops the connection: the client sees the body end early
                throw new IOException("cut on purpose");
            }
            out.write(body);
            out.close();
        }
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

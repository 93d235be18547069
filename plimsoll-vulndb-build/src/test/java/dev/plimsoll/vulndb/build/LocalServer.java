package dev.plimsoll.vulndb.build;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on localhost for download tests: each path answers from a script of responses (the last one
 * repeats), and every request is recorded with its conditional headers.
 */
final class LocalServer implements AutoCloseable {
    /** One scripted answer. {@code declaredLength} larger than the body makes a truncated response. */
    record Reply(int status, byte[] body, Map<String, String> headers, long declaredLength) {
        static Reply ok(byte[] body, String etag) {
            return new Reply(200, body, etag == null ? Map.of() : Map.of("ETag", etag), body.length);
        }

        static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, new byte[0], headers, -1);
        }

        static Reply truncated(byte[] body) {
            return new Reply(200, java.util.Arrays.copyOf(body, body.length / 2), Map.of(), body.length);
        }
    }

    record Request(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {
    }

    private final HttpServer server;
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers {@code path} with these replies in turn, the last one from then on. */
    void script(String path, Reply... replies) {
        scripts.put(path, new ArrayList<>(List.of(replies)));
        served.put(path, 0);
    }

    long requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, ex.getRequestHeaders().getFirst("If-None-Match"),
                ex.getRequestHeaders().getFirst("If-Modified-Since"), ex.getRequestHeaders().getFirst("User-Agent")));
        List<Reply> script = scripts.get(path);
        if (script == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        int n = served.merge(path, 1, Integer::sum) - 1;
        Reply r = script.get(Math.min(n, script.size() - 1));
        if (r.status() == 304) {
            // a 304 only to a conditional request, as a real server does
            String etag = r.headers().get("ETag");
            String sent = ex.getRequestHeaders().getFirst("If-None-Match");
            if (sent == null || !sent.equals(etag)) {
                // not conditional on the current version: the script's full answer, if it has one
                send(ex, script.stream().filter(x -> x.status() == 200).findFirst().orElse(r));
                return;
            }
        }
        send(ex, r);
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (r.status() != 200) {
            ex.sendResponseHeaders(r.status(), -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(200, r.declaredLength());
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
            out.flush();
        } catch (IOException e) {
            // closing a short fixed-length body fails on purpose: the truncated-response case
        }
        ex.close();
    }

    /**
     * A second listener that answers every request with {@code Content-Length} of the whole body, sends half of it
     * and closes the connection: a body cut short by the network.
     */
    URI cutShort(byte[] body) throws IOException {
        java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        rawSockets.add(socket);
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (java.net.Socket s = socket.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            s.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        if (line.startsWith("GET ")) {
                            requests.add(new Request(line.split(" ")[1], null, null, null));
                        }
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.write(body, 0, body.length / 2);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the client went away
                }
            }
        }, "cut-short-server");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/cut.zip");
    }

    private final List<java.net.ServerSocket> rawSockets = new CopyOnWriteArrayList<>();

    @Override
    public void close() {
        server.stop(0);
        for (java.net.ServerSocket s : rawSockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // test teardown
            }
        }
    }
}

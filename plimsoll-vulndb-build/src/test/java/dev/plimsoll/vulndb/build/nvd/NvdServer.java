package dev.plimsoll.vulndb.build.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the NVD CVE API 2.0, answering from a list of real {@code cve} records the way the API
 * does: {@code resultsPerPage}/{@code startIndex} paging, a {@code lastModStartDate}/{@code lastModEndDate}
 * filter on each record's own {@code lastModified} (both or neither, at most 120 days apart, else 404 as NVD
 * answers a bad query), and the page fields around {@code vulnerabilities[].cve}, the records copied byte for byte.
 * The n-th request can be scripted to get another answer (429, 503, a malformed body). Every request is recorded
 * with its {@code apiKey} header. It also serves static files (the KEV fixture) for a second feed.
 */
final class NvdServer implements AutoCloseable {
    static final String API = "/rest/json/cves/2.0";

    /** A scripted answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "");
        }

        static Reply body(String body) {
            return new Reply(200, Map.of(), body);
        }
    }

    /** One request: its decoded query parameters and the headers that matter. */
    record Request(String path, Map<String, String> query, String apiKey, String userAgent) {
        String rawQuery() {
            return String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile List<String> records = List.of();
    private final Map<Integer, Reply> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    NvdServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    URI api() {
        return uri(API);
    }

    /** What NVD holds from now on: {@code cve} objects as JSON text, in the order NVD lists them. */
    void holds(List<String> cves) {
        records = List.copyOf(cves);
    }

    void serveFile(String path, byte[] content) {
        files.put(path, content);
    }

    /** The {@code n}-th API request from now (1 = the next) gets {@code reply} instead. */
    void answer(int n, Reply reply) {
        scripted.put(apiCalls.get() + n, reply);
    }

    List<Request> apiRequests() {
        return requests.stream().filter(r -> r.path().equals(API)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, query, ex.getRequestHeaders().getFirst("apiKey"),
                ex.getRequestHeaders().getFirst("User-Agent")));
        Reply script = path.equals(API) ? scripted.remove(apiCalls.incrementAndGet()) : null;
        if (script != null) {
            send(ex, script);
        } else if (files.containsKey(path)) {
            send(ex, new Reply(200, Map.of(), new String(files.get(path), StandardCharsets.UTF_8)));
        } else if (path.equals(API)) {
            send(ex, page(query));
        } else {
            send(ex, Reply.status(404, Map.of()));
        }
    }

    private Reply page(Map<String, String> query) {
        int perPage = Integer.parseInt(query.getOrDefault("resultsPerPage", "2000"));
        int start = Integer.parseInt(query.getOrDefault("startIndex", "0"));
        String from = query.get("lastModStartDate");
        String to = query.get("lastModEndDate");
        if ((from == null) != (to == null)) {
            return Reply.status(404, Map.of("message", "both lastModStartDate and lastModEndDate are required"));
        }
        List<String> matching = new ArrayList<>();
        for (String cve : records) {
            if (from == null) {
                matching.add(cve);
                continue;
            }
            Instant begin = apiTime(from);
            Instant end = apiTime(to);
            if (Duration.between(begin, end).compareTo(Duration.ofDays(120)) > 0) {
                return Reply.status(404, Map.of("message", "range exceeds 120 days"));
            }
            Instant modified = apiTime(field(cve, "lastModified"));
            if (!modified.isBefore(begin) && !modified.isAfter(end)) {
                matching.add(cve);
            }
        }
        List<String> page = matching.subList(Math.min(start, matching.size()),
                Math.min(start + perPage, matching.size()));
        StringBuilder body = new StringBuilder("{\"resultsPerPage\":" + page.size() + ",\"startIndex\":" + start
                + ",\"totalResults\":" + matching.size() + ",\"format\":\"NVD_CVE\",\"version\":\"2.0\","
                + "\"timestamp\":\"2025-03-01T00:00:00.000\",\"vulnerabilities\":[");
        for (int i = 0; i < page.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"cve\":").append(page.get(i)).append('}');
        }
        return Reply.body(body.append("]}").toString());
    }

    private static String field(String cve, String name) {
        try {
            JsonNode node = JSON.readTree(cve);
            return node.get(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant apiTime(String text) {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * Fetches one file into the cache: a conditional GET when a verified copy is cached, retries with backoff on 429,
 * 5xx and network errors (honouring Retry-After), the body streamed to a temporary file while it is hashed and
 * counted, its length checked against Content-Length and its SHA-256 against the one the source publishes, and only
 * then moved over the cached copy. A failed fetch leaves the cache as it was.
 */
final class HttpFetcher implements AutoCloseable {
    private static final Pattern SHA256_HEX = Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{64})(?![0-9A-Fa-f])");
    private static final int MAX_CHECKSUM_BYTES = 64 * 1024;

    private final HttpClient client;
    private final UpdateConfig config;
    private final Sleeper sleeper;
    private final Clock clock;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vulndb-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    HttpFetcher(HttpClient client, UpdateConfig config, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.config = config;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** The file as cached after the fetch. */
    record Fetched(DownloadReport.Status status, String sha256, long size, Optional<String> etag,
                   Optional<String> lastModified, Instant fetchedAt, int attempts) {
    }

    /** A response the retry loop hands on: its status and what reading it produced. */
    private record Outcome<T>(int status, Optional<T> value) {
    }

    /** Called before every request of a call, retries included: how an API's rate limit is kept. */
    @FunctionalInterface
    interface Pacer {
        Pacer NONE = () -> { };

        void beforeRequest() throws InterruptedException;
    }

    /**
     * One GET: {@code what} names it in messages (with the URL; headers never appear in a message), the headers
     * beyond User-Agent, the statuses retried beside 429 and 5xx, and the pacing before each request.
     */
    private record Call(String what, URI url, Map<String, ApiKey> headers, Set<Integer> alsoRetried, Pacer pacer) {
        static Call plain(String what, URI url) {
            return new Call(what, url, Map.of(), Set.of(), Pacer.NONE);
        }
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(HttpResponse<InputStream> response) throws IOException, UpdateException;
    }

    Fetched fetch(String key, URI url, Optional<UpdateState.Entry> previous, Path cached, Optional<URI> sha256Url)
            throws UpdateException, InterruptedException {
        String what = key + " (" + url + ")";
        Optional<UpdateState.Entry> valid = previous.filter(p -> p.url().equals(url.toString()))
                .filter(p -> cacheMatches(cached, p));
        Path part = cached.resolveSibling(cached.getFileName() + ".part");
        int[] attempts = {0};
        try {
            Outcome<Body> outcome = send(Call.plain(what, url), valid, attempts,
                    response -> readBody(what, response, part, config.limits().maxDownloadBytes()));
            if (outcome.status() == 304) {
                UpdateState.Entry p = valid.orElseThrow();
                return new Fetched(DownloadReport.Status.NOT_MODIFIED, p.sha256(), p.size(), p.etag(),
                        p.lastModified(), p.fetchedAt(), attempts[0]);
            }
            Body body = outcome.value().orElseThrow();
            if (sha256Url.isPresent()) {
                String published = publishedSha256(key, sha256Url.get());
                if (!published.equalsIgnoreCase(body.sha256())) {
                    throw new UpdateException(what + ": checksum mismatch: " + sha256Url.get() + " publishes "
                            + published.toLowerCase(Locale.ROOT) + ", the download has " + body.sha256());
                }
            }
            Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Fetched(DownloadReport.Status.DOWNLOADED, body.sha256(), body.size(), body.etag(),
                    body.lastModified(), clock.instant(), attempts[0]);
        } catch (IOException e) {
            throw e instanceof UpdateException u ? u : new UpdateException(what + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part is overwritten next time
            }
        }
    }

    /**
     * An API response (a page of the NVD API) into {@code into}: a GET with these headers, retried like every
     * download and also on {@code alsoRetried} (NVD answers 403 to a client over its rate), {@code pacer} called
     * before every request, the body bounded by {@code maxBytes}; never conditional. A failed fetch leaves
     * {@code into} as it was.
     */
    Fetched fetchResponse(String what, URI url, Map<String, ApiKey> headers, Set<Integer> alsoRetried, Pacer pacer,
                          long maxBytes, Path into) throws UpdateException, InterruptedException {
        String described = what + " (" + url + ")";
        Path part = into.resolveSibling(into.getFileName() + ".part");
        int[] attempts = {0};
        try {
            Outcome<Body> outcome = send(new Call(described, url, headers, alsoRetried, pacer), Optional.empty(),
                    attempts, response -> readBody(described, response, part, maxBytes));
            Body body = outcome.value().orElseThrow(() -> new UpdateException(described + ": no body"));
            Files.move(part, into, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Fetched(DownloadReport.Status.DOWNLOADED, body.sha256(), body.size(), body.etag(),
                    body.lastModified(), clock.instant(), attempts[0]);
        } catch (IOException e) {
            throw e instanceof UpdateException u ? u : new UpdateException(described + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part is overwritten next time
            }
        }
    }

    private record Body(String sha256, long size, Optional<String> etag, Optional<String> lastModified) {
    }

    private Body readBody(String what, HttpResponse<InputStream> response, Path part, long max) throws IOException {
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        if (declared.isPresent() && declared.getAsLong() > max) {
            throw new UpdateException(what + ": " + declared.getAsLong() + " bytes, more than the limit of " + max);
        }
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = new IdleTimeoutStream(response.body(), config.readTimeout(), watchdog);
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                size += n;
                if (size > max) {
                    throw new UpdateException(what + ": more than the limit of " + max + " bytes");
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (UpdateException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("connection broke after " + size + " bytes"
                    + declared.stream().mapToObj(d -> " of " + d).findFirst().orElse("") + ": " + e.getMessage(), e);
        }
        if (declared.isPresent() && declared.getAsLong() != size) {
            throw new IOException("truncated: received " + size + " of the " + declared.getAsLong()
                    + " bytes announced");
        }
        return new Body(HexFormat.of().formatHex(sha.digest()), size, response.headers().firstValue("ETag"),
                response.headers().firstValue("Last-Modified"));
    }

    /** The checksum a source publishes: the first 64-hex-digit token of a small text file ("sha256sum" style). */
    private String publishedSha256(String key, URI url) throws UpdateException, InterruptedException {
        String what = key + " checksum (" + url + ")";
        int[] attempts = {0};
        try {
            Outcome<String> outcome = send(Call.plain(what, url), Optional.empty(), attempts, response -> {
                try (InputStream in = new IdleTimeoutStream(response.body(), config.readTimeout(), watchdog)) {
                    byte[] text = in.readNBytes(MAX_CHECKSUM_BYTES + 1);
                    if (text.length > MAX_CHECKSUM_BYTES) {
                        throw new UpdateException(what + ": larger than a checksum file can be");
                    }
                    Matcher m = SHA256_HEX.matcher(new String(text, StandardCharsets.US_ASCII));
                    if (!m.find()) {
                        throw new UpdateException(what + ": no SHA-256 in it");
                    }
                    return m.group(1);
                }
            });
            return outcome.value().orElseThrow(() -> new UpdateException(what + ": no body"));
        } catch (IOException e) {
            throw e instanceof UpdateException u ? u : new UpdateException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a GET until it gets a 200 whose body reads without error (or a 304 to a conditional request). 429,
     * 5xx, the call's other retried statuses and network errors (a broken or truncated body included) are retried
     * up to {@code maxAttempts}; other statuses fail at once.
     */
    private <T> Outcome<T> send(Call call, Optional<UpdateState.Entry> conditional, int[] attempts,
                                BodyReader<T> reader) throws IOException, InterruptedException {
        String what = call.what();
        Duration backoff = config.firstBackoff();
        String lastProblem = "";
        while (true) {
            attempts[0]++;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                call.pacer().beforeRequest();
                HttpRequest.Builder request = HttpRequest.newBuilder(call.url()).GET()
                        .timeout(config.requestTimeout()).header("User-Agent", config.userAgent());
                call.headers().forEach((name, key) -> request.header(name, key.reveal()));
                conditional.flatMap(UpdateState.Entry::etag).ifPresent(e -> request.header("If-None-Match", e));
                conditional.flatMap(UpdateState.Entry::lastModified)
                        .ifPresent(m -> request.header("If-Modified-Since", m));
                HttpResponse<InputStream> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    return new Outcome<>(200, Optional.of(reader.read(response)));
                }
                response.body().close();
                if (status == 304 && conditional.isPresent()) {
                    return new Outcome<>(304, Optional.empty());
                }
                if (status != 429 && status < 500 && !call.alsoRetried().contains(status)) {
                    throw new UpdateException(what + ": HTTP " + status);
                }
                lastProblem = "HTTP " + status;
                retryAfter = response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
            } catch (UpdateException e) {
                throw e;
            } catch (IOException e) {
                lastProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            if (attempts[0] >= config.maxAttempts()) {
                throw new UpdateException(what + ": " + lastProblem + " (gave up after " + attempts[0]
                        + " attempts)");
            }
            Duration wait = retryAfter.orElse(backoff);
            if (wait.compareTo(config.maxRetryWait()) > 0) {
                throw new UpdateException(what + ": " + lastProblem + "; the server asks to retry after "
                        + wait.toSeconds() + " s, longer than the " + config.maxRetryWait().toSeconds()
                        + " s allowed");
            }
            sleeper.sleep(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** Retry-After as delta-seconds or an HTTP-date (RFC 9110 10.2.3); unparseable values are ignored. */
    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** Whether the cached copy is still the one recorded: same size and SHA-256. */
    private static boolean cacheMatches(Path cached, UpdateState.Entry entry) {
        try {
            if (!Files.isRegularFile(cached) || Files.size(cached) != entry.size()) {
                return false;
            }
            return sha256Hex(cached).equalsIgnoreCase(entry.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    static String sha256Hex(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.plimsoll.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.analysis.Lazy;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.error.ImageException;
import dev.plimsoll.core.error.RegistryException;
import dev.plimsoll.image.json.JsonDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP to registries with java.net.http: verified TLS unless a host is named insecure (then unverified TLS, falling
 * back to plain HTTP as Docker does), the WWW-Authenticate flow (Basic, and Bearer tokens fetched from the realm
 * with the pull scope), redirects followed by hand so that credentials never go to another host, and retries with
 * backoff on 429, 5xx and broken connections, honouring Retry-After up to a bound.
 * <p>
 * Secrets: credentials and tokens are only ever put in Authorization headers; every message that leaves this class
 * is scrubbed of them, in case a registry echoes a header back in an error body.
 */
final class RegistryTransport implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_ERROR_BODY = 16 * 1024;
    private static final int MAX_TOKEN_BYTES = 1 << 20;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Connecting to an insecure host (plain HTTP first, then TLS without verification) gives up sooner.
     */
    private static final Duration INSECURE_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY_WAIT = Duration.ofMillis(250);
    private static final Duration CLOSE_WAIT = Duration.ofMillis(500);

    private final RegistrySettings settings;
    /** Built on first use: setting up TLS (the JVM's CA store, a handshake's classes) is most of a warm scan's start. */
    private final Lazy<HttpClient> verified;
    private final Lazy<HttpClient> unverified;
    /** For the plain-HTTP exchanges with insecure hosts: no TLS set up at all (a fifth of a cached scan's start). */
    private final Lazy<HttpClient> httpOnly;
    private final JsonDocuments json = new JsonDocuments(MAX_TOKEN_BYTES);
    /** Authorization header per host and scope, once earned. */
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    /** Insecure hosts found to speak plain HTTP (true) or TLS (false). */
    private final Map<String, Boolean> plainHttp = new ConcurrentHashMap<>();
    private final Collection<String> secrets = ConcurrentHashMap.newKeySet();

    RegistryTransport(RegistrySettings settings) {
        this.settings = settings;
        this.verified = Lazy.of(() -> client(verifiedContext(settings.caFile()), CONNECT_TIMEOUT));
        this.unverified = Lazy.of(() -> client(trustingContext(), INSECURE_CONNECT_TIMEOUT));
        this.httpOnly = Lazy.of(RegistryTransport::httpOnlyClient);
    }

    /**
     * Stops the HTTP clients' selector threads. Not only tidiness: a thread blocked in native code (the selector's
     * epoll_wait) makes the JVM wait about 300 ms at exit for it to block, a third of a cached scan's time.
     */
    @Override
    public void close() {
        for (Lazy<HttpClient> client : List.of(verified, unverified, httpOnly)) {
            client.ifMade().ifPresent(c -> {
                c.shutdownNow();
                try {
                    c.awaitTermination(CLOSE_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** A request to one registry: host (as the reference names it), and the API host to send it to. */
    record Target(String registry, String apiHost, String repository) {
    }

    /** A response whose status is 2xx, with its body still to read. */
    record Response(int status, Map<String, List<String>> headers, InputStream body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /**
     * GETs {@code /v2/REPOSITORY/PATH}, authenticating as the registry asks. A 404 is a RegistryException with
     * status 404, {@code what} naming the object for the message.
     */
    Response get(Target target, String path, String accept, String what) {
        String scope = "repository:" + target.repository() + ":pull";
        URI uri = uri(target.apiHost(), "/v2/" + target.repository() + "/" + path);
        String answered = null;
        for (int round = 0; round < 3; round++) {
            String authorization = authorizations.get(authKey(target.apiHost(), scope));
            HttpResponse<InputStream> response = send(target, uri, accept, authorization, what);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Response(status, response.headers().map(), response.body());
            }
            String body = errorBody(response);
            if (status == 401) {
                if (answered != null) {
                    throw new RegistryException(target.registry(), status, denied(target, what, answered, body));
                }
                Challenge challenge = Challenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null))
                        .orElseThrow(() -> new RegistryException(target.registry(), status, what
                                + ": authentication required, but the registry sent no WWW-Authenticate challenge"));
                authorizations.put(authKey(target.apiHost(), scope), authorize(target, challenge, scope));
                answered = challenge.scheme();
                continue;
            }
            throw failure(target, status, what, body);
        }
        throw new RegistryException(target.registry(), 401, denied(target, what, answered, ""));
    }

    /** Why a request answered with credentials (basic) or a token (bearer) was still refused. */
    private String denied(Target target, String what, String scheme, String body) {
        if ("basic".equals(scheme)) {
            return scrub(what + ": the registry refused the credentials (HTTP 401): wrong username or password"
                    + detail(body));
        }
        return scrub(what + ": access denied (HTTP 401) to repository " + target.repository()
                + (settings.credentials().find(target.registry()).isPresent()
                ? ": the token the credentials earned does not grant pull" : ": log in or give credentials")
                + detail(body));
    }

    private RegistryException failure(Target target, int status, String what, String body) {
        String reason = switch (status) {
            case 404 -> what + ": not found (HTTP 404): no such repository, tag or blob";
            case 403 -> what + ": forbidden (HTTP 403) for repository " + target.repository();
            case 429 -> what + ": rate limited (HTTP 429), still after " + settings.maxAttempts() + " attempts";
            default -> what + ": HTTP " + status;
        };
        return new RegistryException(target.registry(), status, scrub(reason + detail(body)));
    }

    private static String detail(String body) {
        return body.isBlank() ? "" : " (" + body + ")";
    }

    /** The Authorization header a challenge asks for. */
    private String authorize(Target target, Challenge challenge, String scope) {
        Optional<Credential> credential = settings.credentials().find(target.registry());
        credential.ifPresent(c -> remember(c.secret()));
        switch (challenge.scheme()) {
            case "basic" -> {
                if (credential.isEmpty() || !(credential.get() instanceof Credential.Basic b)) {
                    throw new RegistryException(target.registry(), 401, "authentication required (basic); give"
                            + " credentials (--username with --password-stdin, PLIMSOLL_REGISTRY_USERNAME/PASSWORD,"
                            + " or docker login)");
                }
                return basic(b);
            }
            case "bearer" -> {
                return "Bearer " + token(target, challenge, scope, credential);
            }
            default -> throw new RegistryException(target.registry(), 401, "unsupported authentication scheme "
                    + challenge.scheme());
        }
    }

    private String basic(Credential.Basic b) {
        String encoded = Base64.getEncoder().encodeToString((b.username() + ":" + b.password())
                .getBytes(StandardCharsets.UTF_8));
        remember(encoded);
        return "Basic " + encoded;
    }

    /** Distribution's token flow: GET the realm with service and scope (basic auth when we have credentials). */
    private String token(Target target, Challenge challenge, String scope, Optional<Credential> credential) {
        String realm = challenge.param("realm").orElseThrow(() -> new RegistryException(target.registry(), 401,
                "bearer challenge without a realm"));
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(target.registry(), 401, "bearer realm is not a URL: " + realm);
        }
        String realmHost = realmUri.getAuthority() == null ? "" : realmUri.getAuthority();
        if (!"https".equals(realmUri.getScheme()) && !("http".equals(realmUri.getScheme())
                && settings.insecure(realmHost))) {
            throw new RegistryException(target.registry(), 401, "token realm " + realm + " is not https (name its"
                    + " host with --insecure-registry to allow that)");
        }
        String askedScope = challenge.param("scope").orElse(scope);
        StringBuilder query = new StringBuilder();
        challenge.param("service").ifPresent(s -> query.append("service=").append(encode(s)));
        for (String s : askedScope.split(" ")) {
            query.append(query.isEmpty() ? "" : "&").append("scope=").append(encode(s));
        }
        HttpRequest.Builder request;
        String identity = null;
        if (credential.isPresent() && credential.get() instanceof Credential.IdentityToken it) {
            identity = it.token();
            // the OAuth2 form takes the scopes as one space-separated parameter
            String form = challenge.param("service").map(v -> "service=" + encode(v) + "&").orElse("")
                    + "scope=" + encode(askedScope) + "&grant_type=refresh_token&client_id=plimsoll&refresh_token="
                    + encode(identity);
            request = HttpRequest.newBuilder(realmUri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            String sep = realm.contains("?") ? "&" : "?";
            request = HttpRequest.newBuilder(URI.create(realm + (query.isEmpty() ? "" : sep + query))).GET();
            if (credential.isPresent() && credential.get() instanceof Credential.Basic b) {
                request.header("Authorization", basic(b));
            }
        }
        request.timeout(Duration.ofMinutes(2));
        HttpResponse<InputStream> response = sendWithRetries(target, request.build(), settings.insecure(realmHost),
                "token from " + realmHost);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            errorBody(response);
            throw new RegistryException(target.registry(), status, credential.isPresent()
                    ? "the token service at " + realmHost + " refused the credentials (HTTP " + status
                    + "): wrong username or password"
                    : "the token service at " + realmHost + " requires credentials (HTTP " + status + ")");
        }
        if (status / 100 != 2) {
            throw new RegistryException(target.registry(), status, scrub("token service at " + realmHost
                    + " answered HTTP " + status + detail(errorBody(response))));
        }
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_TOKEN_BYTES + 1);
            JsonNode root;
            try {
                root = json.parse(target.registry(), bytes, "token response");
            } catch (ImageException e) {
                throw new RegistryException(target.registry(), status, "the token service at " + realmHost
                        + " sent a response that is not JSON");
            }
            JsonNode token = root.has("token") ? root.get("token") : root.get("access_token");
            if (token == null || !token.isTextual() || token.textValue().isEmpty()) {
                throw new RegistryException(target.registry(), status, "the token service at " + realmHost
                        + " sent no token");
            }
            remember(token.textValue());
            return token.textValue();
        } catch (IOException e) {
            throw new RegistryException(target.registry(), null, "reading the token from " + realmHost
                    + " failed: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Sends one GET, following redirects by hand; Authorization goes to the registry's own host only. */
    private HttpResponse<InputStream> send(Target target, URI uri, String accept, String authorization, String what) {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean sameHost = current.getAuthority().equals(uri.getAuthority());
            HttpRequest.Builder b = HttpRequest.newBuilder(current).GET().timeout(Duration.ofMinutes(10));
            if (accept != null) {
                b.header("Accept", accept);
            }
            if (authorization != null && sameHost) {
                b.header("Authorization", authorization);
            }
            HttpResponse<InputStream> r = sendWithRetries(target, b.build(), settings.insecure(current.getAuthority()),
                    what);
            int s = r.statusCode();
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                String location = r.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
                        target.registry(), s, what + ": redirect without a Location"));
                errorBody(r);
                URI next = current.resolve(location);
                if (!"https".equals(next.getScheme()) && !settings.insecure(String.valueOf(next.getAuthority()))) {
                    throw new RegistryException(target.registry(), s, what + ": redirected to a non-https URL on "
                            + next.getAuthority());
                }
                current = next;
                continue;
            }
            return r;
        }
        throw new RegistryException(target.registry(), null, what + ": more than " + MAX_REDIRECTS + " redirects");
    }

    /** Sends a request, trying again on 429, 5xx and connection failures, at most maxAttempts times in all. */
    private HttpResponse<InputStream> sendWithRetries(Target target, HttpRequest request, boolean insecure,
                                                      String what) {
        Duration wait = FIRST_RETRY_WAIT;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            try {
                HttpResponse<InputStream> r = sendOnce(request, insecure);
                int s = r.statusCode();
                if ((s == 429 || s >= 500) && !last) {
                    Duration asked = retryAfter(r.headers().firstValue("Retry-After").orElse(null)).orElse(wait);
                    errorBody(r);
                    pause(min(asked, settings.maxRetryWait()));
                    wait = min(wait.multipliedBy(2), settings.maxRetryWait());
                    continue;
                }
                return r;
            } catch (SSLException e) {
                throw new RegistryException(target.registry(), null, what + ": TLS failed with "
                        + request.uri().getAuthority() + ": " + e.getMessage() + " (give its CA with --registry-ca,"
                        + " or name the host with --insecure-registry)", null);
            } catch (IOException e) {
                if (last) {
                    throw new RegistryException(target.registry(), null, scrub(what + ": cannot reach "
                            + request.uri().getAuthority() + " after " + attempt + " attempts: " + describe(e)), null);
                }
                pause(wait);
                wait = min(wait.multipliedBy(2), settings.maxRetryWait());
            }
        }
    }

    /**
     * One exchange. An insecure host is asked over plain HTTP first (what such registries mostly speak, and no TLS
     * to set up); a TLS port answers that with 400 or drops it, and the host is then asked over TLS without
     * verification. What the host spoke is remembered for the rest of the scan. No request carries credentials
     * before the host has answered, so none goes out in plain text to a TLS-only host.
     */
    private HttpResponse<InputStream> sendOnce(HttpRequest request, boolean insecure) throws IOException {
        try {
            if (!insecure || !"https".equals(request.uri().getScheme())) {
                return (insecure ? unverified : verified).get().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
            }
            String host = request.uri().getAuthority();
            Boolean plain = plainHttp.get(host);
            if (!Boolean.FALSE.equals(plain)) {
                try {
                    HttpResponse<InputStream> r = httpOnly.get().send(withScheme(request, "http"),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 400 || Boolean.TRUE.equals(plain)) {
                        plainHttp.put(host, true);
                        return r;
                    }
                    errorBody(r);
                } catch (IOException e) {
                    if (Boolean.TRUE.equals(plain)) {
                        throw e;
                    }
                }
                plainHttp.put(host, false);
            }
            return unverified.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private static HttpRequest withScheme(HttpRequest r, String scheme) {
        URI u = r.uri();
        URI changed = URI.create(scheme + "://" + u.getRawAuthority() + u.getRawPath()
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
        return HttpRequest.newBuilder(r, (name, value) -> true).uri(changed).build();
    }

    /**
     * Loads and links the HTTP client and a TLS client handshake without touching the network, so that a scan
     * started on another thread meanwhile finds them ready (the CLI calls this on a spare thread as the JVM
     * starts, like its digest warm-up).
     */
    static void warmUp() {
        try {
            // The client is stopped at once: its selector thread, blocked in native code, would otherwise hold
            // the JVM's exit back by 300 ms if the command ended meanwhile (an error, a missing tag).
            HttpClient c = client(trustingContext(), INSECURE_CONNECT_TIMEOUT);
            c.shutdownNow();
            HttpRequest.newBuilder(URI.create("https://registry.invalid/v2/")).GET().build();
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("registry.invalid", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            java.nio.ByteBuffer hello = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(java.nio.ByteBuffer.allocate(0), hello);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // only a warm-up: the scan sets TLS up itself and reports what fails
        }
    }

    /**
     * As {@link #warmUp}, for an --insecure-registry host asked over plain HTTP: the HTTP client without TLS, a
     * request, and the JSON reading the manifest goes through (Jackson's parser classes, BigDecimal's tables).
     */
    static void warmUpPlainHttp() {
        try {
            HttpClient c = httpOnlyClient();
            c.shutdownNow();
            HttpRequest.newBuilder(URI.create("http://registry.invalid/v2/")).GET().build();
            new JsonDocuments(MAX_TOKEN_BYTES).parse("warm-up", "{\"schemaVersion\":2,\"size\":1.5}"
                    .getBytes(StandardCharsets.UTF_8), "manifest");
        } catch (RuntimeException e) {
            // only a warm-up: the scan does all of this itself and reports what fails
        }
    }

    /** Retry-After as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v,
                        DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("(interrupted)", null, "interrupted while waiting to retry");
        }
    }

    /** The start of an error response's body (registries explain there), closing the stream. */
    private String errorBody(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            // distribution's {"errors":[{"code":…,"message":…}]}: keep the first message
            int m = text.indexOf("\"message\":\"");
            if (m >= 0) {
                int end = text.indexOf('"', m + 11);
                text = end > m ? text.substring(m + 11, end) : text;
            }
            text = text.replaceAll("\\p{Cntrl}", " ");
            return scrub(text.length() > 200 ? text.substring(0, 200) + "…" : text);
        } catch (IOException e) {
            return "";
        }
    }

    private void remember(String secret) {
        if (secret != null && secret.length() >= 3) {
            secrets.add(secret);
        }
    }

    /** The message with every credential and token this transport has handled replaced by ****. */
    String scrub(String message) {
        String out = message;
        for (String s : secrets) {
            out = out.replace(s, "****");
        }
        return out;
    }

    private String describe(IOException e) {
        String m = e.getMessage();
        return scrub(e instanceof ConnectException ? "connection refused"
                : e.getClass().getSimpleName() + (m == null ? "" : " " + m));
    }

    private URI uri(String apiHost, String path) {
        return URI.create("https://" + apiHost + path);
    }

    private static String authKey(String host, String scope) {
        return host + " " + scope;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpClient client(SSLContext context, Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(context).build();
    }

    /**
     * A client for http:// only. java.net.http takes the JVM's default TLS context (its CA store) when given none,
     * and initialising any TLS context runs the cipher suites' and groups' set-up; this one is never initialised,
     * and its explicit parameters keep the client from asking it for defaults. An https:// request through it fails
     * ("SSLContext is not initialized"); none is sent.
     */
    private static HttpClient httpOnlyClient() {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(INSECURE_CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).sslContext(SSLContext.getInstance("TLS"))
                    .sslParameters(new javax.net.ssl.SSLParameters()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** The JVM's trusted CAs, plus those of the --registry-ca file. */
    private static SSLContext verifiedContext(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int n = 0;
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("default-" + n++, c);
                    }
                }
            }
            List<Certificate> extra = new ArrayList<>();
            try (InputStream in = Files.newInputStream(caFile.get())) {
                extra.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
            } catch (IOException e) {
                throw new ConfigException("--registry-ca " + caFile.get() + ": cannot read: " + e.getMessage());
            }
            if (extra.isEmpty()) {
                throw new ConfigException("--registry-ca " + caFile.get() + ": no PEM certificate in it");
            }
            for (Certificate c : extra) {
                store.setCertificateEntry("extra-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("--registry-ca " + caFile.orElse(Path.of("")) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot set up TLS: " + e.getMessage());
        }
    }

    /** For --insecure-registry hosts only: any certificate, any host name. */
    private static SSLContext trustingContext() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustAll}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

}

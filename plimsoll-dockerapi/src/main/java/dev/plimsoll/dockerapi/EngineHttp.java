package dev.plimsoll.dockerapi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * GET requests to the Engine API, one connection each ({@code Connection: close}), over a unix socket, TCP or TLS.
 * Bounded: {@link #get} has one deadline for the whole exchange and a body size limit; {@link #stream} has the
 * deadline until the response's head, then waits at most the same time for each read (an image's tar stream may
 * take minutes as a whole), and leaves the size bound to the reader. Messages name the engine or the request and
 * why; TLS failures say which side refused.
 */
public final class EngineHttp {
    /** What may go into a request path: no spaces, no CR/LF, nothing to escape. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/:@?=&%+-]*");
    private static final int BUFFER = 64 * 1024;

    private final EngineEndpoint endpoint;
    private final Optional<EngineTls.Context> tls;
    private final Duration timeout;

    /** @param tls the loaded TLS set-up for a TCP engine that speaks TLS; empty for plain HTTP */
    public EngineHttp(EngineEndpoint endpoint, Optional<EngineTls.Context> tls, Duration timeout) {
        this.endpoint = Objects.requireNonNull(endpoint);
        this.tls = Objects.requireNonNull(tls);
        this.timeout = Objects.requireNonNull(timeout);
        if (tls.isPresent() && !(endpoint.address() instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("docker host " + endpoint.dockerHost()
                    + ": TLS applies to tcp:// engines only");
        }
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** A response read whole. */
    public record Response(int status, byte[] body) {
    }

    /** A response whose body is read as it arrives; closing it closes the connection. */
    public static final class Streamed implements Closeable {
        private final int status;
        private final InputStream body;
        private final Connection connection;

        private Streamed(int status, InputStream body, Connection connection) {
            this.status = status;
            this.body = body;
            this.connection = connection;
        }

        public int status() {
            return status;
        }

        /** The body; an early end of the connection is an {@link EOFException}, a silent engine a timeout. */
        public InputStream body() {
            return body;
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }
    }

    /**
     * @throws EngineException naming the engine when it cannot be reached ({@link EngineException#unreachable()}),
     *                         or the request when the exchange fails, times out or the body exceeds the limit
     */
    public Response get(String pathAndQuery, long maxBodyBytes) throws EngineException {
        try (Streamed response = open(pathAndQuery)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[BUFFER];
            for (int n = response.body.read(buffer); n >= 0; n = response.body.read(buffer)) {
                if (body.size() + (long) n > maxBodyBytes) {
                    throw new EngineException("GET " + pathAndQuery + ": response body larger than " + maxBodyBytes
                            + " bytes");
                }
                body.write(buffer, 0, n);
            }
            return new Response(response.status, body.toByteArray());
        } catch (IOException e) {
            throw failed(pathAndQuery, e);
        }
    }

    /** A request whose body the caller reads and bounds; the caller closes it. */
    public Streamed stream(String pathAndQuery) throws EngineException {
        Streamed response = open(pathAndQuery);
        response.connection.idle(timeout.toNanos());
        return response;
    }

    /** The message for a failure while reading a body from {@link #stream}. */
    public EngineException failed(String pathAndQuery, IOException e) {
        return new EngineException("GET " + pathAndQuery + ": " + describe(e), e);
    }

    private Streamed open(String pathAndQuery) throws EngineException {
        if (!SAFE_PATH.matcher(pathAndQuery).matches()) {
            throw new IllegalArgumentException("not a safe request path: " + pathAndQuery);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection connection;
        try {
            connection = Connection.open(endpoint, tls.map(EngineTls.Context::ssl).orElse(null),
                    tls.map(EngineTls.Context::verifyServer).orElse(false), deadline);
        } catch (SSLException e) {
            throw new EngineException("TLS with the engine at " + endpoint.dockerHost() + " failed: "
                    + tls.orElseThrow().explain(e), e);
        } catch (SocketTimeoutException e) {
            throw new EngineException("cannot reach the engine at " + endpoint.dockerHost() + ": timed out after "
                    + timeout.toMillis() + " ms connecting", e);
        } catch (IOException e) {
            throw EngineException.unreachable("cannot reach the engine at " + endpoint.dockerHost() + ": "
                    + e.getMessage(), e);
        }
        try {
            String host = endpoint.address() instanceof InetSocketAddress inet
                    ? hostHeader(inet) : "docker";
            byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: plimsoll\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            InputStream in = new BufferedInputStream(connection.in(), BUFFER);
            try {
                connection.out().write(request);
                connection.out().flush();
            } catch (IOException e) {
                throw tls.isPresent() ? alertBehind(e, in) : e;
            }
            HttpResponseReader.Head head = HttpResponseReader.head(in);
            return new Streamed(head.status(), HttpResponseReader.body(head, in), connection);
        } catch (IOException e) {
            closeQuietly(connection, e);
            throw failed(pathAndQuery, e);
        }
    }

    /**
     * With TLS 1.3 the engine checks the client's certificate after the client's handshake is done, so its refusal
     * may first show as a broken pipe on the request; the alert it sent is then still there to read.
     */
    private static IOException alertBehind(IOException writeFailure, InputStream in) {
        try {
            in.read();
        } catch (SSLException alert) {
            alert.addSuppressed(writeFailure);
            return alert;
        } catch (IOException other) {
            writeFailure.addSuppressed(other);
        }
        return writeFailure;
    }

    private static String hostHeader(InetSocketAddress inet) {
        String host = inet.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
    }

    private String describe(IOException e) {
        return switch (e) {
            case SocketTimeoutException t -> "timed out after " + timeout.toMillis() + " ms waiting for the engine";
            case SSLException s when tls.isPresent() -> "TLS: " + tls.get().explain(s);
            case EOFException eof -> eof.getMessage();
            case ProtocolException p -> p.getMessage();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static void closeQuietly(Connection connection, IOException failure) {
        try {
            connection.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

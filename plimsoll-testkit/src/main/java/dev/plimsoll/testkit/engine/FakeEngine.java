package dev.plimsoll.testkit.engine;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A Docker Engine API stand-in: canned responses per request path, in several framings, on a unix socket or on
 * 127.0.0.1 over TLS (with a client certificate required). Paths without a route get the engine's 404.
 */
public final class FakeEngine implements AutoCloseable {
    public enum Framing {
        CONTENT_LENGTH, CHUNKED, UNTIL_CLOSE, NEVER_ANSWER,
        /** Chunked, then the connection ends in the middle of the body. */
        TRUNCATED
    }

    /** A response: its body from memory or streamed from a file (an image's tar may be large). */
    public record Route(int status, byte[] bytes, Path file, Framing framing) {
        long length() throws IOException {
            return file == null ? bytes.length : java.nio.file.Files.size(file);
        }

        InputStream open() throws IOException {
            return file == null ? new java.io.ByteArrayInputStream(bytes) : java.nio.file.Files.newInputStream(file);
        }
    }

    private final Listener listener;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    /** The head of every request, in arrival order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final CountDownLatch release = new CountDownLatch(1);

    private FakeEngine(Listener listener) {
        this.listener = listener;
        this.thread = Thread.ofVirtual().start(this::serve);
    }

    /** An engine on a unix socket at {@code socket}. */
    public FakeEngine(Path socket) throws IOException {
        this(Listener.unix(socket));
    }

    /**
     * An engine speaking TLS on 127.0.0.1 with this server context; {@code requireClientCertificate} makes the
     * handshake fail without one, as dockerd with --tlsverify does.
     */
    public static FakeEngine tls(SSLContext context, boolean requireClientCertificate) throws IOException {
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(requireClientCertificate);
        return new FakeEngine(Listener.tcp(server));
    }

    /** The port of a TCP engine. */
    public int port() {
        return listener.port();
    }

    public FakeEngine route(String path, int status, String body, Framing framing) {
        return route(path, status, body.getBytes(StandardCharsets.UTF_8), framing);
    }

    public FakeEngine route(String path, int status, byte[] body, Framing framing) {
        routes.put(path, new Route(status, body.clone(), null, framing));
        return this;
    }

    /** A route whose body is streamed from {@code file}. */
    public FakeEngine route(String path, int status, Path file, Framing framing) {
        routes.put(path, new Route(status, null, file, framing));
        return this;
    }

    /** The request paths asked so far. */
    public List<String> paths() {
        return requests.stream().map(r -> r.split(" ")[1]).toList();
    }

    private void serve() {
        while (true) {
            try {
                Exchange client = listener.accept();
                Thread.ofVirtual().start(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Exchange client) {
        try (client) {
            String head = readHead(client.in());
            requests.add(head);
            String path = head.split(" ")[1];
            Route route = routes.getOrDefault(path, new Route(404,
                    "{\"message\":\"page not found\"}".getBytes(StandardCharsets.UTF_8), null,
                    Framing.CONTENT_LENGTH));
            if (route.framing() == Framing.NEVER_ANSWER) {
                release.await();
                return;
            }
            long length = route.length();
            OutputStream out = new java.io.BufferedOutputStream(client.out(), 64 * 1024);
            ascii(out, "HTTP/1.1 " + route.status() + " X\r\nContent-Type: application/json\r\n"
                    + "Api-Version: 1.47\r\n");
            try (InputStream body = route.open()) {
                switch (route.framing()) {
                    case CONTENT_LENGTH -> {
                        ascii(out, "Content-Length: " + length + "\r\n\r\n");
                        body.transferTo(out);
                    }
                    case UNTIL_CLOSE -> {
                        ascii(out, "\r\n");
                        body.transferTo(out);
                    }
                    case CHUNKED -> chunked(out, body, length, true);
                    case TRUNCATED -> chunked(out, body, length / 2, false);
                    case NEVER_ANSWER -> throw new IllegalStateException("answered above");
                }
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away or refused the handshake; nothing to answer
        }
    }

    /** Uneven chunks, some with an extension, to exercise the decoder; {@code end} bytes of the body at most. */
    private static void chunked(OutputStream out, InputStream body, long end, boolean finish) throws IOException {
        ascii(out, "Transfer-Encoding: chunked\r\n\r\n");
        long at = 0;
        int size = 7;
        while (at < end) {
            byte[] chunk = body.readNBytes((int) Math.min(end - at, size));
            if (chunk.length == 0) {
                break;
            }
            ascii(out, Integer.toHexString(chunk.length) + (size % 2 == 0 ? ";ext=1" : "") + "\r\n");
            out.write(chunk);
            ascii(out, "\r\n");
            at += chunk.length;
            size = size * 3 % 50_000 + 1;
        }
        if (finish) {
            ascii(out, "0\r\n\r\n");
        }
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        listener.close();
        thread.interrupt();
    }

    /** One accepted connection. */
    private interface Exchange extends Closeable {
        InputStream in() throws IOException;

        OutputStream out() throws IOException;
    }

    private interface Listener extends Closeable {
        Exchange accept() throws IOException;

        int port();

        static Listener unix(Path socket) throws IOException {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            return new Listener() {
                @Override
                public Exchange accept() throws IOException {
                    SocketChannel channel = server.accept();
                    InputStream in = Channels.newInputStream(channel);
                    OutputStream out = Channels.newOutputStream(channel);
                    return new Exchange() {
                        @Override
                        public InputStream in() {
                            return in;
                        }

                        @Override
                        public OutputStream out() {
                            return out;
                        }

                        @Override
                        public void close() throws IOException {
                            channel.close();
                        }
                    };
                }

                @Override
                public int port() {
                    throw new IllegalStateException("a unix socket engine has no port");
                }

                @Override
                public void close() throws IOException {
                    server.close();
                    // a closed server leaves its socket file behind, which would keep the path from being bound again
                    java.nio.file.Files.deleteIfExists(socket);
                }
            };
        }

        static Listener tcp(ServerSocket server) {
            return new Listener() {
                @Override
                public Exchange accept() throws IOException {
                    Socket socket = server.accept();
                    return new Exchange() {
                        @Override
                        public InputStream in() throws IOException {
                            return socket.getInputStream();
                        }

                        @Override
                        public OutputStream out() throws IOException {
                            return socket.getOutputStream();
                        }

                        @Override
                        public void close() throws IOException {
                            socket.close();
                        }
                    };
                }

                @Override
                public int port() {
                    return server.getLocalPort();
                }

                @Override
                public void close() throws IOException {
                    server.close();
                }
            };
        }
    }
}

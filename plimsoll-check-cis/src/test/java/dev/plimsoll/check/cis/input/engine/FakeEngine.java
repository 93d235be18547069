package dev.plimsoll.check.cis.input.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A Docker Engine API stand-in on a unix socket: canned responses per request path, in several framings. */
final class FakeEngine implements AutoCloseable {
    enum Framing { CONTENT_LENGTH, CHUNKED, UNTIL_CLOSE, NEVER_ANSWER }

    record Route(int status, String body, Framing framing) {
    }

    private final ServerSocketChannel server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final CountDownLatch release = new CountDownLatch(1);

    FakeEngine(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = Thread.ofVirtual().start(this::serve);
    }

    FakeEngine route(String path, int status, String body, Framing framing) {
        routes.put(path, new Route(status, body, framing));
        return this;
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            String head = readHead(client);
            requests.add(head);
            String path = head.split(" ")[1];
            Route route = routes.getOrDefault(path, new Route(404, "{\"message\":\"page not found\"}",
                    Framing.CONTENT_LENGTH));
            byte[] body = route.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder response = new StringBuilder("HTTP/1.1 " + route.status() + " X\r\n"
                    + "Content-Type: application/json\r\nApi-Version: 1.47\r\n");
            switch (route.framing()) {
                case NEVER_ANSWER -> {
                    release.await();
                    return;
                }
                case CONTENT_LENGTH -> response.append("Content-Length: ").append(body.length).append("\r\n\r\n")
                        .append(route.body());
                case UNTIL_CLOSE -> response.append("\r\n").append(route.body());
                case CHUNKED -> {
                    response.append("Transfer-Encoding: chunked\r\n\r\n");
                    // uneven chunks, one with an extension, to exercise the decoder
                    String text = route.body();
                    int at = 0;
                    int size = 7;
                    while (at < text.length()) {
                        String chunk = text.substring(at, Math.min(text.length(), at + size));
                        response.append(Integer.toHexString(chunk.getBytes(StandardCharsets.UTF_8).length))
                                .append(size % 2 == 0 ? ";ext=1" : "").append("\r\n").append(chunk).append("\r\n");
                        at += chunk.length();
                        size = size * 3 % 50 + 1;
                    }
                    response.append("0\r\n\r\n");
                }
            }
            ByteBuffer out = ByteBuffer.wrap(response.toString().getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                client.write(out);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to answer
        }
    }

    private static String readHead(SocketChannel client) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            one.clear();
            if (client.read(one) < 0) {
                break;
            }
            head.write(one.array(), 0, 1);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        server.close();
        thread.interrupt();
    }
}

package dev.plimsoll.check.cis.input.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A small HTTP/1.1 GET client over a socket channel — a unix domain socket or TCP — which {@code java.net.http}
 * cannot use. Bounded: one deadline for the whole exchange, a header size limit and a body size limit; bodies
 * framed by Content-Length, chunked transfer coding, or the connection's end.
 */
final class HttpOverChannel {
    static final int MAX_HEADER_BYTES = 64 * 1024;

    record Response(int status, byte[] body) {
    }

    private final SocketAddress address;
    private final Duration timeout;
    private final long maxBodyBytes;

    HttpOverChannel(SocketAddress address, Duration timeout, long maxBodyBytes) {
        this.address = address;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    Response get(String pathAndQuery) throws IOException, EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SocketAddress target = address instanceof InetSocketAddress inet && inet.isUnresolved()
                    ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : address;
            if (!channel.connect(target)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    await(selector, deadline, "connecting");
                }
            }
            String host = address instanceof InetSocketAddress inet ? inet.getHostString() + ":" + inet.getPort()
                    : "docker";
            byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: plimsoll\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer out = ByteBuffer.wrap(request);
            channel.register(selector, SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(selector, deadline, "sending the request");
                }
            }
            channel.register(selector, SelectionKey.OP_READ);
            return new ResponseReader(channel, selector, deadline).read();
        }
    }

    private SocketChannel open() throws IOException {
        return address instanceof UnixDomainSocketAddress ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open();
    }

    private void await(Selector selector, long deadline, String doing) throws IOException, EngineException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new EngineException("timed out after " + timeout.toMillis() + " ms " + doing);
        }
        selector.select(Math.max(1, remaining / 1_000_000));
        selector.selectedKeys().clear();
    }

    private final class ResponseReader {
        private final SocketChannel channel;
        private final Selector selector;
        private final long deadline;
        private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        private boolean eof;

        ResponseReader(SocketChannel channel, Selector selector, long deadline) {
            this.channel = channel;
            this.selector = selector;
            this.deadline = deadline;
            buffer.flip();
        }

        Response read() throws IOException, EngineException {
            String statusLine = line(MAX_HEADER_BYTES);
            String[] status = statusLine.split(" ", 3);
            if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
                // a TLS-protected engine (tcp://…:2376) answers a plain request with an alert, not HTTP
                throw new EngineException("not an HTTP response (an engine that requires TLS? TLS is not supported)");
            }
            int code;
            try {
                code = Integer.parseInt(status[1]);
            } catch (NumberFormatException e) {
                throw new EngineException("not an HTTP response (bad status)");
            }
            long contentLength = -1;
            boolean chunked = false;
            int headerBytes = statusLine.length();
            while (true) {
                String header = line(MAX_HEADER_BYTES - headerBytes);
                headerBytes += header.length() + 2;
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new EngineException("malformed HTTP header");
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new EngineException("malformed Content-Length");
                    }
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                chunks(body);
            } else if (contentLength >= 0) {
                if (contentLength > maxBodyBytes) {
                    throw tooLarge();
                }
                exactly(contentLength, body);
            } else {
                while (fill()) {
                    take(buffer.remaining(), body);
                }
                take(buffer.remaining(), body);
            }
            return new Response(code, body.toByteArray());
        }

        private void chunks(ByteArrayOutputStream body) throws IOException, EngineException {
            while (true) {
                String sizeLine = line(1024);
                int semicolon = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new EngineException("malformed chunked body");
                }
                if (size < 0 || body.size() + size > maxBodyBytes) {
                    throw tooLarge();
                }
                if (size == 0) {
                    while (!line(MAX_HEADER_BYTES).isEmpty()) {
                        // trailers are not used
                    }
                    return;
                }
                exactly(size, body);
                if (!line(2).isEmpty()) {
                    throw new EngineException("malformed chunked body");
                }
            }
        }

        private EngineException tooLarge() {
            return new EngineException("response body larger than " + maxBodyBytes + " bytes");
        }

        private void exactly(long count, ByteArrayOutputStream body) throws IOException, EngineException {
            long left = count;
            while (left > 0) {
                if (!buffer.hasRemaining() && !fill()) {
                    throw new EngineException("connection closed before the end of the response");
                }
                int n = (int) Math.min(left, buffer.remaining());
                take(n, body);
                left -= n;
            }
        }

        private void take(int n, ByteArrayOutputStream body) throws EngineException {
            if (body.size() + (long) n > maxBodyBytes) {
                throw tooLarge();
            }
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            body.writeBytes(bytes);
        }

        /** A CRLF-terminated line of at most {@code limit} bytes, without the CRLF. */
        private String line(int limit) throws IOException, EngineException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (!buffer.hasRemaining() && !fill()) {
                    throw new EngineException("connection closed in the middle of the response");
                }
                byte b = buffer.get();
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) (b & 0xff));
                if (line.length() > limit) {
                    throw new EngineException("HTTP response header too long");
                }
            }
        }

        /** Reads more into the (drained) buffer; false at the end of the connection. */
        private boolean fill() throws IOException, EngineException {
            if (eof) {
                return false;
            }
            buffer.compact();
            try {
                while (true) {
                    int n = channel.read(buffer);
                    if (n < 0) {
                        eof = true;
                        return false;
                    }
                    if (n > 0) {
                        return true;
                    }
                    await(selector, deadline, "waiting for the response");
                }
            } finally {
                buffer.flip();
            }
        }
    }
}

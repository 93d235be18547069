package dev.plimsoll.dockerapi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 response from a byte stream: the status line and headers (bounded), then a body framed by
 * Content-Length, chunked transfer coding, or the connection's end. A body that ends early is an
 * {@link EOFException}; malformed framing a {@link ProtocolException}.
 */
final class HttpResponseReader {
    static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    /** The status and the framing headers; other headers are not used. */
    record Head(int status, long contentLength, boolean chunked) {
    }

    private HttpResponseReader() {
    }

    static Head head(InputStream in) throws IOException {
        String statusLine = line(in, MAX_HEADER_BYTES);
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            // a TLS-protected engine (tcp://…:2376) answers a plain request with an alert, not HTTP
            throw new ProtocolException("not an HTTP response (an engine that requires TLS? use --tlsverify or"
                    + " DOCKER_TLS_VERIFY=1)");
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not an HTTP response (bad status)");
        }
        long contentLength = -1;
        boolean chunked = false;
        int headerBytes = statusLine.length();
        while (true) {
            String header = line(in, MAX_HEADER_BYTES - headerBytes);
            headerBytes += header.length() + 2;
            if (header.isEmpty()) {
                return new Head(code, contentLength, chunked);
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed HTTP header");
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("malformed Content-Length");
                }
                if (contentLength < 0) {
                    throw new ProtocolException("malformed Content-Length");
                }
            } else if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
        }
    }

    /** The body of a response whose head was just read from {@code in}. */
    static InputStream body(Head head, InputStream in) {
        if (head.chunked()) {
            return new Chunked(in);
        }
        if (head.contentLength() >= 0) {
            return new Exactly(in, head.contentLength());
        }
        return in;
    }

    /** A CRLF-terminated line of at most {@code limit} bytes, without the CRLF. */
    private static String line(InputStream in, int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of the response");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
            if (line.length() > limit) {
                throw new ProtocolException("HTTP response header too long");
            }
        }
    }

    private static EOFException cutShort() {
        return new EOFException("connection closed before the end of the response");
    }

    /** A Content-Length body: exactly that many bytes, or an error. */
    private static final class Exactly extends BlockInputStream {
        private final InputStream in;
        private long left;

        Exactly(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw cutShort();
            }
            left -= n;
            return n;
        }
    }

    /** A chunked body, decoded; trailers are read and dropped. */
    private static final class Chunked extends BlockInputStream {
        private final InputStream in;
        private long leftInChunk;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (leftInChunk == 0 && !nextChunk()) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, leftInChunk));
            if (n < 0) {
                throw cutShort();
            }
            leftInChunk -= n;
            if (leftInChunk == 0 && !line(in, 2).isEmpty()) {
                throw new ProtocolException("malformed chunked body");
            }
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            String sizeLine = lineOrCutShort();
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("malformed chunked body");
            }
            if (size < 0) {
                throw new ProtocolException("malformed chunked body");
            }
            if (size == 0) {
                done = true;
                int trailerBytes = 0;
                for (String trailer = lineOrCutShort(); !trailer.isEmpty(); trailer = lineOrCutShort()) {
                    trailerBytes += trailer.length();
                    if (trailerBytes > MAX_HEADER_BYTES) {
                        throw new ProtocolException("HTTP trailers too long");
                    }
                }
                return false;
            }
            leftInChunk = size;
            return true;
        }

        private String lineOrCutShort() throws IOException {
            try {
                return line(in, MAX_CHUNK_LINE);
            } catch (EOFException e) {
                throw cutShort();
            }
        }
    }
}

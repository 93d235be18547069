package dev.plimsoll.dockerapi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One connection to the engine whose every wait ends at a deadline: the whole exchange's, or, once a streamed body
 * is being read, a fresh one for each read ({@link #idle}). A unix socket is a non-blocking channel waited on with a
 * selector (a blocking one ignores timeouts); TCP, plain or TLS, is a socket with a read timeout.
 */
sealed interface Connection extends Closeable permits Connection.Unix, Connection.Tcp {

    InputStream in();

    OutputStream out();

    /** From now on each read may wait {@code nanos} for data, however long the whole body takes. */
    void idle(long nanos);

    /**
     * @param tls the context when the engine speaks TLS; {@code verifyHost} turns the host name check on
     * @throws IOException when the connection (or the TLS handshake) fails; a {@link SocketTimeoutException} when
     *                     it takes past the deadline
     */
    static Connection open(EngineEndpoint endpoint, SSLContext tls, boolean verifyHost, long deadline)
            throws IOException {
        return endpoint.address() instanceof UnixDomainSocketAddress unix ? Unix.open(unix, deadline)
                : Tcp.open((InetSocketAddress) endpoint.address(), tls, verifyHost, deadline);
    }

    /** The time left before {@code deadline}, or a timeout. */
    private static long remaining(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline reached");
        }
        return left;
    }

    final class Unix implements Connection {
        private final SocketChannel channel;
        private final Selector selector;
        private long deadline;
        private long idleNanos;

        private Unix(SocketChannel channel, Selector selector, long deadline) {
            this.channel = channel;
            this.selector = selector;
            this.deadline = deadline;
        }

        static Unix open(UnixDomainSocketAddress address, long deadline) throws IOException {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            Selector selector = null;
            try {
                selector = Selector.open();
                channel.configureBlocking(false);
                Unix connection = new Unix(channel, selector, deadline);
                if (!channel.connect(address)) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    while (!channel.finishConnect()) {
                        connection.await();
                    }
                }
                return connection;
            } catch (IOException | RuntimeException e) {
                channel.close();
                if (selector != null) {
                    selector.close();
                }
                throw e;
            }
        }

        private void await() throws IOException {
            long left = remaining(deadline);
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
        }

        @Override
        public void idle(long nanos) {
            idleNanos = nanos;
        }

        @Override
        public InputStream in() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    if (idleNanos > 0) {
                        deadline = System.nanoTime() + idleNanos;
                    }
                    channel.register(selector, SelectionKey.OP_READ);
                    ByteBuffer into = ByteBuffer.wrap(b, off, len);
                    while (true) {
                        int n = channel.read(into);
                        if (n != 0) {
                            return n;
                        }
                        await();
                    }
                }
            };
        }

        @Override
        public OutputStream out() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    channel.register(selector, SelectionKey.OP_WRITE);
                    ByteBuffer from = ByteBuffer.wrap(b, off, len);
                    while (from.hasRemaining()) {
                        if (channel.write(from) == 0) {
                            await();
                        }
                    }
                }
            };
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                selector.close();
            }
        }
    }

    final class Tcp implements Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private long deadline;
        private long idleNanos;

        private Tcp(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.deadline = deadline;
        }

        static Tcp open(InetSocketAddress address, SSLContext tls, boolean verifyHost, long deadline)
                throws IOException {
            InetSocketAddress resolved = address.isUnresolved()
                    ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
            Socket plain = new Socket();
            try {
                plain.connect(resolved, timeoutMillis(deadline));
                Socket socket = plain;
                if (tls != null) {
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                            address.getHostString(), address.getPort(), true);
                    if (verifyHost) {
                        SSLParameters parameters = secure.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        secure.setSSLParameters(parameters);
                    }
                    secure.setSoTimeout(timeoutMillis(deadline));
                    secure.startHandshake();
                    socket = secure;
                }
                return new Tcp(socket, deadline);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        private static int timeoutMillis(long deadline) throws SocketTimeoutException {
            return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining(deadline) / 1_000_000));
        }

        @Override
        public void idle(long nanos) {
            idleNanos = nanos;
        }

        @Override
        public InputStream in() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (idleNanos > 0) {
                        deadline = System.nanoTime() + idleNanos;
                    }
                    socket.setSoTimeout(timeoutMillis(deadline));
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

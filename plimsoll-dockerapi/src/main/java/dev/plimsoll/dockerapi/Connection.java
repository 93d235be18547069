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

    final class Unix implements Connection {
        private final SocketChannel channel;
        private final Selector selector;
        private final ReadDeadline deadline;

        private Unix(SocketChannel channel, Selector selector, long deadline) {
            this.channel = channel;
            this.selector = selector;
            this.deadline = new ReadDeadline(deadline);
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
            long left = deadline.remaining();
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
        }

        @Override
        public void idle(long nanos) {
            deadline.idle(nanos);
        }

        @Override
        public InputStream in() {
            return new BlockInputStream() {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    deadline.beforeRead();
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
        private final ReadDeadline deadline;

        private Tcp(Socket socket, ReadDeadline deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.deadline = deadline;
        }

        static Tcp open(InetSocketAddress address, SSLContext tls, boolean verifyHost, long deadline)
                throws IOException {
            InetSocketAddress resolved = address.isUnresolved()
                    ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
            ReadDeadline until = new ReadDeadline(deadline);
            Socket plain = new Socket();
            try {
                plain.connect(resolved, until.remainingMillis());
                Socket socket = plain;
                if (tls != null) {
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                            address.getHostString(), address.getPort(), true);
                    if (verifyHost) {
                        SSLParameters parameters = secure.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        secure.setSSLParameters(parameters);
                    }
                    secure.setSoTimeout(until.remainingMillis());
                    secure.startHandshake();
                    socket = secure;
                }
                return new Tcp(socket, until);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        @Override
        public void idle(long nanos) {
            deadline.idle(nanos);
        }

        @Override
        public InputStream in() {
            return new BlockInputStream() {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    deadline.beforeRead();
                    socket.setSoTimeout(deadline.remainingMillis());
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

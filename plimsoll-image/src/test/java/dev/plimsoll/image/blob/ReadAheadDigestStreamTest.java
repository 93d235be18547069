package dev.plimsoll.image.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadAheadDigestStreamTest {
    private static final Digest ANY = new Digest("sha256", "0".repeat(64));

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static Digest sha256(byte[] b) throws Exception {
        return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static BlobSource blob(InputStream in) {
        return new BlobSource() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() {
                return in;
            }
        };
    }

    @Test
    void aFailureToOpenArrivesAtTheFirstRead() throws IOException {
        BlobSource gone = new BlobSource() {
            @Override
            public String name() {
                return "gone";
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public InputStream open() throws IOException {
                throw new IOException("no such blob");
            }
        };
        try (ReadAheadDigestStream in = new ReadAheadDigestStream(gone, ANY)) {
            assertThatThrownBy(in::read).hasMessage("no such blob");
        }
    }

    @Test
    void handsOverEveryByteAndDigestsThemAll() throws Exception {
        for (int size : new int[] {0, 1, ReadAheadDigestStream.CHUNK, ReadAheadDigestStream.CHUNK * 20 + 17}) {
            byte[] data = noise(size);
            try (ReadAheadDigestStream in = new ReadAheadDigestStream(new BytesBlob("data", data), ANY)) {
                byte[] head = in.readNBytes(Math.min(size, 1000));
                assertThat(in.skip(3)).isEqualTo(Math.min(3, Math.max(0, size - head.length)));
                byte[] rest = in.readAllBytes();
                assertThat(head.length + rest.length + Math.min(3, Math.max(0, size - head.length))).isEqualTo(size);
                assertThat(in.read()).isEqualTo(-1);
                assertThat(in.result()).isEqualTo(sha256(data));
                assertThat(in.count()).isEqualTo(size);
            }
        }
    }

    @Test
    void aReadFailureReachesTheReaderInOrderAndStays() throws IOException {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ >= 1000) {
                    throw new IOException("disk on fire");
                }
                return 7;
            }
        };
        try (ReadAheadDigestStream in = new ReadAheadDigestStream(blob(failing), ANY)) {
            assertThatThrownBy(in::readAllBytes).hasMessage("disk on fire");
            assertThatThrownBy(in::read).hasMessage("disk on fire");
            assertThatThrownBy(in::result).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingEarlyStopsTheReadingThreadAndClosesTheSource() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };
        ReadAheadDigestStream in = new ReadAheadDigestStream(blob(endless), ANY);
        assertThat(in.readNBytes(10)).hasSize(10);
        in.close();
        for (int i = 0; i < 200 && !closed.get(); i++) {
            Thread.sleep(10);
        }
        assertThat(closed).isTrue();
    }
}

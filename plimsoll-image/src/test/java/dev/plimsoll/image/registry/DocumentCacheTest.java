package dev.plimsoll.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentCacheTest {
    @TempDir
    Path dir;

    private static final byte[] CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);

    private static Digest sha256(byte[] bytes) throws Exception {
        return Digest.sha256(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void keepsADocumentByDigestAndGivesItBack() throws Exception {
        DocumentCache cache = new DocumentCache(dir.resolve("layers"), 1024);
        Digest digest = sha256(CONFIG);
        assertThat(cache.get(digest)).isEmpty();
        cache.put(digest, CONFIG);
        assertThat(cache.get(digest)).hasValueSatisfying(b -> assertThat(b).isEqualTo(CONFIG));
        assertThat(dir.resolve("layers").resolve("sha256-" + digest.hex() + DocumentCache.SUFFIX)).isRegularFile();
        try (var files = Files.list(dir.resolve("layers"))) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void aDamagedEntryIsIgnoredAndRemoved() throws Exception {
        DocumentCache cache = new DocumentCache(dir, 1024);
        Digest digest = sha256(CONFIG);
        cache.put(digest, CONFIG);
        Path file = dir.resolve("sha256-" + digest.hex() + DocumentCache.SUFFIX);
        byte[] damaged = CONFIG.clone();
        damaged[3] ^= 1;
        Files.write(file, damaged);
        assertThat(cache.get(digest)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void bytesThatDoNotMatchTheDigestAreNotKept() throws Exception {
        DocumentCache cache = new DocumentCache(dir, 1024);
        Digest other = sha256("something else".getBytes(StandardCharsets.UTF_8));
        cache.put(other, CONFIG);
        assertThat(cache.get(other)).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSymlinkedEntryIsNotFollowed() throws Exception {
        Path outside = Files.write(dir.resolve("outside.json"), CONFIG);
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        Digest digest = sha256(CONFIG);
        Files.createSymbolicLink(cacheDir.resolve("sha256-" + digest.hex() + DocumentCache.SUFFIX), outside);
        assertThat(new DocumentCache(cacheDir, 1024).get(digest)).isEmpty();
    }

    @Test
    void documentsAboveTheBoundAreNeitherKeptNorRead() throws Exception {
        Digest digest = sha256(CONFIG);
        new DocumentCache(dir, 8).put(digest, CONFIG);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        new DocumentCache(dir, 1024).put(digest, CONFIG);
        assertThat(new DocumentCache(dir, 8).get(digest)).isEmpty();
    }

    @Test
    void anAlgorithmTheJdkLacksIsNeverKept() throws IOException {
        Digest digest = new Digest("blake3", HexFormat.of().formatHex(new byte[32]));
        DocumentCache cache = new DocumentCache(dir, 1024);
        cache.put(digest, CONFIG);
        assertThat(cache.get(digest)).isEmpty();
    }

    @Test
    void anUnwritableDirectoryOnlyCostsTheCaching() throws Exception {
        Path file = Files.write(dir.resolve("not-a-directory"), new byte[0]);
        DocumentCache cache = new DocumentCache(file, 1024);
        Digest digest = sha256(CONFIG);
        cache.put(digest, CONFIG);
        assertThat(cache.get(digest)).isEmpty();
    }
}

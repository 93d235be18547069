package dev.plimsoll.vulndb.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Zip archives for tests, names written as given ("../x", "/abs") and with Unix symlinks when asked. */
final class Archives {
    private Archives() {
    }

    static byte[] zip(Map<String, String> files) {
        return zip(files, Map.of());
    }

    /** {@code files}: name → content ("dir/" names make directories); {@code links}: name → link target. */
    static byte[] zip(Map<String, String> files, Map<String, String> links) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipArchiveEntry e = new ZipArchiveEntry(f.getKey());
                zip.putArchiveEntry(e);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
            for (Map.Entry<String, String> l : links.entrySet()) {
                ZipArchiveEntry e = new ZipArchiveEntry(l.getKey());
                e.setUnixMode(0120777);
                zip.putArchiveEntry(e);
                zip.write(l.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> files(String... nameContent) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameContent.length; i += 2) {
            m.put(nameContent[i], nameContent[i + 1]);
        }
        return m;
    }
}

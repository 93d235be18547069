package dev.plimsoll.vulndb.build.feedio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {
    @TempDir
    Path root;

    @Test
    void walksInNameOrderAndReportsWhatItDoesNotRead(@TempDir Path outside) throws IOException {
        Files.createDirectories(root.resolve("feed/b"));
        Files.createDirectories(root.resolve("feed/a/skipme"));
        Files.writeString(root.resolve("feed/b/2.json"), "{}");
        Files.writeString(root.resolve("feed/b/1.json"), "{}");
        Files.writeString(root.resolve("feed/a/z.json"), "{}");
        Files.writeString(root.resolve("feed/a/notes.txt"), "not wanted");
        Files.writeString(root.resolve("feed/a/skipme/x.json"), "{}");
        Files.createSymbolicLink(root.resolve("feed/a/link.json"), outside);
        DataRoot data = new DataRoot(root);
        List<String> visited = new ArrayList<>();
        RecordingSink sink = new RecordingSink();
        data.walk(data.directory("feed").orElseThrow(), n -> n.endsWith(".json"), Map.of("skipme", "excluded"),
                (file, relative) -> visited.add(relative), sink);
        assertThat(visited).containsExactly("feed/a/z.json", "feed/b/1.json", "feed/b/2.json");
        assertThat(sink.skipped).containsExactly(
                new RecordingSink.Skip("feed/a/link.json", "symbolic link: not followed"),
                new RecordingSink.Skip("feed/a/skipme", "excluded"));
    }

    @Test
    void directoriesAndFilesOutsideTheRootOrBehindLinksAreNotOffered(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("f.json"), "{}");
        Files.createSymbolicLink(root.resolve("linked"), outside);
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/f.json"), "{}");
        DataRoot data = new DataRoot(root);
        assertThat(data.directory("linked")).isEmpty();
        assertThat(data.directory("../" + outside.getFileName())).isEmpty();
        assertThat(data.regularFile("linked/f.json")).isEmpty();
        assertThat(data.regularFile("real/f.json")).isPresent();
        assertThat(data.directory("real")).isPresent();
        assertThat(data.directory("missing")).isEmpty();
    }

    @Test
    void nestingIsBounded() throws IOException {
        Path deep = root;
        for (int i = 0; i < 20; i++) {
            deep = deep.resolve("d" + i);
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("x.json"), "{}");
        DataRoot data = new DataRoot(root);
        RecordingSink sink = new RecordingSink();
        List<String> visited = new ArrayList<>();
        data.walk(root.toRealPath(), n -> true, Map.of(), (f, r) -> visited.add(r), sink);
        assertThat(visited).isEmpty();
        assertThat(sink.skipped).singleElement().satisfies(s -> assertThat(s.reason()).contains("deeper than 16"));
    }

    @Test
    void readsAreBounded() throws IOException {
        Files.writeString(root.resolve("f"), "0123456789");
        DataRoot data = new DataRoot(root);
        Path file = data.regularFile("f").orElseThrow();
        assertThat(data.read(file, 10)).hasSize(10);
        assertThatThrownBy(() -> data.read(file, 9)).isInstanceOf(FileTooLargeException.class)
                .hasMessage("file has 10 bytes, over the 9-byte bound");
        assertThatThrownBy(() -> data.open(file, 9)).isInstanceOf(FileTooLargeException.class);
        try (InputStream in = data.open(file, 10)) {
            assertThat(in.readAllBytes()).hasSize(10);
        }
    }

    @Test
    void boundedStreamStopsAtTheBound() {
        InputStream in = new BoundedInputStream(new ByteArrayInputStream(new byte[100]), 64);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(FileTooLargeException.class)
                .hasMessage("content is over the 64-byte bound");
    }

    @Test
    void rootMustBeADirectory() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> new DataRoot(file)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new DataRoot(root.resolve("missing"))).isInstanceOf(IOException.class);
    }
}

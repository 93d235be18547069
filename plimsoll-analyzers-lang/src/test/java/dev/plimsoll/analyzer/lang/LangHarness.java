package dev.plimsoll.analyzer.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.fs.InterestIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs an analyzer session over layers of files the way the engine does: visibility computed top-down, files chosen
 * by the engine's own {@link InterestIndex} (so a glob that the engine would not match fails here too), deleted
 * copies only when asked for, content bounded by the analyzer's maxBytes. Fixture directories under
 * src/test/resources mirror image paths.
 */
public final class LangHarness {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    public enum Order { ENGINE, REVERSED, SHUFFLED_1, SHUFFLED_2 }

    public record Run(AnalyzerOutput output, List<String> delivered, List<String> tooLarge) {
    }

    /** One layer's files, directories and symbolic links. */
    public static final class Layer {
        private record Item(FileType type, byte[] content, String linkTarget) {
        }

        private final Map<String, Item> items = new LinkedHashMap<>();
        private final Set<String> whiteouts = new HashSet<>();

        /** Every file under src/test/resources/{@code fixture}, at the same absolute paths. */
        public Layer fixture(String fixture) {
            return fixture(fixture, "");
        }

        /** Every file under src/test/resources/{@code fixture}, under {@code mount} ("/app"). */
        public Layer fixture(String fixture, String mount) {
            Path root = RESOURCES.resolve(fixture);
            assertThat(root).as("fixture directory").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted().toList()) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        file(mount + "/" + root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Layer file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        public Layer file(String path, byte[] content) {
            items.put(path, new Item(FileType.REGULAR, content, null));
            return this;
        }

        public Layer dir(String path) {
            items.put(path, new Item(FileType.DIRECTORY, new byte[0], null));
            return this;
        }

        public Layer symlink(String path, String target) {
            items.put(path, new Item(FileType.SYMLINK, new byte[0], target));
            return this;
        }

        /** Deletes {@code path} of the lower layers, as a ".wh." entry does. */
        public Layer whiteout(String path) {
            whiteouts.add(path);
            return this;
        }
    }

    private record MemoryEntry(FileMeta meta, byte[] bytes, boolean hasContent) implements FileEntry {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(hasContent ? bytes : new byte[0]);
        }
    }

    private final Analyzer analyzer;
    private final List<Layer> layers = new ArrayList<>();

    private LangHarness(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public static LangHarness of(Analyzer analyzer) {
        return new LangHarness(analyzer);
    }

    public static Layer layer() {
        return new Layer();
    }

    /** Adds a layer above the ones added before (the first is index 0). */
    public LangHarness layer(Layer layer) {
        layers.add(layer);
        return this;
    }

    public LangHarness fixture(String fixture) {
        return layer(new Layer().fixture(fixture));
    }

    public static LayerRef layerRef(int index) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Digest diffId = Digest.sha256(sha.digest(("layer-" + index).getBytes(StandardCharsets.UTF_8)));
            Digest blob = Digest.sha256(sha.digest(("blob-" + index).getBytes(StandardCharsets.UTF_8)));
            return new LayerRef(index, Optional.of(blob), Optional.of(diffId), 0, Optional.empty(),
                    Optional.of("layer " + index));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ScanContext context() {
        return new ScanContext(new Target(Target.Kind.IMAGE, "fixture"), ImageConfig.empty(Platform.LINUX_AMD64),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    public Run run() {
        return run(Order.ENGINE);
    }

    public Run run(Order order) {
        List<String> tooLarge = new ArrayList<>();
        List<FileEntry> entries = entries(analyzer.interests(), tooLarge);
        switch (order) {
            case ENGINE -> {
            }
            case REVERSED -> Collections.reverse(entries);
            case SHUFFLED_1 -> Collections.shuffle(entries, new Random(1));
            case SHUFFLED_2 -> Collections.shuffle(entries, new Random(2));
        }
        Analyzer.Session session = analyzer.open(context());
        List<String> delivered = new ArrayList<>();
        for (FileEntry e : entries) {
            try {
                session.accept(e);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            delivered.add(e.meta().path());
        }
        return new Run(session.finish(), delivered, tooLarge);
    }

    /** Runs in every {@link Order}, asserts the output does not depend on it, and returns the engine's run. */
    public Run runInEveryOrder() {
        Run engine = run(Order.ENGINE);
        for (Order order : Order.values()) {
            assertThat(run(order).output()).as("output when files arrive in %s order", order)
                    .isEqualTo(engine.output());
        }
        return engine;
    }

    private List<FileEntry> entries(Interests interests, List<String> tooLarge) {
        InterestIndex index = InterestIndex.compile(List.of(interests));
        List<FileEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            LayerRef ref = layerRef(i);
            List<String> paths = new ArrayList<>(layer.items.keySet());
            Collections.sort(paths);
            for (String path : paths) {
                Layer.Item item = layer.items.get(path);
                Visibility visibility = deleted.stream().anyMatch(d -> path.equals(d) || path.startsWith(d + "/"))
                        ? Visibility.WHITED_OUT : seen.add(path) ? Visibility.VISIBLE : Visibility.SHADOWED;
                FileMeta meta = new FileMeta(path, item.type(), item.type() == FileType.DIRECTORY ? 0755 : 0644, 0,
                        0, item.content().length, Optional.ofNullable(item.linkTarget()), ref, visibility);
                if (index.match(meta).isEmpty()) {
                    continue;
                }
                boolean regular = item.type() == FileType.REGULAR;
                if (regular && item.content().length > interests.maxBytes()) {
                    tooLarge.add(path);
                    continue;
                }
                out.add(new MemoryEntry(meta, item.content(), regular && !interests.metadataOnly()));
            }
            deleted.addAll(layer.whiteouts);
        }
        return out;
    }
}

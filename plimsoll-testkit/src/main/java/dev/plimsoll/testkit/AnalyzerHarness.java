package dev.plimsoll.testkit;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs an analyzer session over layers built from fixture directories (under src/test/resources, mirroring image
 * paths) and in-memory files, the way the engine would: visibility computed top-down across the layers, only the
 * files the analyzer's interests select delivered, deleted copies only when asked for, content bounded by
 * {@code maxBytes}. Fixtures are read from the source tree so that their symbolic links stay links.
 *
 * <p>Which files the interests select is decided by a reference matcher ({@link #matches}) unless a module that can
 * see the engine's own index hands that in ({@link #selectingWith}), so that a glob the engine would not match fails
 * there too. The testkit cannot use the index itself: the filesystem module that holds it tests with the testkit.
 */
public final class AnalyzerHarness {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    /** The order in which the session receives the files. */
    public enum Order {
        /** The engine's: top layer first, files of a layer in tar (here: path) order. */
        ENGINE,
        BOTTOM_LAYER_FIRST,
        REVERSED,
        SHUFFLED_1,
        SHUFFLED_2
    }

    /** Which files the analyzer receives: compiled once per run from its interests, deleted copies included. */
    @FunctionalInterface
    public interface Selection {
        Predicate<FileMeta> compile(Interests interests);
    }

    /** A file the session received. */
    public record Delivered(String path, int layer, Visibility visibility) {
        @Override
        public String toString() {
            return path + "@" + layer + (visibility == Visibility.VISIBLE ? "" : " " + visibility);
        }
    }

    /**
     * @param tooLarge the selected regular files above the interests' maxBytes, as "path@layer"
     */
    public record Run(AnalyzerOutput output, List<Delivered> delivered, List<String> tooLarge) {
        public List<String> deliveredPaths() {
            return delivered.stream().map(Delivered::path).distinct().sorted().toList();
        }
    }

    /** One layer's changes: files, directories, symbolic links and whiteouts. */
    public static final class Layer {
        private final Map<String, Item> items = new LinkedHashMap<>();
        private final Set<String> whiteouts = new HashSet<>();

        private record Item(FileType type, byte[] content, String linkTarget, int mode) {
        }

        /** Every file and symbolic link under src/test/resources/{@code fixture}, at the same absolute paths. */
        public Layer fixture(String fixture) {
            return fixture(fixture, "");
        }

        /** Every file and symbolic link under src/test/resources/{@code fixture}, under {@code mount} ("/app"). */
        public Layer fixture(String fixture, String mount) {
            Path root = RESOURCES.resolve(fixture);
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("fixture directory " + root.toAbsolutePath() + " does not exist");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted().toList()) {
                    String path = mount + "/" + root.relativize(p).toString().replace('\\', '/');
                    if (Files.isSymbolicLink(p)) {
                        symlink(path, Files.readSymbolicLink(p).toString());
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        items.put(path, new Item(FileType.REGULAR, Files.readAllBytes(p), null, mode(p)));
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
            items.put(path, new Item(FileType.REGULAR, content, null, 0644));
            return this;
        }

        public Layer dir(String path) {
            items.put(path, new Item(FileType.DIRECTORY, new byte[0], null, 0755));
            return this;
        }

        public Layer symlink(String path, String target) {
            items.put(path, new Item(FileType.SYMLINK, new byte[0], target, 0777));
            return this;
        }

        /** Deletes {@code path} (and everything under it) of the lower layers, as a ".wh." entry does. */
        public Layer whiteout(String path) {
            whiteouts.add(path);
            return this;
        }

        private static int mode(Path p) throws IOException {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                int mode = 0;
                for (PosixFilePermission perm : perms) {
                    mode |= 1 << (8 - perm.ordinal());
                }
                return mode;
            } catch (UnsupportedOperationException e) {
                return 0644;
            }
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
    private Selection selection = AnalyzerHarness::reference;

    private AnalyzerHarness(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public static AnalyzerHarness of(Analyzer analyzer) {
        return new AnalyzerHarness(analyzer);
    }

    public static Layer layer() {
        return new Layer();
    }

    /** Adds a layer above the ones added before (the first is the base layer, index 0). */
    public AnalyzerHarness layer(Layer layer) {
        layers.add(layer);
        return this;
    }

    /** Adds a layer holding a fixture directory. */
    public AnalyzerHarness fixture(String fixture) {
        return layer(new Layer().fixture(fixture));
    }

    /** Chooses the delivered files with {@code selection} instead of the reference matcher. */
    public AnalyzerHarness selectingWith(Selection selection) {
        this.selection = Objects.requireNonNull(selection);
        return this;
    }

    /** The LayerRef the harness gives layer {@code index}. */
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
            case BOTTOM_LAYER_FIRST -> entries.sort(Comparator.comparingInt(e -> e.meta().layer().index()));
            case REVERSED -> Collections.reverse(entries);
            case SHUFFLED_1 -> Collections.shuffle(entries, new Random(1));
            case SHUFFLED_2 -> Collections.shuffle(entries, new Random(2));
        }
        Analyzer.Session session = analyzer.open(context());
        List<Delivered> delivered = new ArrayList<>();
        for (FileEntry e : entries) {
            try {
                session.accept(e);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            delivered.add(new Delivered(e.meta().path(), e.meta().layer().index(), e.meta().visibility()));
        }
        return new Run(session.finish(), delivered, tooLarge);
    }

    /**
     * Runs in every {@link Order}, fails (AssertionError) when the output depends on it, and returns the engine's
     * run.
     */
    public Run runInEveryOrder() {
        Run engine = run(Order.ENGINE);
        for (Order order : Order.values()) {
            AnalyzerOutput output = run(order).output();
            if (!output.equals(engine.output())) {
                throw new AssertionError("output when files arrive in " + order + " order differs from the engine's"
                        + "\nexpected: " + engine.output() + "\n but was: " + output);
            }
        }
        return engine;
    }

    /** The selected entries in the engine's order, with their visibility computed top-down. */
    private List<FileEntry> entries(Interests interests, List<String> tooLarge) {
        Predicate<FileMeta> selected = selection.compile(interests);
        List<FileEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (int index = layers.size() - 1; index >= 0; index--) {
            Layer layer = layers.get(index);
            LayerRef ref = layerRef(index);
            List<String> paths = new ArrayList<>(layer.items.keySet());
            Collections.sort(paths);
            for (String path : paths) {
                Layer.Item item = layer.items.get(path);
                Visibility visibility;
                if (underAny(path, deleted)) {
                    visibility = Visibility.WHITED_OUT;
                } else if (!seen.add(path)) {
                    visibility = Visibility.SHADOWED;
                } else {
                    visibility = Visibility.VISIBLE;
                }
                FileMeta meta = new FileMeta(path, item.type(), item.mode(), 0, 0, item.content().length,
                        Optional.ofNullable(item.linkTarget()), ref, visibility);
                if (!selected.test(meta)) {
                    continue;
                }
                boolean regular = item.type() == FileType.REGULAR;
                if (regular && item.content().length > interests.maxBytes()) {
                    tooLarge.add(path + "@" + index);
                    continue;
                }
                out.add(new MemoryEntry(meta, item.content(), regular && !interests.metadataOnly()));
            }
            // A whiteout hides the lower layers only, after this layer's own files.
            deleted.addAll(layer.whiteouts);
        }
        return out;
    }

    private static boolean underAny(String path, Set<String> deleted) {
        for (String d : deleted) {
            if (path.equals(d) || path.startsWith(d.endsWith("/") ? d : d + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The reference selection: {@link #matches}, and deleted copies only for interests that include them. */
    private static Predicate<FileMeta> reference(Interests interests) {
        return meta -> matches(interests, meta) && (!meta.visibility().deleted() || interests.includeDeleted());
    }

    /** A reference matcher for the interests: simple, slow and obviously right, unlike the engine's index. */
    public static boolean matches(Interests interests, FileMeta meta) {
        for (PathInterest interest : interests.paths()) {
            boolean hit = switch (interest) {
                case PathInterest.Exact e -> meta.path().equals(e.path());
                case PathInterest.Basename b -> meta.basename().equals(b.name());
                case PathInterest.NameIgnoringCase n ->
                        n.matchesLowerCase(meta.basename().toLowerCase(java.util.Locale.ROOT));
                case PathInterest.Suffix s -> meta.path().endsWith(s.suffix());
                case PathInterest.Glob g -> globRegex(g.pattern()).matcher(meta.path()).matches();
                case PathInterest.ModeBits m -> (meta.mode() & m.mask()) != 0;
                case PathInterest.AnyFile a -> meta.isRegular();
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** {@code **} across segments (a "/** /" also matching a single "/"), {@code *} and {@code ?} within one. */
    static Pattern globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAround = i > 0 && glob.charAt(i - 1) == '/' && i + 2 < glob.length()
                        && glob.charAt(i + 2) == '/';
                if (slashAround) {
                    re.setLength(re.length() - Pattern.quote("/").length());
                    re.append("(?:/|/.*/)");
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}

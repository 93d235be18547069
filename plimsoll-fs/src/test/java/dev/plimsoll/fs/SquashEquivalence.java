package dev.plimsoll.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.problem.ProblemKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Checks the top-down walk against {@link ReferenceSquash} on one generated layer stack: same visible files, same
 * deleted copies with the same fate, the deliveries analyzers would get, the same unsafe entries, and symlink
 * resolution against an independent recursive resolver. Used by the jqwik property and by a seeded JUnit loop.
 */
final class SquashEquivalence {
    static final List<String> UNIVERSE = universe();

    private SquashEquivalence() {
    }

    private static List<String> universe() {
        List<String> out = new ArrayList<>();
        for (String a : List.of("a", "b", "c")) {
            out.add(a);
            for (String b : List.of("a", "b", "c")) {
                out.add(a + "/" + b);
                for (String c : List.of("a", "b", "c")) {
                    out.add(a + "/" + b + "/" + c);
                }
            }
        }
        return List.copyOf(out);
    }

    static String describe(List<List<LayerOp>> layers) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < layers.size(); k++) {
            sb.append("layer ").append(k).append(": ").append(layers.get(k)).append('\n');
        }
        return sb.toString();
    }

    static void check(List<List<LayerOp>> layers, boolean spillEverything) throws IOException {
        String stack = describe(layers);
        ReferenceSquash ref = ReferenceSquash.of(layers);
        List<byte[]> tars = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            tars.add(LayerOp.tar(k, layers.get(k)));
        }

        // Walk 1: one analyzer wants everything including deleted copies, one wants visible regular files.
        Deliveries d1 = new Deliveries();
        SquashedView view;
        try (SquashedView v = new SquashWalker(WalkLimits.defaults()).walk(TestImage.of(tars),
                InterestIndex.compile(List.of(Interests.of(new PathInterest.AnyFile(), PathInterest.glob("/**"))
                        .withDeleted(), Interests.of(new PathInterest.AnyFile()))), d1)) {
            view = v;
        }

        Map<String, String> expectedVisible = ref.view.values().stream()
                .collect(Collectors.toMap(ReferenceSquash.Entry::path, ReferenceSquash.Entry::key));
        Map<String, String> actualVisible = view.files().stream()
                .collect(Collectors.toMap(FileMeta::path, SquashEquivalence::key));
        assertThat(actualVisible).as("visible files of\n%s", stack).isEqualTo(expectedVisible);
        assertThat(view.files()).extracting(FileMeta::path).as("sorted").isSorted();
        assertThat(view.files()).allMatch(m -> m.visibility() == Visibility.VISIBLE);

        List<String> expectedDeleted = ref.removed.stream().map(r -> r.entry().key() + "|" + r.fate()).sorted()
                .toList();
        List<String> actualDeleted = view.deleted().stream().map(m -> key(m) + "|" + m.visibility()).sorted().toList();
        assertThat(actualDeleted).as("deleted copies of\n%s", stack).isEqualTo(expectedDeleted);

        assertThat(view.problems().stream().filter(p -> p.kind() == ProblemKind.UNSAFE_ENTRY).count())
                .as("unsafe entries of\n%s", stack).isEqualTo(ref.unsafe);

        // Deliveries to the everything-analyzer: each accepted entry once, with its bytes and (unless a later
        // duplicate of its own layer replaced it after delivery) its final visibility.
        Map<String, List<Visibility>> fates = new HashMap<>();
        List<String> supersededIds = new ArrayList<>();
        for (ReferenceSquash.Entry e : ref.view.values()) {
            fates.computeIfAbsent(id(e), x -> new ArrayList<>()).add(Visibility.VISIBLE);
        }
        for (ReferenceSquash.Removed r : ref.removed) {
            fates.computeIfAbsent(id(r.entry()), x -> new ArrayList<>()).add(r.fate());
            if (r.supersededInItsLayer()) {
                supersededIds.add(id(r.entry()));
            }
        }
        List<String> expectedAll = ref.accepted.stream().map(SquashEquivalence::id).sorted().toList();
        List<String> actualAll = d1.to(0).stream().map(SquashEquivalence::id).sorted().toList();
        assertThat(actualAll).as("deliveries of everything in\n%s", stack).isEqualTo(expectedAll);
        for (Deliveries.Delivery d : d1.to(0)) {
            String id = id(d);
            assertThat(d.hasContent()).isEqualTo(d.meta().type() == FileType.REGULAR);
            if (!supersededIds.contains(id)) {
                assertThat(fates.get(id)).as("visibility of %s in\n%s", id, stack).contains(d.visibility());
            }
        }

        List<ReferenceSquash.Entry> visibleRegular = ref.view.values().stream()
                .filter(e -> e.type() == FileType.REGULAR).toList();
        assertVisibleDeliveries(d1.to(1), visibleRegular, supersededIds, view, stack);

        // Walk 2: only what lies under /b, visible only, everything spilled: link targets are often unwanted, so
        // hard links need the second read of their layer.
        Deliveries d2 = new Deliveries();
        WalkLimits limits = spillEverything ? WalkLimits.defaults().withInMemoryContentBytes(0) : WalkLimits.defaults();
        try (SquashedView v2 = new SquashWalker(limits).walk(TestImage.of(tars),
                InterestIndex.compile(List.of(Interests.of(PathInterest.glob("/b/**")))), d2)) {
            assertThat(v2.files()).isEqualTo(view.files());
        }
        List<ReferenceSquash.Entry> underB = ref.view.values().stream()
                .filter(e -> e.path().equals("/b") || e.path().startsWith("/b/")).toList();
        assertVisibleDeliveries(d2.to(0), underB, supersededIds, view, stack);

        // Symlink resolution agrees with an independent recursive resolver over the same visible map.
        Map<String, FileMeta> visible = view.files().stream().collect(Collectors.toMap(FileMeta::path, m -> m));
        RecursiveResolver resolver = new RecursiveResolver(visible, WalkLimits.defaults().maxSymlinkHops());
        List<String> queries = new ArrayList<>(UNIVERSE.stream().map(p -> "/" + p).toList());
        queries.add("/");
        queries.add("/a/../b/c");
        for (String q : queries) {
            assertThat(view.resolve(q)).as("resolve(%s) in\n%s", q, stack).isEqualTo(resolver.resolve(q));
            assertThat(view.get(q)).isEqualTo(Optional.ofNullable(visible.get(ReferenceSquash.normalize(q))));
        }
    }

    /**
     * Analyzers that do not want deleted copies get exactly the visible entries, plus possibly copies that a later
     * duplicate of their own layer replaced after they were handed over (the walk streams and cannot recall them;
     * it records a problem instead).
     */
    private static void assertVisibleDeliveries(List<Deliveries.Delivery> delivered,
                                                List<ReferenceSquash.Entry> expected, List<String> supersededIds,
                                                SquashedView view, String stack) {
        List<String> extra = new ArrayList<>(delivered.stream().map(SquashEquivalence::id).toList());
        for (ReferenceSquash.Entry e : expected) {
            assertThat(extra.remove(id(e))).as("%s delivered in\n%s", id(e), stack).isTrue();
        }
        List<String> replaceable = new ArrayList<>(supersededIds);
        for (String id : extra) {
            assertThat(replaceable.remove(id)).as("unexpected delivery %s in\n%s", id, stack).isTrue();
        }
        if (!extra.isEmpty()) {
            assertThat(view.problems()).as(stack).anyMatch(p -> p.kind() == ProblemKind.INCONSISTENT);
        }
        assertThat(delivered).allMatch(d -> d.visibility() == Visibility.VISIBLE);
    }

    private static String key(FileMeta m) {
        return m.path() + "|" + m.type() + "|" + m.layer().index() + "|" + m.mode() + "|" + m.size() + "|"
                + m.linkTarget().orElse("-");
    }

    /** One copy as deliveries show it: its metadata and, for regular files, its (unique) content. */
    private static String id(Deliveries.Delivery d) {
        return key(d.meta()) + "|" + d.text();
    }

    private static String id(ReferenceSquash.Entry e) {
        return e.key() + "|" + e.content();
    }

    /** A second resolver, recursive instead of iterative, to check {@link SquashedView#resolve}. */
    record RecursiveResolver(Map<String, FileMeta> visible, int maxHops) {
        Optional<FileMeta> resolve(String path) {
            int[] hops = {0};
            String resolved = walk("/", List.of(path.split("/", -1)), hops);
            return resolved == null ? Optional.empty() : Optional.ofNullable(visible.get(resolved));
        }

        private boolean impliedDir(String path) {
            String prefix = path.equals("/") ? "/" : path + "/";
            return visible.keySet().stream().anyMatch(p -> !p.equals("/") && p.startsWith(prefix));
        }

        private boolean isDir(String path) {
            FileMeta m = visible.get(path);
            return path.equals("/") || (m == null ? impliedDir(path) : m.type() == FileType.DIRECTORY);
        }

        private String walk(String dir, List<String> segments, int[] hops) {
            for (int i = 0; i < segments.size(); i++) {
                String seg = segments.get(i);
                boolean last = i == segments.size() - 1;
                if (seg.isEmpty() || seg.equals(".")) {
                    continue;
                }
                if (seg.equals("..")) {
                    int slash = dir.lastIndexOf('/');
                    dir = dir.equals("/") || slash == 0 ? "/" : dir.substring(0, slash);
                    continue;
                }
                String candidate = dir.equals("/") ? "/" + seg : dir + "/" + seg;
                FileMeta m = visible.get(candidate);
                if (m == null) {
                    // a directory that exists only through its entries; the caller's path may go on through it
                    if (impliedDir(candidate)) {
                        dir = candidate;
                        continue;
                    }
                    return null;
                }
                if (m.type() == FileType.SYMLINK) {
                    if (++hops[0] > maxHops) {
                        return null;
                    }
                    String target = m.linkTarget().orElseThrow();
                    String r = walk(target.startsWith("/") ? "/" : dir, List.of(target.split("/", -1)), hops);
                    if (r == null) {
                        return null;
                    }
                    if (!last && !isDir(r)) {
                        return null;
                    }
                    dir = r;
                    continue;
                }
                if (!last && m.type() != FileType.DIRECTORY) {
                    return null;
                }
                dir = candidate;
            }
            return dir;
        }
    }

    /** A random stack for the seeded JUnit loop (jqwik builds its own with shrinking). */
    static List<List<LayerOp>> randomStack(Random random) {
        int layers = 1 + random.nextInt(5);
        List<List<LayerOp>> out = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            int n = random.nextInt(13);
            List<LayerOp> ops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ops.add(randomOp(random, ops));
            }
            out.add(ops);
        }
        return out;
    }

    private static String path(Random random) {
        return UNIVERSE.get(random.nextInt(UNIVERSE.size()));
    }

    private static String decorated(Random random) {
        String p = path(random);
        int r = random.nextInt(20);
        return switch (r) {
            case 0 -> "./" + p;
            case 1 -> "/" + p;
            case 2 -> "x/../" + p;
            case 3 -> "../" + p;
            default -> p;
        };
    }

    private static final int[] MODES = {0644, 0755, 04755, 0600, 0777};

    private static LayerOp randomOp(Random random, List<LayerOp> earlier) {
        int r = random.nextInt(100);
        int mode = MODES[random.nextInt(MODES.length)];
        if (r < 30) {
            return new LayerOp(LayerOp.Kind.FILE, decorated(random), null, mode);
        } else if (r < 45) {
            return new LayerOp(LayerOp.Kind.DIR, random.nextInt(30) == 0 ? "." : decorated(random), null, mode);
        } else if (r < 55) {
            return new LayerOp(LayerOp.Kind.SYMLINK, decorated(random), symlinkTarget(random), 0777);
        } else if (r < 65) {
            String target = !earlier.isEmpty() && random.nextInt(10) < 7
                    ? earlier.get(random.nextInt(earlier.size())).name() : decorated(random);
            return new LayerOp(LayerOp.Kind.HARDLINK, decorated(random), target, 0644);
        } else if (r < 80) {
            return new LayerOp(LayerOp.Kind.WHITEOUT, decorated(random), null, 0);
        } else if (r < 88) {
            return new LayerOp(LayerOp.Kind.OPAQUE, random.nextInt(10) == 0 ? "." : decorated(random), null, 0);
        } else if (r < 92) {
            return new LayerOp(LayerOp.Kind.DEVICE, decorated(random), null, 0666);
        } else if (r < 96) {
            return new LayerOp(LayerOp.Kind.FILE, random.nextInt(2) == 0 ? "." : path(random) + "/.wh.x/y", null, mode);
        } else {
            return new LayerOp(LayerOp.Kind.FILE, path(random) + "/.wh." + (random.nextBoolean() ? ".wh.plnk" : ""),
                    null, mode);
        }
    }

    static String symlinkTarget(Random random) {
        String p = path(random);
        return switch (random.nextInt(6)) {
            case 0 -> "/" + p;
            case 1 -> "../" + p;
            case 2 -> "../../../" + p;
            case 3 -> ".";
            default -> p;
        };
    }
}

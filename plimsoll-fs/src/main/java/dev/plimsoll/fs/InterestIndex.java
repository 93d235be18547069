package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.image.FileType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All analyzers' interests compiled once, so each layer entry costs a handful of hash lookups however many analyzers
 * run: hash maps for exact paths and base names, suffixes bucketed by their last character, a list of mode masks, one
 * bit set for "any file", and globs indexed by what every match must have: their literal last segment (so
 * "/**&#47;*.dist-info/METADATA" costs one lookup for other files), else their literal leading directories on a trie
 * (a directory no glob starts in costs one failed lookup), else the literal end of their last segment. Bit i of every set stands for analyzer i of the list given to {@link #compile}.
 *
 * <p>What matches what:
 * <ul>
 *   <li>Exact, Basename, NameIgnoringCase, Suffix and Glob match the path whatever the entry's type; directories, symlinks and devices
 *       are delivered as metadata, so an analyzer that names a path learns that it is, say, a symlink.</li>
 *   <li>AnyFile matches regular files only (hard links count as what they link to).</li>
 *   <li>ModeBits matches any type except symlinks when {@code mode & mask != 0}: setuid/setgid matter on regular files,
 *       world-writable checks need directories and device nodes, and a symlink's mode is always 0777 on Linux, so it
 *       would only be noise.</li>
 *   <li>An entry a higher layer shadowed or deleted matches only analyzers whose interests include deleted files.</li>
 * </ul>
 * Immutable after compilation and safe to share between threads.
 */
public final class InterestIndex {
    private final int analyzers;
    private final long[] maxBytes;
    private final BitSet metadataOnly;
    private final BitSet wantsDeleted;
    private final BitSet anyFile;
    private final Map<String, BitSet> exact;
    private final Map<String, BitSet> basenames;
    /** Case-insensitive name patterns without wildcard, by their lower-case name; the others in a list. */
    private final Map<String, BitSet> namesIgnoringCase;
    private final List<PathInterest.NameIgnoringCase> namePatterns;
    private final List<BitSet> namePatternAnalyzers;
    /** Suffixes by their last character (ASCII); rarer last characters go to {@link #otherSuffixes}. */
    private final SuffixBucket[] asciiSuffixes;
    private final Map<Character, SuffixBucket> otherSuffixes;
    private final int[] modeMasks;
    private final BitSet[] modeMaskAnalyzers;
    private final GlobNode globRoot;
    /** Globs whose last segment is literal, by that segment: "/**&#47;*.dist-info/METADATA" waits for "METADATA". */
    private final Map<String, List<IndexedGlob>> globsByBasename;
    /** Globs starting with a wildcard and ending in literal characters, by their last character. */
    private final Map<Character, List<IndexedGlob>> globsByTail;

    private record SuffixBucket(String[] suffixes, BitSet[] analyzers) {
    }

    private record IndexedGlob(GlobPattern glob, String tail, BitSet analyzers) {
    }

    /** A directory on the literal prefix of some glob: the globs that start here and the deeper prefixes. */
    private static final class GlobNode {
        final Map<String, GlobNode> children = new HashMap<>();
        final List<GlobPattern> globs = new ArrayList<>();
        final List<BitSet> globAnalyzers = new ArrayList<>();
    }

    private InterestIndex(List<Interests> perAnalyzer) {
        this.analyzers = perAnalyzer.size();
        this.maxBytes = new long[analyzers];
        this.metadataOnly = new BitSet();
        this.wantsDeleted = new BitSet();
        this.anyFile = new BitSet();
        this.exact = new HashMap<>();
        this.basenames = new HashMap<>();
        this.namesIgnoringCase = new HashMap<>();
        Map<PathInterest.NameIgnoringCase, BitSet> patterns = new LinkedHashMap<>();
        Map<Character, Map<String, BitSet>> suffixes = new HashMap<>();
        Map<Integer, BitSet> modes = new LinkedHashMap<>();
        GlobNode root = new GlobNode();
        Map<String, BitSet> globsByPattern = new LinkedHashMap<>();

        for (int i = 0; i < analyzers; i++) {
            Interests interests = Objects.requireNonNull(perAnalyzer.get(i), "interests of analyzer " + i);
            maxBytes[i] = interests.maxBytes();
            if (interests.metadataOnly()) {
                metadataOnly.set(i);
            }
            if (interests.includeDeleted()) {
                wantsDeleted.set(i);
            }
            for (PathInterest interest : interests.paths()) {
                switch (interest) {
                    case PathInterest.Exact e -> bits(exact, normalizeInterestPath(e.path())).set(i);
                    case PathInterest.Basename b -> bits(basenames, b.name()).set(i);
                    case PathInterest.NameIgnoringCase n -> {
                        if (n.pattern().indexOf('*') < 0) {
                            bits(namesIgnoringCase, n.pattern()).set(i);
                        } else {
                            patterns.computeIfAbsent(n, k -> new BitSet()).set(i);
                        }
                    }
                    case PathInterest.Suffix s -> bits(suffixes.computeIfAbsent(
                            s.suffix().charAt(s.suffix().length() - 1), c -> new LinkedHashMap<>()), s.suffix()).set(i);
                    case PathInterest.Glob g -> {
                        GlobPattern compiled = GlobPattern.compile(g.pattern());
                        if (compiled.isLiteral()) {
                            bits(exact, compiled.literalPath()).set(i);
                        } else {
                            bits(globsByPattern, compiled.pattern()).set(i);
                        }
                    }
                    case PathInterest.ModeBits m -> modes.computeIfAbsent(m.mask(), k -> new BitSet()).set(i);
                    case PathInterest.AnyFile a -> anyFile.set(i);
                }
            }
        }

        asciiSuffixes = new SuffixBucket[128];
        otherSuffixes = new HashMap<>();
        suffixes.forEach((last, byText) -> {
            SuffixBucket bucket = new SuffixBucket(byText.keySet().toArray(String[]::new),
                    byText.values().toArray(BitSet[]::new));
            if (last < 128) {
                asciiSuffixes[last] = bucket;
            } else {
                otherSuffixes.put(last, bucket);
            }
        });
        namePatterns = List.copyOf(patterns.keySet());
        namePatternAnalyzers = List.copyOf(patterns.values());
        modeMasks = modes.keySet().stream().mapToInt(Integer::intValue).toArray();
        modeMaskAnalyzers = modes.values().toArray(BitSet[]::new);
        // Each glob goes where it costs least: under its literal base name, under its literal leading directories,
        // under the last character of its literal tail, or (matching almost anything) at the root of the trie.
        Map<String, List<IndexedGlob>> byBasename = new HashMap<>();
        Map<Character, List<IndexedGlob>> byTail = new HashMap<>();
        boolean anyInTrie = false;
        for (Map.Entry<String, BitSet> e : globsByPattern.entrySet()) {
            GlobPattern compiled = GlobPattern.compile(e.getKey());
            String basename = compiled.literalBasename();
            String tail = compiled.literalTail();
            if (basename != null) {
                byBasename.computeIfAbsent(basename, k -> new ArrayList<>())
                        .add(new IndexedGlob(compiled, tail, e.getValue()));
            } else if (compiled.literalPrefix().isEmpty() && !tail.isEmpty()) {
                byTail.computeIfAbsent(tail.charAt(tail.length() - 1), k -> new ArrayList<>())
                        .add(new IndexedGlob(compiled, tail, e.getValue()));
            } else {
                GlobNode node = root;
                for (String segment : compiled.literalPrefix()) {
                    node = node.children.computeIfAbsent(segment, k -> new GlobNode());
                }
                node.globs.add(compiled);
                node.globAnalyzers.add(e.getValue());
                anyInTrie = true;
            }
        }
        globsByBasename = Map.copyOf(byBasename);
        globsByTail = Map.copyOf(byTail);
        globRoot = anyInTrie ? root : null;
    }

    /** Compiles the interests of all analyzers; index i of the list is bit i of every {@link #match} result. */
    public static InterestIndex compile(List<Interests> perAnalyzer) {
        return new InterestIndex(List.copyOf(perAnalyzer));
    }

    private static BitSet bits(Map<String, BitSet> map, String key) {
        return map.computeIfAbsent(key, k -> new BitSet());
    }

    private static String normalizeInterestPath(String path) {
        try {
            return PathNormalizer.normalize(path, Integer.MAX_VALUE / 4, Integer.MAX_VALUE, true);
        } catch (PathNormalizer.UnsafePathException e) {
            throw new IllegalArgumentException("interest path cannot be normalised: " + path, e);
        }
    }

    /** How many analyzers the index was compiled for. */
    public int analyzers() {
        return analyzers;
    }

    /**
     * The analyzers (bit i) that want this file. An entry with a deleted visibility goes only to analyzers that
     * include deleted files. Allocates only the result.
     */
    public BitSet match(FileMeta meta) {
        BitSet out = new BitSet();
        boolean deleted = meta.visibility().deleted();
        if (deleted && wantsDeleted.isEmpty()) {
            return out;
        }
        String path = meta.path();
        FileType type = meta.type();
        if (type == FileType.REGULAR) {
            out.or(anyFile);
        }
        BitSet hit = exact.get(path);
        if (hit != null) {
            out.or(hit);
        }
        String basename = basenames.isEmpty() && globsByBasename.isEmpty() ? null : meta.basename();
        if (!basenames.isEmpty()) {
            hit = basenames.get(basename);
            if (hit != null) {
                out.or(hit);
            }
        }
        matchSuffixes(path, out);
        if (!namesIgnoringCase.isEmpty() || !namePatterns.isEmpty()) {
            String lower = (basename != null ? basename : meta.basename()).toLowerCase(java.util.Locale.ROOT);
            hit = namesIgnoringCase.get(lower);
            if (hit != null) {
                out.or(hit);
            }
            for (int n = 0; n < namePatterns.size(); n++) {
                if (namePatterns.get(n).matchesLowerCase(lower)) {
                    out.or(namePatternAnalyzers.get(n));
                }
            }
        }
        if (modeMasks.length > 0 && type != FileType.SYMLINK) {
            int mode = meta.mode();
            for (int m = 0; m < modeMasks.length; m++) {
                if ((mode & modeMasks[m]) != 0) {
                    out.or(modeMaskAnalyzers[m]);
                }
            }
        }
        if (!globsByBasename.isEmpty()) {
            matchIndexedGlobs(globsByBasename.get(basename), path, out);
        }
        if (!globsByTail.isEmpty()) {
            matchIndexedGlobs(globsByTail.get(path.charAt(path.length() - 1)), path, out);
        }
        if (globRoot != null) {
            matchGlobs(path, out);
        }
        if (deleted) {
            out.and(wantsDeleted);
        }
        return out;
    }

    private void matchSuffixes(String path, BitSet out) {
        char last = path.charAt(path.length() - 1);
        SuffixBucket bucket = last < 128 ? asciiSuffixes[last] : otherSuffixes.get(last);
        if (bucket == null) {
            return;
        }
        String[] suffixes = bucket.suffixes();
        for (int s = 0; s < suffixes.length; s++) {
            if (path.endsWith(suffixes[s])) {
                out.or(bucket.analyzers()[s]);
            }
        }
    }

    private static void matchIndexedGlobs(List<IndexedGlob> candidates, String path, BitSet out) {
        if (candidates == null) {
            return;
        }
        GlobPattern.PathSegments segments = null;
        for (IndexedGlob g : candidates) {
            if (path.endsWith(g.tail())) {
                if (segments == null) {
                    segments = GlobPattern.PathSegments.of(path);
                }
                if (g.glob().matches(segments)) {
                    out.or(g.analyzers());
                }
            }
        }
    }

    private void matchGlobs(String path, BitSet out) {
        GlobPattern.PathSegments segments = null;
        GlobNode node = globRoot;
        int from = 1;
        while (true) {
            if (!node.globs.isEmpty()) {
                if (segments == null) {
                    segments = GlobPattern.PathSegments.of(path);
                }
                for (int g = 0; g < node.globs.size(); g++) {
                    if (node.globs.get(g).matches(segments)) {
                        out.or(node.globAnalyzers.get(g));
                    }
                }
            }
            if (node.children.isEmpty() || from >= path.length()) {
                return;
            }
            int slash = path.indexOf('/', from);
            if (slash < 0) {
                slash = path.length();
            }
            node = node.children.get(path.substring(from, slash));
            if (node == null) {
                return;
            }
            from = slash + 1;
        }
    }

    /** Whether any analyzer wants copies that a higher layer shadowed or deleted. */
    /**
     * Whether a walk could read the bytes of a regular file entry with this raw name, mode and size, wherever it
     * lies and whatever hides it: some analyzer that reads content matches it and its bound allows the size. A
     * layer cache keeps the bytes of exactly these entries. Names a walk refuses as unsafe are never read.
     */
    public boolean mayReadContent(String rawName, int mode, long size) {
        String path;
        try {
            path = PathNormalizer.normalize(rawName, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
        } catch (PathNormalizer.UnsafePathException e) {
            return false;
        }
        if (path.length() == 1) {
            return false;
        }
        FileMeta meta = new FileMeta(path, FileType.REGULAR, mode, 0, 0, size, java.util.Optional.empty(),
                ANY_LAYER, dev.plimsoll.core.fs.Visibility.VISIBLE);
        BitSet wanted = match(meta);
        for (int i = wanted.nextSetBit(0); i >= 0; i = wanted.nextSetBit(i + 1)) {
            if (!metadataOnly(i) && size <= maxBytes(i)) {
                return true;
            }
        }
        return false;
    }

    private static final dev.plimsoll.core.image.LayerRef ANY_LAYER = new dev.plimsoll.core.image.LayerRef(0,
            java.util.Optional.empty(), java.util.Optional.empty(), 0, java.util.Optional.empty(),
            java.util.Optional.empty());

    public boolean anyWantsDeleted() {
        return !wantsDeleted.isEmpty();
    }

    /** The content bound of analyzer i (0: metadata only). */
    public long maxBytes(int analyzer) {
        return maxBytes[analyzer];
    }

    /** Whether analyzer i wants metadata only. */
    public boolean metadataOnly(int analyzer) {
        return metadataOnly.get(analyzer);
    }
}

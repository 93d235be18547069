package dev.plimsoll.check.secrets.engine;

import dev.plimsoll.check.secrets.filter.AllowComments;
import dev.plimsoll.check.secrets.rules.Allowlist;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scanning core: one Aho-Corasick pass over the text finds every keyword; each detector with a hit then runs on
 * the merged windows around its hits (the hit's line, plus its span); candidates holding decoded content are scanned
 * again (depth-limited); inline allow comments and global allowlists drop candidates; overlapping candidates keep the
 * one with the highest priority, then the longest. Immutable and thread-safe.
 */
public final class Engine {
    /** Decoded content is scanned again once more (a Kubernetes Secret holding a Docker config holding an auth). */
    private static final int MAX_DEPTH = 2;

    private final List<Detector> detectors;
    private final AhoCorasick automaton;
    private final TrigramPrefilter bytePrefilter;   // null when some keyword is shorter than 3 characters
    private final int[] always;
    private final List<Allowlist> allowlists;

    public Engine(List<Detector> detectors, List<Allowlist> allowlists) {
        this.detectors = List.copyOf(detectors);
        this.allowlists = List.copyOf(allowlists);
        List<String> keywords = new ArrayList<>();
        List<Integer> payloads = new ArrayList<>();
        List<Integer> alwaysRun = new ArrayList<>();
        for (int i = 0; i < this.detectors.size(); i++) {
            List<String> kws = this.detectors.get(i).keywords();
            if (kws.isEmpty()) {
                alwaysRun.add(i);
            }
            for (String k : kws) {
                keywords.add(k);
                payloads.add(i);
            }
        }
        int[] payloadArray = payloads.stream().mapToInt(Integer::intValue).toArray();
        this.automaton = new AhoCorasick(keywords, payloadArray);
        this.bytePrefilter = TrigramPrefilter.supports(keywords) ? new TrigramPrefilter(keywords, payloadArray) : null;
        this.always = alwaysRun.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The byte prefilter: the keyword occurrences in these bytes, or null when no detector can match (most files:
     * done after this pass, without decoding). The positions are byte offsets: they are char offsets of the decoded
     * text when every byte decoded to one char (see {@link #scan(ScanText, KeywordHits)}).
     */
    public KeywordHits find(byte[] bytes, int off, int len) {
        KeywordHits hits = new KeywordHits();
        if (bytePrefilter != null) {
            bytePrefilter.scan(bytes, off, len, hits);
        } else {
            automaton.scan(bytes, off, len, hits);
        }
        return hits.count == 0 && always.length == 0 ? null : hits;
    }

    /** Resolved candidates in {@code text}, by position. */
    public List<Candidate> scan(ScanText text) {
        return scan(text, 0, null);
    }

    /** As {@link #scan(ScanText)}, reusing the byte prefilter's hits when they are valid char positions. */
    public List<Candidate> scan(ScanText text, KeywordHits byteHits) {
        return scan(text, 0, byteHits);
    }

    /** Keyword occurrences: detector index and end position, in scan order. */
    public static final class KeywordHits implements AhoCorasick.Hits {
        private int[] payloads = new int[16];
        private int[] ends = new int[16];
        private int count;

        @Override
        public void hit(int payload, int end) {
            if (count == ends.length) {
                payloads = Arrays.copyOf(payloads, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            payloads[count] = payload;
            ends[count++] = end;
        }
    }

    private List<Candidate> scan(ScanText text, int depth, KeywordHits given) {
        String s = text.text();
        int n = detectors.size();
        int[][] hits = new int[n][];
        int[] counts = new int[n];
        AhoCorasick.Hits sink = (p, end) -> {
            int[] h = hits[p];
            if (h == null) {
                h = hits[p] = new int[8];
            } else if (counts[p] == h.length) {
                h = hits[p] = Arrays.copyOf(h, h.length * 2);
            }
            h[counts[p]++] = end;
        };
        if (given != null) {
            for (int i = 0; i < given.count; i++) {
                sink.hit(given.payloads[i], given.ends[i]);
            }
        } else {
            automaton.scan(s, 0, s.length(), sink);
        }
        for (int i : always) {
            hits[i] = new int[] {s.length()};
            counts[i] = 1;
        }
        for (int d = 0; d < n; d++) {
            if (counts[d] > 1 && !sorted(hits[d], counts[d])) {
                Arrays.sort(hits[d], 0, counts[d]);   // keywords of different lengths can end out of order
            }
        }
        List<Candidate> raw = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (counts[d] == 0) {
                continue;
            }
            Detector det = detectors.get(d);
            if (det instanceof RuleDetector rd && !rd.appliesTo(text.path())) {
                continue;
            }
            runWindows(det, text, hits[d], counts[d], raw);
        }
        if (raw.isEmpty()) {
            return raw;
        }
        // A decoder claims the encoded value it read: what the decoded content holds (or nothing) is the answer,
        // and no other detector reports the encoded form (a base64 password under a Secret's data: key) - not even
        // a provider rule written for the encoded form (docker-config-auth, kubernetes-secret-data,
        // gcp-service-account-key): the decoded secret is named by the rule that knows its format, with a note
        // saying how it was found, and a decoded certificate or public key is no finding at all.
        List<Candidate> claims = new ArrayList<>();
        Set<Candidate> decoded = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Candidate> expanded = new ArrayList<>(raw.size());
        for (Candidate c : raw) {
            if (c.nested() == null) {
                expanded.add(c);
                continue;
            }
            claims.add(c);
            List<Candidate> inner = depth < MAX_DEPTH
                    ? scan(new ScanText(c.nested(), text.path()), depth + 1, null) : List.of();
            for (Candidate ic : inner) {
                Candidate moved = ic.at(c.start(), c.end(), ic.note() != null ? c.note() + "; " + ic.note() : c.note());
                decoded.add(moved);
                expanded.add(moved);
            }
            if (inner.isEmpty() && c.fallback()) {
                Candidate self = c.at(c.start(), c.end(), c.note());
                decoded.add(self);
                expanded.add(self);
            }
        }
        List<Candidate> kept = new ArrayList<>(expanded.size());
        Map<Integer, Boolean> commentVerdicts = new java.util.HashMap<>();
        for (Candidate c : expanded) {
            if (!allowed(text, c, commentVerdicts) && (decoded.contains(c) || !claimed(claims, c))) {
                kept.add(c);
            }
        }
        return resolveOverlaps(kept);
    }

    private static void runWindows(Detector det, ScanText text, int[] ends, int count, List<Candidate> out) {
        int len = text.text().length();
        int span = det.span();
        if (span == Integer.MAX_VALUE) {
            det.detect(text, 0, len, out);
            return;
        }
        int back = Math.max(0, det.reachBack());
        int ws = -1;
        int we = -1;
        for (int i = 0; i < count; i++) {
            int h = ends[i];
            int reach = text.lineEnd((int) Math.min((long) h + span, len));
            int from = Math.max(0, h - 1 - back);
            if (we >= 0 && from <= we) {
                we = Math.max(we, reach);
                continue;
            }
            if (we >= 0) {
                det.detect(text, ws, we, out);
            }
            ws = text.lineStart(from);
            we = reach;
        }
        if (we >= 0) {
            det.detect(text, ws, we, out);
        }
    }

    private static boolean sorted(int[] a, int n) {
        for (int i = 1; i < n; i++) {
            if (a[i] < a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean claimed(List<Candidate> claims, Candidate c) {
        for (Candidate claim : claims) {
            if (claim.start() < c.end() && c.start() < claim.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an allow comment or a global allowlist drops a candidate. The comment verdict depends on the line only
     * and is kept per line start: searching a 1 MB one-line file for the comments once per candidate was quadratic.
     */
    private boolean allowed(ScanText text, Candidate c, Map<Integer, Boolean> commentVerdicts) {
        int pos = Math.min(c.start(), text.text().length());
        int ls = text.lineStart(pos);
        Boolean byComment = commentVerdicts.get(ls);
        if (byComment == null) {
            byComment = AllowComments.allowsLine(text.line(pos))
                    || (ls > 0 && AllowComments.allowsNextLine(text.line(ls - 1)));
            commentVerdicts.put(ls, byComment);
        }
        if (byComment) {
            return true;
        }
        String line = text.line(pos);
        for (Allowlist a : allowlists) {
            if (a.allows(text.path(), c.secret(), c.match(), line)) {
                return true;
            }
        }
        return false;
    }

    /** Overlapping candidates: the highest priority stays, then the longest, then the first found. */
    static List<Candidate> resolveOverlaps(List<Candidate> cs) {
        if (cs.size() < 2) {
            return cs;
        }
        List<Candidate> order = new ArrayList<>(cs);
        order.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparingInt(c -> -(c.end() - c.start())));
        TreeMap<Integer, Candidate> kept = new TreeMap<>();
        for (Candidate c : order) {
            Map.Entry<Integer, Candidate> before = kept.floorEntry(c.start());
            Map.Entry<Integer, Candidate> after = kept.ceilingEntry(c.start());
            boolean overlaps = (before != null && before.getValue().end() > c.start())
                    || (after != null && after.getKey() < Math.max(c.end(), c.start() + 1));
            if (!overlaps) {
                kept.put(c.start(), c);
            }
        }
        return new ArrayList<>(kept.values());
    }
}

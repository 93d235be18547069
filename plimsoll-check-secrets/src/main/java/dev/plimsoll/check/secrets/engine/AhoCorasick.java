package dev.plimsoll.check.secrets.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compact Aho-Corasick automaton for ASCII keywords, matched case-insensitively, compiled to a full DFA: one table
 * lookup per input byte or char and no allocation while scanning. Written here rather than taken from a library
 * because the engine needs exactly this (byte and char input over the same automaton, ASCII case folding in the
 * alphabet map, a payload per keyword) and it is 150 lines; the general libraries build node objects and report
 * matches through callbacks that allocate.
 *
 * <p>The alphabet is compressed: every character that occurs in some keyword gets a class (upper and lower case of a
 * letter share one); all other characters, and every non-ASCII char or byte, share class 0. With a few hundred
 * keywords the table stays in the hundreds of kilobytes.
 */
public final class AhoCorasick {
    /** Receives each keyword occurrence: the keyword's payload and the index just past its last character. */
    @FunctionalInterface
    public interface Hits {
        void hit(int payload, int end);
    }

    private final int[] classOf = new int[128];
    private final int width;
    /** Next-state table, pre-multiplied by the width; the sign bit marks states with outputs (one load per char). */
    private final int[] delta;
    private final int[][] outputs;   // payloads per state, null when none
    private static final int INDEX = 0x7FFFFFFF;

    /** @param payloads one per keyword (a detector index); keywords must be non-empty ASCII */
    public AhoCorasick(List<String> keywords, int[] payloads) {
        int classes = 1;
        for (String k : keywords) {
            for (int i = 0; i < k.length(); i++) {
                char c = Character.toLowerCase(k.charAt(i));
                if (c >= 128) {
                    throw new IllegalArgumentException("keywords must be ASCII");
                }
                if (classOf[c] == 0) {
                    classOf[c] = classes++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[Character.toLowerCase(c)];
        }
        width = classes;
        List<int[]> go = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        go.add(new int[width]);
        out.add(null);
        Arrays.fill(go.getFirst(), -1);
        for (int k = 0; k < keywords.size(); k++) {
            int s = 0;
            String kw = keywords.get(k);
            for (int i = 0; i < kw.length(); i++) {
                int c = classOf[kw.charAt(i)];
                if (go.get(s)[c] < 0) {
                    int[] row = new int[width];
                    Arrays.fill(row, -1);
                    go.add(row);
                    out.add(null);
                    go.get(s)[c] = go.size() - 1;
                }
                s = go.get(s)[c];
            }
            out.set(s, append(out.get(s), payloads[k]));
        }
        int states = go.size();
        delta = new int[states * width];
        outputs = new int[states][];
        int[] fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < width; c++) {
            int t = go.getFirst()[c];
            delta[c] = Math.max(t, 0);
            if (t > 0) {
                fail[t] = 0;
                queue.add(t);
            }
        }
        outputs[0] = out.getFirst();
        int[] plain = delta;   // first as plain state numbers, then encoded below
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] merged = out.get(s);
            int[] inherited = outputs[fail[s]];
            if (inherited != null) {
                for (int p : inherited) {
                    merged = append(merged, p);
                }
            }
            outputs[s] = merged;
            for (int c = 0; c < width; c++) {
                int t = go.get(s)[c];
                if (t >= 0) {
                    fail[t] = delta[fail[s] * width + c];
                    queue.add(t);
                    delta[s * width + c] = t;
                } else {
                    delta[s * width + c] = delta[fail[s] * width + c];
                }
            }
        }
        for (int i = 0; i < plain.length; i++) {
            int next = plain[i];
            plain[i] = next * width | (outputs[next] != null ? 0x80000000 : 0);
        }
    }

    /** Reports every keyword occurrence in bytes [off, off+len) (UTF-8 or any ASCII superset). */
    public void scan(byte[] b, int off, int len, Hits hits) {
        final int[] d = delta;
        final int[] cls = classOf;
        int s = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int x = b[i];
            s = d[(s & INDEX) + (x >= 0 ? cls[x] : 0)];
            if (s < 0) {
                for (int p : outputs[(s & INDEX) / width]) {
                    hits.hit(p, i + 1);
                }
            }
        }
    }

    /** Reports every keyword occurrence in s[from, to). */
    public void scan(CharSequence s, int from, int to, Hits hits) {
        final int[] d = delta;
        final int[] cls = classOf;
        int st = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            st = d[(st & INDEX) + (c < 128 ? cls[c] : 0)];
            if (st < 0) {
                for (int p : outputs[(st & INDEX) / width]) {
                    hits.hit(p, i + 1);
                }
            }
        }
    }

    private static int[] append(int[] a, int v) {
        if (a == null) {
            return new int[] {v};
        }
        for (int x : a) {
            if (x == v) {
                return a;
            }
        }
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}

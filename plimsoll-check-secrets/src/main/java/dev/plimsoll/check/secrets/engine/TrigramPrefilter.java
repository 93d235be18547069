package dev.plimsoll.check.secrets.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The byte prefilter: finds keyword occurrences in raw bytes at about the speed of memory. The Aho-Corasick DFA does
 * one dependent table load per byte, and with a few hundred keywords its table no longer fits the L1 cache, so each
 * byte waits on an L2 load. Here each position costs a rolling 4-byte value (characters that occur in no keyword
 * fold to 0), a multiplicative hash and one bit test in a 32 KiB bitmap, with no dependency between positions; only
 * where the bit is set are the keywords starting with that value's first three characters compared. The bitmap
 * holds each keyword's first four characters (a 3-character keyword: its three followed by any character, or by
 * none at the end): first trigrams alone ("con", "run", "for") set a bit every ~20 bytes of source code, four
 * characters every ~70, and each set bit costs a mispredicted branch and a table probe. Hits are the same as the
 * automaton's. Needs keywords of at least 3 characters (the engine falls back to the automaton otherwise).
 */
public final class TrigramPrefilter {
    private static final int BITS = 18;
    private final long[] bitmap = new long[1 << (BITS - 6)];
    private final byte[] fold = new byte[256];
    private final int[] slotKey;         // open addressing: first trigram of some keyword, or -1
    private final int[][] slotKeywords;  // keyword indices per slot
    private final int slotMask;
    private final byte[][] keywords;
    private final int[] payloads;

    public static boolean supports(List<String> keywords) {
        return keywords.stream().allMatch(k -> k.length() >= 3 && k.chars().allMatch(c -> c < 128 && c != 0));
    }

    public TrigramPrefilter(List<String> kws, int[] payloadOf) {
        keywords = new byte[kws.size()][];
        payloads = payloadOf.clone();
        for (int i = 0; i < kws.size(); i++) {
            String k = kws.get(i);
            keywords[i] = new byte[k.length()];
            for (int j = 0; j < k.length(); j++) {
                char c = Character.toLowerCase(k.charAt(j));
                keywords[i][j] = (byte) c;
                fold[c] = (byte) c;
                fold[Character.toUpperCase(c)] = (byte) c;
            }
        }
        TreeMap<Integer, List<Integer>> map = new TreeMap<>();
        for (int i = 0; i < keywords.length; i++) {
            int t = (keywords[i][0] & 0xFF) << 16 | (keywords[i][1] & 0xFF) << 8 | (keywords[i][2] & 0xFF);
            map.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
            if (keywords[i].length == 3) {
                for (int next = 0; next < 256; next++) {
                    if (next == 0 || fold[next] == next) {   // every value a folded byte can take
                        mark(t << 8 | next);
                    }
                }
            } else {
                mark(t << 8 | (keywords[i][3] & 0xFF));
            }
        }
        int size = Integer.highestOneBit(Math.max(16, map.size() * 4) - 1) << 1;
        slotMask = size - 1;
        slotKey = new int[size];
        slotKeywords = new int[size][];
        Arrays.fill(slotKey, -1);
        for (var e : map.entrySet()) {
            int i = mix(e.getKey()) & slotMask;
            while (slotKey[i] != -1) {
                i = (i + 1) & slotMask;
            }
            slotKey[i] = e.getKey();
            slotKeywords[i] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private void mark(int fourChars) {
        int m = mix(fourChars);
        bitmap[m >>> 6] |= 1L << m;
    }

    private static int mix(int t) {
        return (t * 0x9E3779B1) >>> (32 - BITS);
    }

    /** Reports every keyword occurrence in bytes [off, off+len): payload and end offset. */
    public void scan(byte[] b, int off, int len, AhoCorasick.Hits hits) {
        final long[] bm = bitmap;
        final byte[] f = fold;
        final int end = off + len;
        int h = 0;   // the last four folded bytes; 0s before off never match (no keyword holds a 0)
        for (int i = off; i < end; i++) {
            h = (h << 8) | (f[b[i] & 0xFF] & 0xFF);
            int m = (h * 0x9E3779B1) >>> (32 - BITS);
            if ((bm[m >>> 6] & (1L << m)) != 0) {
                verify(b, i - 3, end, h >>> 8, hits);
            }
        }
        // A 3-character keyword ending at the last byte has no fourth: it is looked up as followed by a 0.
        h <<= 8;
        int m = (h * 0x9E3779B1) >>> (32 - BITS);
        if ((bm[m >>> 6] & (1L << m)) != 0) {
            verify(b, end - 3, end, h >>> 8, hits);
        }
    }

    private void verify(byte[] b, int start, int end, int trigram, AhoCorasick.Hits hits) {
        int at = mix(trigram) & slotMask;
        while (slotKey[at] != trigram) {
            if (slotKey[at] == -1) {
                return;
            }
            at = (at + 1) & slotMask;
        }
        if (start < 0) {
            return;
        }
        for (int k : slotKeywords[at]) {
            byte[] kw = keywords[k];
            int stop = start + kw.length;
            if (stop > end) {
                continue;
            }
            boolean ok = true;
            for (int j = 3; j < kw.length && ok; j++) {
                ok = fold[b[start + j] & 0xFF] == kw[j];
            }
            if (ok) {
                hits.hit(payloads[k], stop);
            }
        }
    }
}

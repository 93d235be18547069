package dev.plimsoll.vulndb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one section's records lie in the writer's spill file, by key: ints and longs per record, so that millions
 * of records cost tens of megabytes of heap while their bytes wait on disk.
 */
final class SpillIndex<K> {
    private final Map<String, Integer> idsByText = new HashMap<>();
    private final List<K> keys = new ArrayList<>();
    private final List<byte[]> keyBytes = new ArrayList<>();
    private int[] keyOf = new int[1024];
    private long[] offsetOf = new long[1024];
    private int[] lengthOf = new int[1024];
    private int size;

    void add(String keyText, K key, long offset, int length) {
        Integer id = idsByText.get(keyText);
        if (id == null) {
            id = keys.size();
            idsByText.put(keyText, id);
            keys.add(key);
            keyBytes.add(DbFormat.utf8(keyText));
        }
        if (size == keyOf.length) {
            int n = size * 2;
            keyOf = Arrays.copyOf(keyOf, n);
            offsetOf = Arrays.copyOf(offsetOf, n);
            lengthOf = Arrays.copyOf(lengthOf, n);
        }
        keyOf[size] = id;
        offsetOf[size] = offset;
        lengthOf[size] = length;
        size++;
    }

    int records() {
        return size;
    }

    int keyCount() {
        return keys.size();
    }

    K key(int id) {
        return keys.get(id);
    }

    byte[] keyBytes(int id) {
        return keyBytes.get(id);
    }

    long offset(int record) {
        return offsetOf[record];
    }

    int length(int record) {
        return lengthOf[record];
    }

    /** Key ids in the file's order: unsigned UTF-8 bytes. */
    int[] sortedKeyIds() {
        Integer[] ids = new Integer[keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        Arrays.sort(ids, (a, b) -> Arrays.compareUnsigned(keyBytes.get(a), keyBytes.get(b)));
        return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Records grouped by key: {@code groups.records} lists record numbers key by key, and key {@code k}'s are
     * {@code records[start[k] .. start[k + 1])} (a counting sort, so insertion order is kept within a key).
     */
    Groups groups() {
        int[] start = new int[keys.size() + 1];
        for (int r = 0; r < size; r++) {
            start[keyOf[r] + 1]++;
        }
        for (int k = 0; k < keys.size(); k++) {
            start[k + 1] += start[k];
        }
        int[] fill = Arrays.copyOf(start, keys.size());
        int[] records = new int[size];
        for (int r = 0; r < size; r++) {
            records[fill[keyOf[r]]++] = r;
        }
        return new Groups(start, records);
    }

    record Groups(int[] start, int[] records) {
    }
}

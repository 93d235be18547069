package dev.plimsoll.rpmdb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes header blobs the way rpm lays them out (region tag first, region entries, trailer, then dribbles; integer
 * data aligned to its size), for tests that need headers no rpmbuild would produce.
 */
final class HeaderBuilder {
    private record Entry(int tag, int type, int count, byte[] data, int align) {
    }

    private final List<Entry> region = new ArrayList<>();
    private final List<Entry> dribbles = new ArrayList<>();
    private boolean withRegion = true;

    /** A minimal installed package header. */
    static HeaderBuilder pkg(String name, String version, String release, String arch) {
        return new HeaderBuilder().string(RpmTag.NAME, name).string(RpmTag.VERSION, version)
            .string(RpmTag.RELEASE, release).string(RpmTag.ARCH, arch);
    }

    /** Pre-rpm-4 layout: no region tag, every entry plain. */
    HeaderBuilder noRegion() {
        withRegion = false;
        return this;
    }

    HeaderBuilder string(int tag, String value) {
        region.add(new Entry(tag, RpmHeader.TYPE_STRING, 1, strings(value), 1));
        return this;
    }

    HeaderBuilder stringArray(int tag, String... values) {
        region.add(new Entry(tag, RpmHeader.TYPE_STRING_ARRAY, values.length, strings(values), 1));
        return this;
    }

    HeaderBuilder i18nString(int tag, String... values) {
        region.add(new Entry(tag, RpmHeader.TYPE_I18NSTRING, values.length, strings(values), 1));
        return this;
    }

    HeaderBuilder int32(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        region.add(new Entry(tag, RpmHeader.TYPE_INT32, values.length, b.array(), 4));
        return this;
    }

    HeaderBuilder int64(int tag, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        for (long v : values) {
            b.putLong(v);
        }
        region.add(new Entry(tag, RpmHeader.TYPE_INT64, values.length, b.array(), 8));
        return this;
    }

    /** An entry added after the region, as rpm adds install-time data. */
    HeaderBuilder dribbleString(int tag, String value) {
        dribbles.add(new Entry(tag, RpmHeader.TYPE_STRING, 1, strings(value), 1));
        return this;
    }

    /** Any entry with raw data, for malformed headers. */
    HeaderBuilder raw(int tag, int type, int count, byte[] data) {
        region.add(new Entry(tag, type, count, data, 1));
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<int[]> index = new ArrayList<>();
        if (withRegion) {
            index.add(null);
        }
        for (Entry e : region) {
            index.add(place(e, data));
        }
        if (withRegion) {
            int trailerAt = data.size();
            ByteBuffer trailer = ByteBuffer.allocate(16);
            trailer.putInt(RpmTag.HEADERIMMUTABLE).putInt(RpmHeader.TYPE_BIN).putInt(-16 * index.size()).putInt(16);
            data.writeBytes(trailer.array());
            index.set(0, new int[] {RpmTag.HEADERIMMUTABLE, RpmHeader.TYPE_BIN, trailerAt, 16});
        }
        for (Entry e : dribbles) {
            index.add(place(e, data));
        }
        ByteBuffer blob = ByteBuffer.allocate(8 + 16 * index.size() + data.size());
        blob.putInt(index.size()).putInt(data.size());
        for (int[] e : index) {
            blob.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]);
        }
        blob.put(data.toByteArray());
        return blob.array();
    }

    private static int[] place(Entry e, ByteArrayOutputStream data) {
        while (data.size() % e.align() != 0) {
            data.write(0);
        }
        int offset = data.size();
        data.writeBytes(e.data());
        return new int[] {e.tag(), e.type(), offset, e.count()};
    }

    private static byte[] strings(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            out.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}

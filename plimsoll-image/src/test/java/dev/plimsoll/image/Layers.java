package dev.plimsoll.image;

import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.RawEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads whole layers for assertions. */
final class Layers {
    /** An entry and its content as text. */
    record Item(RawEntry entry, String content) {
    }

    private Layers() {
    }

    static List<Item> read(Image image, LayerRef layer) {
        List<Item> out = new ArrayList<>();
        try (LayerReader r = image.openLayer(layer)) {
            for (RawEntry e = r.next(); e != null; e = r.next()) {
                try (InputStream in = r.content()) {
                    out.add(new Item(e, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<List<Item>> readAll(Image image) {
        return image.layers().stream().map(l -> read(image, l)).toList();
    }

    /** Reads a layer's headers only, leaving every content unread (the reader must skip and digest it). */
    static int countEntries(Image image, LayerRef layer) throws IOException {
        int n = 0;
        try (LayerReader r = image.openLayer(layer)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }
}

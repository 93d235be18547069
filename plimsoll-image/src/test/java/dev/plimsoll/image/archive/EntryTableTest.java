package dev.plimsoll.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.image.archive.EntryTable.Entry;
import dev.plimsoll.image.archive.EntryTable.Kind;
import org.junit.jupiter.api.Test;

class EntryTableTest {
    private static Entry file(String name, int ordinal) {
        return new Entry(name, Kind.FILE, 10, 512, ordinal, "");
    }

    private static Entry link(String name, Kind kind, String target) {
        return new Entry(name, kind, 0, 0, 0, target);
    }

    @Test
    void normalizesNames() {
        assertThat(EntryTable.normalize("./a//b/./c/")).isEqualTo("a/b/c");
        assertThat(EntryTable.normalize("/a/../b")).isEqualTo("b");
        assertThat(EntryTable.normalize("../etc/passwd")).isNull();
        assertThat(EntryTable.normalize("a/../../b")).isNull();
    }

    @Test
    void followsLinksInsideTheArchiveOnly() {
        EntryTable t = new EntryTable();
        t.add(file("./abc.tar", 1));
        t.add(link("id/layer.tar", Kind.SYMLINK, "../abc.tar"));
        t.add(link("hard.tar", Kind.HARDLINK, "abc.tar"));
        t.add(link("abs.tar", Kind.SYMLINK, "/abc.tar"));
        t.add(link("escape.tar", Kind.SYMLINK, "../../etc/passwd"));
        t.add(link("loop1", Kind.SYMLINK, "loop2"));
        t.add(link("loop2", Kind.SYMLINK, "loop1"));
        t.add(new Entry("dir/", Kind.OTHER, 0, 0, 9, ""));

        assertThat(t.resolve("id/layer.tar")).map(Entry::ordinal).contains(1);
        assertThat(t.resolve("hard.tar")).map(Entry::ordinal).contains(1);
        assertThat(t.resolve("abs.tar")).map(Entry::ordinal).contains(1);
        assertThat(t.resolve("abc.tar")).map(Entry::ordinal).contains(1);
        assertThat(t.resolve("escape.tar")).isEmpty();
        assertThat(t.resolve("loop1")).isEmpty();
        assertThat(t.resolve("dir")).isEmpty();
        assertThat(t.resolve("missing")).isEmpty();
    }

    @Test
    void laterEntriesReplaceEarlierOnes() {
        EntryTable t = new EntryTable();
        t.add(file("manifest.json", 1));
        t.add(file("./manifest.json", 5));
        assertThat(t.resolve("manifest.json")).map(Entry::ordinal).contains(5);
        assertThat(t.names()).containsExactly("manifest.json");
    }
}

package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageConfig;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.LayerReader;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.core.image.RawEntry;
import dev.plimsoll.image.Layers.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsTest {
    @TempDir
    Path tmp;

    private Path root;
    private final ImageOpener opener = new ImageOpener();

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(tmp.resolve("rootfs"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=alpine\n");
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/busybox"), "#!busybox");
        chmod("4755", root.resolve("bin/busybox"));
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("busybox"));
        Files.createLink(root.resolve("bin/ash"), root.resolve("bin/busybox"));
        // links that point out of the root must be reported, never followed
        Files.createSymbolicLink(root.resolve("host-etc"), Path.of("/etc"));
        Files.createSymbolicLink(root.resolve("up"), Path.of("../.."));
        Files.createDirectories(root.resolve("empty"));
    }

    /** NIO cannot set the setuid bit. */
    private static void chmod(String mode, Path p) throws IOException {
        try {
            assertThat(new ProcessBuilder("chmod", mode, p.toString()).inheritIO().start().waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Image open() {
        return opener.open(new ImageSource.RootfsDir(root), Platform.parse("linux/arm64"));
    }

    @Test
    void walksDepthFirstInSortedOrderWithoutFollowingSymlinks() throws IOException {
        try (Image image = open()) {
            List<Item> items = Layers.read(image, image.layers().get(0));
            assertThat(items).extracting(i -> i.entry().name()).containsExactly(
                    "bin", "bin/ash", "bin/busybox", "bin/sh", "empty", "etc", "etc/os-release", "host-etc", "up");
            Map<String, RawEntry> byName = items.stream().map(Item::entry)
                    .collect(Collectors.toMap(RawEntry::name, Function.identity()));
            assertThat(byName.get("host-etc").type()).isEqualTo(FileType.SYMLINK);
            assertThat(byName.get("host-etc").linkName()).contains("/etc");
            assertThat(byName.get("up").linkName()).contains("../..");
            assertThat(byName.get("bin/sh").type()).isEqualTo(FileType.SYMLINK);
            assertThat(byName.get("bin/ash").type()).isEqualTo(FileType.REGULAR);
            assertThat(byName.get("bin/busybox").mode()).isEqualTo(04755);
            assertThat(byName.get("etc").type()).isEqualTo(FileType.DIRECTORY);
            assertThat(byName.get("etc").size()).isZero();
            assertThat(byName.get("etc/os-release").size()).isEqualTo(10);
            assertThat(items).filteredOn(i -> i.entry().name().equals("etc/os-release")).extracting(Item::content)
                    .containsExactly("ID=alpine\n");
            assertThat(items).filteredOn(i -> i.entry().type() != FileType.REGULAR).extracting(Item::content)
                    .containsOnly("");
        }
    }

    @Test
    void isAnImageOfOnePseudoLayerWithAnEmptyConfig() throws IOException {
        try (Image image = open()) {
            assertThat(image.layers()).containsExactly(new LayerRef(0, Optional.empty(), Optional.empty(), 0,
                    Optional.empty(), Optional.empty()));
            assertThat(image.config()).isEqualTo(ImageConfig.empty(Platform.parse("linux/arm64")));
            assertThat(image.summary().sourceKind()).isEqualTo("rootfs");
            assertThat(image.summary().name()).isEqualTo(root.toString());
        }
    }

    @Test
    void contentIsOpenedOnlyWhenAskedAndAFileGoneSinceListingNamesItself() throws IOException {
        try (Image image = open(); LayerReader reader = image.openLayer(image.layers().get(0))) {
            RawEntry e;
            do {
                e = reader.next();
            } while (!e.name().equals("bin/busybox"));
            Files.delete(root.resolve("bin/busybox"));
            assertThatThrownBy(reader::content)
                    .isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("bin/busybox");
            // the walk goes on
            assertThat(reader.next().name()).isEqualTo("bin/sh");
        }
    }

    @Test
    void aFileSwappedForASymlinkAfterListingIsNotFollowed() throws IOException {
        try (Image image = open(); LayerReader reader = image.openLayer(image.layers().get(0))) {
            RawEntry e;
            do {
                e = reader.next();
            } while (!e.name().equals("etc/os-release"));
            Files.delete(root.resolve("etc/os-release"));
            Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/etc/hostname"));
            assertThatThrownBy(() -> {
                try (InputStream in = reader.content()) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aSymlinkGivenAsTheRootIsFollowedOnce() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), root);
        try (Image image = opener.open(new ImageSource.RootfsDir(link), Platform.LINUX_AMD64)) {
            assertThat(Layers.read(image, image.layers().get(0))).extracting(i -> i.entry().name())
                    .contains("etc/os-release", "host-etc");
        }
    }
}

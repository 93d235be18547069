package dev.plimsoll.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.Image;
import dev.plimsoll.core.image.ImageSource;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.image.Layers.Item;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    @TempDir
    Path tmp;

    private static byte[] layer(String prefix, int files) {
        TarBuilder tar = TarBuilder.tar();
        for (int i = 0; i < files; i++) {
            tar.file(prefix + "/f" + i, (prefix + i + "-").repeat(500 + i).getBytes(StandardCharsets.UTF_8));
        }
        return tar.build();
    }

    @Test
    void layersOfAnUncompressedArchiveReadConcurrentlyGiveTheirOwnContent() throws Exception {
        Path file = tmp.resolve("image.tar");
        ImageBuilder.image().layer(layer("a", 200)).layer(layer("b", 200)).writeDockerArchive(file, Compression.NONE);

        try (Image image = new ImageOpener().open(new ImageSource.DockerArchive(file, Optional.empty()),
                Platform.LINUX_AMD64)) {
            List<List<Item>> sequential = Layers.readAll(image);
            CyclicBarrier start = new CyclicBarrier(2);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (int round = 0; round < 5; round++) {
                    List<Future<List<Item>>> futures = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        int index = i;
                        futures.add(pool.submit(() -> {
                            start.await();
                            return Layers.read(image, image.layers().get(index));
                        }));
                    }
                    assertThat(futures.get(0).get()).isEqualTo(sequential.get(0));
                    assertThat(futures.get(1).get()).isEqualTo(sequential.get(1));
                }
            }
            assertThat(sequential.get(0)).hasSize(200).allSatisfy(i -> assertThat(i.entry().name()).startsWith("a/"));
            assertThat(sequential.get(1).get(199).content()).isEqualTo("b199-".repeat(699));
        }
    }
}

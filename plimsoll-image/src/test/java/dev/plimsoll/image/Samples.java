package dev.plimsoll.image;

import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.ImageBuilder.Compression;
import dev.plimsoll.testkit.TarBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The images the tests build. */
final class Samples {
    static final String LONG_NAME = "usr/share/" + "very-long-directory-name-".repeat(6) + "/file.txt";

    private Samples() {
    }

    static byte[] baseLayer() {
        return TarBuilder.tar()
                .dir("etc")
                .file("etc/os-release", "ID=debian\nVERSION_ID=12\n")
                .file("bin/sh", "#!shell".getBytes(StandardCharsets.UTF_8), 0755)
                .symlink("bin/bash", "sh")
                .hardlink("bin/dash", "bin/sh")
                .file(LONG_NAME, "pax name")
                .file("usr/bin/su", new byte[] {1, 2, 3}, 04755)
                .build();
    }

    static byte[] topLayer() {
        return TarBuilder.tar()
                .dir("app")
                .file("app/run.sh", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), 0750, 1000, 1001)
                .whiteout("etc/os-release")
                .fifo("app/pipe")
                .charDevice("dev/null")
                .build();
    }

    /** A two-layer image with every config field set. */
    static ImageBuilder sample(Compression layers) {
        return ImageBuilder.image()
                .tag("example.com/team/app:1.0")
                .layer(baseLayer(), layers, "ADD rootfs.tar /")
                .emptyLayerHistory("ENV A=1")
                .layer(topLayer(), layers, "COPY app /app")
                .user("app")
                .env("A=1", "PATH=/usr/bin:/bin")
                .entrypoint("/app/run.sh")
                .cmd("--serve")
                .workingDir("/app")
                .exposedPort("8080/tcp")
                .volume("/data")
                .label("org.opencontainers.image.title", "sample")
                .stopSignal("SIGTERM")
                .healthcheck(List.of("CMD-SHELL", "curl -f http://localhost/"), Duration.ofSeconds(30),
                        Duration.ofSeconds(5), Duration.ofSeconds(10), 3);
    }

    /** A one-layer image whose layer holds one file. */
    static ImageBuilder small(String platform, String marker) {
        return ImageBuilder.image().platform(platform)
                .layer(TarBuilder.tar().file("marker", marker).build(), Compression.GZIP, "ADD marker /");
    }
}

package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.testkit.TarBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveUnpackerTest {
    @TempDir
    Path tmp;

    private final ArchiveUnpacker unpacker = new ArchiveUnpacker(UpdateConfig.UnpackLimits.DEFAULT);

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static Download download(String target, Download.Unpack unpack, String prefix) {
        return new Download("k", URI.create("https://example.invalid/x"), target, unpack, Optional.empty(), prefix);
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void aGithubStyleZipIsUnpackedBelowItsPrefix() throws IOException {
        Path zip = file("a.zip", Archives.zip(Archives.files(
                "security-wg-main/", "", "security-wg-main/README.md", "top", "security-wg-main/vuln/npm/1.json",
                "{}", "security-wg-main/vuln/core/2.json", "[]")));
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        ArchiveUnpacker.Unpacked u = unpacker.unpack(download("nodejs-security-wg", Download.Unpack.ZIP,
                "security-wg-main/vuln/"), zip, staging);
        assertThat(tree(staging)).containsExactly("nodejs-security-wg/core/2.json", "nodejs-security-wg/npm/1.json");
        assertThat(u.files()).isEqualTo(2);
    }

    @Test
    void aPrefixThatMatchesNothingIsAnError() throws IOException {
        Path zip = file("a.zip", Archives.zip(Archives.files("other-main/x.json", "{}")));
        assertThatThrownBy(() -> unpacker.unpack(download("t", Download.Unpack.ZIP, "repo-main/"), zip,
                tmp.resolve("s"))).isInstanceOf(UpdateException.class)
                .hasMessageContaining("nothing under 'repo-main/'");
    }

    @Test
    void zipSlipAndAbsoluteNamesRefuseTheArchiveAndWriteNothingOutside() throws IOException {
        for (String evil : List.of("../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:/evil.txt",
                "a\\..\\..\\evil.txt")) {
            Path zip = file("evil.zip", Archives.zip(Archives.files("ok.txt", "fine", evil, "pwned")));
            Path staging = tmp.resolve("s-" + Math.abs(evil.hashCode()));
            assertThatThrownBy(() -> unpacker.unpack(download("osv/PyPI", Download.Unpack.ZIP, ""), zip, staging))
                    .as(evil).isInstanceOf(UpdateException.class).hasMessageContaining("refusing the archive");
            assertThat(tmp.resolve("evil.txt")).doesNotExist();
            assertThat(staging.resolveSibling("evil.txt")).doesNotExist();
        }
    }

    @Test
    void linksAreNeverCreatedAndEscapingOnesRefuseTheArchive() throws IOException {
        Path inside = file("in.zip", Archives.zip(Archives.files("a/x.json", "{}"), Map.of("a/y.json", "x.json")));
        Path staging = tmp.resolve("s1");
        ArchiveUnpacker.Unpacked u = unpacker.unpack(download("t", Download.Unpack.ZIP, ""), inside, staging);
        assertThat(u.linksLeftOut()).isEqualTo(1);
        assertThat(staging.resolve("t/a/y.json")).doesNotExist();

        Path out = file("out.zip", Archives.zip(Archives.files(), Map.of("a/y.json", "../../../etc/passwd")));
        assertThatThrownBy(() -> unpacker.unpack(download("t", Download.Unpack.ZIP, ""), out, tmp.resolve("s2")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("points outside the target");

        byte[] tar = TarBuilder.tar().symlink("link", "/etc").file("link/passwd", "x").build();
        Path tgz = file("l.tgz", TarBuilder.gzip(tar));
        assertThatThrownBy(() -> unpacker.unpack(download("t", Download.Unpack.TAR_GZ, ""), tgz, tmp.resolve("s3")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("points outside the target");
        byte[] hard = TarBuilder.tar().hardlink("h", "../../secret").build();
        Path htgz = file("h.tgz", TarBuilder.gzip(hard));
        assertThatThrownBy(() -> unpacker.unpack(download("t", Download.Unpack.TAR_GZ, ""), htgz, tmp.resolve("s4")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("points outside the target");
    }

    @Test
    void aTarGzIsStrippedAndItsSpecialEntriesLeftOut() throws IOException {
        byte[] tar = TarBuilder.tar().dir("ruby-advisory-db-master").file("ruby-advisory-db-master/gems/rack/a.yml",
                "gem: rack").fifo("ruby-advisory-db-master/fifo").charDevice("ruby-advisory-db-master/dev")
                .file("pax_global_header_like/outside.txt", "x").build();
        Path tgz = file("r.tgz", TarBuilder.gzip(tar));
        Path staging = tmp.resolve("s");
        ArchiveUnpacker.Unpacked u = unpacker.unpack(download("ruby-advisory-db", Download.Unpack.TAR_GZ,
                "ruby-advisory-db-master/"), tgz, staging);
        assertThat(tree(staging)).containsExactly("ruby-advisory-db/gems/rack/a.yml");
        assertThat(u.othersLeftOut()).isEqualTo(2);
    }

    @Test
    void theSameNameTwiceRefusesTheArchive() throws IOException {
        byte[] tar = TarBuilder.tar().file("a.txt", "one").file("a.txt", "two").build();
        Path tgz = file("d.tgz", TarBuilder.gzip(tar));
        assertThatThrownBy(() -> unpacker.unpack(download("t", Download.Unpack.TAR_GZ, ""), tgz, tmp.resolve("s")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("same name twice");
    }

    @Test
    void sizeAndCountBoundsCountWhatIsInflated() throws IOException {
        ArchiveUnpacker small = new ArchiveUnpacker(new UpdateConfig.UnpackLimits(1 << 20, 3, 1000, 1500));
        byte[] zeros = new byte[5000];   // compresses to a few bytes: the bound must count inflated bytes
        Path bomb = file("bomb.tgz", TarBuilder.gzip(TarBuilder.tar().file("z", zeros).build()));
        assertThatThrownBy(() -> small.unpack(download("t", Download.Unpack.TAR_GZ, ""), bomb, tmp.resolve("s1")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("more than 1000 bytes");
        Path total = file("total.tgz", TarBuilder.gzip(TarBuilder.tar().file("a", new byte[900])
                .file("b", new byte[900]).build()));
        assertThatThrownBy(() -> small.unpack(download("t", Download.Unpack.TAR_GZ, ""), total, tmp.resolve("s2")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("more than 600 bytes");
        Path many = file("many.zip", Archives.zip(Archives.files("1", "", "2", "", "3", "", "4", "")));
        assertThatThrownBy(() -> small.unpack(download("t", Download.Unpack.ZIP, ""), many, tmp.resolve("s3")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("more than 3 archive entries");
        Path gz = file("g.gz", TarBuilder.gzip(zeros));
        assertThatThrownBy(() -> small.unpack(download("g/file", Download.Unpack.GUNZIP, ""), gz, tmp.resolve("s4")))
                .isInstanceOf(UpdateException.class).hasMessageContaining("more than 1000 bytes");
    }

    @Test
    void gunzipAndPlainFilesLandAtTheirTarget() throws IOException {
        Path gz = file("e.csv.gz", TarBuilder.gzip("cve,epss\n".getBytes(StandardCharsets.UTF_8)));
        Path plain = file("kev.json", "{}".getBytes(StandardCharsets.UTF_8));
        Path staging = tmp.resolve("s");
        unpacker.unpack(download("epss/scores.csv", Download.Unpack.GUNZIP, ""), gz, staging);
        unpacker.unpack(download("kev/kev.json", Download.Unpack.NONE, ""), plain, staging);
        assertThat(staging.resolve("epss/scores.csv")).hasContent("cve,epss\n");
        assertThat(staging.resolve("kev/kev.json")).hasContent("{}");
        assertThatThrownBy(() -> unpacker.unpack(download("../x", Download.Unpack.NONE, ""), plain, staging))
                .isInstanceOf(UpdateException.class).hasMessageContaining("not a relative path");
    }
}

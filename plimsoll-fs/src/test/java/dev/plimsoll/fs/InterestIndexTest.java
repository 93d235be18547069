package dev.plimsoll.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.core.image.LayerRef;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterestIndexTest {
    private static final LayerRef LAYER = new LayerRef(0, Optional.empty(), Optional.empty(), 0, Optional.empty(),
            Optional.empty());

    private static FileMeta meta(String path, FileType type, int mode, Visibility visibility) {
        return new FileMeta(path, type, mode, 0, 0, 10, Optional.empty(), LAYER, visibility);
    }

    private static FileMeta file(String path) {
        return meta(path, FileType.REGULAR, 0644, Visibility.VISIBLE);
    }

    private static List<Integer> bits(BitSet b) {
        return b.stream().boxed().toList();
    }

    @Test
    void eachKindOfInterestMatchesItsFiles() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(PathInterest.exact("/var/lib/dpkg/status")),
                Interests.of(PathInterest.basename("pom.properties")),
                Interests.of(PathInterest.suffix(".jar"), PathInterest.suffix(".war")),
                Interests.of(PathInterest.glob("/var/lib/dpkg/status.d/*"), PathInterest.glob("/**/*.dist-info/METADATA")),
                Interests.of(PathInterest.modeBits(FileMeta.SETUID | FileMeta.SETGID)).withMaxBytes(0),
                Interests.of(new PathInterest.AnyFile())));

        assertThat(bits(index.match(file("/var/lib/dpkg/status")))).containsExactly(0, 5);
        assertThat(bits(index.match(file("/var/lib/dpkg/status.old")))).containsExactly(5);
        assertThat(bits(index.match(file("/app/META-INF/maven/g/a/pom.properties")))).containsExactly(1, 5);
        assertThat(bits(index.match(file("/opt/app.jar")))).containsExactly(2, 5);
        assertThat(bits(index.match(file("/opt/app.war")))).containsExactly(2, 5);
        assertThat(bits(index.match(file("/opt/app.ear")))).containsExactly(5);
        assertThat(bits(index.match(file("/var/lib/dpkg/status.d/base")))).containsExactly(3, 5);
        assertThat(bits(index.match(file("/usr/lib/python3/x-1.0.dist-info/METADATA")))).containsExactly(3, 5);
        assertThat(bits(index.match(meta("/usr/bin/su", FileType.REGULAR, 04755, Visibility.VISIBLE))))
                .containsExactly(4, 5);
        assertThat(index.metadataOnly(4)).isTrue();
        assertThat(index.maxBytes(0)).isEqualTo(Interests.DEFAULT_MAX_BYTES);
        assertThat(index.analyzers()).isEqualTo(6);
    }

    @Test
    void namesIgnoringCaseMatchTheLastSegmentInAnyCase() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(PathInterest.nameIgnoringCase("Dockerfile"), PathInterest.nameIgnoringCase("dockerfile.*"),
                        PathInterest.nameIgnoringCase("*.dockerfile")),
                Interests.of(PathInterest.basename("Dockerfile"))));

        assertThat(bits(index.match(file("/Dockerfile")))).containsExactly(0, 1);
        assertThat(bits(index.match(file("/src/DOCKERFILE")))).containsExactly(0);
        assertThat(bits(index.match(file("/src/dockerFile.prod")))).containsExactly(0);
        assertThat(bits(index.match(file("/src/api.DockerFile")))).containsExactly(0);
        assertThat(bits(index.match(file("/src/Dockerfile/readme")))).isEmpty();
        assertThat(bits(index.match(file("/src/Dockerfiles")))).isEmpty();
        assertThat(bits(index.match(file("/src/my-dockerfile")))).isEmpty();
        assertThat(bits(index.match(file("/src/.dockerfile")))).containsExactly(0);
    }

    @Test
    void anyFileMeansRegularFilesAndPathInterestsMatchAnyType() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(new PathInterest.AnyFile()),
                Interests.of(PathInterest.exact("/etc/os-release"))));

        assertThat(bits(index.match(meta("/etc/os-release", FileType.SYMLINK, 0777, Visibility.VISIBLE))))
                .containsExactly(1);
        assertThat(bits(index.match(meta("/dev/null", FileType.CHAR_DEVICE, 0666, Visibility.VISIBLE)))).isEmpty();
        assertThat(bits(index.match(meta("/etc", FileType.DIRECTORY, 0755, Visibility.VISIBLE)))).isEmpty();
    }

    @Test
    void modeBitsMatchDirectoriesAndDevicesButNotSymlinks() {
        InterestIndex index = InterestIndex.compile(List.of(Interests.of(PathInterest.modeBits(0002))));

        assertThat(bits(index.match(meta("/tmp", FileType.DIRECTORY, 01777, Visibility.VISIBLE)))).containsExactly(0);
        assertThat(bits(index.match(meta("/dev/null", FileType.CHAR_DEVICE, 0666, Visibility.VISIBLE))))
                .containsExactly(0);
        assertThat(bits(index.match(meta("/bin/sh", FileType.SYMLINK, 0777, Visibility.VISIBLE)))).isEmpty();
        assertThat(bits(index.match(meta("/etc/passwd", FileType.REGULAR, 0644, Visibility.VISIBLE)))).isEmpty();
    }

    @Test
    void deletedCopiesGoOnlyToAnalyzersThatAskForThem() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(new PathInterest.AnyFile()),
                Interests.of(new PathInterest.AnyFile()).withDeleted()));

        assertThat(index.anyWantsDeleted()).isTrue();
        assertThat(bits(index.match(meta("/a", FileType.REGULAR, 0644, Visibility.WHITED_OUT)))).containsExactly(1);
        assertThat(bits(index.match(meta("/a", FileType.REGULAR, 0644, Visibility.SHADOWED)))).containsExactly(1);
        assertThat(bits(index.match(meta("/a", FileType.REGULAR, 0644, Visibility.VISIBLE)))).containsExactly(0, 1);
        assertThat(InterestIndex.compile(List.of(Interests.of(new PathInterest.AnyFile()))).anyWantsDeleted())
                .isFalse();
    }

    @Test
    void literalGlobsAndUnnormalisedExactPathsAreNormalised() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(PathInterest.glob("/etc/os-release")),
                Interests.of(PathInterest.exact("/usr/lib/./os-release/"))));

        assertThat(bits(index.match(file("/etc/os-release")))).containsExactly(0);
        assertThat(bits(index.match(file("/usr/lib/os-release")))).containsExactly(1);
    }

    @Test
    void globsAreFoundWhereverTheIndexPutsThem() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(PathInterest.glob("/**/node_modules/*/package.json")), // by base name
                Interests.of(PathInterest.glob("/**/*.jar")),                       // by literal tail
                Interests.of(PathInterest.glob("/var/lib/rpm/*")),                  // by leading directories
                Interests.of(PathInterest.glob("/*/x?")),                           // at the root of the trie
                Interests.of(PathInterest.glob("/opt/**/lib/*.so*"))));             // directories, then tail

        assertThat(bits(index.match(file("/app/node_modules/left-pad/package.json")))).containsExactly(0);
        assertThat(bits(index.match(file("/app/node_modules/a/b/package.json")))).isEmpty();
        assertThat(bits(index.match(file("/srv/app.jar")))).containsExactly(1);
        assertThat(bits(index.match(file("/srv/app.jar/x")))).isEmpty();
        assertThat(bits(index.match(file("/var/lib/rpm/Packages")))).containsExactly(2);
        assertThat(bits(index.match(file("/var/lib/rpm")))).isEmpty();
        assertThat(bits(index.match(file("/etc/xy")))).containsExactly(3);
        assertThat(bits(index.match(file("/etc/x")))).isEmpty();
        assertThat(bits(index.match(file("/opt/app/lib/libz.so.1")))).containsExactly(4);
        assertThat(bits(index.match(file("/opt/lib/libz.so")))).containsExactly(4);
        assertThat(bits(index.match(file("/usr/lib/libz.so")))).isEmpty();
    }

    @Test
    void nonAsciiSuffixesAndTheRootWork() {
        InterestIndex index = InterestIndex.compile(List.of(
                Interests.of(PathInterest.suffix(".ü")),
                Interests.of(PathInterest.glob("/**"))));

        assertThat(bits(index.match(file("/x.ü")))).containsExactly(0, 1);
        assertThat(bits(index.match(meta("/", FileType.DIRECTORY, 0755, Visibility.VISIBLE)))).containsExactly(1);
    }
}

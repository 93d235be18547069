package dev.plimsoll.fs;

import static dev.plimsoll.testkit.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.testkit.TarBuilder;
import org.junit.jupiter.api.Test;

class ResolveTest {

    private static SquashedView view(byte[]... layers) {
        return Fixture.walk(TestImage.of(layers)).view();
    }

    private static String resolved(SquashedView view, String path) {
        return view.resolve(path).map(FileMeta::path).orElse(null);
    }

    @Test
    void followsChainsOfRelativeAndAbsoluteLinks() {
        SquashedView v = view(tar().symlink("a", "b").symlink("b", "/c").file("c", "end").build());

        assertThat(resolved(v, "/a")).isEqualTo("/c");
        assertThat(v.get("/a").orElseThrow().linkTarget()).contains("b");
    }

    @Test
    void loopsResolveToNothing() {
        SquashedView v = view(tar().symlink("x", "y").symlink("y", "x").symlink("self", "self")
                .symlink("d/loop", "../d/loop").build());

        assertThat(v.resolve("/x")).isEmpty();
        assertThat(v.resolve("/self")).isEmpty();
        assertThat(v.resolve("/d/loop")).isEmpty();
    }

    @Test
    void linksCannotLeaveTheImageRoot() {
        SquashedView v = view(tar().file("etc/passwd", "image's passwd").symlink("var/www/link", "../../../../etc/passwd")
                .symlink("abs", "/../../../etc/passwd").symlink("var/up", "../../..").build());

        FileMeta passwd = v.get("/etc/passwd").orElseThrow();
        assertThat(v.resolve("/var/www/link")).contains(passwd);
        assertThat(v.resolve("/abs")).contains(passwd);
        assertThat(v.resolve("/var/up/etc/passwd")).contains(passwd);
        assertThat(v.resolve("/../../etc/passwd")).contains(passwd);
    }

    @Test
    void directoryLinksInTheMiddleOfAPathAreFollowed() {
        SquashedView v = view(tar().dir("usr").dir("usr/lib").file("usr/lib/libc.so.6", "libc")
                .symlink("lib", "usr/lib").symlink("usr/lib64", "lib").file("etc/os-release", "x")
                .symlink("usr/lib/os-release", "../../etc/os-release").build());

        assertThat(resolved(v, "/lib/libc.so.6")).isEqualTo("/usr/lib/libc.so.6");
        assertThat(resolved(v, "/usr/lib64/libc.so.6")).isEqualTo("/usr/lib/libc.so.6");
        assertThat(resolved(v, "/lib/os-release")).isEqualTo("/etc/os-release");
        assertThat(resolved(v, "/lib")).isEqualTo("/usr/lib");
        // ".." after a link is taken from where the link led, as the kernel does
        assertThat(resolved(v, "/lib/../lib/libc.so.6")).isEqualTo("/usr/lib/libc.so.6");
    }

    @Test
    void linksMayPointAcrossLayers() {
        SquashedView v = view(tar().file("usr/lib/os-release", "ID=debian").build(),
                tar().symlink("etc/os-release", "../usr/lib/os-release").build());

        assertThat(v.resolve("/etc/os-release").orElseThrow().layer().index()).isZero();
    }

    @Test
    void danglingLinksAndDeletedTargetsResolveToNothing() {
        SquashedView v = view(tar().file("target", "t").symlink("dangling", "nowhere").symlink("gone", "target")
                .build(), tar().whiteout("target").build());

        assertThat(v.resolve("/dangling")).isEmpty();
        assertThat(v.resolve("/gone")).isEmpty();
        assertThat(v.resolve("/missing")).isEmpty();
    }

    @Test
    void theHopBoundIsEnforced() {
        TarBuilder t = tar().file("end", "e").symlink("l0", "end");
        for (int i = 1; i <= 41; i++) {
            t.symlink("l" + i, "l" + (i - 1));
        }
        SquashedView v = view(t.build());

        assertThat(resolved(v, "/l39")).isEqualTo("/end"); // 40 links
        assertThat(v.resolve("/l40")).isEmpty(); // 41 links
    }

    @Test
    void aFileInTheMiddleOfAPathIsNotADirectory() {
        SquashedView v = view(tar().file("etc/passwd", "x").build());

        assertThat(v.resolve("/etc/passwd/x")).isEmpty();
        assertThat(v.resolve("/etc/passwd/")).isEmpty();
        assertThat(resolved(v, "/etc/passwd")).isEqualTo("/etc/passwd");
    }

    @Test
    void directoriesImpliedByTheirEntriesCanBeWalkedThrough() {
        SquashedView v = view(tar().file("opt/app/bin/run", "r").symlink("run", "opt/app/bin/run").build());

        assertThat(resolved(v, "/run")).isEqualTo("/opt/app/bin/run");
        assertThat(v.resolve("/opt/app")).isEmpty(); // exists, but has no metadata to return
    }

    @Test
    void relativeQueriesAndDotSegmentsAreTakenFromTheRoot() {
        SquashedView v = view(tar().file("etc/hosts", "h").build());

        assertThat(resolved(v, "etc/./hosts")).isEqualTo("/etc/hosts");
        assertThat(resolved(v, "//etc//hosts")).isEqualTo("/etc/hosts");
    }
}

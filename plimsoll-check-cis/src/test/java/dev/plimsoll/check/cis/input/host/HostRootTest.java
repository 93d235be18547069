package dev.plimsoll.check.cis.input.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRootTest {
    @TempDir
    Path dir;
    Path root;
    Path outside;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "outside");
        Files.createDirectories(root.resolve("etc/docker"));
        Files.writeString(root.resolve("etc/docker/daemon.json"), "{}");
        Files.createDirectories(root.resolve("run"));
        Files.createSymbolicLink(root.resolve("var"), Path.of("usr/var")); // dangling inside the root
    }

    @Test
    void relativeLinksThatClimbOutStayInside() throws IOException {
        Files.createSymbolicLink(root.resolve("etc/climb"), Path.of("../../../../outside/secret"));
        HostRoot host = HostRoot.open(root);

        assertThat(host.stat("/etc/climb")).isEmpty();
        assertThat(host.readText("/etc/climb")).isEmpty();
        // the link names /outside/secret of the root, once the root has one
        Files.createDirectories(root.resolve("outside"));
        Files.writeString(root.resolve("outside/secret"), "inside");
        assertThat(host.resolve("/etc/climb", true)).get().extracting(HostRoot.Resolved::path)
                .isEqualTo("/outside/secret");
        assertThat(host.readText("/etc/climb")).contains("inside");
    }

    @Test
    void absoluteLinksStartAgainAtTheRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("etc/abs"), outside.resolve("secret").toAbsolutePath());
        Files.createDirectories(root.resolve(outside.toAbsolutePath().toString().substring(1)));
        Files.writeString(root.resolve(outside.resolve("secret").toAbsolutePath().toString().substring(1)),
                "inside copy");
        HostRoot host = HostRoot.open(root);

        assertThat(host.readText("/etc/abs")).contains("inside copy");
    }

    @Test
    void dotDotAtTheRootStaysThere() throws IOException {
        HostRoot host = HostRoot.open(root);

        assertThat(host.readText("/../../../etc/docker/daemon.json")).contains("{}");
        assertThat(host.stat("/../../outside/secret")).isEmpty();
    }

    @Test
    void loopsAndDanglingLinksResolveToNothing() throws IOException {
        Files.createSymbolicLink(root.resolve("etc/a"), Path.of("b"));
        Files.createSymbolicLink(root.resolve("etc/b"), Path.of("a"));
        HostRoot host = HostRoot.open(root);

        assertThat(host.stat("/etc/a")).isEmpty();
        assertThat(host.stat("/var/lib/docker")).isEmpty();
        assertThat(host.lstat("/etc/a")).get().extracting(FileStat::kind).isEqualTo(FileKind.SYMLINK);
    }

    @Test
    void statFollowsTheFinalLinkAndLstatDoesNot() throws IOException {
        Files.createSymbolicLink(root.resolve("etc/docker/link.json"), Path.of("daemon.json"));
        Files.setAttribute(root.resolve("etc/docker/daemon.json"), "unix:mode", 0640);
        HostRoot host = HostRoot.open(root);

        FileStat followed = host.stat("/etc/docker/link.json").orElseThrow();
        assertThat(followed.kind()).isEqualTo(FileKind.REGULAR);
        assertThat(followed.modeOctal()).isEqualTo("640");
        assertThat(followed.display()).isEqualTo("/etc/docker/link.json -> /etc/docker/daemon.json");
        FileStat link = host.lstat("/etc/docker/link.json").orElseThrow();
        assertThat(link.kind()).isEqualTo(FileKind.SYMLINK);
        assertThat(link.linkTarget()).contains("daemon.json");
    }

    @Test
    void aFileInTheMiddleOfAPathIsNotADirectory() throws IOException {
        HostRoot host = HostRoot.open(root);

        assertThat(host.stat("/etc/docker/daemon.json/x")).isEmpty();
    }

    @Test
    void ownersAreNamedByTheRootsOwnFiles() throws IOException {
        long uid = ((Number) Files.getAttribute(root, "unix:uid")).longValue();
        long gid = ((Number) Files.getAttribute(root, "unix:gid")).longValue();
        Files.writeString(root.resolve("etc/passwd"), "# comment\nbroken line\ncaptain:x:" + uid + ":" + gid
                + "::/:/bin/sh\nbosun:x:4711:" + gid + "::/:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "crew:x:" + gid + ":captain, mate\n");
        HostRoot host = HostRoot.open(root);

        FileStat f = host.stat("/etc/docker/daemon.json").orElseThrow();
        assertThat(f.ownership()).isEqualTo("captain:crew");
        assertThat(host.accounts().membersOf("crew")).contains(java.util.List.of("captain", "mate", "bosun"));
        assertThat(host.accounts().userName(4242)).isEqualTo("4242");
    }

    @Test
    void textLargerThanTheBoundIsRefused() throws IOException {
        Files.writeString(root.resolve("etc/big"), "x".repeat(100));
        HostRoot host = HostRoot.open(root);

        assertThat(host.readText("/etc/big", 100)).isPresent();
        assertThatThrownBy(() -> host.readText("/etc/big", 99)).hasMessageContaining("larger than 99 bytes");
    }

    @Test
    void theRootMustBeADirectory() {
        assertThatThrownBy(() -> HostRoot.open(outside.resolve("secret"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void modesAreJudgedByBitsNotDigits() {
        assertThat(Modes.atMost(0606, 0644)).isFalse();
        assertThat(Modes.atMost(0600, 0644)).isTrue();
        assertThat(Modes.atMost(0444, 0644)).isTrue();
        assertThat(Modes.atMost(04644, 0644)).isFalse();
        assertThat(Modes.atMost(0577, 0644)).isFalse();
        assertThat(Modes.atMost(0440, 0400)).isFalse();
        assertThat(Modes.octal(Modes.excess(0606, 0644))).isEqualTo("2");
    }
}

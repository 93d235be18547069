package dev.plimsoll.analyzer.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.lang.python.RequirementsFile.Fault;
import dev.plimsoll.analyzer.lang.python.RequirementsFile.Include;
import dev.plimsoll.analyzer.lang.python.RequirementsFile.NotFromIndex;
import dev.plimsoll.analyzer.lang.python.RequirementsFile.Pinned;
import dev.plimsoll.analyzer.lang.python.RequirementsFile.Unpinned;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequirementsFileTest {
    private static final Path LOCKFILES = Path.of("src/test/resources/python/lockfiles");

    /**
     * What pip 23.0.1's own parser read from the fixtures (tools/pip_parse.py wrote pip-parse.txt): every
     * requirement line of every file, classified as here, must come out the same.
     */
    @Test
    void agreesWithPipsOwnParser() throws IOException {
        Map<Path, TreeSet<String>> expected = new TreeMap<>();
        Path section = null;
        Pattern line = Pattern.compile("(\\S+):(\\d+) (requirement|constraint) (.*)");
        for (String l : Files.readAllLines(LOCKFILES.resolve("pip-parse.txt"))) {
            if (l.startsWith("== ")) {
                section = LOCKFILES.resolve(l.substring(3));
                continue;
            }
            Matcher m = line.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            Path file = section.getParent().resolve(m.group(1)).normalize();
            expected.computeIfAbsent(file, k -> new TreeSet<>()).add(m.group(2) + " " + classify(m.group(4)));
        }
        assertThat(expected).hasSize(7);
        for (Map.Entry<Path, TreeSet<String>> e : expected.entrySet()) {
            RequirementsFile parsed = RequirementsFile.parse(Files.readString(e.getKey(), StandardCharsets.UTF_8));
            TreeSet<String> actual = new TreeSet<>();
            for (RequirementsFile.Entry entry : parsed.entries()) {
                switch (entry) {
                    case Pinned p -> actual.add(p.line() + " pinned " + p.name() + " " + p.version() + " "
                            + p.hash().orElse("-"));
                    case Unpinned u -> actual.add(u.line() + " unpinned " + u.name());
                    case NotFromIndex n -> actual.add(n.line() + " not-from-index");
                    case Include i -> {
                    }
                }
            }
            assertThat(parsed.faults()).as(e.getKey().toString()).isEmpty();
            assertThat(actual).as(e.getKey().toString()).containsExactlyElementsOf(e.getValue());
        }
    }

    /** pip_parse.py's description of a line, classified: pinned (with its first hash), unpinned, not from an index. */
    private static String classify(String what) {
        if (what.startsWith("editable ") || what.startsWith("not-a-pep508-requirement ") || what.contains(" url=")) {
            return "not-from-index";
        }
        Matcher m = Pattern.compile("name=(\\S+) specifier=(\\S*) .*?(?:hashes=([^,\\s]+).*)?").matcher(what);
        assertThat(m.matches()).as(what).isTrue();
        String exact = null;
        for (String clause : m.group(2).split(",")) {
            if (clause.startsWith("===")) {
                exact = clause.substring(3);
            } else if (clause.startsWith("==") && !clause.endsWith(".*")) {
                exact = clause.substring(2);
            }
        }
        return exact == null ? "unpinned " + m.group(1)
                : "pinned " + m.group(1) + " " + exact + " " + (m.group(3) == null ? "-" : m.group(3));
    }

    @Test
    void continuationsCommentsAndOptionForms() {
        RequirementsFile f = RequirementsFile.parse(String.join("\r\n",
                "# heading",
                "-rbase-requirements.txt",
                "--requirement=other-requirements.txt  # trailing comment",
                "--constraint   constraints.txt",
                "a==1.0 \\",
                "  --hash sha256:aaa \\",
                "# a comment line ends the continuation",
                "b (==2.0)",
                "c[x, y] === 3.0-custom ; sys_platform == 'linux'",
                "url#frag==1.0",
                "d==1.0#not-a-comment",
                "e==4.* ; python_version<'3'",
                "f~=1.0",
                "-i https://user:token@pypi.example.com/simple",
                "--editable=git+https://host/r.git#egg=g",
                "h==5.0 --hash=sha256:hhh --hash=sha256:second",
                "i==6.0 \\"));

        assertThat(f.faults()).extracting(Fault::line).containsExactly(10, 11);
        assertThat(f.entries()).containsExactly(
                new Include(false, "base-requirements.txt", 2),
                new Include(false, "other-requirements.txt", 3),
                new Include(true, "constraints.txt", 4),
                new Pinned("a", "1.0", Optional.of("sha256:aaa"), 5),
                new Pinned("b", "2.0", Optional.empty(), 8),
                new Pinned("c", "3.0-custom", Optional.empty(), 9),
                new Unpinned("e", "==4.*", 12),
                new Unpinned("f", "~=1.0", 13),
                new NotFromIndex("-e git+https://host/r.git#egg=g", 15),
                new Pinned("h", "5.0", Optional.of("sha256:hhh"), 16),
                new Pinned("i", "6.0", Optional.empty(), 17));
        assertThat(f.indexUrl()).contains("https://pypi.example.com/simple");
    }

    @Test
    void pathsAndUrlsAreNotFromAnIndex() {
        RequirementsFile f = RequirementsFile.parse("""
                ./downloads/numpy-1.9.2-cp34-none-win32.whl
                ../lib
                pkg @ https://user:pw@files.example/pkg-1.0.tar.gz
                https://files.example/other-2.0.zip
                vendor/thing-1.0.tar.gz
                file:///srv/wheels/x-1.0-py3-none-any.whl
                """);

        assertThat(f.faults()).isEmpty();
        assertThat(f.entries()).extracting(RequirementsFile.Entry::line).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(f.entries()).allMatch(e -> e instanceof NotFromIndex);
        assertThat(((NotFromIndex) f.entries().get(2)).what()).isEqualTo("pkg @ https://files.example/pkg-1.0.tar.gz");
    }

    @Test
    void faultsNameTheLine() {
        RequirementsFile f = RequirementsFile.parse("""
                -r
                --hash=sha256:x
                "quoted
                -e "unterminated
                ok==1.0 --global-option
                [extras]==1.0
                name[unclosed==1.0
                n==1.0,,
                """);

        assertThat(f.faults()).extracting(Fault::line, Fault::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "option -r without a value"),
                org.assertj.core.groups.Tuple.tuple(2, "option --hash without a requirement; the line is not read"),
                org.assertj.core.groups.Tuple.tuple(3, "not a requirement: \"quoted; the line is not read"),
                org.assertj.core.groups.Tuple.tuple(4, "no closing quotation; the line is not read"),
                org.assertj.core.groups.Tuple.tuple(5, "option --global-option without a value; the option is "
                        + "ignored"),
                org.assertj.core.groups.Tuple.tuple(6, "not a requirement: [extras]==1.0; the line is not read"),
                org.assertj.core.groups.Tuple.tuple(7, "not a requirement: name[unclosed==1.0; the line is not read"),
                org.assertj.core.groups.Tuple.tuple(8, "not a requirement: n==1.0,,; the line is not read"));
        assertThat(f.entries()).containsExactly(new Pinned("ok", "1.0", Optional.empty(), 5));
    }

    @Test
    void credentialsNeverLeaveTheFile() {
        List<String> urls = new ArrayList<>(List.of("https://u:p@h/simple", "https://token@h:8443/x?y#z",
                "git+ssh://git@github.com/o/r.git", "https://h/a@b", "not a url", "s3://k:s@bucket/path"));
        assertThat(urls.stream().map(PythonNames::withoutCredentials)).containsExactly("https://h/simple",
                "https://h:8443/x?y#z", "git+ssh://github.com/o/r.git", "https://h/a@b", "not a url",
                "s3://bucket/path");
    }

    /** Regression (PythonLockProperties): "===" took a version ending in a control character as a pin. */
    @Test
    void arbitraryEqualityWithAControlCharacterIsNotAPin() {
        RequirementsFile f = RequirementsFile.parse("x===3.2\u0080\ny===1.0+local\n");
        assertThat(f.entries()).containsExactly(new Pinned("y", "1.0+local", Optional.empty(), 2));
        assertThat(f.faults()).extracting(Fault::line).containsExactly(1);
    }
}

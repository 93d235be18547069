package dev.plimsoll.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in analyzer, handed files whose first bytes make a parser guess a text encoding (UTF-16, UTF-32,
 * the "unusual" UCS-4 byte orders that Jackson refuses) and then break it: each is unparsable content, which the
 * analyzer records as a problem naming the file, never an exception out of {@code accept} (that means the bytes could
 * not be read at all). A fuzzed npm lockfile starting 00 00 xx 00 once escaped as an IOException.
 */
class EncodingTrapsTest {
    /** Byte prefixes; each is followed by JSON-ish text so that a parser gets past its first look. */
    private static final List<String> TRAPS = List.of(
            "00007800", // UCS-4 in the 2143 order
            "00780000", // UCS-4 in the 3412 order
            "0000007bffffffff", // UTF-32BE, then a code point beyond Unicode
            "7b000000ffffffff", // UTF-32LE, the same
            "0000feff00110000", // UTF-32 byte-order mark, then U+110000
            "feffd8000041", // UTF-16BE byte-order mark, then an unpaired surrogate
            "fffe00d84100", // UTF-16LE, the same
            "efbbbfc328", // UTF-8 byte-order mark, then an invalid sequence
            "00", "0000", "000000");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Analyzer analyzer : Builtins.standard().analyzers()) {
            for (String path : samplePaths(analyzer)) {
                for (String trap : TRAPS) {
                    out.add(Arguments.of(analyzer.id().value(), path, trap));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void unparsableEncodingsAreProblemsNotExceptions(String id, String path, String trap) {
        Analyzer analyzer = Builtins.standard().analyzers().stream()
                .filter(a -> a.id().value().equals(id)).findFirst().orElseThrow();
        for (byte[] content : contents(trap)) {
            assertThatCode(() -> {
                AnalyzerHarness.Run run = AnalyzerHarness.of(analyzer)
                        .layer(AnalyzerHarness.layer().file(path, content)).run();
                assertThat(run.output().problems()).allSatisfy(p -> assertThat(p.path()).isPresent());
            }).as("%s on %s starting %s", id, path, trap).doesNotThrowAnyException();
        }
    }

    private static List<byte[]> contents(String trap) {
        byte[] prefix = HexFormat.of().parseHex(trap);
        List<byte[]> out = new ArrayList<>();
        out.add(prefix);
        for (String tail : List.of("{\"name\": \"x\", \"version\": \"1.0.0\"}\n", "name: x\nversion: 1.0.0\n",
                "Package: x\nVersion: 1.0\n\n")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(prefix);
            bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
            out.add(bytes.toByteArray());
        }
        return out;
    }

    /** A path each of the analyzer's interests selects, and the same name inside an installed npm package. */
    private static List<String> samplePaths(Analyzer analyzer) {
        List<String> out = new ArrayList<>();
        for (PathInterest interest : analyzer.interests().paths()) {
            String name = switch (interest) {
                case PathInterest.Exact e -> e.path();
                case PathInterest.Basename b -> "/app/" + b.name();
                case PathInterest.NameIgnoringCase n -> "/app/" + n.pattern().replace("*", "x");
                case PathInterest.Suffix s -> "/app/x" + s.suffix();
                case PathInterest.Glob g -> g.pattern().replace("/**/", "/a/").replace("**", "a")
                        .replace("*", "x").replace("?", "x");
                case PathInterest.ModeBits m -> null;
                case PathInterest.AnyFile a -> "/app/any.json";
            };
            if (name != null && !out.contains(name)) {
                out.add(name);
                if (interest instanceof PathInterest.Basename b) {
                    out.add("/app/node_modules/x/" + b.name());
                }
            }
        }
        return out;
    }
}

package dev.plimsoll.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.AnalyzerId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PurlsTest {
    private static Package npm(String name, String version) {
        return new Package(name, version, Ecosystem.NPM, Optional.empty(), List.of(), List.of(Location.of("/x")),
                Optional.empty(), AnalyzerId.of("lang/npm"),
                new PackageMetadata.Npm("node_modules/x", Optional.empty(), Optional.empty(), Optional.empty(), false,
                        false));
    }

    @Test
    void ordinaryNamesAreTheLibrarysCanonicalForm() {
        assertThat(Purls.of(npm("@babel/core", "7.24.0"), Optional.empty())).isEqualTo("pkg:npm/%40babel/core@7.24.0");
    }

    @Test
    void controlAndNonAsciiBytesAreEncodedAsTwoHexDigits() {
        // packageurl-java 1.5.0 alone writes "%7" and "%FFFFFFC3" here, which no parser reads back.
        String purl = Purls.of(npm("a\u0007b\u00e9", "1.0\n"), Optional.empty());

        assertThat(purl).isEqualTo("pkg:npm/a%07b%C3%A9@1.0%0A");
    }

    @Property(tries = 300)
    void everyNameIsEncodedSoThatItDecodesBack(@ForAll @StringLength(min = 1, max = 40) String name,
                                               @ForAll @StringLength(min = 1, max = 20) String version) {
        String safeName = name.replace("/", "").replace("@", "");
        if (safeName.isBlank() || version.isBlank()) {
            return;
        }
        String purl = Purls.of(npm(safeName, version), Optional.empty());

        assertThat(purl).startsWith("pkg:npm/").matches("[\\x21-\\x7e]+")
                .doesNotContainPattern("%(?![0-9A-F]{2})");
        String body = purl.substring("pkg:npm/".length());
        int at = body.lastIndexOf('@');
        assertThat(decode(body.substring(0, at))).isEqualTo(safeName);
        assertThat(decode(body.substring(at + 1))).isEqualTo(version);
    }

    /** Percent-decoding as RFC 3986 means it: %XX are UTF-8 bytes, nothing else changes. */
    private static String decode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

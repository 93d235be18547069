package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SecretScannerProperties {
    private static final SecretScanner SCANNER = TestRules.scanner();

    @Property(tries = 300)
    void neverThrowsOnArbitraryBytes(@ForAll @Size(max = 3000) byte[] bytes) {
        ScanOutcome out = SCANNER.scan("any.txt", bytes);
        assertThat(out).isNotNull();
    }

    @Property(tries = 300)
    void neverThrowsOnTextFullOfKeywordsAndPunctuation(@ForAll("keywordSoup") String text) {
        ScanOutcome out = SCANNER.scan("any.env", text.getBytes(StandardCharsets.UTF_8));
        for (SecretMatch m : out.matches()) {
            assertThat(m.line()).isPositive();
            assertThat(m.column()).isPositive();
        }
    }

    @Property(tries = 500)
    void theMaskedFormRevealsAtMostTheFirstFourCharacters(@ForAll @StringLength(max = 200) String secret) {
        String masked = Masking.mask(secret);
        assertThat(masked).hasSize(secret.length());
        int shown = Math.min(4, secret.length() / 4);
        assertThat(masked.substring(0, shown)).isEqualTo(secret.substring(0, shown));
        assertThat(masked.substring(shown)).matches("\\**");
    }

    @Property(tries = 200)
    void aPlantedPasswordNeverAppearsInTheMatches(@ForAll("passwords") String password) {
        String text = "DB_PASSWORD=" + password + "\n";
        for (SecretMatch m : SCANNER.scan(".env", text.getBytes(StandardCharsets.UTF_8)).matches()) {
            assertThat(m.toString()).doesNotContain(password);
            assertThat(m.masked().replace("*", "").length()).isLessThanOrEqualTo(4);
        }
    }

    @Provide
    Arbitrary<String> keywordSoup() {
        Arbitrary<String> pieces = Arbitraries.of("password", "=", ":", "\"", "'", "token", "ghp_", "-----BEGIN ",
                "PRIVATE KEY-----", "\\n", "\n", "kind: Secret\n", "data:\n", "  a: ", "auth\"", "://", "@", "u:p",
                "mysql -p", "--password ", "${", "}", "eyJ", ".", "AKIA", "xoxb-", "jdbc:", "Password=", ";", " ",
                "\r\n", "\u00e9", "\uD83D\uDE00", "`", "<password>", "</password>");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> passwords() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(9).ofMaxLength(30)
                .filter(s -> !s.contains("#") && !s.contains("$") && !s.contains("`"));
    }
}

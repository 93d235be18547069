package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.rules.Allowlist;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.Visibility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
    private static final SecretScanner SCANNER = TestRules.scanner();
    private final Fakes f = new Fakes(3);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reportsLineColumnMaskAndKeyedHash() {
        String gh = f.github();
        ScanOutcome out = SCANNER.scan("a/.env", utf8("# x\nNAME=app\n  GITHUB_TOKEN=" + gh + "\n"));
        SecretMatch m = out.matches().getFirst();
        assertThat(m.ruleId()).isEqualTo("github-pat");
        assertThat(m.line()).isEqualTo(3);
        assertThat(m.column()).isEqualTo(16);
        assertThat(m.length()).isEqualTo(40);
        assertThat(m.masked()).isEqualTo("ghp_" + "*".repeat(36));
        assertThat(m.display()).isEqualTo("ghp_" + "*".repeat(36) + " (40 chars)");
        assertThat(m.keyedHash()).isEqualTo(new SecretHasher(SecretHasher.DEFAULT_KEY).hash(gh)).hasSize(64);
        SecretScanner otherKey = SecretScanner.builder().rules(TestRules.catalogueAndTestProviders())
                .hashKey(utf8("team key")).build();
        assertThat(otherKey.scan("a/.env", utf8("GITHUB_TOKEN=" + gh)).matches().getFirst().keyedHash())
                .isNotEqualTo(m.keyedHash());
    }

    @Test
    void theRawSecretAppearsNowhereInTheResult() {
        String gh = f.github();
        String pw = "Sup3r!Secret#42";
        ScanOutcome out = SCANNER.scan("x.env", utf8("TOKEN=" + gh + "\nDB_PASSWORD=" + pw + "\n"));
        assertThat(out.matches()).hasSize(2);
        String all = out.toString() + out.matches().stream().map(SecretMatch::display).toList();
        assertThat(all).doesNotContain(gh).doesNotContain(gh.substring(4)).doesNotContain(pw);
        SecretFinding finding = SecretFindings.toFinding(out.matches().getFirst(),
                new Target(Target.Kind.FILESYSTEM, "repo"), "x.env", Optional.empty(), Visibility.VISIBLE);
        assertThat(finding.toString()).doesNotContain(gh.substring(4));
        assertThat(finding.where().line()).hasValue(1);
        assertThat(finding.where().column()).hasValue(7);
        assertThat(finding.maskedMatch()).endsWith("(40 chars)");
        assertThat(finding.secretSha256()).isEqualTo(out.matches().getFirst().keyedHash());
    }

    @Test
    void streamsInOverlappingChunksAndReportsAMatchAtABoundaryOnce() throws IOException {
        ScanLimits small = new ScanLimits(1 << 30, 1 << 20, 4096, 512);
        SecretScanner s = SecretScanner.builder().rules(TestRules.catalogueAndTestProviders()).limits(small).build();
        StringBuilder sb = new StringBuilder();
        int planted = 0;
        int line = 1;
        List<Integer> lines = new java.util.ArrayList<>();
        while (sb.length() < 100_000) {
            if (sb.length() % 4096 > 3900 && planted < 40) {
                sb.append("export GH=").append(f.github()).append('\n');   // near (and across) chunk ends
                lines.add(line);
                planted++;
            } else {
                sb.append("filler line number ").append(line).append(" with nothing in it ü\n");
            }
            line++;
        }
        byte[] bytes = utf8(sb.toString());
        ScanOutcome streamed = s.scan("big.txt", new ByteArrayInputStream(bytes), -1);
        assertThat(streamed.matches()).extracting(SecretMatch::line).containsExactlyElementsOf(lines);
        assertThat(s.scan("big.txt", bytes).matches()).isEqualTo(streamed.matches());
        assertThat(SCANNER.scan("big.txt", bytes).matches()).isEqualTo(streamed.matches());
    }

    @Test
    void skipsBinariesButReadsUtf16() {
        byte[] binary = new byte[4096];
        binary[10] = 0;
        binary[0] = 'P';
        assertThat(SCANNER.scan("x.bin", binary)).isEqualTo(
                new ScanOutcome.Skipped(SkipReason.BINARY, "NUL bytes in the first 8 KiB"));
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (noise[i] | 0x80);
        }
        assertThat(SCANNER.scan("x.dat", noise)).isInstanceOf(ScanOutcome.Skipped.class);
        String gh = f.github();
        byte[] utf16 = ("\uFEFFTOKEN=" + gh).getBytes(StandardCharsets.UTF_16LE);
        assertThat(SCANNER.scan("win.txt", utf16).matches()).extracting(SecretMatch::ruleId)
                .containsExactly("github-pat");
    }

    @Test
    void skipsLargeMinifiedAndGeneratedFilesButNotSmallOnes() {
        String gh = f.github();
        String minified = "var a=1;".repeat(200_000) + "var t=\"" + gh + "\";";
        ScanOutcome big = SCANNER.scan("dist/app.min.js", utf8(minified));
        assertThat(big).isInstanceOf(ScanOutcome.Skipped.class);
        assertThat(((ScanOutcome.Skipped) big).reason()).isEqualTo(SkipReason.MINIFIED);
        assertThat(SCANNER.scan("dist/small.min.js", utf8("var a=1;var t=\"" + gh + "\";")).matches()).hasSize(1);
        String generated = "// Code generated by protoc-gen-go. DO NOT EDIT.\n" + "var x = 1\n".repeat(150_000);
        assertThat(SCANNER.scan("api.pb.go", utf8(generated))).isInstanceOf(ScanOutcome.Skipped.class);
        SecretScanner tiny = SecretScanner.builder().rules(RuleSet.empty())
                .limits(new ScanLimits(100, 50, 4096, 512)).build();
        assertThat(tiny.scan("x.txt", new byte[200])).extracting(o -> ((ScanOutcome.Skipped) o).reason())
                .isEqualTo(SkipReason.TOO_LARGE);
    }

    @Test
    void inlineAllowCommentsAndGlobalAllowlists() {
        String gh = f.github();
        String text = "a = \"" + gh + "\" # plimsoll:allow\nb = \"" + gh + "\" // gitleaks:allow\n"
                + "# pragma: allowlist nextline secret\nc = \"" + gh + "\"\nd = \"" + gh + "\"\n";
        assertThat(SCANNER.scanText("x.py", text)).extracting(SecretMatch::line).containsExactly(5);
        SecretScanner withAllowlist = SecretScanner.builder().rules(TestRules.catalogueAndTestProviders()
                .withAllowlists(List.of(Allowlist.ofPaths(List.of(Pattern.compile("^third_party/")))))).build();
        assertThat(withAllowlist.scanText("third_party/x.py", "d = \"" + gh + "\"")).isEmpty();
        assertThat(withAllowlist.scanText("src/x.py", "d = \"" + gh + "\"")).hasSize(1);
    }

    @Test
    void aProviderRuleWinsOverTheGenericOneOnTheSameSecret() {
        String gh = f.github();
        assertThat(SCANNER.scanText("x.env", "GITHUB_TOKEN=" + gh)).extracting(SecretMatch::ruleId)
                .containsExactly("github-pat");
        assertThat(SCANNER.scanText("x.env", "api_token=" + gh.substring(0, 39) + "Q")).extracting(SecretMatch::ruleId)
                .as("a bad checksum is no GitHub token, but still a token under a token key")
                .containsExactly("generic-secret");
    }

    @Test
    void decodedSecretsAreNamedByTheirProviderRuleWithANote() {
        String gh = f.github();
        String b64 = java.util.Base64.getEncoder().encodeToString(utf8("bot:" + gh));
        List<SecretMatch> ms = SCANNER.scanText("config.json", "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64 + "\"}}}");
        assertThat(ms).extracting(SecretMatch::ruleId).containsExactly("github-pat");
        assertThat(ms.getFirst().note()).contains("base64-decoded from auths.*.auth");
        assertThat(ms.getFirst().column()).isEqualTo(30);
    }

    @Test
    void jsonEscapedPemIsFound() {
        String json = "{\"private_key\": \"" + f.pem("PRIVATE KEY", "\\n") + "\\n\"}";
        // Unescaped, the block is a PKCS#8 key: the catalogue's rule for that format names it (not the rule written
        // for the escaped form, gcp-service-account-key: the decoder claims the escaped block), once.
        List<SecretMatch> ms = SCANNER.scanText("sa.json", json);
        assertThat(ms).extracting(SecretMatch::ruleId).containsExactly("private-key-pkcs8");
        assertThat(ms.getFirst().note()).hasValueSatisfying(n -> assertThat(n).contains("unescaped"));
        assertThat(SCANNER.scanText("cert.pem", f.pem("CERTIFICATE", "\n"))).isEmpty();
        assertThat(SCANNER.scanText("pub.pem", f.pem("PUBLIC KEY", "\n"))).isEmpty();
    }

    @Test
    void maskingShowsAtMostFourCharacters() {
        assertThat(Masking.mask("ghp_abcdefgh12345678")).isEqualTo("ghp_****************");
        assertThat(Masking.mask("hunter2")).isEqualTo("h******");
        assertThat(Masking.mask("abc")).isEqualTo("***");
        assertThat(Masking.mask("")).isEmpty();
    }

    /** A file holding one bare value whose name says what it is (the bad-practices bench image's .aws-secret). */
    @org.junit.jupiter.api.Test
    void aBareValueInACredentialNamedFileIsFound() {
        SecretScanner scanner = SecretScanner.withDefaults();
        byte[] secret = "Kx9vT2mQ7rLw4ZpB8nYc3JdF6hGs1VaE0uRoPiXt\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        java.util.List<SecretMatch> found = scanner.scan("/app/.aws-secret", secret).matches();
        org.assertj.core.api.Assertions.assertThat(found).singleElement().satisfies(m -> {
            org.assertj.core.api.Assertions.assertThat(m.line()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(m.column()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(m.length()).isEqualTo(40);
            org.assertj.core.api.Assertions.assertThat(m.masked()).doesNotContain("vT2mQ7");
        });
        org.assertj.core.api.Assertions.assertThat(scanner.scan("/app/notes.txt", secret).matches())
                .as("a name that says nothing").isEmpty();
        org.assertj.core.api.Assertions.assertThat(scanner.scan("/app/.aws-secret",
                "${AWS_SECRET_ACCESS_KEY}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).matches())
                .as("a reference is not a secret").isEmpty();
        org.assertj.core.api.Assertions.assertThat(scanner.scan("/app/api_token",
                "xxxxxxxxxxxxxxxxxxxx".getBytes(java.nio.charset.StandardCharsets.UTF_8)).matches())
                .as("a placeholder").isEmpty();
    }
}

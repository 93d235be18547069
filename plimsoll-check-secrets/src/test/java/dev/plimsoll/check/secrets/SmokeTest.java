package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void findsAFewThings() {
        Fakes f = new Fakes(1);
        String gh = f.github();
        String text = "GITHUB_TOKEN=" + gh + "\nDB_PASSWORD=s3cr3t!Pass\nurl = \"postgres://app:Sup3r$ecret@db:5432/x\"\n";
        ScanOutcome out = TestRules.scanner().scan(".env", text.getBytes(StandardCharsets.UTF_8));
        List<SecretMatch> ms = out.matches();
        ms.forEach(System.out::println);
        // The password in the database URL is named by the catalogue's provider rule for PostgreSQL URLs, which
        // wins over the generic connection-string detector on the same span (one finding per secret).
        assertThat(ms).extracting(SecretMatch::ruleId).containsExactlyInAnyOrder("github-pat", "generic-password",
                "postgres-url-password");
    }
}

package dev.plimsoll.check.secrets.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.filter.KeyNames.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "${DB_PASSWORD}|REFERENCE", "$DB_PASSWORD|REFERENCE", "{{ .Values.password }}|REFERENCE",
        "${{ secrets.NPM_TOKEN }}|REFERENCE", "os.environ['X']|REFERENCE", "process.env.TOKEN|REFERENCE",
        "System.getenv(\"X\")|REFERENCE", "var.db_password|REFERENCE", "vault:secret/data/db#password|REFERENCE",
        "secretKeyRef|REFERENCE", "ref+vault://secret/x#y|REFERENCE", "%s|REFERENCE",
        "<your-token>|PLACEHOLDER", "your_api_key|PLACEHOLDER", "xxxxxxxxxxxx|PLACEHOLDER", "********|PLACEHOLDER",
        "AKIAIOSFODNN7EXAMPLE|PLACEHOLDER", "dummy-token|PLACEHOLDER", "password|PLACEHOLDER",
        "aaaaaaaaaa|PLACEHOLDER", "abcdefgh|PLACEHOLDER", "qwertyuiop|PLACEHOLDER",
        "true|BOOLEAN", "off|BOOLEAN", "3600|NUMBER", "12345678|NUMBER", "ab1|SHORT",
        "/run/secrets/db_password|FILE_PATH", "./certs/server.key|FILE_PATH",
        "sha512-Zm9vYmFyYmF6cXV4|HASH", "h1:Zm9vYmFyYmF6cXV4PQ=|HASH", "sha256:0123abcd|HASH",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA ops@host|PUBLIC_KEY", "pk_live_4eC39HqLyjWDarjtT1zdp7dc|PUBLISHABLE_KEY",
        "Enter your password here please|PLACEHOLDER", "must be at least eight characters|PROSE"
    })
    void rejectsWhatCannotBeAPassword(String value, FilterReason reason) {
        assertThat(Values.reject(value, Kind.PASSWORD, false, false)).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "changeit", "admin", "test123", "hunter2", "p@ss w0rd!", "S3cr3t!#x",
        "Tr0ub4dor&3", "correct-horse-battery-staple", "root"})
    void keepsRealLookingPasswordsIncludingDefaultCredentials(String value) {
        assertThat(Values.reject(value, Kind.PASSWORD, false, false)).isEmpty();
    }

    @Test
    void uuidsCountOnlyUnderCredentialKeys() {
        String uuid = "3f2b8c4e-9a1d-4e7b-b2c6-8d5f1a9e0c37";
        assertThat(Values.reject(uuid, Kind.SECRET, false, false)).isEmpty();
        assertThat(Values.reject(uuid, Kind.WEAK, false, false)).contains(FilterReason.UUID);
    }

    @Test
    void unquotedValuesInCodeAreExpressions() {
        assertThat(Values.reject("getPassword()", Kind.PASSWORD, true, false)).contains(FilterReason.CODE_EXPRESSION);
        assertThat(Values.reject("settings.db.password", Kind.PASSWORD, true, false))
                .contains(FilterReason.REFERENCE);
        assertThat(Values.reject("hunter22", Kind.PASSWORD, true, true)).contains(FilterReason.CODE_EXPRESSION);
        assertThat(Values.reject("hunter22", Kind.PASSWORD, true, false)).isEmpty();
    }

    @Test
    void secretsNeedATokenLikeValueAndWeakKeysHighEntropy() {
        assertThat(Values.reject("my-app-secret", Kind.SECRET, false, false)).contains(FilterReason.LOW_ENTROPY);
        assertThat(Values.reject("Xk2v9QmR4tLp7Wn3", Kind.SECRET, false, false)).isEmpty();
        assertThat(Values.reject("user:123:profile", Kind.WEAK, false, false)).isPresent();
        assertThat(Values.reject("q8Z2mT4kWp9vRx2LcN7bY4sDa1Fh6Jk3", Kind.WEAK, false, false)).isEmpty();
        assertThat(Values.reject("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Kind.WEAK,
                false, false)).isEqualTo(Optional.empty());
    }

    @Test
    void providerPlaceholderCheckIsNarrow() {
        assertThat(Values.isProviderPlaceholder("AKIAIOSFODNN7EXAMPLE")).isTrue();
        assertThat(Values.isProviderPlaceholder("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")).isTrue();
        assertThat(Values.isProviderPlaceholder("sk_test_4eC39HqLyjWDarjtT1zdp7dc")).isFalse();
        assertThat(Values.isProviderPlaceholder("glpat-fakeXk2v9QmR4tLp7W")).isFalse();
    }

    @Test
    void allowComments() {
        assertThat(AllowComments.allowsLine("token = 'x' # plimsoll:allow")).isTrue();
        assertThat(AllowComments.allowsLine("token = 'x' // gitleaks:allow")).isTrue();
        assertThat(AllowComments.allowsLine("token = 'x'  # pragma: allowlist secret")).isTrue();
        assertThat(AllowComments.allowsNextLine("# pragma: allowlist nextline secret")).isTrue();
        assertThat(AllowComments.allowsLine("token = 'x'")).isFalse();
    }

    @Test
    void entropy() {
        assertThat(Entropy.shannon("aaaa")).isZero();
        assertThat(Entropy.shannon("ab")).isEqualTo(1.0);
        assertThat(Entropy.shannon("")).isZero();
        assertThat(Entropy.shannon("ünï")).isGreaterThan(1.5);
    }
}

package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An API key is a header-safe token that never prints. */
class ApiKeyTest {
    private static final String KEY = "4f3c2b1a-0000-4e5d-9c8b-7a6f5e4d3c2b";

    @Test
    void onlyHeaderSafeTokensAreKeys() {
        assertThat(ApiKey.parse(" " + KEY + "\n")).get().extracting(ApiKey::reveal).isEqualTo(KEY);
        assertThat(ApiKey.parse(null)).isEmpty();
        assertThat(ApiKey.parse("  ")).isEmpty();
        assertThat(ApiKey.parse("abc\r\nX-Injected: 1")).isEmpty();
        assertThat(ApiKey.parse("two words")).isEmpty();
        assertThat(ApiKey.parse("clé")).isEmpty();
        assertThat(ApiKey.parse("k".repeat(257))).isEmpty();
    }

    @Test
    void theKeyIsMaskedWhereverItCouldBePrinted() {
        ApiKey key = ApiKey.parse(KEY).orElseThrow();
        assertThat(key.toString()).isEqualTo("ApiKey[****]");
        assertThat(key.mask("rejected key " + KEY + " (" + KEY + ")")).isEqualTo("rejected key **** (****)");
        UpdateConfig config = UpdateConfig.defaults(Path.of("cache")).withApiKey("nvd", key);
        assertThat(config.toString()).doesNotContain(KEY);
        assertThat(config.apiKey("nvd")).contains(key);
        assertThat(config.apiKey("other")).isEmpty();
    }
}

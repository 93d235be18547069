package dev.plimsoll.check.secrets.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyNamesTest {
    @ParameterizedTest
    @CsvSource({
        "password, PASSWORD", "DB_PASSWORD, PASSWORD", "spring.datasource.password, PASSWORD",
        "dbPass, PASSWORD", "PGPASSWORD, PASSWORD", "passwordValue, PASSWORD", "$db_password, PASSWORD",
        "client_secret, SECRET", "clientSecret, SECRET", "API_KEY, SECRET", "apiKey, SECRET", "x-api-key, SECRET",
        "access_token, SECRET", "GITHUB_TOKEN, SECRET", "aws_secret_access_key, SECRET", "secret_id, SECRET",
        "StorageAccountKey, SECRET", "credentials, SECRET", "basic_auth, SECRET", "SLACKTOKEN, SECRET",
        "encryption_salt, WEAK", "key, WEAK", "cache_key, WEAK",
        "author, NONE", "oauth_url, NONE", "bypass, NONE", "tokenizer, NONE", "password_hash, NONE",
        "secretName, NONE", "token_type, NONE", "passwordLabel, NONE", "public_key, NONE",
        "stripePublishableKey, NONE", "PASSWORD_RESET_TIMEOUT, NONE", "token-uri, NONE", "private_key_id, NONE",
        "userPasswordKey, WEAK"
    })
    void classifiesKeysByTheirWords(String key, KeyNames.Kind kind) {
        assertThat(KeyNames.classify(key)).isEqualTo(kind);
    }
}

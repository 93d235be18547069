package dev.plimsoll.check.dockerfile.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which ARG/ENV names hold credentials, for PLM-DF-020: DL3064's well-known names that are credentials (its list
 * also has user names and non-secret CI variables, left out here) and its keywords that mean a secret value
 * ({@code api_key}, {@code client_key}, {@code password}, {@code private_key}, {@code secret}, {@code token}), plus
 * {@code plimsoll.secretKeywords}. Names that point to a file or say something about a secret without holding it
 * ({@code *_FILE}, {@code *_PATH}, {@code *_DIR}, {@code *_ENABLED} ...) are not secrets.
 */
final class SecretRunVariables {
    private static final Set<String> KNOWN = Set.of("ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "BITTREX_API_KEY",
            "BITTREX_API_SECRET", "CF_PASSWORD", "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD", "DOCKERHUB_PASSWORD",
            "DOCKER_PASSWORD", "FACEBOOK_ACCESS_TOKEN", "FACEBOOK_APP_SECRET", "FIREBASE_API_TOKEN",
            "FIREBASE_TOKEN", "FOSSA_API_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN",
            "GITHUB_TOKEN", "HEROKU_API_KEY", "NPM_AUTH_TOKEN", "NPM_TOKEN", "OKTA_CLIENT_TOKEN",
            "OKTA_OAUTH2_CLIENTSECRET", "OPENAI_API_KEY", "OS_PASSWORD", "POSTGRES_PASSWORD", "SLACK_TOKEN",
            "STRIPE_API_KEY", "VAULT_CLIENT_KEY", "VAULT_TOKEN");
    private static final List<String> KEYWORDS = List.of("api_key", "apikey", "client_key", "password", "passwd",
            "private_key", "secret", "token", "access_key", "credential");
    /** Name endings that say where a secret is or how it is used, not the secret itself. */
    private static final List<String> NOT_A_VALUE = List.of("_file", "_path", "_dir", "_enabled", "_enable",
            "_name", "_url_file", "_id_file", "_type", "_length", "_ttl", "_expiry", "_expires", "_header",
            "_endpoint", "_location", "_mount", "_env", "_var", "_key_id_file");

    private SecretRunVariables() {
    }

    static boolean isSecretName(String name, List<String> extraKeywords) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (KNOWN.contains(upper)) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String end : NOT_A_VALUE) {
            if (lower.endsWith(end)) {
                return false;
            }
        }
        for (String k : KEYWORDS) {
            if (containsWord(lower, k)) {
                return true;
            }
        }
        for (String k : extraKeywords) {
            if (!k.isBlank() && lower.contains(k.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** {@code token} in {@code npm_token}, {@code github_token_x}, {@code authtoken}, not in {@code tokenizers}. */
    private static boolean containsWord(String name, String keyword) {
        int from = 0;
        while (true) {
            int i = name.indexOf(keyword, from);
            if (i < 0) {
                return false;
            }
            int end = i + keyword.length();
            if (end == name.length() || !Character.isLetter(name.charAt(end))
                    || (end < name.length() && name.charAt(end) == 's' && (end + 1 == name.length()
                    || !Character.isLetter(name.charAt(end + 1))))) {
                return true;
            }
            from = i + 1;
        }
    }
}

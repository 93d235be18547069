package dev.plimsoll.check.secrets.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an assignment's key says about its value. Keys are split into words (snake, kebab, dotted and camel case) so
 * that "author", "oauth_url", "bypass" or "tokenizer" do not count as "auth", "pass" or "token"; the last word
 * decides ("password_hash", "secretName", "token_type" name something else than the secret).
 */
public final class KeyNames {
    /** PASSWORD: any non-placeholder value counts; SECRET: needs a token-like value; WEAK: needs high entropy. */
    public enum Kind { PASSWORD, SECRET, WEAK, NONE }

    private static final Set<String> PASSWORD = Set.of("password", "passwd", "passwort", "pwd", "pass", "passphrase",
            "passcode", "pword", "pswd", "requirepass", "masterauth");
    private static final Set<String> SECRET = Set.of("secret", "secrets", "token", "tokens", "apikey", "credential",
            "credentials", "creds", "cred", "auth", "pat", "bearer", "privatekey", "secretkey", "accesskey",
            "accesstoken", "authtoken", "apitoken", "clientsecret", "webhooksecret", "sessionkey");
    private static final Set<String> STRONG_KEY_QUALIFIERS = Set.of("api", "access", "private", "secret", "client",
            "app", "application", "master", "signing", "encryption", "encrypt", "auth", "account", "service",
            "consumer", "subscription", "admin", "shared", "session", "hmac", "jwt", "webhook", "storage", "ssh",
            "gpg", "pgp", "aes", "crypto", "cipher", "license", "sign", "secure", "root");
    private static final Set<String> WEAK = Set.of("key", "salt", "seed", "hmac", "signature", "cipher", "keys");
    private static final Set<String> PUBLIC = Set.of("public", "pub", "publishable", "publickey", "pubkey");
    /** Last words that name something about the secret, not the secret. */
    private static final Set<String> NOT_THE_VALUE = Set.of("name", "names", "id", "ids", "type", "types", "url",
            "uri", "urls", "endpoint", "path", "paths", "file", "files", "filename", "dir", "directory", "length",
            "len", "size", "count", "min", "max", "policy", "ref", "reference", "header", "headers", "field",
            "fields", "prefix", "suffix", "mode", "enabled", "enable", "disabled", "required", "hash", "hashed",
            "digest", "expiry", "expires", "expiration", "ttl", "timeout", "version", "format", "label", "hint",
            "regex", "regexp", "pattern", "placeholder", "message", "msg", "error", "errors", "text", "title",
            "description", "desc", "help", "prompt", "tooltip", "env", "var", "variable", "location", "provider",
            "method", "strategy", "scheme", "class", "handler", "manager", "validator", "input", "form", "reset",
            "changed", "change", "updated", "created", "at", "date", "time", "rotation", "age", "lifetime", "flag",
            "status", "state", "param", "parameter", "arg", "option", "callback", "generator", "encoder", "store",
            "storage", "algorithm", "alg", "algo", "chars", "charset", "source", "selector", "mount",
            "volume", "kind", "key_ref", "keyref", "index", "column", "table", "property", "attr", "attribute",
            "service", "server", "host", "port", "user", "username", "login", "email", "owner", "issuer", "audience",
            "scope", "scopes", "grant", "realm", "domain", "region", "bucket", "lookup", "sha", "md5", "checksum",
            "fingerprint", "usage", "used", "enforced", "complexity", "strength", "rule", "rules", "confirm",
            "confirmation", "match", "visible", "show", "hide", "toggle", "button", "link", "page", "view",
            "route", "component", "module", "util", "utils", "helper", "test", "spec", "mock", "fixture", "example");

    private KeyNames() {
    }

    public static Kind classify(String key) {
        List<String> words = words(key);
        if (words.isEmpty()) {
            return Kind.NONE;
        }
        String last = words.getLast();
        String prev = words.size() > 1 ? words.get(words.size() - 2) : "";
        for (String w : words) {
            if (PUBLIC.contains(w)) {
                return Kind.NONE;
            }
        }
        if ("secret".equals(prev) && "id".equals(last)) {
            return Kind.SECRET;   // Vault AppRole secret_id is a credential
        }
        if (NOT_THE_VALUE.contains(last)) {
            return Kind.NONE;
        }
        // "password_value", "token_str": the value of the word before
        if (Set.of("value", "val", "str", "string", "plain", "plaintext", "raw", "b64", "base64").contains(last)
                && words.size() > 1) {
            last = prev;
            prev = words.size() > 2 ? words.get(words.size() - 3) : "";
        }
        if (PASSWORD.contains(last)) {
            return Kind.PASSWORD;
        }
        if (SECRET.contains(last)) {
            return Kind.SECRET;
        }
        if (("key".equals(last) || "keys".equals(last)) && STRONG_KEY_QUALIFIERS.contains(prev)) {
            return Kind.SECRET;
        }
        if (WEAK.contains(last)) {
            return Kind.WEAK;
        }
        // Run-together names: PGPASSWORD, MYSQLPWD, DBPASSWD, SLACKTOKEN, APPSECRET.
        for (String suffix : new String[] {"password", "passwd", "pwd", "passphrase"}) {
            if (last.endsWith(suffix)) {
                return Kind.PASSWORD;
            }
        }
        for (String suffix : new String[] {"secret", "token", "apikey", "accesskey", "secretkey", "privatekey"}) {
            if (last.endsWith(suffix)) {
                return Kind.SECRET;
            }
        }
        return Kind.NONE;
    }

    /** "springDatasourcePassword" -> [spring, datasource, password]; "DB_PASS" -> [db, pass]. */
    static List<String> words(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(w, out);
                continue;
            }
            if (Character.isUpperCase(c) && w.length() > 0) {
                char p = key.charAt(i - 1);
                boolean nextLower = i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
                if (Character.isLowerCase(p) || Character.isDigit(p) || (Character.isUpperCase(p) && nextLower)) {
                    flush(w, out);
                }
            }
            w.append(Character.toLowerCase(c));
        }
        flush(w, out);
        return out;
    }

    private static void flush(StringBuilder w, List<String> out) {
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(Locale.ROOT));
            w.setLength(0);
        }
    }
}

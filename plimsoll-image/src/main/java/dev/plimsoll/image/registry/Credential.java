package dev.plimsoll.image.registry;

import java.util.Objects;

/** What proves who we are to a registry. {@code toString} never shows the secret. */
public sealed interface Credential {
    /** The secret itself, so that messages can be scrubbed of it. */
    String secret();

    /** A user name and password (or a personal access token used as one). */
    record Basic(String username, String password) implements Credential {
        public Basic {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        @Override
        public String secret() {
            return password;
        }

        @Override
        public String toString() {
            return "Basic[" + username + ", ****]";
        }
    }

    /** An OAuth2 refresh token ("identitytoken" in config.json, or a helper's answer with user {@code <token>}). */
    record IdentityToken(String token) implements Credential {
        public IdentityToken {
            Objects.requireNonNull(token);
        }

        @Override
        public String secret() {
            return token;
        }

        @Override
        public String toString() {
            return "IdentityToken[****]";
        }
    }
}

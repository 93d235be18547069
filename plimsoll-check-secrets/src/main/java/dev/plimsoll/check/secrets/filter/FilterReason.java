package dev.plimsoll.check.secrets.filter;

/** Why a candidate value is not a secret (tests assert on it; the engine drops the candidate). */
public enum FilterReason {
    PLACEHOLDER, REFERENCE, UUID, HASH, PUBLIC_KEY, PUBLISHABLE_KEY, BOOLEAN, NUMBER, SHORT, FILE_PATH,
    CODE_EXPRESSION, PROSE, LOW_ENTROPY, ALLOW_COMMENT
}

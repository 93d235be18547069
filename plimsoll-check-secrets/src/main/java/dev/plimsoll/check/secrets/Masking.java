package dev.plimsoll.check.secrets;

/**
 * The masked form of a secret: its first characters, then one '*' per remaining character. Four characters show
 * a provider prefix ("ghp_", "AKIA", "sk_l") that tells people what to rotate; shorter secrets show fewer (a
 * quarter of the length, rounded down), so a 7-character password shows 1 and a 3-character one none.
 */
public final class Masking {
    public static final int SHOWN = 4;

    private Masking() {
    }

    public static String mask(String secret) {
        int n = secret.length();
        int shown = shown(n);
        StringBuilder sb = new StringBuilder(n);
        // Count by code point boundaries would not matter: the shown part is at most 4 chars of the secret.
        sb.append(secret, 0, shown);
        for (int i = shown; i < n; i++) {
            sb.append('*');
        }
        return sb.toString();
    }

    static int shown(int length) {
        return Math.min(SHOWN, length / 4);
    }
}

package dev.plimsoll.check.cis.checks.container;

/** How a container user as written ("0", "root:root", "1000:0", "app") is judged. */
final class Users {
    private Users() {
    }

    /**
     * Whether the user part (before ":") names root: "0" or "root". The group does not make a user root, so
     * "1000:0" is not root and "0:1000" is.
     */
    static boolean isRoot(String user) {
        String trimmed = user.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim();
        if (name.equals("root")) {
            return true;
        }
        // "00" is uid 0 too: numeric uids are parsed, not compared as text.
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.replaceFirst("^0+", "").isEmpty();
    }
}

package dev.plimsoll.core.finding;

import java.net.URI;

/**
 * Where a Plimsoll rule's documentation is published: the repository's {@code docs/} folder, page for page, so a
 * rule's help link and its page in the repository never drift apart. SARIF and the other reports need absolute
 * URIs, hence one base for all of them.
 */
public final class RuleDocs {
    public static final String BASE = "https://plimsoll.dev/docs/";

    private RuleDocs() {
    }

    /** The published page for {@code docs/<page>.md}, e.g. {@code of("policy", "images")}. */
    public static URI of(String page, String anchor) {
        return URI.create(BASE + page + (anchor.isEmpty() ? "" : "#" + anchor));
    }

    public static URI of(String page) {
        return of(page, "");
    }
}

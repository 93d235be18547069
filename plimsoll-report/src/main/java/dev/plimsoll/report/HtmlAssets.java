package dev.plimsoll.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The HTML report's stylesheet and script, read from {@code html/} on the classpath, and the Content-Security-Policy
 * that lets exactly these two run. The policy allows nothing else: no network load of any kind (fonts, images,
 * scripts, frames, fetches), no other inline script or style, no {@code <base>}, no form submission. Hashes rather
 * than {@code 'unsafe-inline'}: the assets never change between reports, so the hashes are as deterministic as the
 * rest of the page, and a script that markup injection somehow smuggled in would still not run.
 *
 * @param css                   the {@code <style>} element's exact content
 * @param script                the {@code <script>} element's exact content
 * @param contentSecurityPolicy the policy naming the SHA-256 of each
 */
record HtmlAssets(String css, String script, String contentSecurityPolicy) {
    static final String CSS_RESOURCE = "html/report.css";
    static final String SCRIPT_RESOURCE = "html/report.js";

    /** Loaded once; the record is immutable. */
    static final HtmlAssets STANDARD = of(resource(CSS_RESOURCE), resource(SCRIPT_RESOURCE));

    static HtmlAssets of(String css, String script) {
        requireNoEndTag(CSS_RESOURCE, css, "</style");
        requireNoEndTag(SCRIPT_RESOURCE, script, "</script");
        String policy = "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(script)
                + "'; base-uri 'none'; form-action 'none'";
        return new HtmlAssets(css, script, policy);
    }

    /** A CSP source expression: "sha256-" and the Base64 of the SHA-256 of the UTF-8 text. */
    static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Raw text elements end at their end tag, whatever the case: the assets must not contain it. */
    private static void requireNoEndTag(String name, String text, String endTag) {
        if (text.toLowerCase(Locale.ROOT).contains(endTag)) {
            throw new IllegalStateException(name + " contains " + endTag + ", which would end its element early");
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlAssets.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in plimsoll-report");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}

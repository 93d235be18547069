package dev.plimsoll.analyzer.lang.python;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names, versions and URLs as Python packaging writes them. */
final class PythonNames {
    /** PEP 508 names: letters, digits and "._-", starting and ending with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    /**
     * A version a "==" pin can name: PEP 440's characters (epoch "!", local "+", pre/post/dev letters), no
     * wildcard. Looser than PEP 440 on purpose: the version is reported as written, and the matcher judges it.
     */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.!+_-]*");
    private static final Pattern URL_START = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://|file:");
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");
    /** How many items a problem message lists before "and N more". */
    private static final int LISTED = 20;

    private PythonNames() {
    }

    static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches();
    }

    static boolean isVersion(String s) {
        return s != null && VERSION.matcher(s).matches();
    }

    /** PEP 503 normalisation, for looking names up (a constraint "Django" pins a requirement "django"). */
    static String normalize(String name) {
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * The URL without its user-info: index URLs carry tokens ("https://user:token@host/simple"), which must not
     * reach a report. Text that is not a URL with an authority is returned as it is.
     */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        return at < authorityStart ? url : url.substring(0, authorityStart) + url.substring(at + 1);
    }

    /** "1 package is", "3 packages are". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? " is" : "s are");
    }

    /** "a, b, c" with at most {@value #LISTED} items, then "and N more". */
    static String listing(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size() && i < LISTED; i++) {
            sb.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        if (items.size() > LISTED) {
            sb.append(" and ").append(items.size() - LISTED).append(" more");
        }
        return sb.toString();
    }

    /** Whether the text starts like a URL ("https://", "git+ssh://", "file:"). */
    static boolean isUrl(String s) {
        return URL_START.matcher(s).lookingAt();
    }
}

package dev.plimsoll.vulndb.build.alpine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vulnerability ids in one secfixes string. Real entries are looser than the format: several ids in one string
 * ("CVE-2017-5753 CVE-2017-5715 XSA-254"), comments ("CVE-2019-14866 (BGP)", "CVE-2018-19519 (was fixed in
 * libpcap)"), "CVE_2019-2426", "CVE-2017-8073.patch", "CVE-2017-17434-1", "CVE 2018-16859", placeholders
 * ("CVE-????-?????"). CVE ids are found anywhere in the string in any of those spellings; other advisory ids (XSA-,
 * TALOS-, ZBX-, wnpa-sec-) are taken from whole words outside parentheses.
 *
 * @param cves   CVE ids, normalised to "CVE-YYYY-N", in order, without repeats
 * @param others other advisory ids as written, in order, without repeats
 */
record SecfixIds(List<String> cves, List<String> others) {
    private static final Pattern CVE = Pattern.compile("(?<![A-Za-z0-9])CVE[-_ ]?(\\d{4})-(\\d{4,})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER = Pattern.compile("(?!CVE)[A-Za-z]+(?:-[A-Za-z]+)?-\\d+(?:-\\d+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)?");

    SecfixIds {
        cves = List.copyOf(cves);
        others = List.copyOf(others);
    }

    static SecfixIds of(String text) {
        Set<String> cves = new LinkedHashSet<>();
        Matcher m = CVE.matcher(text);
        while (m.find()) {
            cves.add("CVE-" + m.group(1) + "-" + m.group(2));
        }
        Set<String> others = new LinkedHashSet<>();
        for (String word : COMMENT.matcher(text).replaceAll(" ").split("\\s+")) {
            if (!word.toUpperCase(Locale.ROOT).startsWith("CVE") && OTHER.matcher(word).matches()) {
                others.add(word);
            }
        }
        return new SecfixIds(new ArrayList<>(cves), new ArrayList<>(others));
    }

    boolean isEmpty() {
        return cves.isEmpty() && others.isEmpty();
    }
}

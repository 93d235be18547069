package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.filter.KeyNames;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Credentials in URLs of web, git and file-transfer schemes: {@code https://user:pass@host/…}. */
public final class BasicAuthUrls implements Detector {
    static final RuleInfo RULE = RuleInfo.generic("basic-auth-url", "Password in a URL (basic authentication)",
            Severity.HIGH, RuleInfo.BASIC_AUTH);

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?|ftps?|sftp|git|ssh|svn|wss?|s3|git\\+https?|git\\+ssh)://"
                    + "([^\\s:/@'\"<>\\[\\]{}]+):([^\\s@/'\"<>\\[\\]{}]{1,200})@[A-Za-z0-9][\\w.\\-]*");

    @Override
    public List<String> keywords() {
        return List.of("://");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        // Credentials in a URL need an '@': most lines with a URL have none, and skip the regex.
        if (text.text().indexOf('@', from, to) < 0) {
            return;
        }
        Matcher m = URL.matcher(text.text());
        m.region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            String user = m.group(1).toLowerCase(Locale.ROOT);
            String pass = m.group(2);
            if (Values.isReference(user) || Values.isPlaceholder(user) && Values.isPlaceholder(pass)) {
                continue;
            }
            if (Values.reject(pass, KeyNames.Kind.PASSWORD, false, false).isEmpty()) {
                out.add(Candidate.of(RULE, m.start(2), m.end(2), pass, m.group()));
            }
        }
    }
}

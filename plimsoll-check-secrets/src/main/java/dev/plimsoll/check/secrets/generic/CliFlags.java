package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.check.secrets.filter.KeyNames;
import dev.plimsoll.check.secrets.filter.Values;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials on command lines (scripts, Dockerfile RUN, CI files, README snippets): {@code --password=…},
 * {@code --requirepass …}, {@code --token …}, {@code mysql -pXXX} / {@code -p'…'}, {@code sshpass -p},
 * {@code redis-cli -a}, {@code docker login -p}, {@code curl -u user:pass}.
 */
public final class CliFlags implements Detector {
    static final RuleInfo RULE = RuleInfo.generic("generic-cli-password", "Credential on a command line",
            Severity.HIGH, RuleInfo.SPECIFIC);

    private static final String VALUE = "(?:'([^'\\r\\n]+)'|\"([^\"\\r\\n]+)\"|([^\\s'\"\\\\;|&)`]+))";
    private static final Pattern LONG_FLAG = Pattern.compile(
            "(?i)(?<![\\w-])--((?:[a-z0-9]+-)*(?:password|passwd|pass|requirepass|masterauth|token|secret|api-?key|"
                    + "auth-token|access-token|client-secret|passphrase))(?:=|[ \\t]+)(?!-)" + VALUE);
    private static final Pattern SHORT_FLAG = Pattern.compile(
            "\\b(?:(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mariadb|mariadb-dump)\\b[^\\r\\n]*?[ \\t]-p"
                    + "|sshpass[ \\t]+-p[ \\t]*|redis-cli\\b[^\\r\\n]*?[ \\t]-a[ \\t]+"
                    + "|docker[ \\t]+login\\b[^\\r\\n]*?[ \\t]-p[ \\t]+)" + VALUE);
    private static final Pattern USER_PASS = Pattern.compile(
            "\\b(?:curl|wget|http)\\b[^\\r\\n]*?[ \\t](?:-u|--user)(?:=|[ \\t]*)['\"]?([^\\s:'\"]+):([^\\s'\"]+)");

    @Override
    public List<String> keywords() {
        return List.of("--pass", "password", "requirepass", "masterauth", "--token", "--secret", "--api",
                "--auth-token", "--access-token", "--client-secret", "mysql", "mariadb", "sshpass", "redis-cli",
                "docker login", "curl", "wget", "--user");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        String s = text.text();
        Matcher m = LONG_FLAG.matcher(s);
        m.region(from, to);
        while (m.find()) {
            KeyNames.Kind kind = KeyNames.classify(m.group(1));
            if (kind == KeyNames.Kind.NONE) {
                continue;
            }
            emit(s, m, 2, kind, out);
        }
        m = SHORT_FLAG.matcher(s);
        m.region(from, to);
        while (m.find()) {
            emit(s, m, 1, KeyNames.Kind.PASSWORD, out);
        }
        m = USER_PASS.matcher(s);
        m.region(from, to);
        while (m.find()) {
            if (!Values.isReference(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                add(m.group(2), m.start(2), m.end(2), KeyNames.Kind.PASSWORD, out);
            }
        }
    }

    private static void emit(String s, Matcher m, int firstGroup, KeyNames.Kind kind, List<Candidate> out) {
        for (int g = firstGroup; g < firstGroup + 3; g++) {
            if (m.start(g) >= 0) {
                add(m.group(g), m.start(g), m.end(g), kind, out);
                return;
            }
        }
    }

    private static void add(String value, int start, int end, KeyNames.Kind kind, List<Candidate> out) {
        // A command line is neither code nor config: an unquoted word there is the value itself.
        if (Values.reject(value, kind == KeyNames.Kind.WEAK ? KeyNames.Kind.SECRET : kind, false, false).isEmpty()) {
            out.add(Candidate.of(RULE, start, end, value, value));
        }
    }
}

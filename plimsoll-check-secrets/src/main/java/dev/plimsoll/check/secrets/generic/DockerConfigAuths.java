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
 * Docker {@code config.json} credentials: {@code auths.*.auth} is base64 of {@code user:password}; decoded, the
 * password is the secret (scanned again, so a registry token of a known format gets its provider rule).
 * {@code identitytoken} and {@code registrytoken} hold tokens in clear.
 */
public final class DockerConfigAuths implements Detector {
    static final RuleInfo RULE = RuleInfo.generic("docker-config-auth", "Registry credentials in a Docker config.json",
            Severity.HIGH, RuleInfo.DECODED);

    private static final Pattern AUTH = Pattern.compile("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/=_-]{4,2048})\"");
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:identitytoken|registrytoken)\"\\s*:\\s*\"([^\"\\r\\n]{8,4096})\"", Pattern.CASE_INSENSITIVE);

    @Override
    public List<String> keywords() {
        return List.of("\"auth\"", "\"identitytoken\"", "\"registrytoken\"");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        Matcher m = AUTH.matcher(text.text());
        m.region(from, to);
        while (m.find()) {
            String decoded = Decoding.base64(m.group(1));
            if (decoded == null) {
                continue;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1 || decoded.indexOf('\n') >= 0) {
                continue;
            }
            String password = decoded.substring(colon + 1);
            boolean report = Values.reject(password, KeyNames.Kind.PASSWORD, false, false).isEmpty();
            out.add(new Candidate(RULE, m.start(1), m.end(1), password, m.group(), password, report,
                    "base64-decoded from auths.*.auth"));
        }
        m = TOKEN.matcher(text.text());
        m.region(from, to);
        while (m.find()) {
            if (Values.reject(m.group(1), KeyNames.Kind.SECRET, false, false).isEmpty()) {
                out.add(Candidate.of(RULE, m.start(1), m.end(1), m.group(1), m.group()));
            }
        }
    }
}

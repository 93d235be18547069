package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Detector;
import dev.plimsoll.check.secrets.engine.RuleInfo;
import dev.plimsoll.check.secrets.engine.ScanText;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM blocks written on one line with escaped line breaks, as JSON and many env files hold them
 * ({@code "private_key": "-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----\n"}, a GCP service
 * account key): unescaped, then scanned again, so that the private-key rules and the {@code pem} validator see a
 * real block. Reports nothing itself.
 */
public final class EscapedPem implements Detector {
    private static final RuleInfo RULE = RuleInfo.generic("escaped-pem", "Escaped PEM block", Severity.HIGH,
            RuleInfo.DECODED);
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,60})-----((?:\\\\r)?\\\\n[A-Za-z0-9+/=:,\\- \\\\]{16,65536}?)-----END \\1-----");

    @Override
    public List<String> keywords() {
        return List.of("-----begin");
    }

    @Override
    public void detect(ScanText text, int from, int to, List<Candidate> out) {
        Matcher m = BLOCK.matcher(text.text());
        m.region(from, to);
        while (m.find()) {
            String decoded = m.group().replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\/", "/");
            out.add(new Candidate(RULE, m.start(), m.end(), decoded, m.group(), decoded, false,
                    "unescaped from a one-line PEM block"));
        }
    }
}

package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of candidates on one line (a query string, a minified bundle): allow comments are judged per line, once,
 * and still apply to that line (or the next) only.
 */
class LongLineTest {
    private static String queryLine(int n) {
        StringBuilder sb = new StringBuilder("https://svc.example/cb?x=1");
        for (int i = 0; i < n; i++) {
            sb.append("&password=Qz8vLp2Rt9").append(Integer.toString(i * 7919 + 104729, 36)).append("Wk");
        }
        return sb.toString();
    }

    @Test
    void allowCommentsApplyToTheirOwnLineOnlyAmongThousandsOfCandidates() {
        String line = queryLine(3000);
        String text = "x=1\n" + line + "\n" + line + " # gitleaks:allow\n" + "# pragma: allowlist nextline secret\n"
                + line + "\n" + line + "\n";
        ScanOutcome out = SecretScanner.withDefaults().scan("logs/callbacks.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(out).isInstanceOf(ScanOutcome.Scanned.class);
        List<SecretMatch> matches = ((ScanOutcome.Scanned) out).matches();
        Map<Integer, Integer> perLine = new TreeMap<>();
        matches.forEach(m -> perLine.merge(m.line(), 1, Integer::sum));
        assertThat(perLine.keySet()).containsExactly(2, 6);
        assertThat(perLine.get(2)).isGreaterThanOrEqualTo(3000).isEqualTo(perLine.get(6));
    }
}

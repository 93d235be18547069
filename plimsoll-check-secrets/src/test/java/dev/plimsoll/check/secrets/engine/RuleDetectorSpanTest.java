package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.ScanOutcome;
import dev.plimsoll.check.secrets.SecretMatch;
import dev.plimsoll.check.secrets.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleDetectorSpanTest {
    @Test
    void lineBreaksInsideNegatedClassesKeepAMatchOnItsLine() {
        assertThat(RuleDetector.crossesLines("Server=[^;\"'\\r\\n]{1,200};(?:Password)=([^;\\s]{1,128})", 0))
                .isFalse();
        assertThat(RuleDetector.crossesLines("\\./config\\.sh[^\\n]{0,200}?--token ([A-Z0-9]{29})", 0)).isFalse();
        assertThat(RuleDetector.crossesLines("a[^\\]\\r\\n]+b", 0)).isFalse();
    }

    @Test
    void lineBreaksOutsideNegatedClassesStillCrossLines() {
        assertThat(RuleDetector.crossesLines("^kind: Secret\\r?\\n(?:[^\\n]{0,300}\\n){0,40}?data:", 0)).isTrue();
        assertThat(RuleDetector.crossesLines("<server>[\\s\\S]{0,600}?<password>", 0)).isTrue();
        assertThat(RuleDetector.crossesLines("-----BEGIN KEY-----[A-Za-z0-9+/=\\s]{64,16384}+-----END", 0)).isTrue();
        assertThat(RuleDetector.crossesLines("[^x]a.b", Pattern.DOTALL)).isTrue();
        assertThat(RuleDetector.crossesLines("(?s)[^x]a.b", 0)).isTrue();
    }

    @Test
    void aConnectionStringPasswordIsFoundAmongManyKeywordLines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("# the password= setting of service ").append(i).append(" lives in the vault\n");
        }
        sb.append("Server=db.internal;Database=orders;User Id=app;Password=Qz8#vLp2Rt9wXk4m;\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("# see pwd= docs ").append(i).append('\n');
        }
        byte[] content = sb.toString().getBytes(StandardCharsets.UTF_8);
        ScanOutcome out = SecretScanner.withDefaults().scan("conf/app.config", content);
        assertThat(out).isInstanceOf(ScanOutcome.Scanned.class);
        assertThat(((ScanOutcome.Scanned) out).matches()).extracting(SecretMatch::line).contains(2001);
    }
}

package dev.plimsoll.check.dockerfile.hadolint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.HadolintLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class HadolintFormatTest {
    private static final List<HadolintFormat.Entry> ENTRIES = List.of(
            new HadolintFormat.Entry(1, "b/Dockerfile", 1, 1, "DL3006", HadolintLevel.WARNING,
                    "Always tag the version of an image explicitly"),
            new HadolintFormat.Entry(0, "Dockerfile", 3, 1, "DL3000", HadolintLevel.ERROR, "Use absolute WORKDIR"),
            new HadolintFormat.Entry(0, "Dockerfile", 2, 1, "DL4000", HadolintLevel.STYLE,
                    "say \"no\"\u001b[2J\nplease"));

    @Test
    void jsonIsHadolintsArrayWithAlphabeticalKeysAndNoNewline() {
        assertThat(HadolintFormat.json(ENTRIES)).isEqualTo("[{\"code\":\"DL4000\",\"column\":1,\"file\":\"Dockerfile\","
                + "\"level\":\"style\",\"line\":2,\"message\":\"say \\\"no\\\"\\u001B[2J\\nplease\"},"
                + "{\"code\":\"DL3000\",\"column\":1,\"file\":\"Dockerfile\",\"level\":\"error\",\"line\":3,"
                + "\"message\":\"Use absolute WORKDIR\"},"
                + "{\"code\":\"DL3006\",\"column\":1,\"file\":\"b/Dockerfile\",\"level\":\"warning\",\"line\":1,"
                + "\"message\":\"Always tag the version of an image explicitly\"}]");
        assertThat(HadolintFormat.json(List.of())).isEqualTo("[]");
    }

    @Test
    void ttyIsOneLinePerFindingWithControlCharactersReplaced() {
        assertThat(HadolintFormat.tty(ENTRIES, false)).isEqualTo("""
                Dockerfile:2 DL4000 style: say "no"?[2J please
                Dockerfile:3 DL3000 error: Use absolute WORKDIR
                b/Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly
                """);
        assertThat(HadolintFormat.tty(List.of(), false)).isEmpty();
        assertThat(HadolintFormat.tty(ENTRIES.subList(1, 2), true))
                .isEqualTo("Dockerfile:3 DL3000 \u001b[1;31merror\u001b[0m: Use absolute WORKDIR\n");
    }
}

package dev.plimsoll.check.cis.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.image.Healthcheck;
import dev.plimsoll.core.image.HistoryEntry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageChecksTest {
    private static ImageAuditFacts facts(Optional<String> user, Optional<Healthcheck> hc, List<String> history) {
        return new ImageAuditFacts("img", user, hc, history.stream().map(h -> new HistoryEntry(Optional.empty(),
                Optional.of(h), Optional.empty(), false)).toList(), List.of(), List.of());
    }

    private static ImageAuditFacts history(String... createdBy) {
        return facts(Optional.of("app"), Optional.empty(), List.of(createdBy));
    }

    @ParameterizedTest
    @CsvSource({"'',FAIL", "root,FAIL", "0,FAIL", "0:0,FAIL", "root:root,FAIL", "root:app,FAIL", "00,FAIL",
            "app,PASS", "10001:10001,PASS", "1000:0,PASS", "rooted,PASS"})
    void rootInAnySpellingFails(String user, CheckStatus expected) {
        CheckResult r = new NonRootUser().evaluate(facts(Optional.of(user), Optional.empty(), List.of()));
        assertThat(r.status()).isEqualTo(expected);
    }

    @Test
    void anUnsetUserIsRoot() {
        CheckResult r = new NonRootUser().evaluate(facts(Optional.empty(), Optional.empty(), List.of()));
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).containsExactly(new Evidence("img", "Config.User", "(unset)"));
    }

    @Test
    void healthcheckNoneCountsAsNone() {
        Healthcheck none = new Healthcheck(List.of("NONE"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        Healthcheck curl = new Healthcheck(List.of("CMD", "curl", "-f", "http://localhost/"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        HealthcheckPresent check = new HealthcheckPresent();

        assertThat(check.evaluate(facts(Optional.empty(), Optional.of(none), List.of())).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(check.evaluate(facts(Optional.empty(), Optional.empty(), List.of())).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(check.evaluate(facts(Optional.empty(), Optional.of(curl), List.of())).status())
                .isEqualTo(CheckStatus.PASS);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "/bin/sh -c apt-get update => FAIL",
            "RUN /bin/sh -c apt-get -q update # buildkit => FAIL",
            "RUN |2 A=1 B=2 /bin/sh -c apk update # buildkit => FAIL",
            "/bin/sh -c yum -y update => FAIL",
            "/bin/sh -c apt-get update && apt-get install -y curl => PASS",
            "/bin/sh -c apk add --update curl => PASS",
            "/bin/sh -c apk --no-cache add curl => PASS",
            "/bin/sh -c echo update > /etc/motd => PASS",
            "/bin/sh -c #(nop)  LABEL note=apt-get update => PASS"})
    void updateAloneIsFlaggedOnlyWithoutAnInstall(String createdBy, CheckStatus expected) {
        assertThat(new NoUpdateAlone().evaluate(history(createdBy)).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "/bin/sh -c #(nop) ADD file:4c8e1a in /  => FAIL",
            "ADD https://example.com/app.tar.gz /app # buildkit => FAIL",
            "COPY app /app # buildkit => PASS",
            "/bin/sh -c echo ADD nothing => PASS",
            "debootstrap --variant=minbase bookworm => PASS"})
    void addIsFoundByKeyword(String createdBy, CheckStatus expected) {
        CheckResult r = new CopyNotAdd().evaluate(history("/bin/sh -c #(nop)  CMD [\"sh\"]", createdBy));
        assertThat(r.status()).isEqualTo(expected);
        if (expected == CheckStatus.FAIL) {
            assertThat(r.evidence()).containsExactly(new Evidence("img", "history[1].created_by", createdBy));
        }
    }

    @Test
    void setuidFilesAreListedForReview() {
        ImageAuditFacts f = new ImageAuditFacts("img", Optional.empty(), Optional.empty(), List.of(),
                List.of(new ImageAuditFacts.SpecialFile("/usr/bin/passwd", 04755, 0, 0)), List.of());
        CheckResult r = new SetuidFiles().evaluate(f);
        assertThat(r.status()).isEqualTo(CheckStatus.INFO);
        assertThat(r.evidence()).containsExactly(new Evidence("/usr/bin/passwd", "mode uid:gid", "4755 0:0"));
        assertThat(new SetuidFiles().evaluate(history()).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void configSecretsFailWithMaskedEvidence() {
        ImageAuditFacts f = new ImageAuditFacts("img", Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new ImageAuditFacts.ConfigSecret("image config: Env[1] TOKEN", "github-pat", "ghp_****")));
        CheckResult r = new NoSecretsInConfig().evaluate(f);
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.evidence()).containsExactly(new Evidence("image config: Env[1] TOKEN", "github-pat",
                "ghp_****"));
        assertThat(new NoSecretsInConfig().evaluate(history()).status()).isEqualTo(CheckStatus.PASS);
    }
}

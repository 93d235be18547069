package dev.plimsoll.check.cis.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.input.daemon.DaemonConfig;
import dev.plimsoll.check.cis.input.daemon.DaemonConfigReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaemonChecksTest {
    private static DaemonConfig json(String json) {
        return DaemonConfigReader.of("t", List.of(), Optional.of(new DaemonConfigReader.JsonFile("daemon.json",
                json))).items().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "{} => NOT_APPLICABLE",
            "{\"hosts\": [\"unix:///var/run/docker.sock\", \"fd://\"]} => NOT_APPLICABLE",
            "{\"hosts\": [\"tcp://0.0.0.0:2375\"]} => FAIL",
            "{\"hosts\": [\"0.0.0.0:2375\"]} => FAIL",
            "{\"hosts\": [\"tcp://10.0.0.1:2376\"], \"tls\": true} => FAIL",
            "{\"hosts\": [\"tcp://10.0.0.1:2376\"], \"tlsverify\": true} => PASS"})
    void tls(String config, CheckStatus expected) {
        assertThat(new TlsAuthentication().evaluate(json(config)).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "{} => FAIL",
            "{\"log-driver\": \"local\"} => FAIL",
            "{\"log-driver\": \"none\"} => FAIL",
            "{\"log-driver\": \"syslog\"} => PASS",
            "{\"log-driver\": \"fluentd\"} => PASS"})
    void remoteLogging(String config, CheckStatus expected) {
        assertThat(new RemoteLogging().evaluate(json(config)).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "{} => PASS",
            "{\"seccomp-profile\": \"builtin\"} => PASS",
            "{\"seccomp-profile\": \"unconfined\"} => FAIL",
            "{\"seccomp-profile\": \"/etc/docker/seccomp.json\"} => INFO"})
    void seccomp(String config, CheckStatus expected) {
        assertThat(new DaemonSeccompProfile().evaluate(json(config)).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "{} => PASS",
            "{\"log-level\": \"info\"} => PASS",
            "{\"log-level\": \"debug\"} => FAIL",
            "{\"debug\": true} => FAIL",
            "{\"debug\": false, \"log-level\": \"info\"} => PASS"})
    void logLevel(String config, CheckStatus expected) {
        assertThat(new LogLevelInfo().evaluate(json(config)).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "{} => PASS",
            "{\"cgroup-parent\": \"/docker-custom\"} => FAIL",
            "{\"storage-opts\": [\"dm.basesize=20G\"]} => PASS"})
    void cgroupParentIsReadFromTheFile(String config, CheckStatus expected) {
        assertThat(new DefaultCgroupParent().evaluate(json(config)).status()).isEqualTo(expected);
    }
}

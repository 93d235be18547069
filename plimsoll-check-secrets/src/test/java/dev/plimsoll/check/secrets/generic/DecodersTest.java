package dev.plimsoll.check.secrets.generic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Kubernetes Secret manifests, Docker config.json auths, JSON-escaped PEM. */
class DecodersTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kubernetesSecretDataIsDecodedAndStringDataTakenAsIs() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                data:
                  username: %s
                  password: %s
                  host: %s
                stringData:
                  token: Xk2v9QmR4tLp7Wn3
                  config.yaml: |
                    retries: 3
                    api_password: N3sted!pw
                """.formatted(b64("admin"), b64("K8s!pass9"), b64("db.internal"));
        assertThat(DetectorHarness.scan("secret.yaml", yaml)).containsExactly(
                new DetectorHarness.Hit("kubernetes-secret", "K8s!pass9"),
                new DetectorHarness.Hit("kubernetes-secret", "Xk2v9QmR4tLp7Wn3"),
                new DetectorHarness.Hit("generic-password", "N3sted!pw"));
    }

    @Test
    void onlySecretsAreDecodedNotConfigMaps() {
        // A ConfigMap is not decoded (its data is plain text): a base64 string under a password key is still
        // reported as it stands, by the assignment detector.
        String yaml = "apiVersion: v1\nkind: ConfigMap\ndata:\n  password: " + b64("K8s!pass9") + "\n";
        assertThat(DetectorHarness.scan("cm.yaml", yaml)).extracting(DetectorHarness.Hit::rule)
                .containsExactly("generic-password");
        String multi = "kind: ConfigMap\ndata:\n  a: " + b64("K8s!pass9") + "\n---\nkind: Secret\ndata:\n  pw: "
                + b64("Other!pw9") + "\n";
        assertThat(DetectorHarness.scan("all.yaml", multi)).extracting(DetectorHarness.Hit::secret)
                .containsExactly("Other!pw9");
    }

    @Test
    void jsonSecretsAreDecodedWhateverTheFieldOrderAndOnlyInSecrets() {
        // kubectl get -o json: a List holding a ConfigMap and a Secret whose kind comes after its data
        String json = """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"},
                   "data": {"password": "%s"}},
                  {"apiVersion": "v1",
                   "data": {"username": "%s", "password": "%s", "nested": "%s"},
                   "metadata": {"name": "db", "annotations": {"kind": "Secret"}},
                   "stringData": {"token": "Xk2v9QmR4tLp7Wn3", "tls.crt": "not-a-secret"},
                   "kind": "Secret", "type": "Opaque"}
                ]}
                """.formatted(b64("Cfg!pass9"), b64("admin"), b64("K8s!pass9"), b64("<your-token>"));
        assertThat(DetectorHarness.scan("all.json", json)).filteredOn(h -> h.rule().equals("kubernetes-secret"))
                .extracting(DetectorHarness.Hit::secret).containsExactly("K8s!pass9", "Xk2v9QmR4tLp7Wn3");
        // the location is the encoded value's own line
        assertThat(dev.plimsoll.check.secrets.SecretScanner.withDefaults().scanText("all.json", json))
                .filteredOn(m -> m.ruleId().equals("kubernetes-secret") && m.line() == 5).hasSize(1);
        // compact, one line, as an API server returns it
        String compact = "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"data\":{\"api-key\":\""
                + b64("Zq8!xV3mPw7s") + "\"}}";
        assertThat(DetectorHarness.scan("secret.json", compact)).extracting(DetectorHarness.Hit::secret)
                .containsExactly("Zq8!xV3mPw7s");
        // cut-off JSON gives no decoded finding and no error
        assertThat(DetectorHarness.scan("cut.json", compact.substring(0, compact.length() - 3)))
                .noneMatch(h -> h.rule().equals("kubernetes-secret"));
    }

    @Test
    void placeholdersInSecretsAreNotReported() {
        String yaml = "kind: Secret\ndata:\n  password: " + b64("changeme-please-xxxx") + "\nstringData:\n"
                + "  token: ${TOKEN}\n";
        assertThat(DetectorHarness.scan("secret.yaml", yaml)).isEmpty();
    }

    @Test
    void dockerAuthIsDecodedToThePassword() {
        String json = "{\"auths\": {\"registry.acme.io\": {\"auth\": \"" + b64("ci:Reg!stry9pw") + "\"},"
                + " \"x\": {\"auth\": \"\"}}, \"credsStore\": \"desktop\"}";
        assertThat(DetectorHarness.scan("config.json", json))
                .containsExactly(new DetectorHarness.Hit("docker-config-auth", "Reg!stry9pw"));
        assertThat(DetectorHarness.scan("config.json", "{\"auths\": {\"r\": {\"identitytoken\": \"Xk2v9QmR4tLp7Wn3\"}}}"))
                .extracting(DetectorHarness.Hit::rule).containsExactly("docker-config-auth");
    }

    @Test
    void escapedPemIsUnescapedAndReportsNothingOnItsOwn() {
        // Without a private-key rule (generic detectors only), the unescaped block is scanned and nothing claims it.
        String json = "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n"
                + "-----END PRIVATE KEY-----\\n\"}";
        assertThat(DetectorHarness.scan("sa.json", json)).isEmpty();
    }
}

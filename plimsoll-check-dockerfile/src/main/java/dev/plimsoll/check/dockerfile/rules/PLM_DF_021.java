package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.FileTransfer;
import dev.plimsoll.check.dockerfile.syntax.Word;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * COPY or ADD of a typical credential file from the build context (private keys, .env, .npmrc/.pypirc/.netrc,
 * cloud and registry credentials). Files copied from another stage or image, URLs and heredocs are not reported.
 */
public final class PLM_DF_021 implements DockerfileRule {
    private static final Set<String> NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk",
            "id_ed25519_sk", ".env", ".npmrc", ".pypirc", ".netrc", "_netrc", ".git-credentials", ".dockercfg",
            "credentials.json", ".aws", ".ssh", ".gnupg", "htpasswd", ".htpasswd", ".pgpass", ".vault-token");
    private static final List<String> PATH_SUFFIXES = List.of(".docker/config.json", ".aws/credentials",
            ".aws/config", ".kube/config");
    private static final List<String> EXTENSIONS = List.of(".pem", ".key", ".p12", ".pfx", ".kdbx", ".jks",
            ".keystore");
    /** .env variants that are templates, not secrets. */
    private static final Set<String> ENV_TEMPLATES = Set.of("example", "sample", "template", "dist", "defaults",
            "default", "tpl", "example.local", "test", "ci", "docker.example");
    /** Words in a key file's name that mark a public key (repository signing keys). */
    private static final List<String> PUBLIC_KEY_HINTS = List.of("pub", "gpg", "pgp", "keyring", "signing", ".asc");
    /** Words in a .pem/.p12 name that mark a certificate or parameters, unless the name also says key/priv. */
    private static final List<String> CERTIFICATE_HINTS = List.of("cert", "crt", "ca.", "ca-", "ca_", "-ca", "_ca",
            "chain", "bundle", "root", "trust", "intermediate", "dhparam", "ffdhe", "dh2048", "dh4096", "dh1024");

    @Override
    public String id() {
        return "PLM-DF-021";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (FileTransfer t : context.instructions(FileTransfer.class, true)) {
            if (t.flags().has("from")) {
                continue;
            }
            Set<String> found = new LinkedHashSet<>();
            for (Word source : t.sources()) {
                String src = ImageRefs.unquote(source.text());
                if (src.startsWith("<<") || src.contains("://") || src.startsWith("git@")) {
                    continue;
                }
                if (isSecretFile(src)) {
                    found.add(src);
                }
            }
            if (!found.isEmpty()) {
                String list = String.join(", ", found);
                out.report(t, t.keyword().name() + " puts " + list + " into the image: a credential file stays in"
                        + " the layer even if deleted later; mount it with RUN --mount=type=secret (or ssh)"
                        + " instead", list);
            }
        }
    }

    static boolean isSecretFile(String source) {
        String path = source;
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        for (String suffix : PATH_SUFFIXES) {
            if (lowerPath.equals(suffix) || lowerPath.endsWith("/" + suffix)) {
                return true;
            }
        }
        String name = lowerPath.substring(lowerPath.lastIndexOf('/') + 1);
        if (name.contains("$")) {
            return false;
        }
        if (NAMES.contains(name)) {
            return true;
        }
        if (name.startsWith(".env.")) {
            return !ENV_TEMPLATES.contains(name.substring(5));
        }
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext) && name.length() > ext.length()) {
                return !looksPublic(name);
            }
        }
        return false;
    }

    /** A certificate, CA bundle, DH parameters or public signing key rather than a private key. */
    private static boolean looksPublic(String name) {
        for (String hint : PUBLIC_KEY_HINTS) {
            if (name.contains(hint)) {
                return true;
            }
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        if (stem.contains("key") || stem.contains("priv")) {
            return false;
        }
        for (String hint : CERTIFICATE_HINTS) {
            if (name.contains(hint)) {
                return true;
            }
        }
        return false;
    }
}

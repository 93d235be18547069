package dev.plimsoll.check.cis.image;

import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.image.Healthcheck;
import dev.plimsoll.core.image.HistoryEntry;
import dev.plimsoll.core.image.ImageConfig;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image checks (CIS section 4) judge about one image: its config's user, healthcheck and history, the
 * setuid/setgid regular files a container sees (the squashed view), and the secrets found in its config (Env,
 * labels, history), masked.
 *
 * @param image       the image as the user named it
 * @param setuidFiles visible regular files with the setuid or setgid bit, sorted by path
 * @param secrets     secrets in the config, where and which rule; values masked
 */
public record ImageAuditFacts(String image, Optional<String> user, Optional<Healthcheck> healthcheck,
                              List<HistoryEntry> history, List<SpecialFile> setuidFiles,
                              List<ConfigSecret> secrets) {
    public ImageAuditFacts {
        Objects.requireNonNull(image);
        Objects.requireNonNull(user);
        Objects.requireNonNull(healthcheck);
        history = List.copyOf(history);
        setuidFiles = List.copyOf(setuidFiles);
        secrets = List.copyOf(secrets);
    }

    /** A regular file with setuid/setgid: {@code mode} holds its permission and special bits. */
    public record SpecialFile(String path, int mode, long uid, long gid) {
        public SpecialFile {
            Objects.requireNonNull(path);
        }
    }

    /** A secret in the config: where ("image config: Env[1] AWS_SECRET_ACCESS_KEY"), the rule, the masked match. */
    public record ConfigSecret(String where, String rule, String masked) {
        public ConfigSecret {
            Objects.requireNonNull(where);
            Objects.requireNonNull(rule);
            Objects.requireNonNull(masked);
        }
    }

    /**
     * The facts of an image from its config, its squashed view's files and the secret findings of its config.
     *
     * @param visibleFiles the files a container sees; only setuid/setgid regular files are kept
     */
    public static ImageAuditFacts of(String image, ImageConfig config, Collection<FileMeta> visibleFiles,
                                     List<SecretFinding> configSecrets) {
        List<SpecialFile> special = visibleFiles.stream()
                .filter(f -> f.isRegular() && (f.mode() & (FileMeta.SETUID | FileMeta.SETGID)) != 0)
                .map(f -> new SpecialFile(f.path(), f.mode(), f.uid(), f.gid()))
                .sorted(java.util.Comparator.comparing(SpecialFile::path))
                .toList();
        List<ConfigSecret> secrets = configSecrets.stream()
                .map(s -> new ConfigSecret(s.where().path(), s.ruleId().value(), s.maskedMatch()))
                .toList();
        return new ImageAuditFacts(image, config.user(), config.healthcheck(), config.history(), special, secrets);
    }
}

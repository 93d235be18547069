package dev.plimsoll.check.cis.input.dockerrun;

import dev.plimsoll.check.cis.input.DockerValues;
import dev.plimsoll.check.cis.input.InvalidValueException;
import dev.plimsoll.check.cis.run.RunConfig.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CSV-style flag values of the Docker CLI: {@code --mount}, and {@code --publish} in its long form
 * ({@code target=80,published=8080,protocol=udp}), comma-separated key=value fields in CSV quoting.
 */
final class CsvFlagValues {
    private static final Set<String> TYPES = Set.of("bind", "volume", "tmpfs", "npipe", "cluster", "image");
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");
    private static final Set<String> IGNORED_KEYS = Set.of("consistency", "bind-nonrecursive", "bind-recursive",
            "bind-create-src", "volume-nocopy", "volume-subpath", "volume-driver", "volume-label", "volume-opt",
            "tmpfs-size", "tmpfs-mode", "image-subpath");

    private CsvFlagValues() {
    }

    static Mount mount(String value) throws InvalidValueException {
        String type = "volume";
        String source = "";
        String target = "";
        boolean readOnly = false;
        String propagation = "";
        for (String field : csvFields(value)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
            String val = eq < 0 ? "" : field.substring(eq + 1);
            switch (key) {
                case "type" -> {
                    if (!TYPES.contains(val)) {
                        throw new InvalidValueException("unknown mount type \"" + val + "\"");
                    }
                    type = val;
                }
                case "source", "src" -> source = val;
                case "target", "dst", "destination" -> target = val;
                case "readonly", "ro" -> readOnly = eq < 0 || DockerValues.goBool(val);
                case "bind-propagation" -> {
                    if (!PROPAGATIONS.contains(val)) {
                        throw new InvalidValueException("unknown bind-propagation \"" + val + "\"");
                    }
                    propagation = val;
                }
                default -> {
                    if (!IGNORED_KEYS.contains(key)) {
                        throw new InvalidValueException("unexpected key '" + key + "' in '" + field + "'");
                    }
                    if (eq < 0 && !key.equals("volume-nocopy") && !key.equals("bind-nonrecursive")
                            && !key.equals("bind-recursive") && !key.equals("bind-create-src")) {
                        throw new InvalidValueException("invalid field '" + field + "' must be a key=value pair");
                    }
                }
            }
        }
        if (target.isEmpty()) {
            throw new InvalidValueException("target is required");
        }
        if (type.equals("bind") && source.isEmpty()) {
            throw new InvalidValueException("source is required when specifying bind mounts");
        }
        return new Mount(type, source, target, !readOnly, propagation);
    }

    /**
     * A {@code --publish} value in the long form converted to the short one ({@code [published:]target/protocol}),
     * as the CLI's convertToStandardNotation does; a short-form value is returned as it is.
     */
    static String publishSpec(String value) throws InvalidValueException {
        if (!value.contains("=")) {
            return value;
        }
        String target = "";
        String published = "";
        String protocol = "tcp";
        for (String field : csvFields(value)) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String val = eq < 0 ? "" : field.substring(eq + 1);
            switch (key.toLowerCase(java.util.Locale.ROOT)) {
                case "target" -> target = val;
                case "published" -> published = val;
                case "protocol" -> protocol = val;
                case "mode" -> {
                    // host or ingress; both publish on every interface of the host
                }
                default -> throw new InvalidValueException("invalid publish option \"" + key
                        + "\" (expected target, published, protocol, mode)");
            }
        }
        if (target.isEmpty()) {
            throw new InvalidValueException("a --publish in the long form needs target=");
        }
        return (published.isEmpty() ? "" : published + ":") + target + "/" + protocol;
    }

    /** Go's encoding/csv for one record: fields split on commas, a field may be double-quoted with "" escapes. */
    static List<String> csvFields(String value) throws InvalidValueException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i <= value.length()) {
            if (i < value.length() && value.charAt(i) == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= value.length()) {
                        throw new InvalidValueException("unterminated quote in \"" + value + "\"");
                    }
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < value.length() && value.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                continue;
            }
            if (i == value.length() || value.charAt(i) == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
                continue;
            }
            field.append(value.charAt(i++));
        }
        return fields;
    }
}

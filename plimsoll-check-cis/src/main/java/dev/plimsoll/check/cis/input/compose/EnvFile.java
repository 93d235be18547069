package dev.plimsoll.check.cis.input.compose;

import dev.plimsoll.check.cis.input.BoundedText;
import dev.plimsoll.check.cis.input.InvalidValueException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Compose {@code .env} file: {@code KEY=VALUE} lines, optional {@code export}, comments, single quotes (literal),
 * double quotes (escapes and {@code ${…}} expanded) and unquoted values (expanded, a {@code " #"} comment cut).
 * The values may be secrets: they are only used for interpolation and never put in a message.
 */
final class EnvFile {
    static final int MAX_BYTES = 1024 * 1024;

    /** A line that is not KEY=VALUE; the message never holds the line's value. */
    static final class EnvFileException extends Exception {
        final int line;

        EnvFileException(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private EnvFile() {
    }

    /** @param known values already known (the environment, earlier files) that expansions may refer to */
    static Map<String, String> read(Path file, Map<String, String> known) throws IOException, EnvFileException {
        Map<String, String> values = new LinkedHashMap<>();
        Interpolator expand = new Interpolator(name -> Optional.ofNullable(values.get(name))
                .or(() -> Optional.ofNullable(known.get(name))), false);
        String text;
        try {
            text = BoundedText.read(file, MAX_BYTES);
        } catch (InvalidValueException e) {
            throw new EnvFileException(e.getMessage(), 0);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
                throw new EnvFileException("not a KEY=VALUE line", i + 1);
            }
            if (eq < 0) {
                continue;
            }
            String raw = line.substring(eq + 1).strip();
            try {
                values.put(key, value(raw, expand));
            } catch (Interpolator.InterpolationException e) {
                throw new EnvFileException("bad value for " + key + ": " + e.getMessage(), i + 1);
            }
        }
        return values;
    }

    private static String value(String raw, Interpolator expand) throws Interpolator.InterpolationException {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            String inner = raw.substring(1, raw.length() - 1).replace("\\n", "\n").replace("\\\"", "\"")
                    .replace("\\\\", "\\");
            return expand.interpolate(inner);
        }
        int comment = raw.indexOf(" #");
        return expand.interpolate(comment >= 0 ? raw.substring(0, comment).strip() : raw);
    }
}

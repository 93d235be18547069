package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which flags each instruction accepts (current Dockerfile syntax, labs included) and turning words into flags. */
final class FlagRules {
    private enum Type { STRING, BOOL }

    private static final Map<Keyword, Map<String, Type>> ALLOWED = Map.of(
            Keyword.FROM, Map.of("platform", Type.STRING),
            Keyword.RUN, Map.of("mount", Type.STRING, "network", Type.STRING, "security", Type.STRING,
                    "device", Type.STRING),
            Keyword.COPY, Map.of("from", Type.STRING, "chown", Type.STRING, "chmod", Type.STRING,
                    "link", Type.BOOL, "parents", Type.BOOL, "exclude", Type.STRING),
            Keyword.ADD, Map.of("chown", Type.STRING, "chmod", Type.STRING, "link", Type.BOOL,
                    "keep-git-dir", Type.BOOL, "checksum", Type.STRING, "exclude", Type.STRING,
                    "unpack", Type.BOOL),
            Keyword.HEALTHCHECK, Map.of("interval", Type.STRING, "timeout", Type.STRING,
                    "start-period", Type.STRING, "start-interval", Type.STRING, "retries", Type.STRING));

    private FlagRules() {
    }

    static Flags toFlags(List<Token> words, LogicalLine line) {
        if (words.isEmpty()) {
            return Flags.NONE;
        }
        List<Flag> flags = new ArrayList<>(words.size());
        for (Token word : words) {
            String text = ArgumentLexer.unquoteShellWord(word.text()).substring(2);
            int equals = text.indexOf('=');
            String name = equals < 0 ? text : text.substring(0, equals);
            Optional<String> value = equals < 0 ? Optional.empty() : Optional.of(text.substring(equals + 1));
            flags.add(new Flag(name, value, word.text(), line.position(word.start())));
        }
        return new Flags(flags);
    }

    /** Reports flags BuildKit would reject for this instruction. */
    static void check(Keyword keyword, String written, Flags flags, ParseContext context) {
        Map<String, Type> allowed = ALLOWED.getOrDefault(keyword, Map.of());
        for (Flag flag : flags.all()) {
            Type type = allowed.get(flag.name());
            if (type == null) {
                context.problem(flag.position(), "unknown flag --" + flag.name() + " for " + written);
            } else if (type == Type.STRING && flag.value().isEmpty()) {
                context.problem(flag.position(), "flag --" + flag.name() + " for " + written + " needs a value");
            } else if (type == Type.BOOL && flag.value().isPresent()
                    && !flag.value().get().equalsIgnoreCase("true") && !flag.value().get().equalsIgnoreCase("false")) {
                context.problem(flag.position(), "flag --" + flag.name() + " for " + written
                        + " expects true or false, not " + flag.value().get());
            }
        }
    }
}

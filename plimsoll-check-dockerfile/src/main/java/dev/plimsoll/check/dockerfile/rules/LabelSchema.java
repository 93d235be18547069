package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.Expansion;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The label schema of the configuration ({@code label-schema:} label name to type, as in hadolint) and how the label
 * rules (DL3049 to DL3058) read LABEL values. A value with variables is judged by what the Dockerfile gives them
 * (ARG defaults, ENV); when a variable has no known value (a build argument without default) the value is unknown
 * and not reported, since the build supplies it.
 */
final class LabelSchema {
    /** The types hadolint's label-schema knows, by their configuration names. */
    enum Type {
        TEXT, URL, SPDX, RFC3339, SEMVER, HASH, EMAIL;

        static Optional<Type> of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "text" -> Optional.of(TEXT);
                case "url" -> Optional.of(URL);
                case "spdx" -> Optional.of(SPDX);
                case "rfc3339" -> Optional.of(RFC3339);
                case "semver" -> Optional.of(SEMVER);
                case "hash" -> Optional.of(HASH);
                case "email" -> Optional.of(EMAIL);
                default -> Optional.empty();
            };
        }
    }

    private LabelSchema() {
    }

    /** The labels of the schema with this type, in configuration order. */
    static Set<String> labels(LintConfig config, Type type) {
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : config.labelSchema().entrySet()) {
            if (Type.of(e.getValue()).filter(type::equals).isPresent()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /**
     * The value a LABEL gives: quotes removed and variables expanded as BuildKit would; empty when it depends on a
     * variable with no known value.
     */
    static Optional<String> value(LintContext context, LabelInstruction label, KeyValue pair) {
        if (pair.value().indexOf('$') < 0) {
            return Optional.of(pair.value());
        }
        Expansion e = context.dockerfile().environmentAt(label).expandWord(pair.rawValue());
        return e.isExact() ? Optional.of(e.value()) : Optional.empty();
    }

    /**
     * Reports every LABEL that sets a label of the schema with this type to a value {@code valid} refuses: one
     * finding per label name and instruction (hadolint runs one rule per label name). An empty value is DL3051's
     * finding alone (hadolint would report it twice: empty, and not a URL/date/...).
     */
    static void check(LintContext context, RuleSink out, Type type, Predicate<String> valid, String expected) {
        check(context, out, type, valid, value -> expected);
    }

    /** As {@link #check(LintContext, RuleSink, Type, Predicate, String)}, the expectation worded for the value. */
    static void check(LintContext context, RuleSink out, Type type, Predicate<String> valid,
            Function<String, String> expected) {
        Set<String> names = labels(context.config(), type);
        if (names.isEmpty()) {
            return;
        }
        for (LabelInstruction label : context.dockerfile().instructions(LabelInstruction.class)) {
            Set<String> reported = new HashSet<>();
            for (KeyValue pair : label.pairs()) {
                if (!names.contains(pair.key()) || reported.contains(pair.key())) {
                    continue;
                }
                Optional<String> value = value(context, label, pair);
                if (value.isPresent() && !value.get().isEmpty() && !valid.test(value.get())) {
                    reported.add(pair.key());
                    out.report(label, "Label " + pair.key() + " is \"" + value.get() + "\", not "
                            + expected.apply(value.get()),
                            pair.key() + "=" + value.get());
                }
            }
        }
    }
}

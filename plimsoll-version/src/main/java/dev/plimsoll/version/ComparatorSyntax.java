package dev.plimsoll.version;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * How one scheme writes a {@link ComparatorConstraint}: the scheme that reads its versions, the word its
 * documentation uses for an operator ("relation" in Debian), the characters an operator is made of, and how each
 * {@link Comparison} is spelled. Schemes differ only in these spellings, so the parsing is shared.
 *
 * @param scheme        reads the versions and names the scheme in messages
 * @param versionType   the scheme's version class; a constraint tests only versions of it
 * @param operatorWord  "operator" or "relation", as messages should call it
 * @param operatorChars every character an operator may contain; the operator is the longest run of them
 * @param symbols       each comparison's own spelling, the one clauses are printed with
 * @param aliases       other accepted spellings (rpm reads "=&lt;" as "&lt;=")
 * @param refused       spellings rejected with the reason given (Debian's obsolete, ambiguous "&lt;" and "&gt;")
 */
public record ComparatorSyntax<V extends Version>(VersionScheme scheme, Class<V> versionType, String operatorWord,
        String operatorChars, Map<Comparison, String> symbols, Map<String, Comparison> aliases,
        Map<String, String> refused) {

    public ComparatorSyntax {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(versionType);
        Objects.requireNonNull(operatorWord);
        Objects.requireNonNull(operatorChars);
        symbols = Map.copyOf(symbols);
        aliases = Map.copyOf(aliases);
        refused = Map.copyOf(refused);
        if (symbols.size() != Comparison.values().length) {
            throw new IllegalArgumentException("every comparison needs a spelling: " + symbols);
        }
        // A spelling with other characters could never be read, since the operator ends at the first of them.
        Stream.of(symbols.values(), aliases.keySet(), refused.keySet()).flatMap(Collection::stream)
            .filter(spelling -> spelling.isEmpty() || !spelling.chars().allMatch(c -> operatorChars.indexOf(c) >= 0))
            .findFirst().ifPresent(spelling -> {
                throw new IllegalArgumentException("spelling \"" + spelling + "\" is not made of " + operatorChars);
            });
    }

    /** The spellings of {@link Comparison#LESS} to {@link Comparison#NOT_EQUAL}, in that order. */
    public static Map<Comparison, String> symbols(String less, String lessOrEqual, String equal,
            String greaterOrEqual, String greater, String notEqual) {
        Map<Comparison, String> symbols = new EnumMap<>(Comparison.class);
        symbols.put(Comparison.LESS, less);
        symbols.put(Comparison.LESS_OR_EQUAL, lessOrEqual);
        symbols.put(Comparison.EQUAL, equal);
        symbols.put(Comparison.GREATER_OR_EQUAL, greaterOrEqual);
        symbols.put(Comparison.GREATER, greater);
        symbols.put(Comparison.NOT_EQUAL, notEqual);
        return symbols;
    }

    /** The comparison spelled {@code spelling}, by its own symbol or an alias; refused spellings have none. */
    public Optional<Comparison> comparison(String spelling) {
        for (Map.Entry<Comparison, String> symbol : symbols.entrySet()) {
            if (symbol.getValue().equals(spelling)) {
                return Optional.of(symbol.getKey());
            }
        }
        return Optional.ofNullable(aliases.get(spelling));
    }

    /** The symbols in {@link Comparison} order, for messages: "(&lt;, &lt;=, =, &gt;=, &gt;, !=)". */
    String listing() {
        StringJoiner list = new StringJoiner(", ", "(", ")");
        for (Comparison comparison : Comparison.values()) {
            list.add(symbols.get(comparison));
        }
        return list.toString();
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible at one point of a Dockerfile (before a given instruction), with BuildKit's scoping: global
 * ARGs only in FROM lines unless re-declared in the stage, ARG and ENV values accumulating in order, ENV winning over
 * an ARG of the same name, ENV inherited from a parent stage. Variables set by the base image are not known.
 */
public final class Environment {
    private final VariableScope scope;
    private final int index;
    private final Expander expander;

    Environment(VariableScope scope, int index, Expander expander) {
        this.scope = scope;
        this.index = index;
        this.expander = expander;
    }

    public Optional<Binding> binding(String name) {
        return scope.lookup(name, index);
    }

    /** The known value; empty when undeclared or declared without a known value. */
    public Optional<String> value(String name) {
        return binding(name).flatMap(Binding::value);
    }

    public boolean isDeclared(String name) {
        return binding(name).isPresent();
    }

    /** Every visible binding, in order of first declaration. */
    public List<Binding> bindings() {
        return scope.visible(index);
    }

    /** Names to known values. */
    public Map<String, String> knownValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Binding binding : bindings()) {
            binding.value().ifPresent(value -> values.put(binding.name(), value));
        }
        return values;
    }

    /** Expands an instruction argument as BuildKit would here (quotes removed, variables substituted). */
    public Expansion expandWord(String word) {
        return expander.expandWord(word, this::value);
    }

    /** Expands a heredoc body (only variables; quotes stay). */
    public Expansion expandHeredoc(String text) {
        return expander.expandHeredoc(text, this::value);
    }

    public Expander expander() {
        return expander;
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Groups instructions into stages and computes every stage's variables with BuildKit's scoping rules (see
 * {@link Environment}). Values are expanded once here, within a total budget so that chains of self-doubling
 * variables cannot exhaust memory (past it, values count as unknown).
 */
final class StageBuilder {
    /** BuildKit's automatic platform ARGs: declared globally, values known only at build time. */
    private static final List<String> AUTOMATIC_ARGS = List.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH",
            "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

    record Result(List<Stage> stages, Environment globals) {
    }

    private final Expander expander;
    private long budget;

    private StageBuilder(Expander expander, ParserLimits limits) {
        this.expander = expander;
        this.budget = limits.maxExpansionTotal();
    }

    static Result build(List<Instruction> instructions, Expander expander, ParserLimits limits) {
        return new StageBuilder(expander, limits).build(instructions);
    }

    private Result build(List<Instruction> instructions) {
        VariableScope globalScope = new VariableScope();
        for (String name : AUTOMATIC_ARGS) {
            globalScope.declare(-1, new Binding(name, Optional.empty(), Binding.Kind.AUTOMATIC_ARG, Optional.empty()));
        }
        int firstFrom = 0;
        while (firstFrom < instructions.size() && !(instructions.get(firstFrom) instanceof FromInstruction)) {
            if (instructions.get(firstFrom) instanceof ArgInstruction arg) {
                declareArgs(globalScope, firstFrom, arg, null);
            }
            firstFrom++;
        }
        Environment globals = new Environment(globalScope, firstFrom, expander);
        List<Stage> stages = new ArrayList<>();
        int i = firstFrom;
        while (i < instructions.size()) {
            FromInstruction from = (FromInstruction) instructions.get(i++);
            int start = i;
            while (i < instructions.size() && !(instructions.get(i) instanceof FromInstruction)) {
                i++;
            }
            stages.add(stage(stages, from, instructions.subList(start, i), globals));
        }
        return new Result(List.copyOf(stages), globals);
    }

    private Stage stage(List<Stage> earlier, FromInstruction from, List<Instruction> body, Environment globals) {
        Expansion image = expand(from.image().text(), globals::value);
        Optional<String> name = from.stageName().map(word -> word.text().indexOf('$') < 0 ? word.text()
                : expand(word.text(), globals::value).value());
        Optional<Expansion> platform = from.platform().map(value -> expand(value, globals::value));
        OptionalInt parent = OptionalInt.empty();
        for (Stage stage : earlier) {
            if (stage.name().map(image.value()::equalsIgnoreCase).orElse(false)) {
                parent = OptionalInt.of(stage.index());
            }
        }
        VariableScope scope = new VariableScope();
        if (parent.isPresent()) {
            Map<String, Binding> inherited = earlier.get(parent.getAsInt()).environmentAtEnd().bindings().stream()
                    .filter(binding -> !binding.isArg())
                    .collect(Collectors.toMap(Binding::name, binding -> binding,
                            (a, b) -> b, LinkedHashMap::new));
            for (Binding binding : inherited.values()) {
                scope.declare(-1, new Binding(binding.name(), binding.value(), Binding.Kind.INHERITED_ENV,
                        binding.declaredAt()));
            }
        }
        for (int k = 0; k < body.size(); k++) {
            Instruction instruction = body.get(k);
            if (instruction instanceof ArgInstruction arg) {
                declareArgs(scope, k, arg, globals);
            } else if (instruction instanceof EnvInstruction env) {
                int index = k;
                for (KeyValue pair : env.pairs()) {
                    Optional<String> value = expandWithinBudget(pair.rawValue(),
                            variable -> scope.lookup(variable, index).flatMap(Binding::value));
                    scope.declare(k, new Binding(pair.key(), value, Binding.Kind.ENV, Optional.of(pair.position())));
                }
            }
        }
        return new Stage(earlier.size(), name, from, image, parent, platform, body, scope, expander);
    }

    /** ARGs of one instruction; inside a stage ({@code globals} set) a bare ARG takes the global value. */
    private void declareArgs(VariableScope scope, int index, ArgInstruction arg, Environment globals) {
        Binding.Kind kind = globals == null ? Binding.Kind.GLOBAL_ARG : Binding.Kind.ARG;
        for (ArgDeclaration declaration : arg.declarations()) {
            Optional<String> value;
            if (declaration.rawDefault().isPresent()) {
                value = expandWithinBudget(declaration.rawDefault().get(),
                        name -> scope.lookup(name, index).flatMap(Binding::value));
            } else {
                value = globals == null ? Optional.empty() : globals.value(declaration.name());
            }
            scope.declare(index, new Binding(declaration.name(), value, kind, Optional.of(declaration.position())));
        }
    }

    private Expansion expand(String word, Function<String, Optional<String>> lookup) {
        return expander.expandWord(word, lookup);
    }

    private Optional<String> expandWithinBudget(String word,
            Function<String, Optional<String>> lookup) {
        if (budget <= 0) {
            return Optional.empty();
        }
        Expansion expansion = expander.expandWord(word, lookup);
        budget -= expansion.value().length();
        return expansion.isExact() ? Optional.of(expansion.value()) : Optional.empty();
    }
}

package dev.plimsoll.check.cis;

import java.util.ArrayList;
import java.util.List;

/** What an input reader got out of its input: the targets it could read and the problems with the rest. */
public record Loaded<T>(List<T> items, List<InputProblem> problems) {
    public Loaded {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public static <T> Loaded<T> of(List<T> items) {
        return new Loaded<>(items, List.of());
    }

    public static <T> Loaded<T> failed(InputProblem problem) {
        return new Loaded<>(List.of(), List.of(problem));
    }

    public Loaded<T> plus(Loaded<T> other) {
        List<T> all = new ArrayList<>(items);
        all.addAll(other.items);
        List<InputProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(other.problems);
        return new Loaded<>(all, allProblems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every declaration of a stage (or of the global ARG scope) with the instruction index it takes effect after, so that
 * the environment before any instruction is a cheap view ({@link Environment}) rather than a copy per instruction.
 * Built once by {@link StageBuilder}, never changed afterwards.
 */
final class VariableScope {
    /** A declaration effective for instructions after {@code index}. */
    private record Entry(int index, Binding binding) {
    }

    private static final class History {
        final List<Entry> envs = new ArrayList<>(2);
        final List<Entry> args = new ArrayList<>(2);
    }

    private final Map<String, History> histories = new LinkedHashMap<>();

    /** Declares a variable at instruction {@code index} (-1: from the start). Indexes must not decrease. */
    void declare(int index, Binding binding) {
        History history = histories.computeIfAbsent(binding.name(), name -> new History());
        (binding.isArg() ? history.args : history.envs).add(new Entry(index, binding));
    }

    /**
     * The binding visible before instruction {@code index}: an ENV always wins over an ARG of the same name, as the
     * Dockerfile reference says; otherwise the latest declaration.
     */
    Optional<Binding> lookup(String name, int index) {
        History history = histories.get(name);
        if (history == null) {
            return Optional.empty();
        }
        Entry env = latestBefore(history.envs, index);
        if (env != null) {
            return Optional.of(env.binding());
        }
        Entry arg = latestBefore(history.args, index);
        return arg == null ? Optional.empty() : Optional.of(arg.binding());
    }

    List<Binding> visible(int index) {
        List<Binding> bindings = new ArrayList<>();
        for (String name : histories.keySet()) {
            lookup(name, index).ifPresent(bindings::add);
        }
        return bindings;
    }

    /** The ENV bindings in effect at the end, for a stage built FROM this one. */
    Map<String, Binding> envsAtEnd() {
        Map<String, Binding> envs = new HashMap<>();
        for (Map.Entry<String, History> entry : histories.entrySet()) {
            List<Entry> list = entry.getValue().envs;
            if (!list.isEmpty()) {
                envs.put(entry.getKey(), list.get(list.size() - 1).binding());
            }
        }
        return envs;
    }

    private static Entry latestBefore(List<Entry> entries, int index) {
        // Declarations are added in index order; lists are short, and binary search keeps hostile ones cheap.
        int low = 0;
        int high = entries.size() - 1;
        Entry found = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).index() < index) {
                found = entries.get(mid);
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}

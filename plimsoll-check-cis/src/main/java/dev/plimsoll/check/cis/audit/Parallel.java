package dev.plimsoll.check.cis.audit;

import java.util.List;
import java.util.stream.Stream;

/**
 * How an audit walks its targets: in parallel when there are enough of them to be worth the second core (a Compose
 * project or a directory of manifests with hundreds of services), in order otherwise (one docker run line, where
 * starting the common pool would cost more than the checks). Checks are pure functions of their target, and the
 * streams are ordered, so results come out in the same order either way.
 */
public final class Parallel {
    /** Below this many targets an audit stays on the calling thread. */
    static final int THRESHOLD = 64;

    private Parallel() {
    }

    public static <T> Stream<T> stream(List<T> items) {
        return items.size() >= THRESHOLD ? items.parallelStream() : items.stream();
    }
}

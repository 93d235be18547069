package dev.plimsoll.fs;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property: on any generated layer stack the top-down walk equals the naive bottom-up reference. */
class SquashProperties {

    @Property(tries = 1000)
    void topDownSquashEqualsBottomUpReference(@ForAll("stacks") List<List<LayerOp>> stack,
                                              @ForAll boolean spillEverything) throws Exception {
        SquashEquivalence.check(stack, spillEverything);
    }

    @Provide
    Arbitrary<List<List<LayerOp>>> stacks() {
        return op().list().ofMaxSize(12).list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<String> path() {
        return Arbitraries.of(SquashEquivalence.UNIVERSE);
    }

    private static Arbitrary<String> name() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(16, path()),
                net.jqwik.api.Tuple.of(1, path().map(p -> "./" + p)),
                net.jqwik.api.Tuple.of(1, path().map(p -> "/" + p)),
                net.jqwik.api.Tuple.of(1, path().map(p -> "x/../" + p)),
                net.jqwik.api.Tuple.of(1, path().map(p -> "../" + p)));
    }

    private static Arbitrary<String> symlinkTarget() {
        return Arbitraries.oneOf(path(), path().map(p -> "/" + p), path().map(p -> "../" + p),
                path().map(p -> "../../../" + p), Arbitraries.just("."));
    }

    private static Arbitrary<LayerOp> op() {
        Arbitrary<Integer> mode = Arbitraries.of(0644, 0755, 04755, 0600, 0777);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Combinators.combine(name(), mode)
                        .as((n, m) -> new LayerOp(LayerOp.Kind.FILE, n, null, m))),
                net.jqwik.api.Tuple.of(15, Combinators.combine(Arbitraries.oneOf(name(), Arbitraries.just(".")), mode)
                        .as((n, m) -> new LayerOp(LayerOp.Kind.DIR, n, null, m))),
                net.jqwik.api.Tuple.of(10, Combinators.combine(name(), symlinkTarget())
                        .as((n, t) -> new LayerOp(LayerOp.Kind.SYMLINK, n, t, 0777))),
                net.jqwik.api.Tuple.of(10, Combinators.combine(name(), name())
                        .as((n, t) -> new LayerOp(LayerOp.Kind.HARDLINK, n, t, 0644))),
                net.jqwik.api.Tuple.of(15, name().map(n -> new LayerOp(LayerOp.Kind.WHITEOUT, n, null, 0))),
                net.jqwik.api.Tuple.of(8, Arbitraries.oneOf(name(), Arbitraries.just("."))
                        .map(n -> new LayerOp(LayerOp.Kind.OPAQUE, n, null, 0))),
                net.jqwik.api.Tuple.of(4, name().map(n -> new LayerOp(LayerOp.Kind.DEVICE, n, null, 0666))),
                net.jqwik.api.Tuple.of(2, path().map(p -> new LayerOp(LayerOp.Kind.FILE, p + "/.wh.x/y", null, 0644))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new LayerOp(LayerOp.Kind.FILE, ".", null, 0644))));
    }
}

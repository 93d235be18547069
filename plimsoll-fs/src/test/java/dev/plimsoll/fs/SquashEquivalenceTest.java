package dev.plimsoll.fs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The top-down walk against the bottom-up reference on seeded random stacks. Complements the jqwik property in
 * {@link SquashProperties} with a fixed, reproducible corpus that runs on JUnit alone.
 */
class SquashEquivalenceTest {

    @Test
    void topDownAgreesWithBottomUpOnTwoThousandSeededStacks() throws Exception {
        for (long seed = 0; seed < 2000; seed++) {
            List<List<LayerOp>> stack = SquashEquivalence.randomStack(new Random(seed));
            try {
                SquashEquivalence.check(stack, seed % 2 == 0);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ":\n" + e.getMessage(), e);
            }
        }
    }
}

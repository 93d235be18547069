package dev.plimsoll.version.gem;

import java.math.BigInteger;
import java.util.Objects;

/** One run of digits or of letters in a RubyGems version ("1.0.rc2" is 1, 0, rc, 2). */
public sealed interface GemSegment permits GemSegment.Numeric, GemSegment.Alpha {

    /** A digit run; arbitrary size, like Ruby's Integer. */
    record Numeric(BigInteger value) implements GemSegment {
        public Numeric {
            Objects.requireNonNull(value);
        }

        boolean isZero() {
            return value.signum() == 0;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A letter run; compared byte by byte, so case matters ("B" sorts before "a"), as in Ruby. */
    record Alpha(String letters) implements GemSegment {
        public Alpha {
            Objects.requireNonNull(letters);
        }

        @Override
        public String toString() {
            return letters;
        }
    }
}

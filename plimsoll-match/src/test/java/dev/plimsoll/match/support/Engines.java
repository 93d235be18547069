package dev.plimsoll.match.support;

import dev.plimsoll.match.MatchEngine;
import dev.plimsoll.match.Matchers;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.vulndb.VulnDb;

/** Match engines for tests. */
public final class Engines {
    private Engines() {
    }

    /** The engine with the standard matchers on the given schemes. */
    public static MatchEngine engine(VulnDb db, SchemeSource schemes) {
        return new MatchEngine(db, Matchers.standard(), schemes);
    }
}

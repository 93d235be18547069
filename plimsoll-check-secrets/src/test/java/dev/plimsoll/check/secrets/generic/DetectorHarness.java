package dev.plimsoll.check.secrets.generic;

import dev.plimsoll.check.secrets.engine.Candidate;
import dev.plimsoll.check.secrets.engine.Engine;
import dev.plimsoll.check.secrets.engine.ScanText;
import java.util.List;

/** Runs the generic detectors alone over a text and returns what the engine keeps: rule id and secret. */
final class DetectorHarness {
    private static final Engine ENGINE = new Engine(GenericDetectors.all(), List.of());

    private DetectorHarness() {
    }

    record Hit(String rule, String secret) {
    }

    static List<Hit> scan(String path, String text) {
        List<Candidate> cs = ENGINE.scan(new ScanText(text, path));
        return cs.stream().map(c -> new Hit(c.rule().id(), c.secret())).toList();
    }
}

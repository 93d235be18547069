package dev.plimsoll.check.cis.input;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under src/test/resources/input. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/input/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + relative, e);
        }
    }
}

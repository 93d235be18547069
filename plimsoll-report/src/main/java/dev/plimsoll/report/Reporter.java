package dev.plimsoll.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Writes a {@link Report} in one format. Implementations are stateless and thread-safe, write UTF-8, never close
 * {@code out}, and write the same bytes for the same report: output is sorted, times come from the report, and
 * document ids from an injected {@link DocumentIds}. A new format (SARIF, JUnit, HTML) is one implementation plus
 * one entry in {@link Reporters#standard()}.
 */
public interface Reporter {

    /** The canonical format name users pass to {@code --format}: "table", "json", "cyclonedx", "spdx-json". */
    String format();

    /** Other names accepted for this format; lower case. */
    Set<String> aliases();

    void write(Report report, OutputStream out) throws IOException;
}

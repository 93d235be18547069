package dev.plimsoll.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

/**
 * Plimsoll's own JSON report: the whole scan (target, image, OS, completeness, problems, packages with their
 * format-specific metadata, findings of every kind) in a stable, versioned schema for scripts and CI. The schema is
 * {@code schema/plimsoll-report.schema.json} on the classpath; {@code schemaVersion} changes only on incompatible
 * changes, and fields may be added without one.
 */
public final class JsonReporter implements Reporter {
    /** Classpath location of the JSON Schema describing this format. */
    public static final String SCHEMA_RESOURCE = "schema/plimsoll-report.schema.json";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        ReportJson.write(out, g -> JsonReportWriter.write(g, report));
    }
}

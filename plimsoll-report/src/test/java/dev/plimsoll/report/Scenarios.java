package dev.plimsoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Shared helpers for tests that run over every sample scan. */
final class Scenarios {
    private Scenarios() {
    }

    /** (name, report supplier) for every sample scan, in name order. */
    static Stream<Arguments> all() {
        return byName().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** The sample scans and the findings scans (hostile text, a policy verdict). */
    static Map<String, Supplier<Report>> byName() {
        Map<String, Supplier<Report>> all = new TreeMap<>(SampleScans.all());
        all.putAll(FindingScans.all());
        return all;
    }

    static byte[] render(Reporter reporter, Report report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reporter.write(report, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return ReportJson.newMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

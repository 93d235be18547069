package dev.plimsoll.vulndb.build.feedio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** JSON reading shared by the feeds: one configured mapper, and the small lenient accessors feed records need. */
public final class FeedJson {
    /** Feed records nest a handful of levels; a deep nest is an attack on the parser's stack, not data. */
    private static final int MAX_NESTING = 64;
    /** The longest string a feed record plausibly holds (a long advisory text); anything longer is refused. */
    private static final int MAX_STRING = 8 * 1024 * 1024;

    private final JsonMapper mapper;

    public FeedJson() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** The text of {@code node.field} when it is a non-blank string. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank()
                ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    /**
     * A feed timestamp: RFC 3339 with or without fraction and offset; a time without offset (NVD writes
     * "2024-01-19T16:15:08.583") is UTC; a bare date is its start in UTC.
     */
    public static Optional<Instant> instant(String text) {
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        }
    }
}

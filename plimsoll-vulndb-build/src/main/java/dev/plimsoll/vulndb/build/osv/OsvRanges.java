package dev.plimsoll.vulndb.build.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OSV {@code affected[].ranges} to the core model, enforcing the schema's rules on events: each event has exactly
 * one of introduced/fixed/last_affected/limit, a range has at least one introduced event and never both fixed and
 * last_affected. GIT ranges are commit hashes, which no installed package carries, so they are dropped and the
 * entry's {@code versions} list stands for them.
 */
final class OsvRanges {
    private static final Map<String, EventKind> EVENT_KINDS = Map.of(
            "introduced", EventKind.INTRODUCED, "fixed", EventKind.FIXED,
            "last_affected", EventKind.LAST_AFFECTED, "limit", EventKind.LIMIT);

    /** One affected entry's version ranges, the versions their fixed events name, whether GIT ranges were dropped. */
    record Converted(List<AffectedRange> ranges, List<String> fixedVersions, boolean droppedGit) {
        Converted {
            ranges = List.copyOf(ranges);
            fixedVersions = List.copyOf(fixedVersions);
        }
    }

    private OsvRanges() {
    }

    /** {@code rangesNode} may be absent (null): an entry described by its versions list alone. */
    static Converted convert(JsonNode rangesNode) throws InvalidRecordException {
        if (rangesNode == null || rangesNode.isNull()) {
            return new Converted(List.of(), List.of(), false);
        }
        if (!rangesNode.isArray()) {
            throw new InvalidRecordException("ranges is not a list");
        }
        List<AffectedRange> ranges = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        boolean droppedGit = false;
        for (int i = 0; i < rangesNode.size(); i++) {
            JsonNode range = rangesNode.get(i);
            String where = "ranges[" + i + "]";
            JsonNode typeNode = range.get("type");
            if (typeNode == null || !typeNode.isTextual()) {
                throw new InvalidRecordException(where + " has no type");
            }
            List<AffectedRange.Event> events = events(range.get("events"), where);
            switch (typeNode.asText()) {
                case "SEMVER" -> ranges.add(new AffectedRange.Events(AffectedRange.RangeType.SEMVER, events));
                case "ECOSYSTEM" -> ranges.add(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, events));
                case "GIT" -> droppedGit = true;
                default -> throw new InvalidRecordException(where + " has unknown type \"" + typeNode.asText() + "\"");
            }
            if (!typeNode.asText().equals("GIT")) {
                events.stream().filter(e -> e.kind() == EventKind.FIXED).map(AffectedRange.Event::version)
                        .filter(v -> !fixed.contains(v)).forEach(fixed::add);
            }
        }
        return new Converted(ranges, fixed, droppedGit);
    }

    private static List<AffectedRange.Event> events(JsonNode eventsNode, String where) throws InvalidRecordException {
        if (eventsNode == null || !eventsNode.isArray() || eventsNode.isEmpty()) {
            throw new InvalidRecordException(where + " has no events");
        }
        List<AffectedRange.Event> events = new ArrayList<>(eventsNode.size());
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        for (int j = 0; j < eventsNode.size(); j++) {
            JsonNode event = eventsNode.get(j);
            if (!event.isObject() || event.size() != 1) {
                throw new InvalidRecordException(where + ".events[" + j + "] must have exactly one of "
                        + "introduced, fixed, last_affected, limit");
            }
            Map.Entry<String, JsonNode> field = event.properties().iterator().next();
            EventKind kind = EVENT_KINDS.get(field.getKey());
            if (kind == null) {
                throw new InvalidRecordException(where + ".events[" + j + "] has unknown event \""
                        + field.getKey() + "\"");
            }
            if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
                throw new InvalidRecordException(where + ".events[" + j + "]." + field.getKey()
                        + " is not a version string");
            }
            kinds.add(kind);
            events.add(new AffectedRange.Event(kind, field.getValue().asText().strip()));
        }
        if (!kinds.contains(EventKind.INTRODUCED)) {
            throw new InvalidRecordException(where + " has no introduced event");
        }
        if (kinds.contains(EventKind.FIXED) && kinds.contains(EventKind.LAST_AFFECTED)) {
            throw new InvalidRecordException(where + " has both fixed and last_affected events");
        }
        return events;
    }
}

package dev.plimsoll.core.advisory;

import java.util.List;
import java.util.Objects;

/**
 * Which versions an advisory covers, kept as the feed wrote it and evaluated by {@code plimsoll-version}:
 * OSV-style events, or an expression in the ecosystem's own constraint syntax.
 */
public sealed interface AffectedRange permits AffectedRange.Events, AffectedRange.Constraint {

    /** OSV {@code ranges[]} entry of type SEMVER or ECOSYSTEM: events in the order the feed gave them. */
    record Events(RangeType type, List<Event> events) implements AffectedRange {
        public Events {
            Objects.requireNonNull(type);
            events = List.copyOf(events);
        }
    }

    enum RangeType { SEMVER, ECOSYSTEM }

    record Event(EventKind kind, String version) {
        public Event {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(version);
        }
    }

    /** {@code introduced: "0"} means "from the first version". */
    enum EventKind { INTRODUCED, FIXED, LAST_AFFECTED, LIMIT }

    /**
     * Native constraint expressions: a version is affected when it satisfies any of {@code anyOf} (each in the
     * syntax's own AND/OR grammar), or, when {@code negated}, when it satisfies none of them (RubySec lists the
     * patched and unaffected requirements, not the affected ones).
     */
    record Constraint(ConstraintSyntax syntax, List<String> anyOf, boolean negated) implements AffectedRange {
        public Constraint {
            Objects.requireNonNull(syntax);
            anyOf = List.copyOf(anyOf);
        }
    }

    /** Constraint grammars: node-semver ranges, RubyGems requirements, Composer constraints, PEP 440 specifiers,
     * Maven version ranges, NuGet ranges. */
    enum ConstraintSyntax { NPM, GEM, COMPOSER, PEP440, MAVEN, NUGET }
}

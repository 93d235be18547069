package dev.plimsoll.vulndb.build.debian;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tracker says about one (source package, issue, release), read from the release's object in the
 * tracker JSON ({@code status}, {@code fixed_version}, {@code urgency}, {@code nodsa}, {@code nodsa_reason}):
 * <ul>
 * <li>resolved, fixed_version "0": never affected (the tracker's convention) → NotAffected;</li>
 * <li>resolved, fixed_version V: versions before V are affected → Fixed(V), range introduced 0 / fixed V;</li>
 * <li>resolved without a fixed version: the tracker counts the release as not vulnerable → NotAffected;</li>
 * <li>open with urgency end-of-life → WontFix("end-of-life");</li>
 * <li>open with a {@code nodsa} key (present even when its comment is empty) → WontFix(nodsa_reason: "ignored",
 * "postponed"; "no-dsa" when there is no reason): the release stays affected, Debian will not issue a DSA;</li>
 * <li>open otherwise → NotFixed, every version;</li>
 * <li>undetermined → NotFixed, every version, with {@code note} saying the tracker has not settled it.</li>
 * </ul>
 *
 * @param note text the advisory title carries in addition to the description; empty for none
 */
record TrackerReleaseState(FixState fix, List<AffectedRange> ranges, String note) {
    TrackerReleaseState {
        Objects.requireNonNull(fix);
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(note);
    }

    /** The state, or why the release object cannot be read. */
    static Result read(JsonNode release) {
        if (!release.isObject()) {
            return new Result.Invalid("release entry is not an object");
        }
        JsonNode statusNode = release.get("status");
        if (statusNode == null || !statusNode.isTextual()) {
            return new Result.Invalid("release entry without a status");
        }
        JsonNode fixedNode = release.get("fixed_version");
        if (fixedNode != null && !fixedNode.isTextual() && !fixedNode.isNull()) {
            return new Result.Invalid("fixed_version is not a string: " + fixedNode);
        }
        Optional<String> fixed = FeedJson.text(release, "fixed_version");
        String urgency = FeedJson.text(release, "urgency").orElse("");
        String status = statusNode.asText().strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "resolved" -> new Result.Read(resolved(fixed));
            case "open" -> new Result.Read(new TrackerReleaseState(open(release, urgency), List.of(), ""));
            case "undetermined" -> new Result.Read(new TrackerReleaseState(new FixState.NotFixed(), List.of(),
                    "undetermined in the Debian tracker: not yet known whether this release is affected"));
            default -> new Result.Invalid("unknown status '" + statusNode.asText() + "'");
        };
    }

    private static TrackerReleaseState resolved(Optional<String> fixed) {
        if (fixed.isEmpty()) {
            return new TrackerReleaseState(new FixState.NotAffected("resolved without a fixed version"), List.of(), "");
        }
        if (fixed.get().equals("0")) {
            return new TrackerReleaseState(new FixState.NotAffected("never affected (fixed version 0)"), List.of(), "");
        }
        FixState.Fixed fix = new FixState.Fixed(List.of(fixed.get()));
        return new TrackerReleaseState(fix, DebianListFeed.ranges(fix), "");
    }

    private static FixState open(JsonNode release, String urgency) {
        if (urgency.replace("*", "").strip().equalsIgnoreCase("end-of-life")) {
            return new FixState.WontFix("end-of-life");
        }
        if (release.has("nodsa") && !release.get("nodsa").isNull()) {
            String reason = FeedJson.text(release, "nodsa_reason").orElse("").toLowerCase(Locale.ROOT);
            return new FixState.WontFix(reason.isEmpty() ? "no-dsa" : reason);
        }
        return new FixState.NotFixed();
    }

    /** A release entry read, or why not. */
    sealed interface Result {
        record Read(TrackerReleaseState state) implements Result {
        }

        record Invalid(String reason) implements Result {
        }
    }
}

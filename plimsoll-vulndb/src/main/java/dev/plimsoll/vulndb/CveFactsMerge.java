package dev.plimsoll.vulndb;

import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Merges partial facts about one CVE (KEV gives the listing, EPSS the scores, NVD the vectors and description) into
 * one record. Where both sides have a value the first wins; the writer orders the partials canonically first, so the
 * result does not depend on which feed finished first.
 */
public final class CveFactsMerge {
    private CveFactsMerge() {
    }

    public static CveFacts merge(CveFacts first, CveFacts second) {
        if (!first.cve().equals(second.cve())) {
            throw new IllegalArgumentException("cannot merge facts of " + first.cve() + " and " + second.cve());
        }
        LinkedHashSet<Cvss> cvss = new LinkedHashSet<>(first.nvdCvss());
        cvss.addAll(second.nvdCvss());
        return new CveFacts(first.cve(),
                first.knownExploited() || second.knownExploited(),
                earliest(first.kevDateAdded(), second.kevDateAdded()),
                either(first.epss(), second.epss()),
                either(first.epssPercentile(), second.epssPercentile()),
                new ArrayList<>(cvss),
                first.description().or(second::description));
    }

    public static CveFacts mergeAll(List<CveFacts> partials) {
        CveFacts merged = partials.getFirst();
        for (int i = 1; i < partials.size(); i++) {
            merged = merge(merged, partials.get(i));
        }
        return merged;
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().isAfter(b.get()) ? b : a;
        }
        return a.or(() -> b);
    }

    private static OptionalDouble either(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() ? a : b;
    }
}

package dev.plimsoll.core.advisory;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Facts about one CVE from the cross-ecosystem feeds, merged per CVE: CISA KEV, EPSS, NVD.
 *
 * @param knownExploited listed in CISA's Known Exploited Vulnerabilities catalogue
 * @param kevDateAdded   when CISA listed it
 * @param epss           EPSS probability (0..1)
 * @param epssPercentile EPSS percentile (0..1)
 * @param nvdCvss        NVD's CVSS vectors (used when the vendor gives none)
 * @param description    NVD's English description
 */
public record CveFacts(String cve, boolean knownExploited, Optional<LocalDate> kevDateAdded, OptionalDouble epss,
                       OptionalDouble epssPercentile, List<Cvss> nvdCvss, Optional<String> description) {
    public CveFacts {
        Objects.requireNonNull(cve);
        Objects.requireNonNull(kevDateAdded);
        Objects.requireNonNull(epss);
        Objects.requireNonNull(epssPercentile);
        nvdCvss = List.copyOf(nvdCvss);
        Objects.requireNonNull(description);
    }
}

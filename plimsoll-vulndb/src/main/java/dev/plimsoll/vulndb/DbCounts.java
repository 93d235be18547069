package dev.plimsoll.vulndb;

/**
 * How much a database holds.
 *
 * @param packages   package keys with at least one advisory
 * @param advisories advisories over all packages
 * @param cves       CVEs with merged facts (KEV, EPSS, NVD)
 */
public record DbCounts(long packages, long advisories, long cves) {
}

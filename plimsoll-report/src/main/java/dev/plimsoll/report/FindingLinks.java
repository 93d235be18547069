package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/** Where a reader learns more about a finding: links that reports may render, only ever absolute http(s) URLs. */
final class FindingLinks {
    private FindingLinks() {
    }

    /** The finding's first http(s) reference, else its advisory's page at the publisher the id names. */
    static Optional<URI> primary(Finding finding) {
        for (URI u : finding.references()) {
            if (MarkdownText.httpUrl(u)) {
                return Optional.of(u);
            }
        }
        Optional<Advisories.Source> source = Advisories.sourceOf(finding.ruleId().value());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(source.get().url())).filter(MarkdownText::httpUrl);
        } catch (URISyntaxException e) {
            return Optional.empty(); // an id with characters no URL may hold has no page to link to
        }
    }

    /** The finding's http(s) references, in its order; others (relative, mailto:, javascript:) are left out. */
    static List<URI> references(Finding finding) {
        List<URI> all = finding.references();
        for (URI u : all) {
            if (!MarkdownText.httpUrl(u)) {
                return all.stream().filter(MarkdownText::httpUrl).toList();
            }
        }
        return all; // the usual case, without a copy: reports ask once per finding
    }
}

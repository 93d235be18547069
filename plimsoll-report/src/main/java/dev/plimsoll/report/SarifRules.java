package dev.plimsoll.report;

import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SARIF rules (reportingDescriptors) of a report: one per rule or advisory id, whatever number of packages or
 * files it was found in, sorted by id so that {@code ruleIndex} is stable. A rule takes its title and severity from
 * its most severe finding.
 *
 * <p>{@code properties.security-severity} is what GitHub code scanning ranks security alerts by. GitHub documents
 * the bands as "over 9.0 is critical, 7.0 to 8.9 is high, 4.0 to 6.9 is medium and 3.9 or less is low". A rule gets
 * a published CVSS base score when that score falls in the band of the finding's own severity, and otherwise the
 * middle of that band (CRITICAL 9.5, HIGH 8.0, MEDIUM 5.5, LOW 2.0): Plimsoll's severity is the one policies judge
 * by (often a distribution's rating, which may differ from NVD's score), so GitHub must show the same one. UNKNOWN
 * gets no score, and GitHub falls back to the level. Every score stays in the rule's {@code cvss} property.
 */
final class SarifRules {
    /** A title is one line; GitHub shows it as the alert's heading. */
    static final int TITLE_LIMIT = 1000;
    /** The fix and reference lists of a rule's help, beyond which it says how many more there are. */
    static final int LIST_LIMIT = 20;

    /** One rule, its text untrusted but cleaned; JSON and Markdown escaping are the writer's. */
    record Rule(String id, Severity severity, Optional<String> securitySeverity, String shortDescription,
                String fullDescription, String helpText, String helpMarkdown, Optional<URI> helpUri,
                List<String> tags, List<Cvss> cvss) {
    }

    private final List<Rule> rules;
    private final Map<String, Integer> indexes;

    private SarifRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            idx.put(rules.get(i).id(), i);
        }
        this.indexes = Map.copyOf(idx);
    }

    /** The rules of {@code findings}, which must be in report order (most severe first). */
    static SarifRules of(List<Finding> findings) {
        Map<String, List<Finding>> byId = new TreeMap<>();
        for (Finding f : findings) {
            byId.computeIfAbsent(idOf(f), k -> new ArrayList<>()).add(f);
        }
        List<Rule> rules = new ArrayList<>(byId.size());
        byId.forEach((id, same) -> rules.add(rule(id, same)));
        return new SarifRules(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    /** The rule id SARIF shows for {@code finding}: its rule id, cleaned like any text from a feed. */
    static String idOf(Finding finding) {
        return UntrustedText.line(finding.ruleId().value(), TITLE_LIMIT);
    }

    int indexOf(Finding finding) {
        Integer i = indexes.get(idOf(finding));
        if (i == null) {
            throw new IllegalArgumentException("no rule for " + finding.ruleId());
        }
        return i;
    }

    private static Rule rule(String id, List<Finding> findings) {
        Finding first = findings.get(0);
        Severity severity = first.severity();
        String title = first.title().isBlank() ? id : UntrustedText.line(first.title(), TITLE_LIMIT);

        Set<String> aliases = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        Set<String> ecosystems = new TreeSet<>();
        List<Cvss> cvss = new ArrayList<>();
        boolean knownExploited = false;
        for (Finding f : findings) {
            kinds.add(f.kind().name().toLowerCase(Locale.ROOT));
            if (f instanceof VulnerabilityFinding v) {
                aliases.addAll(v.aliases());
                ecosystems.add(v.pkg().ecosystem().purlType());
                knownExploited |= v.knownExploited();
                for (Cvss c : v.cvss()) {
                    if (!cvss.contains(c)) {
                        cvss.add(c);
                    }
                }
            }
        }
        List<String> tags = new ArrayList<>();
        tags.add("security");
        tags.addAll(kinds);
        tags.addAll(ecosystems);

        String full = aliases.isEmpty() ? title
                : UntrustedText.cap(title + " (also known as " + String.join(", ", aliases) + ")", 2 * TITLE_LIMIT);
        Help help = new Help(id, title, severity);
        help.list("Also known as", aliases.stream().map(a -> UntrustedText.line(a, TITLE_LIMIT)).toList());
        if (knownExploited) {
            help.line("Known exploited: listed in CISA's Known Exploited Vulnerabilities catalogue.");
        }
        help.list("Fix", fixes(findings));
        help.references(references(findings));
        return new Rule(id, severity, securitySeverity(findings, severity), title, UntrustedText.line(full),
                help.text(), help.markdown(), FindingLinks.primary(first), List.copyOf(tags), List.copyOf(cvss));
    }

    /** A published CVSS score in the band of the severity, else the middle of the band; none for UNKNOWN. */
    static Optional<String> securitySeverity(List<Finding> findings, Severity severity) {
        for (Finding f : findings) {
            if (f.severity() == severity && f instanceof VulnerabilityFinding v) {
                for (Cvss c : v.cvss()) {
                    if (c.score().isPresent() && band(c.score().get()) == severity) {
                        return Optional.of(score(c.score().get()));
                    }
                }
            }
        }
        return switch (severity) {
            case CRITICAL -> Optional.of("9.5");
            case HIGH -> Optional.of("8.0");
            case MEDIUM -> Optional.of("5.5");
            case LOW -> Optional.of("2.0");
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The CVSS v3 qualitative rating of a base score; 0.0 ("none") has no Plimsoll severity. */
    static Severity band(double score) {
        if (score >= 9.0) {
            return Severity.CRITICAL;
        } else if (score >= 7.0) {
            return Severity.HIGH;
        } else if (score >= 4.0) {
            return Severity.MEDIUM;
        } else if (score >= 0.1) {
            return Severity.LOW;
        }
        return Severity.UNKNOWN;
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /** What fixes each finding, one line per distinct fix, in report order. */
    private static List<String> fixes(List<Finding> findings) {
        Set<String> fixes = new LinkedHashSet<>();
        for (Finding f : findings) {
            String fix = switch (f) {
                case VulnerabilityFinding v -> v.fixedVersions().isEmpty()
                        ? v.pkg().name() + " " + v.pkg().version() + ": no fixed version (" + v.status().label()
                        + (v.statusReason().isEmpty() ? "" : ": " + v.statusReason()) + ")"
                        : "upgrade " + v.pkg().name() + " " + v.pkg().version() + " to "
                        + String.join(" or ", v.fixedVersions());
                case MisconfigurationFinding m -> m.remediation().orElse("");
                case SecretFinding s -> s.fix().orElse("");
                case ComplianceFinding c -> c.remediation().orElse("");
            };
            if (!fix.isBlank()) {
                fixes.add(UntrustedText.line(fix, TITLE_LIMIT));
            }
        }
        return List.copyOf(fixes);
    }

    private static List<URI> references(List<Finding> findings) {
        Set<URI> refs = new LinkedHashSet<>();
        findings.forEach(f -> refs.addAll(FindingLinks.references(f)));
        return List.copyOf(refs);
    }

    /** A rule's help, written once as plain text and once as Markdown with every untrusted part escaped. */
    private static final class Help {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder markdown = new StringBuilder();

        Help(String id, String title, Severity severity) {
            text.append(id).append(": ").append(title).append('\n')
                    .append("Severity: ").append(severity.name()).append('\n');
            markdown.append("**").append(MarkdownText.inline(id)).append("**: ")
                    .append(MarkdownText.inline(title)).append("\n\n")
                    .append("Severity: **").append(severity.name()).append("**\n");
        }

        void line(String trusted) {
            text.append(trusted).append('\n');
            markdown.append('\n').append(MarkdownText.inline(trusted)).append('\n');
        }

        void list(String heading, List<String> items) {
            if (items.isEmpty()) {
                return;
            }
            text.append(heading).append(":\n");
            markdown.append('\n').append(heading).append(":\n\n");
            for (String item : items.subList(0, Math.min(items.size(), LIST_LIMIT))) {
                text.append("- ").append(item).append('\n');
                markdown.append("- ").append(MarkdownText.inline(item)).append('\n');
            }
            more(items.size());
        }

        void references(List<URI> refs) {
            if (refs.isEmpty()) {
                return;
            }
            text.append("References:\n");
            markdown.append("\nReferences:\n\n");
            for (URI u : refs.subList(0, Math.min(refs.size(), LIST_LIMIT))) {
                String url = u.toASCIIString();
                text.append("- ").append(url).append('\n');
                markdown.append("- ").append(MarkdownText.link(url, Optional.of(u))).append('\n');
            }
            more(refs.size());
        }

        private void more(int size) {
            if (size > LIST_LIMIT) {
                String more = "- and " + (size - LIST_LIMIT) + " more\n";
                text.append(more);
                markdown.append(more);
            }
        }

        String text() {
            return text.toString().stripTrailing();
        }

        String markdown() {
            return markdown.toString().stripTrailing();
        }
    }
}

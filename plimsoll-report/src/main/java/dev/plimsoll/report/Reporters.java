package dev.plimsoll.report;

import dev.plimsoll.core.error.UsageException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reporters Plimsoll ships, as an explicit list: adding a format is one class and one line here, and a test keeps
 * every name and alias unique.
 */
public final class Reporters {
    private Reporters() {
    }

    /** Every built-in reporter, in the order help texts list them. */
    public static List<Reporter> standard() {
        return List.of(
                new TableReporter(),
                new JsonReporter(),
                new CycloneDxReporter(),
                new SpdxJsonReporter(),
                new SarifReporter(),
                new JUnitReporter(),
                new MarkdownReporter(),
                new HtmlReporter(),
                new DockerBenchReporter());
    }

    /**
     * The built-in reporter with this format name or alias, case-insensitively.
     *
     * @throws UsageException naming the known formats when there is none
     */
    public static Reporter byName(String formatOrAlias) {
        String wanted = formatOrAlias == null ? "" : formatOrAlias.trim().toLowerCase(Locale.ROOT);
        List<Reporter> all = standard();
        for (Reporter r : all) {
            if (r.format().equals(wanted) || r.aliases().contains(wanted)) {
                return r;
            }
        }
        throw new UsageException("unknown report format '" + formatOrAlias + "'; choose one of: " + describe(all));
    }

    private static String describe(List<Reporter> reporters) {
        return reporters.stream()
                .map(r -> r.aliases().isEmpty() ? r.format()
                        : r.format() + " (" + r.aliases().stream().sorted().collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }
}

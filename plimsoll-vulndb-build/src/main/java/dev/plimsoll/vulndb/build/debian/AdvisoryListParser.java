package dev.plimsoll.vulndb.build.debian;

import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the security tracker's advisory lists ({@code data/DSA/list}, {@code data/DLA/list}):
 * <pre>
 * [29 Mar 2023] DSA-5380-1 xorg-server - security update
 * 	{CVE-2023-1393}
 * 	[bullseye] - xorg-server 2:1.20.11-1+deb11u6
 * 	[lenny] - openoffice.org &lt;not-affected&gt; (Vulnerable code not present)
 * 	NOTE: free text
 * </pre>
 * Annotation lines are indented with a tab or with spaces (both occur). "NOTE:" lines are comments and are not read,
 * even when they quote a fix line. A line that fits none of the forms is reported and the rest of the entry is kept;
 * a header that does not parse is reported and its annotations are passed over with it.
 */
final class AdvisoryListParser {
    private static final Pattern HEADER =
            Pattern.compile("^\\[(\\d{1,2} [A-Za-z]{3} \\d{4})\\]\\s+([A-Z]+-\\d+(?:-\\d+)?)\\b\\s*(.*)$");
    private static final Pattern FIX = Pattern.compile(
            "^\\[([A-Za-z0-9.-]+)\\]\\s+-\\s+(\\S+)(?:\\s+([^\\s(]\\S*))?\\s*(?:\\((.*)\\))?\\s*$");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+~:-]+");
    private static final Pattern URGENCY = Pattern.compile("\\b(unimportant|low|medium|high)\\b");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** Receives the entries in file order and the lines that could not be read. */
    interface Listener {
        void advisory(ListAdvisory advisory);

        void problem(int line, String reason);
    }

    void parse(BufferedReader reader, Listener listener) throws IOException {
        Entry current = null;
        boolean passingOverBadEntry = false;
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                if (current != null) {
                    listener.advisory(current.build());
                }
                current = header(line, number, listener);
                passingOverBadEntry = current == null;
            } else if (current != null) {
                current.annotation(line.strip(), number, listener);
            } else if (!passingOverBadEntry) {
                listener.problem(number, "annotation before the first advisory: " + line.strip());
            }
        }
        if (current != null) {
            listener.advisory(current.build());
        }
    }

    private static Entry header(String line, int number, Listener listener) {
        Matcher m = HEADER.matcher(line);
        if (!m.matches()) {
            listener.problem(number, "not an advisory header: " + line);
            return null;
        }
        Optional<LocalDate> date;
        try {
            date = Optional.of(LocalDate.parse(m.group(1), DATE));
        } catch (DateTimeParseException e) {
            listener.problem(number, m.group(2) + ": date '" + m.group(1) + "' does not parse");
            date = Optional.empty();
        }
        return new Entry(m.group(2), date, m.group(3).strip().replaceAll("\\s+", " "), number);
    }

    /** The entry being read. */
    private static final class Entry {
        private final String id;
        private final Optional<LocalDate> date;
        private final String title;
        private final int line;
        private final List<String> cves = new ArrayList<>();
        private final List<ListFix> fixes = new ArrayList<>();

        Entry(String id, Optional<LocalDate> date, String title, int line) {
            this.id = id;
            this.date = date;
            this.title = title;
            this.line = line;
        }

        void annotation(String text, int number, Listener listener) {
            if (text.startsWith("NOTE:")) {
                return;
            }
            if (text.startsWith("{")) {
                aliases(text, number, listener);
            } else if (text.startsWith("[")) {
                fix(text, number, listener);
            } else {
                listener.problem(number, id + ": unrecognised line: " + text);
            }
        }

        private void aliases(String text, int number, Listener listener) {
            if (!text.endsWith("}")) {
                listener.problem(number, id + ": CVE list without closing brace: " + text);
                return;
            }
            for (String token : text.substring(1, text.length() - 1).trim().split("\\s+")) {
                if (CVE.matcher(token).matches()) {
                    if (!cves.contains(token)) {
                        cves.add(token);
                    }
                } else if (!token.isEmpty()) {
                    listener.problem(number, id + ": '" + token + "' in the CVE list is not a CVE id");
                }
            }
        }

        private void fix(String text, int number, Listener listener) {
            Matcher m = FIX.matcher(text);
            if (!m.matches() || m.group(3) == null) {
                listener.problem(number, id + ": fix line without a version or marker: " + text);
                return;
            }
            String note = m.group(4) == null ? "" : m.group(4).strip();
            Optional<FixState> state = state(m.group(3), note);
            if (state.isEmpty()) {
                listener.problem(number, id + ": '" + m.group(3) + "' is neither a version nor a known marker");
                return;
            }
            Matcher urgency = URGENCY.matcher(note.toLowerCase(Locale.ROOT));
            Optional<Severity> severity = urgency.find() ? DebianUrgency.severity(urgency.group(1)) : Optional.empty();
            fixes.add(new ListFix(m.group(1), m.group(2), state.get(), severity, number));
        }

        /** A version, or one of the tracker's markers in its place. */
        private static Optional<FixState> state(String token, String note) {
            return switch (token) {
                case "<not-affected>" -> Optional.of(new FixState.NotAffected(note.isEmpty() ? "not-affected" : note));
                case "<unfixed>" -> Optional.of(new FixState.NotFixed());
                case "<end-of-life>" -> Optional.of(new FixState.WontFix("end-of-life"));
                case "<no-dsa>" -> Optional.of(new FixState.WontFix("no-dsa"));
                case "<ignored>" -> Optional.of(new FixState.WontFix("ignored"));
                case "<postponed>" -> Optional.of(new FixState.WontFix("postponed"));
                // The tracker writes version 0 for "never affected".
                case "0" -> Optional.of(new FixState.NotAffected("fixed version 0: never affected"));
                default -> VERSION.matcher(token).matches()
                        ? Optional.of(new FixState.Fixed(List.of(token))) : Optional.empty();
            };
        }

        ListAdvisory build() {
            return new ListAdvisory(id, date, title, cves, fixes, line);
        }
    }
}

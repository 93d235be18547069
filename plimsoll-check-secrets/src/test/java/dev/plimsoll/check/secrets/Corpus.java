package dev.plimsoll.check.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A repository tree built in memory: files of lines, each line neutral, a planted positive (a format-valid fake of
 * some category, which must be found on that line) or a planted negative (a look-alike, which must not).
 */
final class Corpus {
    enum Kind { NEUTRAL, POSITIVE, NEGATIVE }

    record Line(String text, Kind kind, String category) {
    }

    final Map<String, List<Line>> files = new LinkedHashMap<>();

    FileBuilder file(String path) {
        return new FileBuilder(files.computeIfAbsent(path, p -> new ArrayList<>()));
    }

    static final class FileBuilder {
        private final List<Line> lines;

        FileBuilder(List<Line> lines) {
            this.lines = lines;
        }

        FileBuilder n(String... texts) {
            for (String t : texts) {
                for (String l : t.split("\n", -1)) {
                    lines.add(new Line(l, Kind.NEUTRAL, null));
                }
            }
            return this;
        }

        /** A positive on this line; any following lines of a multi-line text are neutral. */
        FileBuilder p(String category, String text) {
            String[] ls = text.split("\n", -1);
            lines.add(new Line(ls[0], Kind.POSITIVE, category));
            for (int i = 1; i < ls.length; i++) {
                lines.add(new Line(ls[i], Kind.NEUTRAL, null));
            }
            return this;
        }

        FileBuilder x(String category, String text) {
            String[] ls = text.split("\n", -1);
            for (String l : ls) {
                lines.add(new Line(l, Kind.NEGATIVE, category));
            }
            return this;
        }
    }

    static String content(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }
}

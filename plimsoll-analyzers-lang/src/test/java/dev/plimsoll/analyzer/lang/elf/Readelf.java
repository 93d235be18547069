package dev.plimsoll.analyzer.lang.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What binutils' {@code readelf -SlW} printed of a fixture (the .readelf.txt beside it), for differential tests. */
public record Readelf(List<ElfSection> sections, List<ElfSegment> loads) {
    private static final Pattern SECTION = Pattern.compile("\\s*\\[\\s*\\d+]\\s(.*)");
    private static final Pattern SEGMENT = Pattern.compile(
            "\\s*LOAD\\s+0x(\\p{XDigit}+)\\s+0x(\\p{XDigit}+)\\s+0x\\p{XDigit}+\\s+0x(\\p{XDigit}+)\\s+"
                    + "0x(\\p{XDigit}+)\\s+(R?)\\s?(W?)\\s?(E?)\\s+0x\\p{XDigit}+");

    public static Readelf of(Path output) throws IOException {
        List<ElfSection> sections = new ArrayList<>();
        List<ElfSegment> loads = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                String[] f = s.group(1).trim().split("\\s+");
                // Every named section of the fixtures starts with '.'; entry 0 has no name.
                int i = f[0].startsWith(".") ? 1 : 0;
                String name = i == 1 ? f[0] : "";
                sections.add(new ElfSection(name, f[i].equals("NOBITS") ? ElfSection.NOBITS : -1, 0,
                        Long.parseUnsignedLong(f[i + 1], 16), Long.parseUnsignedLong(f[i + 2], 16),
                        Long.parseUnsignedLong(f[i + 3], 16)));
                continue;
            }
            Matcher p = SEGMENT.matcher(line);
            if (p.matches()) {
                int flags = (p.group(5).isEmpty() ? 0 : ElfSegment.READ) | (p.group(6).isEmpty() ? 0 : ElfSegment.WRITE)
                        | (p.group(7).isEmpty() ? 0 : ElfSegment.EXECUTE);
                loads.add(new ElfSegment(ElfSegment.LOAD, flags, Long.parseUnsignedLong(p.group(1), 16),
                        Long.parseUnsignedLong(p.group(2), 16), Long.parseUnsignedLong(p.group(3), 16),
                        Long.parseUnsignedLong(p.group(4), 16)));
            }
        }
        return new Readelf(sections, loads);
    }
}

package dev.plimsoll.check.cis.input.host;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mount points of a host root: its /proc/mounts when the root is a live system, else its /etc/fstab (a captured
 * copy has no /proc). Fields are unescaped as the kernel and fstab write them ({@code \040} for a space).
 *
 * @param source the file read
 */
public record MountTable(String source, List<String> mountPoints) {
    public static final List<String> SOURCES = List.of("/proc/mounts", "/etc/fstab");

    public MountTable {
        Objects.requireNonNull(source);
        mountPoints = List.copyOf(mountPoints);
    }

    /** The first table the root has; empty when it has neither. */
    public static Optional<MountTable> read(HostRoot root) throws IOException {
        for (String source : SOURCES) {
            Optional<String> text = root.readText(source);
            if (text.isPresent()) {
                return Optional.of(parse(source, text.get()));
            }
        }
        return Optional.empty();
    }

    public static MountTable parse(String source, String text) {
        List<String> points = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] fields = l.split("\\s+");
            if (fields.length >= 2 && fields[1].startsWith("/")) {
                points.add(AuditRule.trimSlash(unescape(fields[1])));
            }
        }
        return new MountTable(source, points);
    }

    public boolean isMountPoint(String path) {
        return mountPoints.contains(AuditRule.trimSlash(path));
    }

    private static String unescape(String field) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

package dev.plimsoll.check.cis.checks.container;

import java.util.ArrayList;
import java.util.List;

/** Host paths compared by their components, so that "/etcetera" is not under "/etc" and "/etc/" is "/etc". */
final class HostPaths {
    private HostPaths() {
    }

    /** The path's components, "." and empty ones dropped; ".." pops (a bind source is resolved by the engine). */
    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(part);
        }
        return out;
    }

    /** The normalised absolute form: "/" + components joined by "/". */
    static String normalise(String path) {
        return "/" + String.join("/", components(path));
    }

    /** Whether {@code path} is {@code dir} or lies below it, component by component. */
    static boolean isAtOrUnder(String path, String dir) {
        List<String> p = components(path);
        List<String> d = components(dir);
        return p.size() >= d.size() && p.subList(0, d.size()).equals(d);
    }

    /** Whether {@code path} is an ancestor of (or equal to) {@code file}: mounting it exposes the file. */
    static boolean contains(String path, String file) {
        return isAtOrUnder(file, path);
    }
}

package dev.plimsoll.check.cis.input.host;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of a host root as the checks see it.
 *
 * @param path       the path asked for, inside the root ("/var/run/docker.sock")
 * @param resolved   where it led after symlinks, inside the root ("/run/docker.sock"); equal to path without links
 * @param kind       the type of the file at {@code resolved} (SYMLINK only when the final link was not followed)
 * @param mode       permission and special bits (07777)
 * @param owner      the owner's name from the root's /etc/passwd, or the numeric uid when it has none
 * @param group      the group's name from the root's /etc/group, or the numeric gid when it has none
 * @param linkTarget the target of the final symlink as written, when it was one
 */
public record FileStat(String path, String resolved, FileKind kind, int mode, long uid, long gid, String owner,
                       String group, Optional<String> linkTarget) {
    public FileStat {
        Objects.requireNonNull(path);
        Objects.requireNonNull(resolved);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(owner);
        Objects.requireNonNull(group);
        Objects.requireNonNull(linkTarget);
    }

    public boolean modeAtMost(int allowed) {
        return Modes.atMost(mode, allowed);
    }

    public String modeOctal() {
        return Modes.octal(mode);
    }

    /** "root:docker" as names (numeric when unknown). */
    public String ownership() {
        return owner + ":" + group;
    }

    /** Whether the owner is {@code user}; uid 0 is root whatever the root's passwd says. */
    public boolean ownerIs(String user) {
        return owner.equals(user) || (user.equals("root") && uid == 0);
    }

    /** Whether the group is {@code name}; gid 0 is root whatever the root's group file says. */
    public boolean groupIs(String name) {
        return group.equals(name) || (name.equals("root") && gid == 0);
    }

    /** The path as shown in evidence: "/var/run/docker.sock -> /run/docker.sock" when a link was followed. */
    public String display() {
        return path.equals(resolved) ? path : path + " -> " + resolved;
    }
}

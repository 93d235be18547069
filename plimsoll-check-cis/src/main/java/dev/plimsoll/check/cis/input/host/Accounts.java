package dev.plimsoll.check.cis.input.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * User and group names of one host root, from its own /etc/passwd and /etc/group (not the machine running Plimsoll,
 * whose ids may mean other names). Lines that are not {@code name:x:id:...} are ignored, as getent ignores them.
 */
public record Accounts(Map<Long, String> users, Map<Long, String> groups, Map<String, List<String>> members,
                       Map<String, Long> primaryGroups) {
    public static final Accounts NONE = new Accounts(Map.of(), Map.of(), Map.of(), Map.of());

    public Accounts {
        users = Map.copyOf(users);
        groups = Map.copyOf(groups);
        members = Map.copyOf(members);
        primaryGroups = Map.copyOf(primaryGroups);
    }

    public static Accounts parse(String passwd, String group) {
        Map<Long, String> users = new HashMap<>();
        Map<String, Long> primary = new HashMap<>();
        for (String[] f : rows(passwd)) {
            id(f).ifPresent(uid -> users.putIfAbsent(uid, f[0]));
            if (f.length > 3) {
                try {
                    primary.putIfAbsent(f[0], Long.parseLong(f[3].trim()));
                } catch (NumberFormatException e) {
                    // a line without a numeric gid names no primary group
                }
            }
        }
        Map<Long, String> groups = new HashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        for (String[] f : rows(group)) {
            id(f).ifPresent(gid -> {
                groups.putIfAbsent(gid, f[0]);
                members.putIfAbsent(f[0], f.length > 3 && !f[3].isBlank()
                        ? List.of(f[3].trim().split("\\s*,\\s*")) : List.of());
            });
        }
        return new Accounts(users, groups, members, primary);
    }

    private static List<String[]> rows(String text) {
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(":", -1))
                .filter(f -> f.length >= 3 && !f[0].isEmpty()).toList();
    }

    private static Optional<Long> id(String[] fields) {
        try {
            return Optional.of(Long.parseLong(fields[2].trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String userName(long uid) {
        return users.getOrDefault(uid, Long.toString(uid));
    }

    public String groupName(long gid) {
        return groups.getOrDefault(gid, Long.toString(gid));
    }

    /**
     * The members of {@code group}: those its line lists, then the users whose primary group it is (getent lists
     * only the former, yet both have the group's rights); empty when the root has no such group.
     */
    public Optional<List<String>> membersOf(String group) {
        List<String> listed = members.get(group);
        if (listed == null) {
            return Optional.empty();
        }
        Optional<Long> gid = groups.entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey).findFirst();
        List<String> all = new java.util.ArrayList<>(listed);
        primaryGroups.entrySet().stream()
                .filter(e -> gid.isPresent() && e.getValue().equals(gid.get()) && !all.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().forEach(all::add);
        return Optional.of(List.copyOf(all));
    }
}

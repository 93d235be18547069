package dev.plimsoll.check.cis.input.host;

import dev.plimsoll.check.cis.InputProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The path-watching audit rules of a host root: /etc/audit/rules.d/*.rules (in name order, as augenrules joins them)
 * and /etc/audit/audit.rules, parsed into rules so a check asks for a path token, not a substring of a line
 * (docker-bench-security greps, so a rule for /etc/docker/daemon.json passes the check for /etc/docker, and a
 * comment-free line merely mentioning a path passes too). {@code -D} drops the rules before it in its file;
 * {@code -W PATH} removes earlier watches of PATH.
 *
 * @param files the rule files that were read
 */
public record AuditRules(List<AuditRule> rules, List<String> files, List<InputProblem> problems) {
    public static final String RULES_FILE = "/etc/audit/audit.rules";
    public static final String RULES_DIR = "/etc/audit/rules.d";

    public AuditRules {
        rules = List.copyOf(rules);
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public static AuditRules read(HostRoot root) {
        List<AuditRule> rules = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        try {
            for (String name : root.list(RULES_DIR)) {
                if (name.endsWith(".rules")) {
                    paths.add(HostRoot.child(RULES_DIR, name));
                }
            }
        } catch (IOException e) {
            problems.add(new InputProblem(RULES_DIR, "", "cannot list: " + e.getMessage()));
        }
        paths.add(RULES_FILE);
        for (String path : paths) {
            try {
                Optional<String> text = root.readText(path);
                if (text.isPresent()) {
                    files.add(path);
                    rules.addAll(parse(path, text.get()));
                }
            } catch (IOException e) {
                problems.add(new InputProblem(path, "", "cannot read: " + e.getMessage()));
            }
        }
        return new AuditRules(rules, files, problems);
    }

    /** The path rules of one rules file, in order, after its {@code -D} and {@code -W} lines took effect. */
    public static List<AuditRule> parse(String file, String text) {
        List<AuditRule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            String option = tokens[0];
            if (option.equals("-D")) {
                rules.clear();
            } else if (option.equals("-W") && tokens.length > 1) {
                String removed = AuditRule.trimSlash(tokens[1]);
                rules.removeIf(r -> r.subtree() && r.text().startsWith("-w")
                        && AuditRule.trimSlash(r.path()).equals(removed));
            } else if (option.equals("-w") && tokens.length > 1) {
                rules.add(new AuditRule(file, i + 1, tokens[1], true, line));
            } else if (option.equals("-a") || option.equals("-A")) {
                for (int t = 1; t + 1 < tokens.length; t++) {
                    if (tokens[t].equals("-F")) {
                        String field = tokens[t + 1];
                        if (field.startsWith("path=")) {
                            rules.add(new AuditRule(file, i + 1, field.substring(5), false, line));
                        } else if (field.startsWith("dir=")) {
                            rules.add(new AuditRule(file, i + 1, field.substring(4), true, line));
                        }
                    }
                }
            }
        }
        return rules;
    }

    /** The first rule that audits {@code path}. */
    public Optional<AuditRule> covering(String path) {
        return rules.stream().filter(r -> r.covers(path)).findFirst();
    }
}

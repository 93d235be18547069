package dev.plimsoll.check.cis.input.daemon;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.host.EnvFile;
import dev.plimsoll.check.cis.input.host.ExecWords;
import dev.plimsoll.check.cis.input.host.HostRoot;
import dev.plimsoll.check.cis.input.host.SystemdUnits;
import dev.plimsoll.check.cis.input.host.UnitFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link DaemonConfig} the way dockerd does: the flags on its command line (repeated list flags accumulate,
 * a single-valued flag's last occurrence wins), then daemon.json (the {@code --config-file}, default
 * /etc/docker/daemon.json). An option set both as a flag and as a key is a problem, because dockerd refuses to start
 * with "the following directives are specified both as a flag and in the configuration file"; the flag's value is
 * kept so the other checks still judge something. Unknown keys are problems too (dockerd refuses them as well).
 */
public final class DaemonConfigReader {
    public static final String DEFAULT_CONFIG_FILE = "/etc/docker/daemon.json";
    public static final String DEFAULT_ENV_FILE = "/etc/default/docker";
    public static final String SYSCONFIG_ENV_FILE = "/etc/sysconfig/docker";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DaemonConfigReader() {
    }

    /** Arguments given to dockerd and where they were written. */
    public record Args(String source, List<String> args) {
        public Args {
            args = List.copyOf(args);
        }
    }

    /** A daemon.json's text and its path. */
    public record JsonFile(String path, String text) {
    }

    /**
     * The daemon configured in a host root: the docker.service unit's ExecStart (with its EnvironmentFile= and
     * Environment= variables expanded, which is how /etc/default/docker's DOCKER_OPTS and /etc/sysconfig/docker's
     * OPTIONS reach dockerd), or, on a host without that unit, DOCKER_OPTS and OPTIONS as the init scripts pass them;
     * then daemon.json.
     */
    public static Loaded<DaemonConfig> read(HostRoot root) {
        List<InputProblem> problems = new ArrayList<>();
        List<Args> args = new ArrayList<>();
        Optional<UnitFile> unit = SystemdUnits.find(root, "docker.service", problems);
        if (unit.isPresent() && !unit.get().masked() && unit.get().command().isPresent()) {
            Map<String, String> env = new HashMap<>();
            for (String file : unit.get().environmentFiles()) {
                boolean optional = file.startsWith("-");
                String path = optional ? file.substring(1) : file;
                readText(root, path, problems).ifPresentOrElse(t -> env.putAll(EnvFile.parse(t)), () -> {
                    if (!optional) {
                        problems.add(new InputProblem(path, "", "EnvironmentFile of docker.service is missing"));
                    }
                });
            }
            for (String assignment : unit.get().environment()) {
                int eq = assignment.indexOf('=');
                if (eq > 0) {
                    env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
            }
            List<String> words = ExecWords.expand(unit.get().command().get(), env);
            dockerdArguments(words).ifPresentOrElse(
                    a -> args.add(new Args(unit.get().execStartSource(), a)),
                    () -> problems.add(new InputProblem(unit.get().execStartSource(), "ExecStart",
                            "does not start dockerd")));
        } else if (unit.isEmpty()) {
            readText(root, DEFAULT_ENV_FILE, problems).map(EnvFile::parse).map(e -> e.get("DOCKER_OPTS"))
                    .ifPresent(o -> args.add(new Args(DEFAULT_ENV_FILE + " DOCKER_OPTS", ExecWords.split(o))));
            readText(root, SYSCONFIG_ENV_FILE, problems).map(EnvFile::parse).map(e -> e.get("OPTIONS"))
                    .ifPresent(o -> args.add(new Args(SYSCONFIG_ENV_FILE + " OPTIONS", ExecWords.split(o))));
        }
        Map<String, Setting> flags = parseFlags(args, problems);
        String configPath = Optional.ofNullable(flags.get("config-file")).map(Setting::last)
                .orElse(DEFAULT_CONFIG_FILE);
        Optional<JsonFile> json = readText(root, configPath, problems).map(t -> new JsonFile(configPath, t));
        return build("dockerd on " + root.name(), args, flags, json, problems);
    }

    /** A daemon configured by the given arguments and daemon.json, without a host root (CI files, tests). */
    public static Loaded<DaemonConfig> of(String name, List<Args> args, Optional<JsonFile> json) {
        List<InputProblem> problems = new ArrayList<>();
        return build(name, args, parseFlags(args, problems), json, problems);
    }

    private static Map<String, Setting> parseFlags(List<Args> args, List<InputProblem> problems) {
        Map<String, Setting> flags = new LinkedHashMap<>();
        for (Args a : args) {
            DockerdFlags.Parsed parsed = DockerdFlags.parse(a.source(), a.args());
            problems.addAll(parsed.problems());
            applyFlags(a.source(), parsed.flags(), flags);
        }
        return flags;
    }

    private static Loaded<DaemonConfig> build(String name, List<Args> args, Map<String, Setting> flags,
                                              Optional<JsonFile> json, List<InputProblem> problems) {
        List<String> sources = new ArrayList<>(args.stream().map(Args::source).toList());
        json.ifPresent(j -> sources.add(j.path()));
        Map<String, Setting> merged = mergeJson(json, flags, problems);
        return new Loaded<>(List.of(new DaemonConfig(name, merged, sources)), problems);
    }

    /** The arguments after the dockerd executable (or after {@code docker daemon}); empty if it is not dockerd. */
    static Optional<List<String>> dockerdArguments(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String exe = words.get(0).replaceFirst("^[-@:+!]+", "");
        String base = exe.substring(exe.lastIndexOf('/') + 1);
        if (base.startsWith("dockerd")) {
            return Optional.of(words.subList(1, words.size()));
        }
        if (base.equals("docker") && words.size() > 1 && words.get(1).equals("daemon")) {
            return Optional.of(words.subList(2, words.size()));
        }
        return Optional.empty();
    }

    private static void applyFlags(String source, List<DockerdFlags.Flag> parsed, Map<String, Setting> flags) {
        for (DockerdFlags.Flag f : parsed) {
            String key = f.option().key();
            Setting before = flags.get(key);
            boolean accumulates = f.option().type() == DaemonOption.Type.LIST
                    || f.option().type() == DaemonOption.Type.MAP;
            List<String> values = new ArrayList<>();
            if (accumulates && before != null) {
                values.addAll(before.values());
            }
            values.add(f.value());
            flags.put(key, new Setting(key, values, source, f.written()));
        }
    }

    private static Map<String, Setting> mergeJson(Optional<JsonFile> json, Map<String, Setting> flags,
                                                  List<InputProblem> problems) {
        Map<String, Setting> merged = new LinkedHashMap<>(flags);
        if (json.isEmpty()) {
            return merged;
        }
        String path = json.get().path();
        JsonNode tree;
        try {
            tree = JSON.readTree(json.get().text());
        } catch (JsonProcessingException e) {
            problems.add(new InputProblem(path, where(e.getLocation()), safeReason(e)));
            return merged;
        }
        if (tree == null || !tree.isObject()) {
            problems.add(new InputProblem(path, "line 1", "the configuration file must hold a JSON object"));
            return merged;
        }
        List<String> both = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            Optional<DaemonOption> option = DaemonOptions.byKey(key);
            if (option.isEmpty() || key.equals("config-file")) {
                problems.add(new InputProblem(path, key, "unknown configuration key: dockerd refuses to start"));
                continue;
            }
            Setting fromFlag = flags.get(key);
            if (fromFlag != null) {
                both.add(key + " (" + fromFlag.field() + " in " + fromFlag.source() + ")");
                continue;
            }
            merged.put(key, new Setting(key, values(field.getValue()), path, key));
        }
        if (!both.isEmpty()) {
            problems.add(new InputProblem(path, String.join(", ", both),
                    "set both as a flag and in the configuration file: dockerd refuses to start (\"the following"
                            + " directives are specified both as a flag and in the configuration file\")"));
        }
        return merged;
    }

    private static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(e -> out.add(e.isValueNode() ? e.asText() : e.toString()));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.add(e.getKey() + "="
                    + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())));
        } else if (!node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's reason without quoted input (a token it quotes could be a credential written in the file). */
    private static String safeReason(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        reason = reason.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]{8,}\"", "\"…\"");
        int newline = reason.indexOf('\n');
        return "not valid JSON: " + (newline < 0 ? reason : reason.substring(0, newline));
    }

    private static Optional<String> readText(HostRoot root, String path, List<InputProblem> problems) {
        try {
            return root.readText(path);
        } catch (IOException e) {
            problems.add(new InputProblem(path, "", "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }
}

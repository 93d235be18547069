package dev.plimsoll.check.cis.input.compose;

import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.compose.YamlNode.Mapping;
import dev.plimsoll.check.cis.input.compose.YamlNode.Scalar;
import dev.plimsoll.check.cis.input.compose.YamlNode.Sequence;
import dev.plimsoll.check.cis.run.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Compose file (v2, v3 and the Compose Specification) into one {@link RunConfig} per service that would
 * run: variables interpolated from the environment and env files, YAML anchors and merge keys applied, {@code extends}
 * resolved (same file or another, cycles and depth bounded), and services outside the active profiles left out.
 * A service that cannot be read (an unset variable, a bad value) is a problem naming file, line and reason; the
 * other services are still read. Environment values are only used for interpolation and never kept.
 */
public final class ComposeReader {
    static final int MAX_EXTENDS_DEPTH = 16;
    static final int MAX_FILES = 32;

    private final ComposeOptions options;
    private final Map<Path, ComposeFile> files = new HashMap<>();
    private Interpolator interpolator;

    private ComposeReader(ComposeOptions options) {
        this.options = options;
    }

    public static Loaded<RunConfig> read(Path composeFile, ComposeOptions options) {
        return read(List.of(composeFile), options);
    }

    /**
     * Several Compose files as {@code docker compose -f a.yaml -f b.yaml} reads them: each later file is merged over
     * the earlier ones; the first file's directory holds the default {@code .env}.
     */
    public static Loaded<RunConfig> read(List<Path> composeFiles, ComposeOptions options) {
        if (composeFiles.isEmpty()) {
            throw new IllegalArgumentException("no Compose file given");
        }
        return new ComposeReader(options).readProject(composeFiles);
    }

    /** One loaded file: its interpolated tree and the interpolation problems of each service and of the rest. */
    record ComposeFile(Path path, Mapping root, Map<String, List<InputProblem>> serviceProblems,
                       List<InputProblem> otherProblems) {
        Mapping services() {
            return root.get("services") instanceof Mapping m ? m : new Mapping(Map.of(), root.position());
        }
    }

    /** A Compose file, or part of one, that cannot be used; where is the key path and line. */
    static final class ComposeException extends Exception {
        final Path file;
        final String where;

        ComposeException(Path file, String where, String message) {
            super(message);
            this.file = file;
            this.where = where;
        }

        InputProblem problem() {
            return new InputProblem(file.toString(), where, getMessage());
        }
    }

    private Loaded<RunConfig> readProject(List<Path> composeFiles) {
        Path first = composeFiles.get(0);
        Map<String, String> variables;
        try {
            variables = variables(first);
        } catch (ComposeException e) {
            return Loaded.failed(e.problem());
        }
        interpolator = new Interpolator(name -> Optional.ofNullable(variables.get(name)), true);
        ComposeFile project;
        try {
            project = load(first);
            for (Path override : composeFiles.subList(1, composeFiles.size())) {
                project = overlay(project, load(override));
            }
        } catch (ComposeException e) {
            return Loaded.failed(e.problem());
        }
        ComposeFile main = project;
        List<RunConfig> configs = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>(main.otherProblems());
        YamlNode servicesNode = main.root().get("services");
        if (servicesNode != null && !(servicesNode instanceof Mapping)
                && !(servicesNode instanceof Scalar s && s.isNull())) {
            problems.add(new InputProblem(first.toString(), "services, line " + servicesNode.position().line(),
                    "services must be a mapping of service names to services"));
            return new Loaded<>(configs, problems);
        }
        if (servicesNode == null && main.root().get("include") == null) {
            problems.add(new InputProblem(first.toString(), "services", "no services: not a Compose file"));
            return new Loaded<>(configs, problems);
        }
        Map<String, ComposeFile> owners = new LinkedHashMap<>();
        main.services().entries().keySet().forEach(name -> owners.put(name, main));
        includes(main, owners, problems, new LinkedHashSet<>());
        Set<String> active = activeProfiles(variables);
        Map<Path, ServiceMapper> mappers = new HashMap<>();
        for (Map.Entry<String, ComposeFile> service : owners.entrySet()) {
            String name = service.getKey();
            ComposeFile owner = service.getValue();
            try {
                Mapping definition = resolve(owner, name, new LinkedHashSet<>());
                if (!inProfiles(definition, active, owner.path(), name)) {
                    continue;
                }
                if (definition.get("image") == null && definition.get("build") == null) {
                    throw new ComposeException(owner.path(), "services." + name + ", line "
                            + definition.position().line(), "service has neither an image nor a build context");
                }
                configs.add(mappers.computeIfAbsent(owner.path(),
                        path -> new ServiceMapper(path, owner.root().get("volumes"))).map(name, definition));
            } catch (ComposeException e) {
                problems.add(e.problem());
            }
        }
        return new Loaded<>(configs, problems);
    }

    /** An override file merged over the project so far, as Compose merges -f files. */
    private static ComposeFile overlay(ComposeFile base, ComposeFile override) {
        Mapping root = (Mapping) ServiceMerge.merge(base.root(), override.root(), "");
        Map<String, List<InputProblem>> serviceProblems = new HashMap<>(base.serviceProblems());
        override.serviceProblems().forEach((name, list) -> serviceProblems.merge(name, list, (a, b) -> {
            List<InputProblem> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        List<InputProblem> other = new ArrayList<>(base.otherProblems());
        other.addAll(override.otherProblems());
        return new ComposeFile(base.path(), root, serviceProblems, other);
    }

    /**
     * The top-level {@code include:} (a path, or {@code path:} with one or a list of them), relative to the
     * including file; included services are resolved in their own file. A service defined twice is refused, as
     * Compose does.
     */
    private void includes(ComposeFile file, Map<String, ComposeFile> owners, List<InputProblem> problems,
                          LinkedHashSet<Path> chain) {
        YamlNode includeNode = file.root().get("include");
        if (includeNode == null || includeNode instanceof Scalar s && s.isNull()) {
            return;
        }
        if (!(includeNode instanceof Sequence includes)) {
            problems.add(new InputProblem(file.path().toString(), "include, line " + includeNode.position().line(),
                    "include must be a list"));
            return;
        }
        Path self = file.path().toAbsolutePath().normalize();
        chain.add(self);
        for (YamlNode entry : includes.items()) {
            List<YamlNode> paths = new ArrayList<>();
            if (entry instanceof Scalar s) {
                paths.add(s);
            } else if (entry instanceof Mapping m && m.get("path") instanceof Scalar s) {
                paths.add(s);
            } else if (entry instanceof Mapping m && m.get("path") instanceof Sequence list) {
                paths.addAll(list.items());
            } else {
                problems.add(new InputProblem(file.path().toString(), "include, line " + entry.position().line(),
                        "an include needs a path"));
                continue;
            }
            for (YamlNode pathNode : paths) {
                String where = "include, line " + pathNode.position().line();
                if (!(pathNode instanceof Scalar s) || s.isNull()) {
                    problems.add(new InputProblem(file.path().toString(), where, "an include path must be a string"));
                    continue;
                }
                Path included = self.getParent().resolve(s.text()).normalize();
                if (chain.contains(included)) {
                    problems.add(new InputProblem(file.path().toString(), where, "include cycle through "
                            + s.text()));
                    continue;
                }
                ComposeFile loaded;
                try {
                    loaded = load(included);
                } catch (ComposeException e) {
                    problems.add(e.problem());
                    continue;
                }
                problems.addAll(loaded.otherProblems());
                for (String name : loaded.services().entries().keySet()) {
                    if (owners.containsKey(name)) {
                        problems.add(new InputProblem(included.toString(), "services." + name,
                                "service " + name + " is also defined in " + owners.get(name).path()
                                        + " (Compose refuses the duplicate)"));
                        continue;
                    }
                    owners.put(name, loaded);
                }
                includes(loaded, owners, problems, chain);
            }
        }
        chain.remove(self);
    }

    /** The process environment wins over env files; of several env files, the later wins. */
    private Map<String, String> variables(Path composeFile) throws ComposeException {
        List<Path> envFiles = options.envFiles();
        boolean explicit = !envFiles.isEmpty();
        if (!explicit) {
            Path beside = composeFile.toAbsolutePath().getParent().resolve(".env");
            envFiles = Files.isRegularFile(beside) ? List.of(beside) : List.of();
        }
        Map<String, String> variables = new HashMap<>();
        for (Path envFile : envFiles) {
            Map<String, String> known = new HashMap<>(variables);
            known.putAll(options.environment());
            try {
                variables.putAll(EnvFile.read(envFile, known));
            } catch (IOException e) {
                throw new ComposeException(envFile, "", "cannot read env file: " + e.getMessage());
            } catch (EnvFile.EnvFileException e) {
                throw new ComposeException(envFile, e.line > 0 ? "line " + e.line : "", e.getMessage());
            }
        }
        variables.putAll(options.environment());
        return variables;
    }

    /** The --profile options and, as Compose reads it, COMPOSE_PROFILES. */
    private Set<String> activeProfiles(Map<String, String> variables) {
        Set<String> active = new LinkedHashSet<>(options.profiles());
        String fromEnvironment = variables.getOrDefault("COMPOSE_PROFILES", "");
        for (String profile : fromEnvironment.split(",")) {
            if (!profile.isBlank()) {
                active.add(profile.strip());
            }
        }
        return active;
    }

    private static boolean inProfiles(Mapping service, Set<String> active, Path file, String name)
            throws ComposeException {
        YamlNode profiles = service.get("profiles");
        if (profiles == null || profiles instanceof Scalar s && s.isNull()) {
            return true;
        }
        if (!(profiles instanceof Sequence list)) {
            throw new ComposeException(file, "services." + name + ".profiles, line " + profiles.position().line(),
                    "profiles must be a list");
        }
        if (list.items().isEmpty()) {
            return true;
        }
        if (active.contains("*")) {
            return true;
        }
        for (YamlNode profile : list.items()) {
            if (profile instanceof Scalar s && active.contains(s.text())) {
                return true;
            }
        }
        return false;
    }

    private ComposeFile load(Path file) throws ComposeException {
        Path key = file.toAbsolutePath().normalize();
        ComposeFile loaded = files.get(key);
        if (loaded != null) {
            return loaded;
        }
        if (files.size() >= MAX_FILES) {
            throw new ComposeException(file, "", "more than " + MAX_FILES + " files through extends");
        }
        YamlNode root;
        try {
            root = YamlLoader.load(file, file.toString());
        } catch (IOException e) {
            throw new ComposeException(file, "", "cannot read: " + e.getMessage());
        } catch (YamlLoader.YamlException e) {
            throw new ComposeException(file, e.line > 0 ? "line " + e.line : "", e.getMessage());
        }
        if (!(root instanceof Mapping mapping)) {
            throw new ComposeException(file, "line " + root.position().line(),
                    "a Compose file is a mapping (services:, volumes:, …)");
        }
        Map<String, List<InputProblem>> serviceProblems = new HashMap<>();
        List<InputProblem> other = new ArrayList<>();
        Map<String, YamlNode> interpolated = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            if (entry.getKey().equals("services") && entry.getValue() instanceof Mapping services) {
                Map<String, YamlNode> newServices = new LinkedHashMap<>();
                for (Map.Entry<String, YamlNode> service : services.entries().entrySet()) {
                    List<InputProblem> problems = new ArrayList<>();
                    newServices.put(service.getKey(), interpolate(service.getValue(),
                            "services." + service.getKey(), file, problems));
                    if (!problems.isEmpty()) {
                        serviceProblems.put(service.getKey(), problems);
                    }
                }
                interpolated.put("services", new Mapping(newServices, services.position()));
            } else {
                interpolated.put(entry.getKey(), interpolate(entry.getValue(), entry.getKey(), file, other));
            }
        }
        loaded = new ComposeFile(file, new Mapping(interpolated, mapping.position()), serviceProblems, other);
        files.put(key, loaded);
        return loaded;
    }

    private YamlNode interpolate(YamlNode node, String path, Path file, List<InputProblem> problems) {
        return switch (node) {
            case Scalar s -> {
                if (s.isNull() || s.text().indexOf('$') < 0) {
                    yield s;
                }
                try {
                    yield s.withText(interpolator.interpolate(s.text()));
                } catch (Interpolator.InterpolationException e) {
                    problems.add(new InputProblem(file.toString(), path + ", line " + s.position().line(),
                            e.getMessage()));
                    yield s;
                }
            }
            case Sequence seq -> {
                List<YamlNode> items = new ArrayList<>();
                for (int i = 0; i < seq.items().size(); i++) {
                    items.add(interpolate(seq.items().get(i), path + "[" + i + "]", file, problems));
                }
                yield new Sequence(items, seq.position());
            }
            case Mapping map -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                map.entries().forEach((k, v) -> entries.put(k, interpolate(v, path + "." + k, file, problems)));
                yield new Mapping(entries, map.position());
            }
        };
    }

    /** The service with its extends chain applied; {@code chain} holds file#service pairs to detect cycles. */
    private Mapping resolve(ComposeFile file, String name, LinkedHashSet<String> chain) throws ComposeException {
        String id = file.path().toAbsolutePath().normalize() + "#" + name;
        if (!chain.add(id)) {
            throw new ComposeException(file.path(), "services." + name + ".extends",
                    "extends cycle: " + String.join(" -> ", chain.stream().map(ComposeReader::shortId).toList())
                            + " -> " + shortId(id));
        }
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            throw new ComposeException(file.path(), "services." + name + ".extends",
                    "extends chain deeper than " + MAX_EXTENDS_DEPTH);
        }
        YamlNode node = file.services().get(name);
        if (node == null) {
            throw new ComposeException(file.path(), "services", "no service \"" + name + "\" to extend");
        }
        List<InputProblem> problems = file.serviceProblems().get(name);
        if (problems != null) {
            InputProblem first = problems.get(0);
            throw new ComposeException(Path.of(first.file()), first.where(), first.reason());
        }
        if (node instanceof Scalar s && s.isNull()) {
            return new Mapping(Map.of(), s.position());
        }
        if (!(node instanceof Mapping service)) {
            throw new ComposeException(file.path(), "services." + name + ", line " + node.position().line(),
                    "a service must be a mapping");
        }
        YamlNode extendsNode = service.get("extends");
        if (extendsNode == null) {
            return service;
        }
        String baseName;
        ComposeFile baseFile = file;
        String where = "services." + name + ".extends, line " + extendsNode.position().line();
        if (extendsNode instanceof Scalar s && !s.isNull()) {
            baseName = s.text();
        } else if (extendsNode instanceof Mapping m && m.get("service") instanceof Scalar s && !s.isNull()) {
            baseName = s.text();
            if (m.get("file") instanceof Scalar f && !f.isNull()) {
                Path other = file.path().toAbsolutePath().getParent().resolve(f.text()).normalize();
                try {
                    baseFile = load(other);
                } catch (ComposeException e) {
                    throw new ComposeException(file.path(), where, "extends file " + f.text() + ": "
                            + e.getMessage() + (e.where.isEmpty() ? "" : " (" + e.where + ")"));
                }
            }
        } else {
            throw new ComposeException(file.path(), where, "extends needs a service name");
        }
        Mapping base = resolve(baseFile, baseName, chain);
        Map<String, YamlNode> own = new LinkedHashMap<>(service.entries());
        own.remove("extends");
        return (Mapping) ServiceMerge.merge(base, new Mapping(own, service.position()), "");
    }

    private static String shortId(String id) {
        int hash = id.lastIndexOf('#');
        return Path.of(id.substring(0, hash)).getFileName() + ":" + id.substring(hash + 1);
    }
}

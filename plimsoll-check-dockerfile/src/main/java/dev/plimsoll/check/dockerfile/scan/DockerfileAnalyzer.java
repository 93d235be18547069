package dev.plimsoll.check.dockerfile.scan;

import dev.plimsoll.check.dockerfile.DockerfileLinter;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import dev.plimsoll.check.dockerfile.syntax.DockerfileSyntaxException;
import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.Lazy;
import dev.plimsoll.core.analysis.ProblemLog;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lints every Dockerfile and Containerfile of a source tree ({@code plimsoll fs}) in the same walk as the package
 * analyzers: {@code Dockerfile}, {@code Containerfile}, {@code Dockerfile.*}, {@code Containerfile.*} and {@code
 * *.Dockerfile}, in any case. Each one's build context is taken to be its directory: the {@code .dockerignore} there
 * (or BuildKit's Dockerfile-specific {@code <name>.dockerignore} beside it, which wins) arrives through the same walk,
 * and since the whole tree is seen, a missing one is known to be missing. A file that cannot be parsed at all is a
 * scan problem; the findings of the others are the linter's, located at the file's path in the tree.
 *
 * <p>Not for image scans: a Dockerfile copied into an image is not what built it.
 */
public final class DockerfileAnalyzer implements Analyzer {
    public static final AnalyzerId ID = AnalyzerId.of("source/dockerfile");
    private static final String DOCKERIGNORE = ".dockerignore";
    /** Real Dockerfiles are a few KiB; generated ones rarely pass 100 KiB. .dockerignore files are smaller still. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final Interests INTERESTS = Interests.of(
            PathInterest.nameIgnoringCase("dockerfile"), PathInterest.nameIgnoringCase("containerfile"),
            PathInterest.nameIgnoringCase("dockerfile.*"), PathInterest.nameIgnoringCase("containerfile.*"),
            PathInterest.nameIgnoringCase("*.dockerfile"), PathInterest.nameIgnoringCase("*.dockerignore"))
            .withMaxBytes(MAX_BYTES);

    /** Built on first use: image scans register this analyzer too and then drop it, and should not pay for it. */
    private final java.util.function.Supplier<DockerfileLinter> linter;
    private final LintConfig config;

    /** With the standard rules and hadolint's default configuration. */
    public DockerfileAnalyzer() {
        this(Lazy.of(DockerfileLinter::standard), LintConfig.DEFAULT);
    }

    public DockerfileAnalyzer(DockerfileLinter linter, LintConfig config) {
        this(Lazy.ofValue(linter), config);
    }

    private DockerfileAnalyzer(java.util.function.Supplier<DockerfileLinter> linter, LintConfig config) {
        this.linter = linter;
        this.config = Objects.requireNonNull(config);
    }

    /** This analyzer with another configuration (a {@code .hadolint.yaml}, a policy's trusted registries). */
    public DockerfileAnalyzer withConfig(LintConfig newConfig) {
        return new DockerfileAnalyzer(linter, newConfig);
    }

    @Override
    public AnalyzerId id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Interests interests() {
        return INTERESTS;
    }

    /** Whether a base name is a Dockerfile's (the interests also deliver .dockerignore files). */
    static boolean isDockerfileName(String basename) {
        String n = basename.toLowerCase(Locale.ROOT);
        if (n.endsWith(DOCKERIGNORE)) {
            return false;
        }
        return n.equals("dockerfile") || n.equals("containerfile") || n.startsWith("dockerfile.")
                || n.startsWith("containerfile.") || n.endsWith(".dockerfile");
    }

    @Override
    public Session open(ScanContext context) {
        return new DockerfileSession(context);
    }

    private final class DockerfileSession implements Session {
        private final ScanContext context;
        private final ProblemLog problems = new ProblemLog(ID.value());
        private final Map<String, FileMeta> dockerfiles = new TreeMap<>();
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, String> ignoreFiles = new HashMap<>();

        DockerfileSession(ScanContext context) {
            this.context = context;
        }

        @Override
        public void accept(FileEntry file) throws IOException {
            FileMeta meta = file.meta();
            if (!meta.isRegular() || !file.hasContent()) {
                return;
            }
            String text = new String(file.readAllBytes(), StandardCharsets.UTF_8);
            if (meta.basename().toLowerCase(Locale.ROOT).endsWith(DOCKERIGNORE)) {
                ignoreFiles.put(meta.path(), text);
            } else if (isDockerfileName(meta.basename())) {
                dockerfiles.put(meta.path(), meta);
                texts.put(meta.path(), text);
            }
        }

        @Override
        public AnalyzerOutput finish() {
            List<Finding> findings = new ArrayList<>();
            List<ScanProblem> ruleProblems = new ArrayList<>();
            DockerfileParser parser = new DockerfileParser();
            for (Map.Entry<String, FileMeta> e : dockerfiles.entrySet()) {
                String path = e.getKey();
                Dockerfile dockerfile;
                try {
                    dockerfile = parser.parse(Path.of(path), texts.get(path));
                } catch (DockerfileSyntaxException x) {
                    problems.add(ProblemKind.MALFORMED_FILE, e.getValue(), "cannot parse the Dockerfile: line "
                            + x.line() + " column " + x.column() + ": " + x.problem().message());
                    continue;
                }
                DockerfileLinter.Result result = linter.get().lint(new LintContext(dockerfile, config,
                        dockerignore(path), true));
                findings.addAll(DockerfileLinter.findings(result, context.target(), path));
                for (ScanProblem p : result.problems()) {
                    ruleProblems.add(new ScanProblem(p.kind(), ID.value(), Optional.of(e.getValue().layer().id()),
                            Optional.of(path), p.message()));
                }
            }
            List<ScanProblem> all = new ArrayList<>(problems.problems());
            all.addAll(ruleProblems);
            return new AnalyzerOutput(List.of(), Optional.empty(), findings, all);
        }

        /** BuildKit's {@code <Dockerfile>.dockerignore} beside the file, else the directory's {@code .dockerignore}. */
        private Optional<String> dockerignore(String path) {
            String own = ignoreFiles.get(path + DOCKERIGNORE);
            if (own != null) {
                return Optional.of(own);
            }
            int slash = path.lastIndexOf('/');
            return Optional.ofNullable(ignoreFiles.get(path.substring(0, slash + 1) + DOCKERIGNORE));
        }
    }
}

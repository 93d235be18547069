package dev.plimsoll.check.secrets.git;

import dev.plimsoll.check.secrets.ScanOutcome;
import dev.plimsoll.check.secrets.SecretFindings;
import dev.plimsoll.check.secrets.SecretMatch;
import dev.plimsoll.check.secrets.SecretScanner;
import dev.plimsoll.check.secrets.SkipReason;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.CommitRef;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Secrets in the lines each commit of a git repository added ({@code plimsoll secrets --git}): every commit
 * reachable from any ref (branches, tags, HEAD), or only those not reachable from {@code since}. A commit's added
 * lines are those of its diff against its first parent (the empty tree for a root commit), with rename detection,
 * so a renamed file adds nothing. Each blob is scanned whole, once (the detectors see the context around a line),
 * and a match counts when its line is one the commit added. A secret a later commit removed is found all the same:
 * it stays in the history.
 *
 * <p>Each finding names the commit that added it (id, author, author date) and the file, as {@code /path/in/repo}
 * like the findings of a tree scan, so that one baseline serves both. The same secret in the same file (same
 * fingerprint) is reported once, at the oldest commit that added it: a commit that moves it to another line, or
 * merges it from a branch, does not make it new.
 */
public final class GitHistoryScanner {
    /** Blobs larger than this are not read (a vendored archive, a database dump); each is counted. */
    public static final long MAX_BLOB_BYTES = 64L << 20;
    private static final int CACHE_BLOBS = 4096;

    private final SecretScanner scanner;
    private final List<String> allowedCommits;

    public GitHistoryScanner(SecretScanner scanner) {
        this(scanner, List.of());
    }

    /**
     * @param allowedCommits commits whose added lines are not reported (gitleaks' allowlist {@code commits}): full
     *                       ids or prefixes of at least 7 hex digits, any case
     */
    public GitHistoryScanner(SecretScanner scanner, Collection<String> allowedCommits) {
        this.scanner = Objects.requireNonNull(scanner);
        this.allowedCommits = allowedCommits.stream().map(c -> c.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        for (String c : this.allowedCommits) {
            if (!c.matches("[0-9a-f]{7,64}")) {
                throw new IllegalArgumentException("allowed commit '" + c + "' is not 7 to 64 hex digits");
            }
        }
    }

    private boolean allowed(RevCommit commit) {
        String name = commit.name();
        return allowedCommits.stream().anyMatch(name::startsWith);
    }

    /** What a history scan found; {@code commits} counts the commits read. */
    public record Result(List<SecretFinding> findings, List<ScanProblem> problems, int commits) {
        public Result {
            findings = List.copyOf(findings);
            problems = List.copyOf(problems);
        }
    }

    /** Opens the repository at or above {@code dir} (a work tree or a bare repository). */
    public Result scan(Path dir, Optional<String> since, Target target) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().setMustExist(true);
        if (Files.isDirectory(dir.resolve(".git")) || Files.isRegularFile(dir.resolve(".git"))) {
            builder.findGitDir(dir.toFile());
        } else {
            builder.setGitDir(dir.toFile());
        }
        if (builder.getGitDir() == null) {
            throw new ConfigException(dir + ": not a git repository");
        }
        try (Repository repo = builder.build()) {
            return scan(repo, since, target);
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new ConfigException(dir + ": not a git repository");
        }
    }

    public Result scan(Repository repo, Optional<String> since, Target target) throws IOException {
        Map<String, SecretFinding> byFingerprint = new LinkedHashMap<>();
        List<ScanProblem> problems = new ArrayList<>();
        Map<ObjectId, List<SecretMatch>> cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, List<SecretMatch>> eldest) {
                return size() > CACHE_BLOBS;
            }
        };
        Map<SkipReason, Integer> skipped = new HashMap<>();
        int commits = 0;
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(repo);
            diff.setDiffComparator(RawTextComparator.DEFAULT);
            diff.setDetectRenames(true);
            boolean started = false;
            List<Ref> refs = new ArrayList<>(repo.getRefDatabase().getRefs());
            Optional.ofNullable(repo.exactRef(Constants.HEAD)).ifPresent(refs::add);
            for (Ref ref : refs) {
                ObjectId id = Optional.ofNullable(ref.getPeeledObjectId()).orElse(ref.getObjectId());
                if (id == null) {
                    continue;
                }
                try {
                    walk.markStart(walk.parseCommit(id));
                    started = true;
                } catch (IncorrectObjectTypeException | MissingObjectException e) {
                    // a tag of a tree or blob, or a dangling ref: no history to walk
                }
            }
            if (!started) {
                return new Result(List.of(), List.of(), 0);
            }
            if (since.isPresent()) {
                ObjectId base = repo.resolve(since.get());
                if (base == null) {
                    throw new ConfigException("--since: no such revision in the repository: " + since.get());
                }
                walk.markUninteresting(walk.parseCommit(base));
            }
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            for (RevCommit commit : walk) {
                commits++;
                if (allowed(commit)) {
                    continue;
                }
                AbstractTreeIterator parent = commit.getParentCount() == 0 ? new EmptyTreeIterator()
                        : new CanonicalTreeParser(null, reader, walk.parseCommit(commit.getParent(0)).getTree());
                List<DiffEntry> entries = diff.scan(parent, new CanonicalTreeParser(null, reader, commit.getTree()));
                CommitRef ref = null;
                for (DiffEntry entry : entries) {
                    if (entry.getChangeType() == DiffEntry.ChangeType.DELETE
                            || entry.getNewMode().getObjectType() != Constants.OBJ_BLOB
                            || entry.getNewMode() == FileMode.GITLINK) {
                        continue;
                    }
                    String path = entry.getNewPath();
                    ObjectId blob = entry.getNewId().toObjectId();
                    List<SecretMatch> matches = cache.get(blob);
                    if (matches == null) {
                        matches = scanBlob(reader, blob, path, skipped, problems);
                        cache.put(blob, matches);
                    }
                    if (matches.isEmpty()) {
                        continue;
                    }
                    List<Edit> edits = diff.toFileHeader(entry).toEditList();
                    for (SecretMatch m : matches) {
                        if (!added(edits, m.line() - 1, entry.getChangeType())) {
                            continue;
                        }
                        if (ref == null) {
                            ref = commitRef(commit);
                        }
                        SecretFinding f = SecretFindings.toFinding(m, target, "/" + path, Optional.empty(),
                                Visibility.VISIBLE).withCommit(ref);
                        byFingerprint.putIfAbsent(f.fingerprint().value(), f);
                    }
                }
            }
        }
        skipped.forEach((reason, n) -> problems.add(ScanProblem.of(ProblemKind.LIMIT_EXCEEDED, "secret/git", null,
                n + " " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " blob(s) not scanned for secrets")));
        return new Result(new ArrayList<>(byFingerprint.values()), problems, commits);
    }

    private List<SecretMatch> scanBlob(ObjectReader reader, ObjectId blob, String path,
                                       Map<SkipReason, Integer> skipped, List<ScanProblem> problems)
            throws IOException {
        ObjectLoader loader;
        try {
            loader = reader.open(blob, Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
            problems.add(ScanProblem.of(ProblemKind.MALFORMED_FILE, "secret/git", "/" + path,
                    "blob " + blob.name() + " is missing (a shallow or partial clone?)"));
            return List.of();
        }
        if (loader.getSize() > MAX_BLOB_BYTES) {
            skipped.merge(SkipReason.TOO_LARGE, 1, Integer::sum);
            return List.of();
        }
        ScanOutcome outcome = scanner.scan(path, loader.getCachedBytes(Integer.MAX_VALUE - 16));
        if (outcome instanceof ScanOutcome.Skipped s && s.reason() != SkipReason.BINARY) {
            skipped.merge(s.reason(), 1, Integer::sum);
        }
        return outcome.matches();
    }

    /** Whether 0-based line {@code line} of the new side is one the diff inserted or replaced. */
    private static boolean added(List<Edit> edits, int line, DiffEntry.ChangeType type) {
        if (type == DiffEntry.ChangeType.ADD || type == DiffEntry.ChangeType.COPY) {
            return true;
        }
        for (Edit e : edits) {
            if (line >= e.getBeginB() && line < e.getEndB()) {
                return true;
            }
        }
        return false;
    }

    private static CommitRef commitRef(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        return new CommitRef(commit.name(), author.getName() + " <" + author.getEmailAddress() + ">",
                author.getWhenAsInstant());
    }
}

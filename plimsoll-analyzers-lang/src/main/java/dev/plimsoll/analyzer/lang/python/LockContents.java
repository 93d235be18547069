package dev.plimsoll.analyzer.lang.python;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.List;

/**
 * What a lockfile parser read: the packages it can report, and notes on what it cannot (entries without a name or
 * an exact version, entries not from a package index, a format version it does not know).
 */
record LockContents(List<LockedPackage> packages, List<Note> notes) {
    LockContents {
        packages = List.copyOf(packages);
        notes = List.copyOf(notes);
    }

    /** @param line 1-based, 0 when the note concerns the whole file */
    record Note(ProblemKind kind, int line, String message) {
    }
}

/**
 * The filesystem a container sees, built from an image's layers in one top-down pass.
 *
 * <p>{@link dev.plimsoll.fs.InterestIndex} compiles every analyzer's {@link dev.plimsoll.core.fs.Interests} once;
 * {@link dev.plimsoll.fs.SquashWalker} reads each layer once, newest first, knows each entry's visibility when it
 * arrives, and hands wanted files to a {@link dev.plimsoll.fs.FileSink}; the resulting
 * {@link dev.plimsoll.fs.SquashedView} holds the squashed metadata, the deleted copies, the per-entry problems, and
 * resolves symlinks inside the image root. Hostile input (escaping names, crafted whiteouts, link tricks, huge entry
 * counts) becomes {@link dev.plimsoll.core.problem.ScanProblem}s or an
 * {@link dev.plimsoll.core.error.ImageException}, never a path outside the image.
 */
package dev.plimsoll.fs;

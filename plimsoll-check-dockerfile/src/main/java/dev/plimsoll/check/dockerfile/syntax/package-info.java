/**
 * The Dockerfile syntax tree, parsed as BuildKit parses (current Dockerfile frontend, labs flags included).
 *
 * <p>{@link dev.plimsoll.check.dockerfile.syntax.DockerfileParser} turns text into a
 * {@link dev.plimsoll.check.dockerfile.syntax.Dockerfile}: parser {@link dev.plimsoll.check.dockerfile.syntax.Directive
 * directives}, the escape character, every {@link dev.plimsoll.check.dockerfile.syntax.Comment comment} with its
 * position (for {@code # hadolint ignore=} pragmas), the {@link dev.plimsoll.check.dockerfile.syntax.Instruction
 * instructions} in file order and the {@link dev.plimsoll.check.dockerfile.syntax.Stage stages}. Parsing is lenient:
 * what BuildKit would reject but still has a shape (unknown instructions or flags, missing arguments, nested JSON) is
 * kept in the tree and listed in {@code Dockerfile.problems()}; only input no tree can be built for (an unterminated
 * heredoc, input over {@link dev.plimsoll.check.dockerfile.syntax.ParserLimits}) throws
 * {@link dev.plimsoll.check.dockerfile.syntax.DockerfileSyntaxException}.
 *
 * <p>{@code Instruction} is a sealed interface with one record per keyword (plus
 * {@link dev.plimsoll.check.dockerfile.syntax.UnknownInstruction}); COPY and ADD share
 * {@link dev.plimsoll.check.dockerfile.syntax.FileTransfer}. Every instruction carries an
 * {@link dev.plimsoll.check.dockerfile.syntax.InstructionSource}: keyword canonical and as written, 1-based start line
 * and column and end line, {@link dev.plimsoll.check.dockerfile.syntax.Flags flags} with positions, and the raw argument
 * text of the logical line (continuations joined, comment lines in them dropped). Words, flags, pairs, mounts and
 * heredocs have positions of their own; RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK hold a
 * {@link dev.plimsoll.check.dockerfile.syntax.Command} in exec or shell form (the shell text is for the
 * {@code shell} package to parse).
 *
 * <p>Variables: {@link dev.plimsoll.check.dockerfile.syntax.Environment} is the set of ARG and ENV variables visible
 * before an instruction ({@code stage.environmentAt(instruction)}, {@code dockerfile.environmentAt(instruction)}),
 * following BuildKit's scoping: global ARGs (before the first FROM) are seen by FROM lines and, inside a stage, only
 * once re-declared; declarations accumulate in order; ENV beats ARG; a stage built FROM another inherits its ENV.
 * {@link dev.plimsoll.check.dockerfile.syntax.Expander} implements BuildKit's word expansion and reports what it could
 * not resolve in an {@link dev.plimsoll.check.dockerfile.syntax.Expansion}. Each stage's base image is expanded and
 * resolved to an earlier stage or {@code scratch}.
 *
 * <p>Everything is immutable and free of static mutable state; a parser instance may be shared between threads.
 */
package dev.plimsoll.check.dockerfile.syntax;

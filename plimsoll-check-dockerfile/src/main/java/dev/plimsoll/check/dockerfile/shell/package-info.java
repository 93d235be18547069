/**
 * POSIX shell analysis of RUN scripts: {@link dev.plimsoll.check.dockerfile.shell.ShellParser} turns a
 * {@link dev.plimsoll.check.dockerfile.shell.ScriptSource} (script text plus where it sits in the Dockerfile) into a
 * {@link dev.plimsoll.check.dockerfile.shell.ShellScript}; rules query its commands, flags, subcommands and pipelines.
 * {@link dev.plimsoll.check.dockerfile.shell.ShellCheck} optionally runs the shellcheck binary on the same scripts.
 * Independent of the Dockerfile syntax package: it takes plain strings and positions.
 */
package dev.plimsoll.check.dockerfile.shell;

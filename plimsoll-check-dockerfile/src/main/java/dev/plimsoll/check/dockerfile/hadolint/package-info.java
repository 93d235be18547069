/**
 * hadolint compatibility outside the rules: where hadolint looks for its configuration, how its environment
 * variables, configuration file and command-line options combine into one {@link
 * dev.plimsoll.check.dockerfile.LintConfig}, and its {@code tty} and {@code json} output formats.
 */
package dev.plimsoll.check.dockerfile.hadolint;

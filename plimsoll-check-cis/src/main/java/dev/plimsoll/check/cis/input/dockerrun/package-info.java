/**
 * {@code docker run}/{@code docker create} command lines to RunConfig: POSIX shell word splitting (no expansion,
 * nothing executed) and the Docker CLI's pflag flag rules, with the complete flag table so that an unknown flag is
 * reported rather than mis-parsed.
 */
package dev.plimsoll.check.cis.input.dockerrun;

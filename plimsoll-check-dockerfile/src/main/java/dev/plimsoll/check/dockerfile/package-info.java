/**
 * The Dockerfile check: {@code syntax} parses BuildKit Dockerfiles into a tree with lines and columns,
 * {@code shell} parses RUN scripts into commands and words, {@code rules} holds one class per rule, and the
 * runner applies pragmas and configuration and emits {@link dev.plimsoll.core.finding.MisconfigurationFinding}s.
 */
package dev.plimsoll.check.dockerfile;

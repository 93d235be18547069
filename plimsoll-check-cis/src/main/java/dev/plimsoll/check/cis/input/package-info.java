/**
 * Container inputs of the run-stage audit: every way of describing a container is normalised to the one
 * {@link dev.plimsoll.check.cis.run.RunConfig}, so each container check is written once. One package per input
 * ({@code inspect}, {@code engine}, {@code dockerrun}, {@code compose}); this package holds what they share — the
 * parsers of Docker's value formats ({@link dev.plimsoll.check.cis.input.DockerValues}), the builder that records
 * where each field was read, and the bounded file reader. Readers never throw for bad input: they return
 * {@link dev.plimsoll.check.cis.Loaded} with the targets they could read and a problem for each they could not.
 */
package dev.plimsoll.check.cis.input;

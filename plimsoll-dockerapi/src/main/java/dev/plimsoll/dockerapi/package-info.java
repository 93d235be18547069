/**
 * The Docker Engine API's transport, shared by every reader of a live engine (the run-stage audit's containers,
 * images held by a local Docker or Podman engine): where the engine listens ({@code DOCKER_HOST}), TLS as the docker
 * CLI sets it up, and a small bounded HTTP/1.1 client over a unix domain socket or TCP, which {@code java.net.http}
 * cannot do. Only GET requests are sent.
 */
package dev.plimsoll.dockerapi;

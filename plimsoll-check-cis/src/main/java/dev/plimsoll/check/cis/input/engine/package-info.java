/**
 * A live Docker Engine through its API socket. The HTTP client is this package's own because
 * {@code java.net.http} cannot speak over a unix domain socket; it only sends GET requests and bounds every exchange.
 */
package dev.plimsoll.check.cis.input.engine;

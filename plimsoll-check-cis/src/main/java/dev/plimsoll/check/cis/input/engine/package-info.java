/**
 * A live Docker Engine's containers, daemon information and version, read through plimsoll-dockerapi's transport.
 */
package dev.plimsoll.check.cis.input.engine;

/** {@code docker inspect} output (the CLI's array and the Engine API's object) to RunConfig. */
package dev.plimsoll.check.cis.input.inspect;

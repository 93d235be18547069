/** The Dockerfile check as an analyzer of the scan pipeline: every Dockerfile of a scanned source tree, linted. */
package dev.plimsoll.check.dockerfile.scan;

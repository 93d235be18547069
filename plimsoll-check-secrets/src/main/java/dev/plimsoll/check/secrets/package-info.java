/**
 * Secret detection: rules as data (keywords for a one-pass prefilter, a regex with a secret group, an entropy floor,
 * a format validator), generic detectors for assignments and high-entropy strings, false-positive filters that
 * work on content, decoders for formats that encode secrets, and masking: the raw secret never leaves this module.
 */
package dev.plimsoll.check.secrets;

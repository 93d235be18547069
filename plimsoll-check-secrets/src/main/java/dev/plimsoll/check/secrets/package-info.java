/**
 * Secret detection: rules as data (keywords for a one-pass prefilter, a regex with a secret group, an entropy floor,
 * a format validator), generic detectors for assignments and high-entropy strings, false-positive filters that
 * work on content, decoders for formats that encode secrets, and masking: the raw secret never leaves this module.
 *
 * <p>The API targets use: {@link dev.plimsoll.check.secrets.SecretScanner} (built once, thread-safe;
 * {@code scan(path, bytes)}, {@code scan(path, stream, size)}, {@code scanText(source, text)}) returning
 * {@link dev.plimsoll.check.secrets.ScanOutcome} (Scanned with {@link dev.plimsoll.check.secrets.SecretMatch}es, or
 * Skipped with a {@link dev.plimsoll.check.secrets.SkipReason}); {@link dev.plimsoll.check.secrets.SecretFindings}
 * maps a match to the core {@code SecretFinding}. Rules: {@code rules.RuleSet} (the catalogue via
 * {@code RuleSet.builtin()}, user rules and allowlists via {@code withRules}/{@code withAllowlists}, a gitleaks
 * config via {@code GitleaksConfig.read} and {@code with}).
 *
 * <p>Pipeline per file: sniff (binary, minified, generated, too large) → trigram byte prefilter over the raw bytes
 * (no keyword: done) → decode → each detector with a keyword hit runs on the lines around its hits → decoders
 * (Kubernetes Secret data, Docker auths, escaped PEM) have their decoded content scanned again → inline allow
 * comments, allowlists → overlaps resolved (provider rule over decoder over specific generic over assignment) →
 * {@link dev.plimsoll.check.secrets.SecretMatch} with line, column, masked form and keyed hash.
 */
package dev.plimsoll.check.secrets;

package dev.plimsoll.check.dockerfile;

/**
 * One Dockerfile rule: looks at the parsed file and reports what breaks it. Metadata (title, severity, help) comes
 * from the catalogue by {@link #id()}; pragmas, configuration and severity overrides are applied by the
 * {@link DockerfileLinter}, never by rules. A new rule is one class and one line in {@link DockerfileRules}.
 */
public interface DockerfileRule {
    /** The rule's id as the catalogue names it: {@code DL3008}, {@code PLM-DF-004}. */
    String id();

    void check(LintContext context, RuleSink out);
}

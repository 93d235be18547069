package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package signature checking off or keys trusted globally: {@code apt-key add/adv}, apt sources with
 * {@code [trusted=yes]}, {@code --allow-unauthenticated}, {@code --nogpgcheck}, {@code gpgcheck=0},
 * {@code rpm --nosignature}, {@code apk --allow-untrusted}. One finding per RUN.
 */
public final class PLM_DF_005 implements DockerfileRule {
    /** {@code [trusted=yes]}, {@code [arch=amd64 allow-insecure=yes]} in a sources.list line. */
    private static final Pattern APT_OPTION = Pattern.compile(
            "(?i)\\[[^]\\n]*\\b(trusted|allow-insecure|allow-weak|allow-downgrade-to-insecure)=yes\\b[^]\\n]*]"
                    + "[ \\t]*(\\S*)");
    /** deb822 {@code Trusted: yes}. */
    private static final Pattern DEB822_TRUSTED = Pattern.compile("(?im)^\\s*trusted:\\s*yes\\s*$");
    private static final Pattern APT_CONF = Pattern.compile(
            "(?i)(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|APT::Get::AllowInsecureRepositories"
                    + "|Acquire::AllowDowngradeToInsecureRepositories)\\s*[= ]\\s*\"?(true|1|yes)\"?");
    /** {@code gpgcheck=0} / {@code repo_gpgcheck=0} in a .repo file or {@code --setopt}. */
    private static final Pattern GPGCHECK_OFF = Pattern.compile(
            "(?im)^\\s*(?:[\\w.*-]+\\.)?((?:repo_|localpkg_)?gpgcheck)\\s*=\\s*(0|false|no)\\s*$");

    @Override
    public String id() {
        return "PLM-DF-005";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (RunInstruction run : context.instructions(RunInstruction.class, true)) {
            find(context, run).ifPresent(evidence -> out.report(run,
                    "package signatures are not verified (" + evidence + "); "
                            + (evidence.startsWith("apt-key") ? "store the key in /etc/apt/keyrings and reference it"
                                    + " with signed-by=" : "keep signature checking on and import the vendor key"),
                    evidence));
        }
    }

    private static Optional<String> find(LintContext context, RunInstruction run) {
        List<SimpleCommand> commands = SecurityRuns.commands(context, run);
        for (SimpleCommand c : commands) {
            Optional<String> found = command(c);
            if (found.isPresent()) {
                return found;
            }
        }
        for (String text : SecurityRuns.writtenTexts(commands)) {
            Optional<String> found = content(text);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> command(SimpleCommand c) {
        String name = c.commandName();
        switch (name) {
            case "apt-key":
                if (c.hasSubcommand("add") || c.hasSubcommand("adv")) {
                    return Optional.of("apt-key " + c.subcommand().orElse(""));
                }
                return Optional.empty();
            case "apt-get", "apt", "aptitude":
                for (String flag : List.of("--allow-unauthenticated", "--allow-insecure-repositories")) {
                    if (c.hasFlag(flag)) {
                        return Optional.of(name + " " + flag);
                    }
                }
                for (String option : c.flagValues("-o", "--option")) {
                    if (APT_CONF.matcher(option.replace('=', ' ')).find()) {
                        return Optional.of(name + " -o " + option);
                    }
                }
                return Optional.empty();
            case "yum", "dnf", "microdnf", "tdnf", "zypper", "yum-config-manager", "dnf-3":
                if (c.hasFlag("--nogpgcheck", "--no-gpgcheck", "--no-gpg-checks")) {
                    return Optional.of(name + " " + c.args().stream().map(Word::value)
                            .filter(a -> a.startsWith("--no")).filter(a -> a.contains("gpg")).findFirst()
                            .orElse("--nogpgcheck"));
                }
                for (String option : c.flagValues("--setopt")) {
                    Matcher m = GPGCHECK_OFF.matcher(option);
                    if (m.find()) {
                        return Optional.of(name + " --setopt=" + option);
                    }
                }
                if (name.equals("dnf") || name.equals("yum-config-manager")) {
                    for (Word arg : c.args()) {
                        if (GPGCHECK_OFF.matcher(arg.value()).find() && !arg.value().startsWith("-")) {
                            return Optional.of(name + " " + arg.value());
                        }
                    }
                }
                return Optional.empty();
            case "rpm":
                for (Word arg : c.args()) {
                    String v = arg.value();
                    if (v.equals("--nosignature") || v.equals("--nodigest") || v.equals("--nogpgcheck")) {
                        return Optional.of("rpm " + v);
                    }
                }
                return Optional.empty();
            case "apk":
                // local package files (apk add --allow-untrusted /tmp/x.apk) carry no repository signature anyway
                if (c.hasFlag("--allow-untrusted") && (c.hasSubcommand("add") || c.hasSubcommand("upgrade"))) {
                    for (Word w : c.operandsAfter(c.subcommand().orElse(""))) {
                        if (!w.value().contains("/") && !w.value().endsWith(".apk")) {
                            return Optional.of("apk " + c.subcommand().orElse("") + " --allow-untrusted");
                        }
                    }
                }
                return Optional.empty();
            case "add-apt-repository", "apt-add-repository":
                for (Word arg : c.args()) {
                    Optional<String> found = aptSource(arg.value());
                    if (found.isPresent()) {
                        return found;
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** A sources.list entry that trusts a repository without its signature; local file:/copy: repositories excepted. */
    private static Optional<String> aptSource(String text) {
        Matcher m = APT_OPTION.matcher(text);
        while (m.find()) {
            String uri = m.group(2).toLowerCase(Locale.ROOT);
            if (!uri.startsWith("file:") && !uri.startsWith("copy:")) {
                return Optional.of(text.substring(m.start(), m.end(2)).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> content(String text) {
        Optional<String> source = aptSource(text);
        if (source.isPresent()) {
            return source;
        }
        Matcher m;
        if (DEB822_TRUSTED.matcher(text).find()) {
            return Optional.of("Trusted: yes");
        }
        m = APT_CONF.matcher(text);
        if (m.find()) {
            return Optional.of(m.group());
        }
        m = GPGCHECK_OFF.matcher(text);
        if (m.find()) {
            return Optional.of(m.group().strip().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }
}

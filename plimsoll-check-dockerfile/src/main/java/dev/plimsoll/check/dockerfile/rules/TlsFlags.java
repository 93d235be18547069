package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command options, settings and environment variables that switch TLS certificate verification off (PLM-DF-004). */
final class TlsFlags {
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");
    private static final Pattern APT_VERIFY = Pattern.compile(
            "(?i)acquire::https?::(?:[^\\s:=\"]+::)*verify-(?:peer|host)\\s*[= ]\\s*\"?(?:false|0|no|off)\"?");
    private static final Pattern NPMRC_STRICT_SSL = Pattern.compile("(?im)^\\s*strict-ssl\\s*=\\s*false\\s*$");
    private static final Pattern SSLVERIFY = Pattern.compile("(?im)^\\s*sslverify\\s*=\\s*(?:0|false|no)\\s*$");

    private TlsFlags() {
    }

    /** An environment variable (ENV, ARG default, RUN assignment) whose value turns verification off. */
    static Optional<String> variable(String name, String value) {
        String n = name.toUpperCase(Locale.ROOT);
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.contains("$")) {
            return Optional.empty();
        }
        boolean off = switch (n) {
            case "NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY" -> v.equals("0");
            case "GIT_SSL_NO_VERIFY", "PIP_TRUSTED_HOST" -> !v.isEmpty();
            case "NPM_CONFIG_STRICT_SSL", "YARN_ENABLE_STRICT_SSL", "YARN_STRICT_SSL" -> FALSE.contains(v);
            default -> false;
        };
        return off ? Optional.of(name + "=" + value.strip()) : Optional.empty();
    }

    /** A command line that turns verification off, as evidence. */
    static Optional<String> command(SimpleCommand c) {
        String name = c.commandName();
        switch (name) {
            case "curl":
                if (c.hasFlag("-k", "--insecure")) {
                    return Optional.of("curl " + (c.hasFlag("--insecure") ? "--insecure" : "-k"));
                }
                return Optional.empty();
            case "wget":
                return c.hasFlag("--no-check-certificate") ? Optional.of("wget --no-check-certificate")
                        : Optional.empty();
            case "git":
                return git(c);
            case "npm", "yarn", "pnpm":
                return npm(c);
            case "composer":
                return composer(c);
            case "conda", "mamba", "micromamba":
                return conda(c);
            case "apt-get", "apt", "aptitude":
                for (String option : c.flagValues("-o", "--option")) {
                    if (APT_VERIFY.matcher(option.replace('=', ' ')).find()) {
                        return Optional.of(name + " -o " + option);
                    }
                }
                return Optional.empty();
            case "yum", "dnf", "microdnf", "tdnf":
                for (String option : c.flagValues("--setopt")) {
                    String o = option.toLowerCase(Locale.ROOT);
                    int eq = o.indexOf('=');
                    if (eq > 0 && (o.substring(0, eq).equals("sslverify") || o.substring(0, eq).endsWith(".sslverify"))
                            && FALSE.contains(o.substring(eq + 1))) {
                        return Optional.of(name + " --setopt=" + option);
                    }
                }
                return Optional.empty();
            default:
                break;
        }
        if (isPip(c)) {
            for (Word arg : c.args()) {
                String v = arg.value();
                if (v.equals("--trusted-host") || v.startsWith("--trusted-host=")) {
                    return Optional.of(name + " " + v);
                }
            }
            List<String> ops = c.positionalValues();
            int config = ops.indexOf("config");
            if (config >= 0 && config + 2 < ops.size() && ops.get(config + 1).equals("set")
                    && ops.get(config + 2).toLowerCase(Locale.ROOT).endsWith(".trusted-host")) {
                return Optional.of("pip config set " + ops.get(config + 2));
            }
        }
        return Optional.empty();
    }

    /** Text written to a configuration file (apt.conf.d, .npmrc, .repo) that turns verification off. */
    static Optional<String> fileContent(String text) {
        Matcher apt = APT_VERIFY.matcher(text);
        if (apt.find()) {
            return Optional.of(apt.group());
        }
        if (NPMRC_STRICT_SSL.matcher(text).find()) {
            return Optional.of("strict-ssl=false");
        }
        Matcher yum = SSLVERIFY.matcher(text);
        if (yum.find()) {
            return Optional.of(yum.group().strip());
        }
        return Optional.empty();
    }

    private static boolean isPip(SimpleCommand c) {
        String name = c.commandName();
        if (name.startsWith("pip") || name.equals("uv") || name.equals("pipenv") || name.equals("poetry")) {
            return true;
        }
        if (name.startsWith("python")) {
            List<String> args = c.argValues();
            int m = args.indexOf("-m");
            return m >= 0 && m + 1 < args.size() && args.get(m + 1).startsWith("pip");
        }
        return false;
    }

    private static Optional<String> git(SimpleCommand c) {
        for (String setting : c.flagValues("-c")) {
            int eq = setting.indexOf('=');
            if (eq > 0 && isSslVerify(setting.substring(0, eq)) && FALSE.contains(lower(setting.substring(eq + 1)))) {
                return Optional.of("git -c " + setting);
            }
        }
        List<String> ops = c.positionalValues();
        if (!ops.isEmpty() && ops.get(0).equals("config") && ops.size() >= 3 && isSslVerify(ops.get(ops.size() - 2))
                && FALSE.contains(lower(ops.get(ops.size() - 1)))) {
            return Optional.of("git config " + ops.get(ops.size() - 2) + " " + ops.get(ops.size() - 1));
        }
        return Optional.empty();
    }

    /** {@code http.sslVerify} or {@code http.<url>.sslVerify}, any case. */
    private static boolean isSslVerify(String key) {
        String k = lower(key);
        return k.startsWith("http.") && k.endsWith(".sslverify");
    }

    private static Optional<String> npm(SimpleCommand c) {
        String name = c.commandName();
        for (Word arg : c.args()) {
            String v = lower(arg.value());
            if (v.equals("--strict-ssl=false") || v.equals("--no-strict-ssl")) {
                return Optional.of(name + " " + arg.value());
            }
        }
        List<String> ops = c.positionalValues();
        int set = ops.indexOf("set");
        if (set >= 0 && set <= 1 && (set == 0 || ops.get(0).equals("config") || ops.get(0).equals("c"))) {
            List<String> rest = ops.subList(set + 1, ops.size());
            for (int i = 0; i < rest.size(); i++) {
                String key = lower(rest.get(i));
                boolean strict = key.equals("strict-ssl") || key.equals("enablestrictssl");
                if (strict && i + 1 < rest.size() && FALSE.contains(lower(rest.get(i + 1)))) {
                    return Optional.of(name + " config set " + rest.get(i) + " " + rest.get(i + 1));
                }
                if (key.equals("strict-ssl=false")) {
                    return Optional.of(name + " config set " + rest.get(i));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> composer(SimpleCommand c) {
        List<String> ops = c.positionalValues();
        if (ops.size() >= 3 && ops.get(0).equals("config")) {
            String key = lower(ops.get(ops.size() - 2));
            String value = lower(ops.get(ops.size() - 1));
            if ((key.equals("disable-tls") && value.equals("true")) || (key.equals("secure-http") && FALSE.contains(value))) {
                return Optional.of("composer config " + ops.get(ops.size() - 2) + " " + ops.get(ops.size() - 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> conda(SimpleCommand c) {
        List<String> args = c.argValues();
        for (int i = 0; i + 2 < args.size(); i++) {
            if (args.get(i).equals("--set") && lower(args.get(i + 1)).equals("ssl_verify")
                    && FALSE.contains(lower(args.get(i + 2)))) {
                return Optional.of(c.commandName() + " config --set ssl_verify " + args.get(i + 2));
            }
        }
        return Optional.empty();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

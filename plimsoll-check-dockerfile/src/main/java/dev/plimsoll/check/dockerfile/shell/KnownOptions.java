package dev.plimsoll.check.dockerfile.shell;

import java.util.Map;
import java.util.Set;

/**
 * Which options of common Dockerfile commands take a value. Without this {@code apt-get -o Dpkg::Use-Pty=0 install x}
 * would make {@code Dpkg::Use-Pty=0} the subcommand, and {@code apk add -t .deps x} would make {@code .deps} a
 * package. Options written {@code --name=value} need no entry; unknown commands treat every option as a switch.
 */
final class KnownOptions {
    private static final Set<String> APT = Set.of("-o", "--option", "-c", "--config-file", "-t", "--target-release",
            "--default-release", "-a", "--host-architecture");
    private static final Set<String> PIP = Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable",
            "-t", "--target", "--prefix", "--root", "--src", "-f", "--find-links", "-i", "--index-url",
            "--extra-index-url", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi",
            "--upgrade-strategy", "--progress-bar", "--log", "--proxy", "--retries", "--timeout", "--exists-action",
            "--cert", "--client-cert", "--cache-dir", "--no-binary", "--only-binary", "--global-option",
            "--install-option", "--config-settings", "-C", "--root-user-action", "--report", "--python");
    private static final Set<String> YUM = Set.of("-c", "--config", "--installroot", "--enablerepo", "--disablerepo",
            "--releasever", "-d", "--debuglevel", "-e", "--errorlevel", "--setopt", "-x", "--exclude", "--repo",
            "--repoid", "--forcearch");
    private static final Set<String> CURL = Set.of("-o", "--output", "-H", "--header", "-d", "--data", "--data-raw",
            "--data-binary", "--data-urlencode", "-X", "--request", "-u", "--user", "-A", "--user-agent", "-e",
            "--referer", "-F", "--form", "-T", "--upload-file", "-w", "--write-out", "-x", "--proxy", "-m",
            "--max-time", "-r", "--range", "-b", "--cookie", "-c", "--cookie-jar", "-K", "--config", "-E", "--cert",
            "--retry", "--retry-delay", "--retry-max-time", "--connect-timeout", "--cacert", "--capath", "--proto",
            "--proto-redir", "--resolve", "--url", "--output-dir", "-z", "--time-cond", "-Y", "--speed-limit", "-y",
            "--speed-time", "-C", "--continue-at", "--key", "--pass", "--interface", "--dns-servers",
            "--limit-rate", "--max-filesize", "--max-redirs", "-U", "--proxy-user", "--netrc-file");
    private static final Set<String> WGET = Set.of("-O", "--output-document", "-o", "--output-file", "-a",
            "--append-output", "-P", "--directory-prefix", "-U", "--user-agent", "--header", "-t", "--tries", "-T",
            "--timeout", "--user", "--password", "-i", "--input-file", "-e", "--execute", "--ca-certificate",
            "--ca-directory", "--certificate", "--private-key", "-Q", "--quota", "-w", "--wait", "-l", "--level",
            "--post-data", "--post-file", "--method", "--body-data", "-B", "--base", "--limit-rate");
    private static final Set<String> USERADD = Set.of("-u", "--uid", "-g", "--gid", "-G", "--groups", "-d", "--home",
            "--home-dir", "-s", "--shell", "-c", "--comment", "-e", "--expiredate", "-f", "--inactive", "-k",
            "--skel", "-K", "--key", "-p", "--password", "-b", "--base-dir", "-Z", "--selinux-user", "-R", "--root",
            "-P", "--prefix");
    private static final Map<String, Set<String>> VALUE_OPTIONS = Map.ofEntries(
            Map.entry("apt-get", APT), Map.entry("apt", APT), Map.entry("aptitude", APT),
            Map.entry("pip", PIP), Map.entry("pip3", PIP), Map.entry("pip2", PIP),
            Map.entry("npm", Set.of("--prefix", "--registry", "--cache", "--userconfig", "--globalconfig",
                    "--loglevel", "-w", "--workspace", "--location", "--omit", "--include", "--tag")),
            Map.entry("yarn", Set.of("--cwd", "--registry", "--cache-folder", "--modules-folder", "--network-timeout",
                    "--mutex", "--global-folder")),
            Map.entry("git", Set.of("-C", "-c", "--git-dir", "--work-tree", "--namespace", "--config-env")),
            Map.entry("apk", Set.of("-X", "--repository", "-p", "--root", "--arch", "--cache-dir",
                    "--repositories-file", "--keys-dir", "-t", "--virtual", "--cache-max-age", "--wait")),
            Map.entry("yum", YUM), Map.entry("dnf", YUM), Map.entry("microdnf", YUM), Map.entry("tdnf", YUM),
            Map.entry("zypper", Set.of("-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "-c", "--config",
                    "-p", "--plus-repo", "-r", "--repo", "--installroot")),
            Map.entry("gem", Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source",
                    "-p", "--http-proxy", "--platform")),
            Map.entry("curl", CURL), Map.entry("wget", WGET),
            Map.entry("useradd", USERADD), Map.entry("adduser", Set.of("-u", "--uid", "-g", "--gid", "-G",
                    "--ingroup", "-h", "--home", "-s", "--shell", "--gecos", "--firstuid", "--lastuid",
                    "-k", "--conf", "-c")),
            Map.entry("groupadd", Set.of("-g", "--gid", "-K", "--key", "-p", "--password", "-R", "--root")),
            Map.entry("usermod", USERADD),
            Map.entry("set", Set.of("-o", "+o")),
            Map.entry("tar", Set.of("-f", "--file", "-C", "--directory", "-T", "--files-from", "-X",
                    "--exclude-from", "--strip-components", "-b", "--blocking-factor", "-I",
                    "--use-compress-program", "--transform", "--owner", "--group", "--mode")),
            Map.entry("docker", Set.of("-H", "--host", "-c", "--context", "--config", "-l", "--log-level")),
            Map.entry("go", Set.of("-C")),
            Map.entry("chown", Set.of("--from", "--reference")),
            Map.entry("chmod", Set.of("--reference")),
            Map.entry("install", Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t",
                    "--target-directory", "-S", "--suffix")),
            Map.entry("mkdir", Set.of("-m", "--mode")),
            Map.entry("ln", Set.of("-t", "--target-directory", "-S", "--suffix")),
            Map.entry("cp", Set.of("-t", "--target-directory", "-S", "--suffix")),
            Map.entry("mv", Set.of("-t", "--target-directory", "-S", "--suffix")),
            Map.entry("find", Set.of()),
            Map.entry("update-alternatives", Set.of("--altdir", "--admindir", "--log")));

    private KnownOptions() {
    }

    /** The options of {@code command} (a basename) that take a value; empty for unknown commands. */
    static Set<String> valueOptions(String command) {
        Set<String> known = VALUE_OPTIONS.get(command);
        if (known == null && command.startsWith("pip")) {
            // pip3.11, pip-3.9 …
            known = PIP;
        }
        return known == null ? Set.of() : known;
    }
}

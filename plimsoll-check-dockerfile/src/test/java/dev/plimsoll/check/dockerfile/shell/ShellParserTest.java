package dev.plimsoll.check.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static ShellScript parse(String script) {
        return ShellParser.parse(script);
    }

    private static List<String> names(ShellScript script) {
        return script.commands().stream().map(SimpleCommand::commandName).toList();
    }

    @Test
    void andOrListsAndSeparators() {
        ShellScript script = parse("apt-get update && apt-get install -y curl || true; echo done & wait\nls");
        assertThat(script.complete()).isTrue();
        assertThat(script.body()).hasSize(4);
        AndOrList first = script.body().get(0);
        assertThat(first.pipelines()).hasSize(3);
        assertThat(first.operators()).containsExactly(AndOrList.Operator.AND, AndOrList.Operator.OR);
        assertThat(script.body().get(1).background()).isTrue();
        assertThat(names(script)).containsExactly("apt-get", "apt-get", "true", "echo", "wait", "ls");
    }

    @Test
    void quotesEscapesAndValues() {
        SimpleCommand cmd = parse("echo 'a b' \"c $HOME d\" e\\ f $'x\\ty' \"\\$lit\" ~/.cache '*.txt'")
                .commands().get(0);
        List<Word> args = cmd.args();
        assertThat(args).extracting(Word::value)
                .containsExactly("a b", "c $HOME d", "e f", "x\ty", "$lit", "~/.cache", "*.txt");
        assertThat(args.get(0).literal()).contains("a b");
        assertThat(args.get(1).hasExpansion()).isTrue();
        assertThat(args.get(1).literal()).isEmpty();
        assertThat(args.get(4).hasExpansion()).isFalse();
        assertThat(args.get(1).raw()).isEqualTo("\"c $HOME d\"");
        assertThat(args.get(0).quoted()).isTrue();
        assertThat(args.get(5).quoted()).isFalse();
    }

    @Test
    void lineContinuationsAndPositions() {
        String run = "apt-get update \\\n    && apt-get install -y \\\n        curl";
        ShellScript script = ShellParser.parse(ScriptSource.at(run, 10, 5));
        List<SimpleCommand> commands = script.commands();
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0).position()).isEqualTo(new Position(10, 5));
        assertThat(commands.get(1).position()).isEqualTo(new Position(11, 8));
        Word curl = commands.get(1).args().get(2);
        assertThat(curl.value()).isEqualTo("curl");
        assertThat(curl.position()).isEqualTo(new Position(12, 9));
    }

    @Test
    void continuationInsideWordJoinsIt() {
        SimpleCommand cmd = parse("echo foo\\\nbar").commands().get(0);
        assertThat(cmd.argValues()).containsExactly("foobar");
    }

    @Test
    void commentsAreSkipped() {
        ShellScript script = parse("# leading\necho a # trailing && rm -rf /\necho b#not-a-comment");
        assertThat(names(script)).containsExactly("echo", "echo");
        assertThat(script.commands().get(1).argValues()).containsExactly("b#not-a-comment");
    }

    @Test
    void pipesAndPipefail() {
        ShellScript script = parse("wget -O - https://x | tar xz; curl -s x |& tee log");
        assertThat(script.hasPipe()).isTrue();
        assertThat(script.pipelinesWithoutPipefail(false)).hasSize(2);
        assertThat(script.pipelinesWithoutPipefail(true)).isEmpty();
        assertThat(parse("set -o pipefail && wget -O - x | tar xz").pipelinesWithoutPipefail(false)).isEmpty();
        assertThat(parse("set -euxo pipefail; wget -O - x | tar xz").pipelinesWithoutPipefail(false)).isEmpty();
        assertThat(parse("set -eo pipefail\nwget -O - x | tar xz").pipelinesWithoutPipefail(false)).isEmpty();
        assertThat(parse("wget -O - x | tar xz; set -o pipefail").pipelinesWithoutPipefail(false)).hasSize(1);
        assertThat(parse("set -o pipefail; set +o pipefail; a | b").pipelinesWithoutPipefail(false)).hasSize(1);
        assertThat(parse("set -e; a | b").pipelinesWithoutPipefail(false)).hasSize(1);
        assertThat(parse("(set -o pipefail); a | b").pipelinesWithoutPipefail(false)).hasSize(1);
        assertThat(parse("bash -o pipefail -c 'a | b'").pipelinesWithoutPipefail(false)).isEmpty();
        assertThat(parse("bash -c 'a | b'").pipelinesWithoutPipefail(false)).hasSize(1);
    }

    @Test
    void downloadPipedIntoShell() {
        ShellScript bad = parse("curl -fsSL https://get.example.com | sudo -E bash -");
        ShellScript good = parse("curl -fsSLo /tmp/x.sh https://get.example.com && sh /tmp/x.sh");
        ShellScript viaTee = parse("wget -qO- https://x | tee /tmp/i | sh");
        for (ShellScript script : List.of(bad, good, viaTee)) {
            assertThat(script.complete()).isTrue();
        }
        assertThat(curlToShell(bad)).isTrue();
        assertThat(curlToShell(good)).isFalse();
        assertThat(curlToShell(viaTee)).isTrue();
        assertThat(bad.commands().get(1).sudo()).isTrue();
    }

    private static boolean curlToShell(ShellScript script) {
        return script.pipelines().stream().anyMatch(p -> p.pipesInto(c -> c.is("curl", "wget"),
                c -> c.is("sh", "bash", "dash", "ash", "zsh")));
    }

    @Test
    void subshellsGroupsAndSubstitutionsInExecutionOrder() {
        ShellScript script = parse("(cd /src && make) && { echo a; echo b; } && echo \"$(date +%s)\" `uname -r`");
        assertThat(script.complete()).isTrue();
        assertThat(names(script)).containsExactly("cd", "make", "echo", "echo", "date", "uname", "echo");
        Command first = script.body().get(0).pipelines().get(0).commands().get(0);
        assertThat(first).isInstanceOf(Command.Subshell.class);
        Command second = script.body().get(0).pipelines().get(1).commands().get(0);
        assertThat(second).isInstanceOf(Command.BraceGroup.class);
    }

    @Test
    void arithmeticAndParameterExpansions() {
        ShellScript script = parse("echo $((1 + (2 * 3))) ${VAR:-default} ${#ARR[@]} ${x//a/b} \"${y%%.*}\"");
        assertThat(script.complete()).isTrue();
        SimpleCommand echo = script.commands().get(0);
        assertThat(echo.argValues())
                .containsExactly("$((1 + (2 * 3)))", "${VAR:-default}", "${#ARR[@]}", "${x//a/b}", "${y%%.*}");
        assertThat(echo.args()).allMatch(Word::hasExpansion);
        assertThat(parse("(( i++ )); echo $i").commands()).hasSize(2);
    }

    @Test
    void redirections() {
        SimpleCommand cmd = parse("make >build.log 2>&1 </dev/null 3>>x &>/dev/null").commands().get(0);
        assertThat(cmd.words()).extracting(Word::value).containsExactly("make");
        assertThat(cmd.redirects()).extracting(Redirect::operator).containsExactly(">", ">&", "<", ">>", "&>");
        assertThat(cmd.redirects().get(1).fd()).hasValue(2);
        assertThat(cmd.redirects().get(1).target().value()).isEqualTo("1");
        assertThat(cmd.redirects().get(0).fd()).isEmpty();
    }

    @Test
    void hereDocsInsideScripts() {
        String text = "cat <<EOF > /etc/apt/sources.list && apt-get update\ndeb http://x $REL main\nEOF\n"
                + "cat <<-'END' | sh\n\techo $HOME\n\tEND\necho after";
        ShellScript script = parse(text);
        assertThat(script.complete()).isTrue();
        assertThat(names(script)).containsExactly("cat", "apt-get", "cat", "sh", "echo");
        HereDoc first = script.commands().get(0).redirects().get(0).hereDoc().orElseThrow();
        assertThat(first.body()).isEqualTo("deb http://x $REL main\n");
        assertThat(first.quotedDelimiter()).isFalse();
        assertThat(first.bodyPosition()).isEqualTo(new Position(2, 1));
        HereDoc second = script.commands().get(2).redirects().get(0).hereDoc().orElseThrow();
        assertThat(second.body()).isEqualTo("echo $HOME\n");
        assertThat(second.quotedDelimiter()).isTrue();
        assertThat(second.stripTabs()).isTrue();
        assertThat(script.commands().get(4).position().line()).isEqualTo(7);
    }

    @Test
    void unterminatedHereDocIsAProblem() {
        ShellScript script = parse("cat <<EOF\nabc");
        assertThat(script.problems()).hasSize(1);
        assertThat(script.commands().get(0).redirects().get(0).hereDoc().orElseThrow().body()).isEqualTo("abc\n");
    }

    @Test
    void assignmentsPrefixingCommands() {
        SimpleCommand cmd = parse("DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 apt-get install -y tzdata")
                .commands().get(0);
        assertThat(cmd.assignments()).extracting(Assignment::name).containsExactly("DEBIAN_FRONTEND", "LANG");
        assertThat(cmd.assignments().get(0).value().value()).isEqualTo("noninteractive");
        assertThat(cmd.commandName()).isEqualTo("apt-get");
        SimpleCommand only = parse("PATH=\"/opt/bin:$PATH\" ARR=(a b) X+=1").commands().get(0);
        assertThat(only.words()).isEmpty();
        assertThat(only.assignments()).extracting(Assignment::name).containsExactly("PATH", "ARR", "X");
        assertThat(only.assignments().get(0).value().value()).isEqualTo("/opt/bin:$PATH");
        assertThat(only.assignments().get(1).value().value()).isEqualTo("(a b)");
        assertThat(only.commandName()).isEmpty();
        SimpleCommand notAssignment = parse("echo A=B").commands().get(0);
        assertThat(notAssignment.assignments()).isEmpty();
        assertThat(notAssignment.argValues()).containsExactly("A=B");
    }

    @Test
    void ifForWhileUntilCase() {
        String text = """
                if [ -f /etc/debian_version ]; then apt-get update; elif command -v apk; then apk update; \
                else yum makecache; fi; \
                for p in a b "c d"; do pip install "$p"; done; \
                while read -r line; do echo "$line"; done < file; \
                until curl -f localhost; do sleep 1; done; \
                case "$(uname -m)" in x86_64|amd64) ARCH=amd64 ;; aarch64) ARCH=arm64 ;; *) exit 1 ;; esac""";
        ShellScript script = parse(text);
        assertThat(script.problems()).isEmpty();
        assertThat(names(script)).containsExactly("[", "apt-get", "command", "apk", "yum", "pip", "read", "echo",
                "curl", "sleep", "uname", "", "", "exit");
        Command.For loop = (Command.For) script.body().get(1).pipelines().get(0).commands().get(0);
        assertThat(loop.variable()).isEqualTo("p");
        assertThat(loop.items()).extracting(Word::value).containsExactly("a", "b", "c d");
        Command.Case caseCommand = (Command.Case) script.body().get(4).pipelines().get(0).commands().get(0);
        assertThat(caseCommand.items()).hasSize(3);
        assertThat(caseCommand.items().get(0).patterns()).extracting(Word::value).containsExactly("x86_64", "amd64");
        Command.While until = (Command.While) script.body().get(3).pipelines().get(0).commands().get(0);
        assertThat(until.until()).isTrue();
    }

    @Test
    void caseInsideCommandSubstitutionFindsTheRightParenthesis() {
        ShellScript script = parse("ARCH=$(case $(uname -m) in x86_64) echo amd64;; esac) && echo $ARCH");
        assertThat(script.problems()).isEmpty();
        assertThat(names(script)).containsExactly("uname", "echo", "", "echo");
    }

    @Test
    void functions() {
        ShellScript script = parse("retry() { for i in 1 2 3; do \"$@\" && break; sleep 5; done; }; retry apt-get"
                + " update; function f { echo x; }");
        assertThat(script.problems()).isEmpty();
        Command def = script.body().get(0).pipelines().get(0).commands().get(0);
        assertThat(def).isInstanceOf(Command.FunctionDefinition.class);
        assertThat(((Command.FunctionDefinition) def).name()).isEqualTo("retry");
        assertThat(names(script)).contains("sleep", "retry", "echo");
    }

    @Test
    void bashIsmsDoNotBreakParsing() {
        String text = "set -euxo pipefail; [[ -f /x && $(id -u) -eq 0 || \"$a\" =~ ^(foo|bar)$ ]] && echo ok; "
                + "diff <(sort a) <(sort b); echo $'it\\'s'; for ((i=0; i<3; i++)); do echo $i; done; "
                + "arr=(1 2 3); echo ${arr[@]}";
        ShellScript script = parse(text);
        assertThat(script.problems()).isEmpty();
        assertThat(names(script))
                .containsExactly("set", "id", "[[", "echo", "sort", "sort", "diff", "echo", "echo", "", "echo");
        SimpleCommand test = script.commands().get(2);
        assertThat(test.words().get(test.words().size() - 1).value()).isEqualTo("]]");
    }

    @Test
    void wrappersAreLookedThrough() {
        SimpleCommand cmd = parse("sudo -u root -E env A=1 nice -n 5 /usr/bin/apt-get install -y x").commands()
                .get(0);
        assertThat(cmd.commandName()).isEqualTo("apt-get");
        assertThat(cmd.originalName()).isEqualTo("sudo");
        assertThat(cmd.wrappers()).containsExactly("sudo", "env", "nice");
        assertThat(cmd.sudo()).isTrue();
        assertThat(cmd.environment()).extracting(Assignment::name).containsExactly("A");
        assertThat(cmd.argValues()).containsExactly("install", "-y", "x");
        assertThat(parse("time exec command timeout 30 gosu app xargs -n1 rm -f").commands().get(0).commandName())
                .isEqualTo("rm");
        assertThat(parse("command -v curl").commands().get(0).commandName()).isEqualTo("command");
        assertThat(parse("sudo").commands().get(0).commandName()).isEqualTo("sudo");
        assertThat(parse("$PIP install x").commands().get(0).commandName()).isEmpty();
        assertThat(parse("sudo chmod 777 /x").commands().get(0).sudo()).isTrue();
    }

    @Test
    void flags() {
        SimpleCommand apt = parse("apt-get -qqy -o Dpkg::Options::=--force-confnew install --no-install-recommends"
                + " curl=7.* -- -notaflag").commands().get(0);
        assertThat(apt.hasFlag("-y", "--yes", "--assume-yes")).isTrue();
        assertThat(apt.hasFlag("-q")).isTrue();
        assertThat(apt.hasFlag("--no-install-recommends")).isTrue();
        assertThat(apt.hasFlag("-n")).isFalse();
        assertThat(apt.flagValue("-o", "--option")).contains("Dpkg::Options::=--force-confnew");
        assertThat(apt.subcommand()).contains("install");
        assertThat(apt.hasSubcommand("install")).isTrue();
        assertThat(apt.operandsAfter("install")).extracting(Word::value).containsExactly("curl=7.*", "-notaflag");
        SimpleCommand pip = parse("pip install --no-cache-dir --trusted-host a.org --trusted-host=b.org"
                + " -i https://idx -r req.txt flask==2.0").commands().get(0);
        assertThat(pip.flagValues("--trusted-host")).containsExactly("a.org", "b.org");
        assertThat(pip.flagValue("-i", "--index-url")).contains("https://idx");
        assertThat(pip.operandsAfter("install")).extracting(Word::value).containsExactly("flask==2.0");
        SimpleCommand apk = parse("apk add --no-cache -t .build-deps gcc musl-dev").commands().get(0);
        assertThat(apk.hasFlag("--no-cache")).isTrue();
        assertThat(apk.operandsAfter("add")).extracting(Word::value).containsExactly("gcc", "musl-dev");
        SimpleCommand curl = parse("curl -fsSLk -H 'k: v' --insecure -o out https://x").commands().get(0);
        assertThat(curl.hasFlag("-k")).isTrue();
        assertThat(curl.hasFlag("-o")).isTrue();
        assertThat(curl.flagValue("-o")).contains("out");
        assertThat(curl.positionalValues()).containsExactly("https://x");
        SimpleCommand find = parse("find / -name '*.pyc' -delete").commands().get(0);
        assertThat(find.hasFlag("-name")).isTrue();
        assertThat(find.hasFlag("-n")).isTrue();
        assertThat(find.hasArg("-delete")).isTrue();
        SimpleCommand wget = parse("wget --no-check-certificate -q https://x").commands().get(0);
        assertThat(wget.hasFlag("--no-check-certificate")).isTrue();
    }

    @Test
    void subcommandsSkipOptions() {
        assertThat(parse("npm config set strict-ssl false").commands().get(0).hasSubcommand("config", "set"))
                .isTrue();
        SimpleCommand npm = parse("npm --registry https://r install -g yarn@1").commands().get(0);
        assertThat(npm.subcommand()).contains("install");
        SimpleCommand git = parse("git -C /src -c core.x=y config --global http.sslVerify false").commands().get(0);
        assertThat(git.hasSubcommand("config")).isTrue();
        assertThat(git.operandsAfter("config")).extracting(Word::value).containsExactly("http.sslVerify", "false");
        SimpleCommand gitC = parse("git -c http.sslVerify=false clone https://x").commands().get(0);
        assertThat(gitC.flagValue("-c")).contains("http.sslVerify=false");
        assertThat(gitC.subcommand()).contains("clone");
        assertThat(parse("yum -y install httpd").commands().get(0).subcommand()).contains("install");
    }

    @Test
    void securityShapes() {
        SimpleCommand chmod = parse("chmod -R 777 /app && chmod u+s /bin/x").commands().get(0);
        assertThat(chmod.positionalValues()).containsExactly("777", "/app");
        assertThat(parse("chmod u+s /bin/x").commands().get(0).positionalValues()).containsExactly("u+s", "/bin/x");
        assertThat(parse("apt-key adv --keyserver k --recv-keys ABC").commands().get(0).subcommand())
                .contains("adv");
        SimpleCommand useradd = parse("useradd -r -u 1001 -g app -s /sbin/nologin app").commands().get(0);
        assertThat(useradd.positionalValues()).containsExactly("app");
        assertThat(useradd.flagValue("-u", "--uid")).contains("1001");
    }

    @Test
    void nestedShellScripts() {
        ShellScript script = ShellParser.parse(ScriptSource.at("sh -c 'apt-get update && apt-get install -y x'",
                3, 5));
        SimpleCommand sh = script.commands().get(0);
        NestedScript nested = sh.nestedScript().orElseThrow();
        assertThat(nested.interpreter()).isEqualTo("sh");
        assertThat(names(nested.script())).containsExactly("apt-get", "apt-get");
        assertThat(names(script)).containsExactly("sh", "apt-get", "apt-get");
        assertThat(nested.script().commands().get(1).position()).isEqualTo(new Position(3, 30));
        assertThat(parse("bash -euxc \"chmod 777 /x\"").commands()).extracting(SimpleCommand::commandName)
                .containsExactly("bash", "chmod");
        assertThat(parse("su app -c 'npm install'").commands()).extracting(SimpleCommand::commandName)
                .containsExactly("su", "npm");
        assertThat(parse("bash script.sh -c x").commands()).hasSize(1);
        assertThat(parse("sh -c").commands().get(0).nestedScript()).isEmpty();
    }

    @Test
    void problemsAreReportedAndTheRestKept() {
        ShellScript script = parse("echo 'unterminated && rm -rf /");
        assertThat(script.complete()).isFalse();
        assertThat(script.commands()).hasSize(1);
        ShellScript missingFi = parse("if true; then echo a; apt-get install x");
        assertThat(missingFi.problems()).extracting(ParseProblem::message).anyMatch(m -> m.contains("fi"));
        assertThat(names(missingFi)).containsExactly("true", "echo", "apt-get");
        ShellScript stray = parse("echo a ) ; ; echo b && && echo c | ");
        assertThat(stray.complete()).isFalse();
        assertThat(names(stray)).contains("echo");
        assertThat(parse("echo $(").problems()).isNotEmpty();
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "( ".repeat(100_000) + "echo" + ")".repeat(100_000);
        ShellScript script = parse(deep);
        assertThat(script.problems()).extracting(ParseProblem::message).contains("nesting too deep");
        String subs = "echo " + "$(".repeat(50_000) + "x" + ")".repeat(50_000);
        assertThat(parse(subs).problems()).isNotEmpty();
        String ticks = "echo " + "\"$(echo '".repeat(10_000);
        assertThat(parse(ticks).complete()).isFalse();
    }

    @Test
    void dockerfileContinuationDropsCommentAndEmptyLines() {
        String raw = "apt-get update \\\n# a comment\n\n    && apt-get install -y \\\n    curl";
        ScriptSource source = ScriptSource.fromDockerfileContinuation(raw, 20, 5, '\\');
        assertThat(source.text()).isEqualTo("apt-get update \\\n    && apt-get install -y \\\n    curl");
        ShellScript script = ShellParser.parse(source);
        assertThat(script.complete()).isTrue();
        assertThat(script.commands().get(1).position()).isEqualTo(new Position(23, 8));
        assertThat(script.commands().get(1).args().get(2).position()).isEqualTo(new Position(24, 5));
    }

    @Test
    void heredocSourcePositions() {
        ShellScript script = ShellParser.parse(ScriptSource.heredoc("set -e\napt-get update\n", 7));
        assertThat(script.commands().get(1).position()).isEqualTo(new Position(8, 1));
    }

    @Test
    void emptyAndBlankScripts() {
        assertThat(parse("").commands()).isEmpty();
        assertThat(parse("  \n\t# only a comment\n").complete()).isTrue();
        assertThat(parse("\\\n").commands()).isEmpty();
    }

    @Test
    void realRunLines() {
        String node = """
                groupadd --gid 1000 node \\
                  && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
                  && ARCH= && dpkgArch="$(dpkg --print-architecture)" \\
                  && case "${dpkgArch##*-}" in \\
                    amd64) ARCH='x64';; \\
                    ppc64el) ARCH='ppc64le';; \\
                    *) echo "unsupported architecture"; exit 1 ;; \\
                  esac \\
                  && set -ex \\
                  && for key in \\
                    4ED778F539E3634C779C87C6D7062848A1AB005C \\
                  ; do \\
                      gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" || \\
                      gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ; \\
                  done \\
                  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" \\
                  && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c - \\
                  && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \\
                  && ln -s /usr/local/bin/node /usr/local/bin/nodejs \\
                  && node --version""";
        ShellScript script = ShellParser.parse(ScriptSource.at(node, 5, 5));
        assertThat(script.problems()).isEmpty();
        assertThat(script.commands("useradd")).hasSize(1);
        assertThat(script.commands("gpg")).hasSize(2);
        assertThat(script.pipelinesWithoutPipefail(false)).hasSize(1);
        SimpleCommand tar = script.commands("tar").get(0);
        assertThat(tar.flagValue("-C")).contains("/usr/local");
        assertThat(tar.position().line()).isEqualTo(22);

        String apt = "apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311"
                + " curl && rm -rf /var/lib/apt/lists/*";
        ShellScript aptScript = parse(apt);
        SimpleCommand rm = aptScript.commands("rm").get(0);
        assertThat(rm.hasFlag("-r")).isTrue();
        assertThat(rm.hasFlag("-f")).isTrue();
        assertThat(rm.positionals().get(0).literal()).contains("/var/lib/apt/lists/*");
        assertThat(aptScript.commands("apt-get").get(1).operandsAfter("install")).extracting(Word::value)
                .containsExactly("ca-certificates=20230311", "curl");
        Optional<SimpleCommand> cd = parse("cd /tmp && make").find(c -> c.is("cd"));
        assertThat(cd).isPresent();
    }

    @Test
    void buildkitJoinsContinuationsEverywhereInShellFormRun() {
        // a blank after the backslash still continues the line in a Dockerfile
        ShellScript trailingBlank = ShellParser.parse(ScriptSource.at("apt-get update \\ \n && apt-get install -y x",
                1, 5));
        assertThat(trailingBlank.complete()).isTrue();
        assertThat(trailingBlank.commands()).hasSize(2);
        // inside single quotes BuildKit removed the backslash-newline before the shell ran
        SimpleCommand quoted = ShellParser.parse(ScriptSource.at("makeOpts=' \\\n\tTARGET=linux \\\n'; make", 1, 5))
                .commands().get(0);
        assertThat(quoted.assignments().get(0).value().value()).isEqualTo(" \tTARGET=linux ");
        // a comment swallows the joined next line
        ShellScript comment = ShellParser.parse(ScriptSource.at("echo a # note \\\n rm -rf /", 1, 5));
        assertThat(comment.commands()).extracting(SimpleCommand::commandName).containsExactly("echo");
        // a plain script keeps POSIX semantics
        assertThat(parse("echo 'a\\\nb'").commands().get(0).argValues()).containsExactly("a\\\nb");
        assertThat(parse("echo a # note \\\nrm x").commands()).hasSize(2);
    }
}

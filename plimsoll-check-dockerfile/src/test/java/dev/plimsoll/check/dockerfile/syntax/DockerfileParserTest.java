package dev.plimsoll.check.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    private final DockerfileParser parser = new DockerfileParser();

    private Dockerfile parse(String text) {
        return parser.parse(Path.of("Dockerfile"), text);
    }

    private <T extends Instruction> T only(String text, Class<T> type) {
        Dockerfile dockerfile = parse(text);
        assertThat(dockerfile.problems()).isEmpty();
        return dockerfile.instructions(type).get(0);
    }

    private static List<String> messages(Dockerfile dockerfile) {
        return dockerfile.problems().stream().map(SyntaxProblem::toString).toList();
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoInstructionsAndNoProblems() {
        assertThat(parse("").instructions()).isEmpty();
        assertThat(parse("").problems()).isEmpty();
        Dockerfile comments = parse("# just\n\n  # comments\n");
        assertThat(comments.instructions()).isEmpty();
        assertThat(comments.comments()).extracting(Comment::text).containsExactly("just", "comments");
        assertThat(comments.comments().get(1).position()).isEqualTo(new SourcePosition(3, 3));
    }

    @Test
    void directivesAtTheTopAreCaseInsensitiveAndStopAtTheFirstOtherLine() {
        Dockerfile dockerfile = parse("# SYNTAX = docker/dockerfile:1.7\n#check=skip=JSONArgsRecommended;error=true\n"
                + "# escape=`\n\n# escape=\\\nFROM x\n");
        assertThat(dockerfile.directives()).extracting(Directive::name).containsExactly("syntax", "check", "escape");
        assertThat(dockerfile.directive("syntax").orElseThrow().value()).isEqualTo("docker/dockerfile:1.7");
        assertThat(dockerfile.directive("syntax").orElseThrow().nameAsWritten()).isEqualTo("SYNTAX");
        assertThat(dockerfile.escapeChar()).isEqualTo('`');
        assertThat(dockerfile.comments()).extracting(Comment::text).containsExactly("escape=\\");
    }

    @Test
    void aDirectiveAfterACommentOrUnknownDirectiveIsAComment() {
        Dockerfile afterComment = parse("# hello\n# escape=`\nFROM x\n");
        assertThat(afterComment.directives()).isEmpty();
        assertThat(afterComment.escapeChar()).isEqualTo('\\');
        Dockerfile afterUnknown = parse("# foo=bar\n# escape=`\nFROM x\n");
        assertThat(afterUnknown.directives()).isEmpty();
        assertThat(afterUnknown.comments()).hasSize(2);
    }

    @Test
    void aRepeatedDirectiveIsAProblemAndAnInvalidEscapeIsMarked() {
        assertThat(messages(parse("# escape=`\n# escape=`\nFROM x\n")))
                .containsExactly("line 2 column 1: only one escape parser directive can be used");
        Dockerfile invalid = parse("# escape = ``\nFROM x\nENV A `\n  b\n");
        assertThat(invalid.directives().get(0).valid()).isFalse();
        assertThat(invalid.problems()).isEmpty();
        assertThat(invalid.instructions(EnvInstruction.class).get(0).pairs().get(0).value()).isEqualTo("b");
    }

    @Test
    void bomCrlfAndTabsAreHandled() {
        Dockerfile dockerfile = parse("\uFEFF# escape=`\r\nFROM\talpine:3.20\r\nRUN echo a `\r\n\t&& echo b\r\n");
        assertThat(dockerfile.escapeChar()).isEqualTo('`');
        FromInstruction from = dockerfile.instructions(FromInstruction.class).get(0);
        assertThat(from.image().text()).isEqualTo("alpine:3.20");
        assertThat(from.image().position()).isEqualTo(new SourcePosition(2, 6));
        RunInstruction run = dockerfile.instructions(RunInstruction.class).get(0);
        assertThat(((Command.ShellForm) run.command()).script()).isEqualTo("echo a \t&& echo b");
        assertThat(run.source().range()).isEqualTo(new SourceRange(3, 1, 4));
        assertThat(dockerfile.line(4)).isEqualTo("\t&& echo b");
    }

    @Test
    void continuationsSkipCommentAndBlankLinesAndMayEndAtEof() {
        Dockerfile dockerfile = parse("FROM x\nRUN apt-get update \\\n  # install\n\n    && apt-get install -y curl \\\n");
        RunInstruction run = dockerfile.instructions(RunInstruction.class).get(0);
        assertThat(run.arguments()).isEqualTo("apt-get update     && apt-get install -y curl");
        assertThat(run.endLine()).isEqualTo(5);
        assertThat(dockerfile.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.text()).isEqualTo("install");
            assertThat(comment.position()).isEqualTo(new SourcePosition(3, 3));
        });
        assertThat(dockerfile.problems()).isEmpty();
    }

    @Test
    void backtickEscapeLeavesWindowsPathsAlone() {
        Dockerfile dockerfile = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "WORKDIR C:\\app\\\nCOPY app\\ C:\\app\\\nRUN powershell -Command `\n    Write-Host hi\n");
        assertThat(dockerfile.problems()).isEmpty();
        WorkdirInstruction workdir = dockerfile.instructions(WorkdirInstruction.class).get(0);
        assertThat(workdir.path()).isEqualTo("C:\\app\\");
        assertThat(workdir.isAbsolute()).isTrue();
        CopyInstruction copy = dockerfile.instructions(CopyInstruction.class).get(0);
        assertThat(copy.destination().orElseThrow().text()).isEqualTo("C:\\app\\");
        assertThat(dockerfile.instructions(RunInstruction.class).get(0).arguments())
                .isEqualTo("powershell -Command     Write-Host hi");
    }

    @Test
    void keywordsAreCaseInsensitiveAndKeptAsWritten() {
        Dockerfile dockerfile = parse("from alpine As Build\nrun echo hi\n");
        assertThat(dockerfile.instructions()).extracting(Instruction::keyword).containsExactly(Keyword.FROM,
                Keyword.RUN);
        assertThat(dockerfile.instructions().get(0).keywordAsWritten()).isEqualTo("from");
        assertThat(dockerfile.stages().get(0).name()).contains("Build");
    }

    @Test
    void execFormAndShellForm() {
        Dockerfile dockerfile = parse("FROM x\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\nENTRYPOINT /bin/sh -c x\n"
                + "RUN [\"a\\u0041\", \"b\"] trailing\nCMD ['single', 'quotes']\nCMD [\"unterminated\"\n"
                + "SHELL [\"powershell\", \"-Command\"]\n");
        assertThat(dockerfile.problems()).isEmpty();
        List<CmdInstruction> cmds = dockerfile.instructions(CmdInstruction.class);
        assertThat(cmds.get(0).command()).isEqualTo(new Command.ExecForm(List.of("nginx", "-g", "daemon off;"),
                new SourcePosition(2, 5)));
        assertThat(cmds.get(1).command()).isInstanceOf(Command.ShellForm.class);
        assertThat(cmds.get(2).command()).isInstanceOf(Command.ShellForm.class);
        assertThat(dockerfile.instructions(EntrypointInstruction.class).get(0).command())
                .isEqualTo(new Command.ShellForm("/bin/sh -c x", new SourcePosition(3, 12)));
        // As Go's decoder, BuildKit reads the first JSON value and ignores what follows.
        assertThat(((Command.ExecForm) dockerfile.instructions(RunInstruction.class).get(0).command()).arguments())
                .containsExactly("aA", "b");
        assertThat(dockerfile.instructions(ShellInstruction.class).get(0).command())
                .isInstanceOf(Command.ExecForm.class);
    }

    @Test
    void nestedJsonAndShellFormShellAreProblems() {
        assertThat(messages(parse("FROM x\nCMD [ \"echo\", [ \"nested\" ] ]\nSHELL /bin/bash -c\n"))).containsExactly(
                "line 2 column 5: CMD: a JSON array must hold strings only",
                "line 3 column 7: SHELL needs a JSON array, e.g. [\"/bin/sh\", \"-c\"]");
    }

    @Test
    void heredocsWithSeveralDelimitersStripTabsAndQuotedNames() {
        Dockerfile dockerfile = parse("FROM x\nRUN <<A <<-\"B\" bash\necho $HOME\nA\n\tcat x\n\tB\n"
                + "COPY <<EOF1 <<'EOF2' /dest/\none\nEOF1\ntwo\nEOF2\nRUN python3 <<EOF\nprint(1)\nEOF\n"
                + "RUN echo \"<<NOT\" '<<NOPE' a<<NEITHER\n");
        assertThat(dockerfile.problems()).isEmpty();
        List<RunInstruction> runs = dockerfile.instructions(RunInstruction.class);
        List<Heredoc> heredocs = runs.get(0).heredocs();
        assertThat(heredocs).extracting(Heredoc::delimiter).containsExactly("A", "B");
        assertThat(heredocs.get(0).body()).isEqualTo("echo $HOME\n");
        assertThat(heredocs.get(0).expands()).isTrue();
        assertThat(heredocs.get(0).bodyStartLine()).isEqualTo(3);
        assertThat(heredocs.get(1).stripTabs()).isTrue();
        assertThat(heredocs.get(1).expands()).isFalse();
        assertThat(heredocs.get(1).body()).isEqualTo("cat x\n");
        assertThat(heredocs.get(1).terminatorLine()).isEqualTo(6);
        assertThat(runs.get(0).source().range()).isEqualTo(new SourceRange(2, 1, 6));

        CopyInstruction copy = dockerfile.instructions(CopyInstruction.class).get(0);
        assertThat(copy.sources()).extracting(Word::text).containsExactly("<<EOF1", "<<'EOF2'");
        assertThat(copy.heredocFor(copy.sources().get(1)).orElseThrow().body()).isEqualTo("two\n");
        assertThat(copy.destination().orElseThrow().text()).isEqualTo("/dest/");

        assertThat(runs.get(1).heredocs()).singleElement().satisfies(h -> assertThat(h.body()).isEqualTo("print(1)\n"));
        assertThat(((Command.ShellForm) runs.get(1).command()).script()).isEqualTo("python3 <<EOF");
        assertThat(runs.get(2).heredocs()).isEmpty();
        assertThat(dockerfile.sourceText(runs.get(1))).isEqualTo("RUN python3 <<EOF\nprint(1)\nEOF");
    }

    @Test
    void anUnterminatedHeredocThrowsWithTheLines() {
        assertThatThrownBy(() -> parse("FROM x\nRUN <<EOF\necho\n"))
                .isInstanceOf(DockerfileSyntaxException.class)
                .hasMessage("Dockerfile: line 4 column 1: unterminated heredoc <<EOF started at line 2"
                        + " (expected a line EOF)");
    }

    @Test
    void jsonFormRunHasNoHeredoc() {
        RunInstruction run = only("FROM x\nRUN [\"sh\", \"-c\", \"cat <<EOF\"]\n", RunInstruction.class);
        assertThat(run.heredocs()).isEmpty();
    }

    @Test
    void fromWithPlatformAndStageName() {
        FromInstruction from = only("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n", FromInstruction.class);
        assertThat(from.platform()).contains("$BUILDPLATFORM");
        assertThat(from.image().text()).isEqualTo("golang:1.22");
        assertThat(from.stageName().map(Word::text)).contains("build");
        assertThat(from.flags().first("platform").orElseThrow().position()).isEqualTo(new SourcePosition(1, 6));
    }

    @Test
    void fromProblems() {
        assertThat(messages(parse("FROM\nFROM a b\nFROM a AS 1bad\n"))).containsExactly(
                "line 1 column 5: FROM needs an image",
                "line 2 column 8: FROM takes an image and optionally AS name",
                "line 3 column 11: invalid stage name 1bad (letters, digits, '-', '_' and '.', starting with a letter)");
    }

    @Test
    void runFlagsAndMounts() {
        RunInstruction run = only("FROM x\nRUN --mount=type=cache,target=/root/.cache,sharing=locked \\\n"
                + "    --mount=type=secret,id=npmrc,dst=/root/.npmrc,required --mount=target=/src,ro"
                + " --network=none --security=insecure npm ci\n", RunInstruction.class);
        assertThat(run.mounts()).hasSize(3);
        assertThat(run.mounts().get(0).type()).isEqualTo("cache");
        assertThat(run.mounts().get(0).target()).contains("/root/.cache");
        assertThat(run.mounts().get(0).option("sharing")).contains("locked");
        assertThat(run.mounts().get(1).id()).contains("npmrc");
        assertThat(run.mounts().get(1).target()).contains("/root/.npmrc");
        assertThat(run.mounts().get(1).required()).isTrue();
        assertThat(run.mounts().get(2).type()).isEqualTo("bind");
        assertThat(run.mounts().get(2).readOnly()).isTrue();
        assertThat(run.mounts().get(1).position()).isEqualTo(new SourcePosition(3, 5));
        assertThat(run.network()).contains("none");
        assertThat(run.security()).contains("insecure");
        assertThat(run.command()).isEqualTo(new Command.ShellForm("npm ci", new SourcePosition(3, 118)));
    }

    @Test
    void copyAndAddFlags() {
        Dockerfile dockerfile = parse("FROM x\nCOPY --from=build --chown=app:app --chmod=0755 --link --parents"
                + " --exclude=*.md --exclude=tmp a b /dst/\n"
                + "ADD --checksum=sha256:abc --keep-git-dir=true --unpack=false https://x/y.tgz /y\n"
                + "COPY [\"a b\", \"/c d/\"]\n");
        assertThat(dockerfile.problems()).isEmpty();
        CopyInstruction copy = dockerfile.instructions(CopyInstruction.class).get(0);
        assertThat(copy.from()).contains("build");
        assertThat(copy.chown()).contains("app:app");
        assertThat(copy.chmod()).contains("0755");
        assertThat(copy.link()).isTrue();
        assertThat(copy.parents()).isTrue();
        assertThat(copy.excludes()).containsExactly("*.md", "tmp");
        assertThat(copy.sources()).extracting(Word::text).containsExactly("a", "b");
        AddInstruction add = dockerfile.instructions(AddInstruction.class).get(0);
        assertThat(add.checksum()).contains("sha256:abc");
        assertThat(add.keepGitDir()).isTrue();
        assertThat(add.unpack()).contains(false);
        CopyInstruction json = dockerfile.instructions(CopyInstruction.class).get(1);
        assertThat(json.jsonForm()).isTrue();
        assertThat(json.sources()).extracting(Word::text).containsExactly("a b");
        assertThat(json.destination().map(Word::text)).contains("/c d/");
    }

    @Test
    void flagProblems() {
        assertThat(messages(parse("FROM x\nCOPY --foo a b\nCOPY --from a b\nCOPY --link=maybe a b\nCMD --x y\n"
                + "COPY -- --notaflag b\nCOPY a\n"))).containsExactly(
                "line 2 column 6: unknown flag --foo for COPY",
                "line 3 column 6: flag --from for COPY needs a value",
                "line 4 column 6: flag --link for COPY expects true or false, not maybe",
                "line 5 column 5: unknown flag --x for CMD",
                "line 7 column 6: COPY needs at least one source and a destination");
    }

    @Test
    void envPairsWithQuotesAndTheLegacyForm() {
        Dockerfile dockerfile = parse("FROM x\nENV A=1 B=\"two words\" C='$x' D=a\\ b\nENV LEGACY some value \"q\"\n"
                + "ENV\nENV PATH\nENV =x\n");
        EnvInstruction env = dockerfile.instructions(EnvInstruction.class).get(0);
        assertThat(env.pairs()).extracting(KeyValue::key).containsExactly("A", "B", "C", "D");
        assertThat(env.pairs()).extracting(KeyValue::value).containsExactly("1", "two words", "$x", "a b");
        assertThat(env.pairs().get(1).rawValue()).isEqualTo("\"two words\"");
        assertThat(env.pairs().get(2).position()).isEqualTo(new SourcePosition(2, 23));
        EnvInstruction legacy = dockerfile.instructions(EnvInstruction.class).get(1);
        assertThat(legacy.legacyForm()).isTrue();
        assertThat(legacy.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.key()).isEqualTo("LEGACY");
            assertThat(pair.value()).isEqualTo("some value q");
        });
        assertThat(messages(dockerfile)).containsExactly("line 4 column 4: ENV needs a name",
                "line 5 column 5: ENV PATH needs a value (ENV PATH=value)", "line 6 column 5: ENV needs a name before =");
    }

    @Test
    void argLabelExposeUserVolumeAndFriends() {
        Dockerfile dockerfile = parse("ARG A B=2 C=\"x y\"\nFROM x\nLABEL \"com.example.vendor\"=\"ACME\" version=1\n"
                + "EXPOSE 80 53/udp 8000-8010/TCP ${PORT}\nUSER app:staff\nVOLUME [\"/data\"]\nVOLUME /a /b\n"
                + "STOPSIGNAL SIGTERM\nMAINTAINER someone\nHEALTHCHECK --interval=30s --retries=3 CMD curl -f x\n"
                + "HEALTHCHECK NONE\n");
        assertThat(dockerfile.problems()).isEmpty();
        ArgInstruction arg = dockerfile.instructions(ArgInstruction.class).get(0);
        assertThat(arg.declarations()).extracting(ArgDeclaration::name).containsExactly("A", "B", "C");
        assertThat(arg.declarations().get(2).defaultValue()).contains("x y");
        assertThat(arg.declarations().get(0).hasDefault()).isFalse();
        LabelInstruction label = dockerfile.instructions(LabelInstruction.class).get(0);
        assertThat(label.pairs()).extracting(KeyValue::key).containsExactly("com.example.vendor", "version");
        List<ExposedPort> ports = dockerfile.instructions(ExposeInstruction.class).get(0).ports();
        assertThat(ports).extracting(ExposedPort::protocol).containsExactly("tcp", "udp", "tcp", "tcp");
        assertThat(ports.get(2).first()).hasValue(8000);
        assertThat(ports.get(2).last()).hasValue(8010);
        assertThat(ports.get(3).isLiteral()).isFalse();
        UserInstruction user = dockerfile.instructions(UserInstruction.class).get(0);
        assertThat(user.user()).isEqualTo("app");
        assertThat(user.group()).contains("staff");
        List<VolumeInstruction> volumes = dockerfile.instructions(VolumeInstruction.class);
        assertThat(volumes.get(0).jsonForm()).isTrue();
        assertThat(volumes.get(1).paths()).extracting(Word::text).containsExactly("/a", "/b");
        assertThat(dockerfile.instructions(StopsignalInstruction.class).get(0).signal()).isEqualTo("SIGTERM");
        assertThat(dockerfile.instructions(MaintainerInstruction.class).get(0).name()).isEqualTo("someone");
        List<HealthcheckInstruction> checks = dockerfile.instructions(HealthcheckInstruction.class);
        assertThat(checks.get(0).interval()).contains("30s");
        assertThat(checks.get(0).retries()).contains("3");
        assertThat(checks.get(0).command()).contains(new Command.ShellForm("curl -f x", new SourcePosition(10, 44)));
        assertThat(checks.get(1).none()).isTrue();
    }

    @Test
    void healthcheckProblems() {
        assertThat(messages(parse("FROM x\nHEALTHCHECK\nHEALTHCHECK CMD\nHEALTHCHECK TCP 80\n"
                + "HEALTHCHECK --interval=5 CMD x\nHEALTHCHECK NONE x\n"))).containsExactly(
                "line 2 column 12: HEALTHCHECK needs NONE or CMD and a command",
                "line 3 column 13: HEALTHCHECK CMD needs a command",
                "line 4 column 13: unknown HEALTHCHECK type TCP (expected CMD or NONE)",
                "line 5 column 13: --interval needs a duration such as 30s, not 5",
                "line 6 column 18: HEALTHCHECK NONE takes no arguments");
    }

    @Test
    void onbuildWrapsAParsedTriggerAndRefusesNesting() {
        Dockerfile dockerfile = parse("FROM x\nONBUILD COPY --chown=a . /app\nONBUILD RUN <<EOF\necho\nEOF\n"
                + "ONBUILD ONBUILD RUN x\nONBUILD FROM y\nONBUILD\n");
        List<OnbuildInstruction> onbuilds = dockerfile.instructions(OnbuildInstruction.class);
        CopyInstruction copy = (CopyInstruction) onbuilds.get(0).trigger().orElseThrow();
        assertThat(copy.chown()).contains("a");
        assertThat(copy.position()).isEqualTo(new SourcePosition(2, 9));
        RunInstruction run = (RunInstruction) onbuilds.get(1).trigger().orElseThrow();
        assertThat(run.heredocs()).hasSize(1);
        assertThat(onbuilds.get(1).endLine()).isEqualTo(5);
        assertThat(onbuilds.get(2).trigger()).isEmpty();
        assertThat(messages(dockerfile)).containsExactly("line 6 column 9: ONBUILD ONBUILD is not allowed",
                "line 7 column 9: FROM isn't allowed as an ONBUILD trigger", "line 8 column 1: ONBUILD needs an instruction");
        assertThat(dockerfile.stageOf(copy)).isPresent();
    }

    @Test
    void unknownInstructionsAreKeptAndReported() {
        Dockerfile dockerfile = parse("FROM x\nBOGUS stuff here\n~\n");
        assertThat(dockerfile.instructions(UnknownInstruction.class)).extracting(Instruction::keywordAsWritten)
                .containsExactly("BOGUS", "~");
        assertThat(dockerfile.instructions().get(1).arguments()).isEqualTo("stuff here");
        assertThat(messages(dockerfile)).containsExactly("line 2 column 1: unknown instruction: BOGUS",
                "line 3 column 1: unknown instruction: ~");
        assertThatThrownBy(dockerfile::requireValid).isInstanceOf(DockerfileSyntaxException.class)
                .hasMessage("Dockerfile: line 2 column 1: unknown instruction: BOGUS");
    }

    @Test
    void instructionsWithoutFromParseLeniently() {
        Dockerfile dockerfile = parse("CMD [\"a\"]\n");
        assertThat(dockerfile.problems()).isEmpty();
        assertThat(dockerfile.stages()).isEmpty();
        assertThat(dockerfile.preamble()).hasSize(1);
    }

    @Test
    void commentsDirectlyAboveAnInstructionServePragmas() {
        Dockerfile dockerfile = parse("# hadolint global ignore=DL3003\nFROM x\n# note\n# hadolint ignore=DL3008\n"
                + "RUN apt-get install -y curl\n");
        RunInstruction run = dockerfile.instructions(RunInstruction.class).get(0);
        assertThat(dockerfile.commentsDirectlyAbove(run)).extracting(Comment::text)
                .containsExactly("note", "hadolint ignore=DL3008");
        assertThat(dockerfile.comments().get(0).text()).isEqualTo("hadolint global ignore=DL3003");
    }

    @Test
    void overLongLinesAndTooManyHeredocsThrow() {
        DockerfileParser small = new DockerfileParser(new ParserLimits(1000, 20, 2, 100, 1000));
        assertThatThrownBy(() -> small.parse("FROM x\nRUN " + "a".repeat(30) + "\n"))
                .isInstanceOf(DockerfileSyntaxException.class).hasMessageContaining("line 2 column 1");
        assertThatThrownBy(() -> small.parse("FROM x\nRUN <<A <<B <<C\nA\nB\nC\n"))
                .isInstanceOf(DockerfileSyntaxException.class)
                .hasMessage("line 2 column 13: more than 2 heredocs in one instruction");
        assertThatThrownBy(() -> small.parse("#".repeat(1001))).isInstanceOf(DockerfileSyntaxException.class);
    }

    @Test
    void flagValuesLoseTheirQuotes() {
        CopyInstruction copy = only("FROM x\nCOPY --chown=\"app:app\" a /b\n", CopyInstruction.class);
        assertThat(copy.flags().first("chown").orElseThrow().raw()).isEqualTo("--chown=\"app:app\"");
        assertThat(copy.chown()).isEqualTo(Optional.of("app:app"));
    }
}

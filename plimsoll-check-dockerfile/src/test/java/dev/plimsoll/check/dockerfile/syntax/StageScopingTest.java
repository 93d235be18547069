package dev.plimsoll.check.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageScopingTest {
    private final DockerfileParser parser = new DockerfileParser();

    @Test
    void globalArgsExpandInFromLinesAndStagesResolveCaseInsensitively() {
        Dockerfile dockerfile = parser.parse("ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG} AS Builder\n"
                + "FROM builder\nFROM scratch AS final\nCOPY --from=BUILDER /a /b\nFROM ${MISSING:-debian}:${NOPE}\n");
        List<Stage> stages = dockerfile.stages();
        assertThat(stages).hasSize(4);
        assertThat(stages.get(0).baseImage().value()).isEqualTo("alpine:3.20");
        assertThat(stages.get(0).baseImage().isExact()).isTrue();
        assertThat(stages.get(0).baseImageRaw()).isEqualTo("${BASE}:${TAG}");
        assertThat(stages.get(1).baseStageIndex()).hasValue(0);
        assertThat(stages.get(1).isScratch()).isFalse();
        assertThat(stages.get(2).isScratch()).isTrue();
        assertThat(stages.get(3).baseImage().value()).isEqualTo("debian:");
        assertThat(stages.get(3).baseImage().unresolved()).containsExactly("NOPE");
        CopyInstruction copy = dockerfile.instructions(CopyInstruction.class).get(0);
        assertThat(dockerfile.stageNamed(copy.from().orElseThrow()).map(Stage::index)).contains(0);
        assertThat(dockerfile.stageNamed("2").map(Stage::index)).contains(2);
        assertThat(dockerfile.stageOf(copy).map(Stage::index)).contains(2);
    }

    @Test
    void aGlobalArgIsVisibleInAStageOnlyWhenRedeclared() {
        Dockerfile dockerfile = parser.parse("ARG VERSION=1.2\nFROM alpine\nRUN echo $VERSION\nARG VERSION\n"
                + "RUN echo $VERSION\n");
        Stage stage = dockerfile.stages().get(0);
        List<RunInstruction> runs = dockerfile.instructions(RunInstruction.class);
        assertThat(stage.environmentAt(runs.get(0)).isDeclared("VERSION")).isFalse();
        Environment after = stage.environmentAt(runs.get(1));
        assertThat(after.value("VERSION")).contains("1.2");
        assertThat(after.binding("VERSION").orElseThrow().kind()).isEqualTo(Binding.Kind.ARG);
        assertThat(dockerfile.globalEnvironment().value("VERSION")).contains("1.2");
    }

    @Test
    void argAndEnvAccumulateInOrderAndEnvWinsOverArg() {
        Dockerfile dockerfile = parser.parse("FROM alpine\nARG A=1\nENV B=${A}2 C=$B\nENV A=env\nARG A=arg\n"
                + "ENV PATH=/opt/bin:$PATH\nRUN x\n");
        Environment env = dockerfile.environmentAt(dockerfile.instructions(RunInstruction.class).get(0));
        assertThat(env.value("B")).contains("12");
        // values in one ENV see the environment before it, as in BuildKit
        assertThat(env.value("C")).isEmpty();
        assertThat(env.isDeclared("C")).isTrue();
        assertThat(env.value("A")).contains("env");
        assertThat(env.value("PATH")).isEmpty();
        assertThat(env.expandWord("$A-${B}").value()).isEqualTo("env-12");
        assertThat(env.knownValues()).containsEntry("B", "12").doesNotContainKey("PATH");
    }

    @Test
    void aStageBuiltFromAnotherInheritsItsEnvButNotItsArgs() {
        Dockerfile dockerfile = parser.parse("FROM alpine AS base\nENV HOME_DIR=/srv\nARG LOCAL=x\n"
                + "FROM base AS app\nRUN echo\n");
        Stage app = dockerfile.stages().get(1);
        Environment env = app.environmentAtStart();
        assertThat(env.value("HOME_DIR")).contains("/srv");
        assertThat(env.binding("HOME_DIR").orElseThrow().kind()).isEqualTo(Binding.Kind.INHERITED_ENV);
        assertThat(env.isDeclared("LOCAL")).isFalse();
    }

    @Test
    void platformArgsAreDeclaredButUnknown() {
        Dockerfile dockerfile = parser.parse("FROM --platform=$BUILDPLATFORM golang AS build\nARG TARGETARCH\n"
                + "RUN echo\n");
        Stage stage = dockerfile.stages().get(0);
        assertThat(stage.platform().orElseThrow().unresolved()).containsExactly("BUILDPLATFORM");
        Environment env = stage.environmentAt(dockerfile.instructions(RunInstruction.class).get(0));
        assertThat(env.isDeclared("TARGETARCH")).isTrue();
        assertThat(env.value("TARGETARCH")).isEmpty();
    }

    @Test
    void selfDoublingVariablesStayBounded() {
        StringBuilder text = new StringBuilder("FROM x\nENV A=aaaaaaaaaaaaaaaa\n");
        for (int i = 0; i < 200; i++) {
            text.append("ENV A=$A$A$A$A\n");
        }
        Dockerfile dockerfile = parser.parse(text.toString());
        Environment end = dockerfile.stages().get(0).environmentAtEnd();
        assertThat(end.value("A")).isEmpty();
        assertThat(end.expandWord("$A").value().length()).isLessThanOrEqualTo(ParserLimits.DEFAULT.maxExpansionLength());
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Hostile and random input: the parser only ever throws DockerfileSyntaxException, and quickly. */
class ParserPropertiesTest {
    private static final List<String> FRAGMENTS = List.of("FROM ", "from ", "RUN ", "COPY ", "ADD ", "ENV ", "ARG ",
            "LABEL ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "SHELL ", "EXPOSE ", "USER ", "VOLUME ", "WORKDIR ",
            "STOPSIGNAL ", "MAINTAINER ", "BOGUS ", "--mount=type=cache,target=/x ", "--from=", "--platform=",
            "--chown=a:b ", "--", "AS ", "as name ", "<<EOF", "<<-EOF", "<<'EOF'", "<<\"A\" ", "EOF", "\tEOF", "A",
            "[", "]", "[\"a\", \"b\"]", "[[", "{", "\"", "'", "\\", "`", "\n", "\r\n", "\\\n", "`\n", "# c\n",
            "# escape=`\n", "# syntax=x\n", "$", "${", "}", "${a:-", "$a", ":-", "=", "a=b ", "NONE", "CMD", " ", "\t",
            "\uFEFF", "é", "0", "80/tcp ", "-", "image:tag ", "scratch");

    private final DockerfileParser parser = new DockerfileParser();

    @Property(tries = 2000)
    void arbitraryStringsOnlyFailWithSyntaxErrors(@ForAll @StringLength(max = 400) String text) {
        parsesOrReportsASyntaxError(text);
    }

    @Property(tries = 3000)
    void dockerfileShapedInputsOnlyFailWithSyntaxErrors(@ForAll("dockerfiles") String text) {
        parsesOrReportsASyntaxError(text);
    }

    @Provide
    Arbitrary<String> dockerfiles() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    private void parsesOrReportsASyntaxError(String text) {
        try {
            Dockerfile dockerfile = parser.parse(text);
            for (Stage stage : dockerfile.stages()) {
                stage.environmentAtEnd().bindings();
                for (Instruction instruction : stage.instructions()) {
                    stage.environmentAt(instruction).expandWord(instruction.arguments());
                }
            }
            for (SyntaxProblem problem : dockerfile.problems()) {
                assertThat(problem.line()).isPositive();
                assertThat(problem.column()).isPositive();
            }
        } catch (DockerfileSyntaxException e) {
            assertThat(e.line()).isPositive();
        }
    }
}

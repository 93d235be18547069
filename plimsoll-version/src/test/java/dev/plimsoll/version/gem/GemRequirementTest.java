package dev.plimsoll.version.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.pep440.Pep440Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GemRequirementTest {

    private static boolean satisfies(String requirement, String version) throws InvalidVersionException {
        return GemRequirement.parse(requirement).contains(GemVersion.parse(version));
    }

    @ParameterizedTest
    @CsvSource({
        // RubySec's "patched in the 5.2 line from 5.2.4.3".
        "'~> 5.2.4, >= 5.2.4.3',5.2.4.3,true",
        "'~> 5.2.4, >= 5.2.4.3',5.2.9,true",
        "'~> 5.2.4, >= 5.2.4.2',5.2.4.2,true",
        "'~> 5.2.4, >= 5.2.4.3',5.2.4.2,false",
        "'~> 5.2.4, >= 5.2.4.3',5.3.0,false",
        "'~> 5.2.4, >= 5.2.4.3',5.3.0.rc1,false",
        // ~> drops the candidate's letters before the upper check: 2.9.a is in, 3.0.a is not.
        "~> 2.1,2.9.a,true",
        "~> 2.1,3.0.a,false",
        "~> 2.1,2.1.a,false",
        "~> 2,2.99,true",
        "~> 2,3,false",
        "~> 1.0.a,1.5.a,true",
        "~> 1.0.a,1.0.a,true",
        "~> 1.0.a,0.9,false",
        "= 1.0,1,true",
        "1.0,1.0.0,true",
        "!= 1.0,1.0.0,false",
        "!=1.0,1.0.1,true",
        "> 1.0,1.0.1.a,true",
        "> 1.0,1.0.0,false",
        "< 1.0,1.0.a,true",
        "< 2.0.0.beta1,2.0.0.alpha,true",
        "<= 1.0,1.0.0,true",
        ">= 0,0.a,false",
        ">= 0.a,0.a,true",
        "'>= 1.0, < 2.0, != 1.5',1.5.0,false",
        "'  >=\t1.0  ',1.0,true",
        // "= 2.0.0-alpha" is 2.0.0.pre.alpha; 2.0.0.alpha is a different version.
        "= 2.0.0-alpha,2.0.0.pre.alpha,true",
        "= 2.0.0-alpha,2.0.0.alpha,false",
    })
    void satisfiedLikeGemRequirement(String requirement, String version, boolean expected) throws Exception {
        assertThat(satisfies(requirement, version)).isEqualTo(expected);
    }

    @Test
    void keepsItsClauses() throws Exception {
        GemRequirement requirement = GemRequirement.parse("~> 5.2.4, >= 5.2.4.3");
        assertThat(requirement.raw()).isEqualTo("~> 5.2.4, >= 5.2.4.3");
        assertThat(requirement.clauses()).extracting(GemRequirement.Clause::operator)
            .containsExactly(GemOperator.PESSIMISTIC, GemOperator.GREATER_OR_EQUAL);
        assertThat(requirement.clauses()).hasToString("[~> 5.2.4, >= 5.2.4.3]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", ">= 1.0,", ", >= 1.0", ">= 1.0,,< 2", "=> 1.0", "=< 1.0", ">=", "~>",
        "~ 1.0", "== 1.0", "1.0 2.0", ">= 1.0.", ">= v1", "~> 1..0"})
    void rejectsMalformedRequirementsNamingThem(String requirement) {
        assertThatThrownBy(() -> GemRequirement.parse(requirement))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("\"" + requirement + "\"");
    }

    @Test
    void refusesVersionsOfAnotherScheme() throws Exception {
        GemRequirement requirement = GemRequirement.parse(">= 1");
        Pep440Version python = Pep440Version.parse("1.0");
        assertThatThrownBy(() -> requirement.contains(python)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isRegisteredForRubyGemsAndItsConstraintSyntax() throws Exception {
        assertThat(Schemes.of(Ecosystem.GEM)).containsSame(GemScheme.INSTANCE);
        assertThat(Schemes.of(ConstraintSyntax.GEM)).isSameAs(GemScheme.INSTANCE);
        assertThat(GemScheme.INSTANCE.id()).isEqualTo("gem");
        assertThat(GemScheme.INSTANCE.constraint("~> 1.2").contains(GemScheme.INSTANCE.parse("1.9"))).isTrue();
    }
}

package dev.plimsoll.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule's own tests (rules/README.md): each positive gives exactly one finding of the rule, each negative none.
 * The rule runs alone (other rules cannot take its match away), with the engine's common filters.
 * {@code {{checksummed:<validator>:<prefix>:<length>}}} becomes a freshly generated token with a valid checksum.
 */
class RuleCatalogueTest {
    private static final Pattern CHECKSUMMED = Pattern.compile("\\{\\{checksummed:([a-z0-9-]+):([^:}]*):(\\d+)}}");

    @TestFactory
    Stream<DynamicTest> everyRulePassesItsOwnTests() {
        Fakes fakes = new Fakes(new Random(42).nextLong());
        List<DynamicTest> tests = new ArrayList<>();
        RuleSet all = TestRules.catalogueAndTestProviders();
        for (SecretRule rule : all.rules()) {
            SecretScanner alone = SecretScanner.builder()
                    .rules(new RuleSet(List.of(rule), List.of(), all.validators()))
                    .genericDetectors(false).build();
            int i = 0;
            for (String p : rule.tests().positives()) {
                String text = expand(p, fakes);
                tests.add(DynamicTest.dynamicTest(rule.id() + " positive #" + (++i), () ->
                        assertThat(alone.scanText("test.txt", text)).as(rule.id() + " positive")
                                .extracting(SecretMatch::ruleId).containsExactly(rule.id())));
            }
            i = 0;
            for (String n : rule.tests().negatives()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " negative #" + (++i), () ->
                        assertThat(alone.scanText("test.txt", n)).as(rule.id() + " negative").isEmpty()));
            }
        }
        return tests.stream();
    }

    static String expand(String text, Fakes fakes) {
        Matcher m = CHECKSUMMED.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    fakes.checksummed(m.group(2), Integer.parseInt(m.group(3)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

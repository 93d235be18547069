package dev.plimsoll.check.secrets;

import dev.plimsoll.check.secrets.rules.RuleLoader;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import dev.plimsoll.check.secrets.validate.Validators;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules tests run with: the catalogue as it is now, plus the test providers whose ids it does not have yet. */
final class TestRules {
    static final String FOLDER = "dev/plimsoll/check/secrets/testrules/";

    private TestRules() {
    }

    static List<SecretRule> testProviders() {
        return new RuleLoader(Validators.builtin()).loadIndex(TestRules.class.getClassLoader(), FOLDER);
    }

    static RuleSet catalogueAndTestProviders() {
        RuleSet catalogue = RuleSet.builtin();
        Set<String> ids = catalogue.rules().stream().map(SecretRule::id).collect(Collectors.toSet());
        List<SecretRule> extra = new ArrayList<>();
        for (SecretRule r : testProviders()) {
            if (!ids.contains(r.id())) {
                extra.add(r);
            }
        }
        return catalogue.withRules(extra);
    }

    static SecretScanner scanner() {
        return SecretScanner.builder().rules(catalogueAndTestProviders()).build();
    }

    static SecretScanner genericOnly() {
        return SecretScanner.builder().rules(RuleSet.empty()).build();
    }
}

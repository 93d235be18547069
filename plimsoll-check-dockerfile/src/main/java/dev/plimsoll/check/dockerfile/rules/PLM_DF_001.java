package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.syntax.ArgDeclaration;
import dev.plimsoll.check.dockerfile.syntax.ArgInstruction;
import dev.plimsoll.check.dockerfile.syntax.EnvInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.KeyValue;
import dev.plimsoll.check.dockerfile.syntax.LabelInstruction;
import dev.plimsoll.check.dockerfile.syntax.OnbuildInstruction;
import java.util.List;
import java.util.Optional;

/**
 * Secret value in ENV, ARG or LABEL: a known credential format under any name, or a literal under a name that ends
 * with a secret keyword (placeholders, references, paths, booleans and versions excepted). Values are masked in the
 * message and the evidence.
 */
public final class PLM_DF_001 implements DockerfileRule {
    @Override
    public String id() {
        return "PLM-DF-001";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        List<String> extra = context.settings().strings("secretKeywords");
        double threshold = context.settings().number("entropyThreshold", 4.0);
        for (Instruction instruction : context.dockerfile().instructions()) {
            Instruction i = instruction instanceof OnbuildInstruction o
                    && o.trigger().isPresent() ? o.trigger().get() : instruction;
            switch (i) {
                case EnvInstruction env -> {
                    for (KeyValue pair : env.pairs()) {
                        check(instruction, "ENV", pair.key(), pair.value(), extra, threshold, out);
                    }
                }
                case ArgInstruction arg -> {
                    for (ArgDeclaration d : arg.declarations()) {
                        if (d.defaultValue().isPresent()) {
                            check(instruction, "ARG", d.name(), d.defaultValue().get(), extra, threshold, out);
                        }
                    }
                }
                case LabelInstruction label -> {
                    for (KeyValue pair : label.pairs()) {
                        check(instruction, "LABEL", pair.key(), pair.value(), extra, threshold, out);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void check(Instruction at, String keyword, String name, String value,
            List<String> extra, double threshold, RuleSink out) {
        Optional<SecretWords.FormatMatch> format = SecretWords.knownFormat(value);
        if (format.isPresent()) {
            String masked = SecretWords.mask(format.get().text());
            out.report(at, keyword + " " + name + " holds a " + format.get().label() + " (" + masked
                    + "); anyone who can pull the image can read it", name + "=" + masked);
            return;
        }
        Optional<String> secretWord = SecretWords.keyword(name, extra);
        if (secretWord.isEmpty() || SecretWords.notASecret(value).isPresent()) {
            return;
        }
        String v = value.strip();
        String masked = SecretWords.mask(v);
        String what = SecretWords.entropy(v) >= threshold ? "a high-entropy literal"
                : "a literal " + secretWord.get().replace('_', ' ') + " value";
        out.report(at, keyword + " " + name + " sets " + what + " (" + masked
                + ") that is stored in the image config and history; pass it as a build secret or at run time",
                name + "=" + masked);
    }
}

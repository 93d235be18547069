package dev.plimsoll.check.dockerfile.rules;

import dev.plimsoll.check.dockerfile.DockerfileRule;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.RuleSink;
import dev.plimsoll.check.dockerfile.shell.SimpleCommand;
import dev.plimsoll.check.dockerfile.shell.Word;
import dev.plimsoll.check.dockerfile.syntax.CopyInstruction;
import dev.plimsoll.check.dockerfile.syntax.Instruction;
import dev.plimsoll.check.dockerfile.syntax.RunInstruction;
import dev.plimsoll.check.dockerfile.syntax.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A local archive COPYed into the image and extracted by a later RUN of the same stage: ADD extracts it in one layer
 * instead of two. Archives are compared by basename; a COPY whose destination names an archive contributes that name.
 * One finding per COPYed archive that is extracted, on the COPY.
 */
public final class DL3010 implements DockerfileRule {
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ",
            ".tb2", ".tbz", ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");
    private static final Set<String> DECOMPRESSORS = Set.of("unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz",
            "uncompress", "zcat", "gzcat");

    private record Copied(CopyInstruction copy, String archive) {
    }

    @Override
    public String id() {
        return "DL3010";
    }

    @Override
    public void check(LintContext context, RuleSink out) {
        for (Stage stage : context.dockerfile().stages()) {
            List<Copied> copied = new ArrayList<>();
            Set<Copied> extracted = new LinkedHashSet<>();
            for (Instruction instruction : stage.instructions()) {
                if (instruction instanceof CopyInstruction copy && copy.from().isEmpty()) {
                    remember(copy, copied);
                } else if (instruction instanceof RunInstruction run && !copied.isEmpty()) {
                    for (SimpleCommand command : RunShellCommands.of(context, run)) {
                        if (extracts(command)) {
                            Set<String> operands = operandBasenames(command);
                            for (Copied c : copied) {
                                if (operands.contains(c.archive())) {
                                    extracted.add(c);
                                }
                            }
                        }
                    }
                }
            }
            for (Copied c : extracted) {
                out.report(c.copy(), "COPY " + c.archive() + " is extracted by a later RUN; ADD extracts it in "
                        + "one step", c.archive());
            }
        }
    }

    private static void remember(CopyInstruction copy, List<Copied> copied) {
        if (copy.destination().isPresent()) {
            String destination = basename(copy.destination().get().text());
            if (isArchive(destination)) {
                copied.add(new Copied(copy, destination));
                return;
            }
        }
        for (var source : copy.sources()) {
            if (copy.heredocFor(source).isPresent()) {
                continue;
            }
            String name = basename(source.text());
            if (isArchive(name)) {
                copied.add(new Copied(copy, name));
            }
        }
    }

    /** tar with an extract option ({@code -xzf}, {@code --extract}, {@code --get}, old-style {@code tar xzf}), or a decompressor. */
    private static boolean extracts(SimpleCommand command) {
        if (DECOMPRESSORS.contains(command.commandName())) {
            return true;
        }
        if (!command.is("tar")) {
            return false;
        }
        List<Word> args = command.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--extract") || v.equals("--get")) {
                return true;
            }
            if (v.length() > 1 && v.charAt(0) == '-' && v.charAt(1) != '-' && v.indexOf('x') >= 0 && letters(v, 1)) {
                return true;
            }
            if (i == 0 && !v.startsWith("-") && v.indexOf('x') >= 0 && letters(v, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean letters(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return text.length() > from;
    }

    /** Basenames of the non-option words, and of {@code --file=X} values. */
    private static Set<String> operandBasenames(SimpleCommand command) {
        Set<String> names = new LinkedHashSet<>();
        for (Word word : command.args()) {
            String v = word.value();
            if (v.startsWith("--file=")) {
                names.add(basename(v.substring("--file=".length())));
            } else if (!v.startsWith("-")) {
                names.add(basename(v));
            }
        }
        return names;
    }

    static boolean isArchive(String name) {
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    static String basename(String path) {
        String p = ImageRefs.unquote(path);
        int end = p.length();
        int cut = Math.max(p.lastIndexOf('/', end - 1), p.lastIndexOf('\\', end - 1));
        return p.substring(cut + 1, end);
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ENV and LABEL ({@code k=v ...}, or the legacy {@code k v} when the first word has no {@code =}) and ARG
 * ({@code name[=default] ...}). Words are split as BuildKit does: whitespace outside quotes and escapes.
 */
final class PairParser {
    private final ParseContext context;

    PairParser(ParseContext context) {
        this.context = context;
    }

    EnvInstruction env(InstructionSource source, LogicalLine line, int from) {
        List<KeyValue> pairs = new ArrayList<>();
        boolean legacy = pairs(source, line, from, pairs, "a name");
        return new EnvInstruction(source, pairs, legacy);
    }

    LabelInstruction label(InstructionSource source, LogicalLine line, int from) {
        List<KeyValue> pairs = new ArrayList<>();
        boolean legacy = pairs(source, line, from, pairs, "a key");
        return new LabelInstruction(source, pairs, legacy);
    }

    ArgInstruction arg(InstructionSource source, LogicalLine line, int from) {
        List<ArgDeclaration> declarations = new ArrayList<>();
        List<Token> words = ArgumentLexer.words(line.text(), from, context.escape());
        if (words.isEmpty()) {
            context.problem(source.argumentsPosition(), source.keywordAsWritten() + " needs a name");
        }
        for (Token word : words) {
            SourcePosition position = line.position(word.start());
            String text = word.text();
            int equals = text.indexOf('=');
            String name = equals < 0 ? text : text.substring(0, equals);
            if (name.isEmpty()) {
                context.problem(position, source.keywordAsWritten() + " needs a name before =");
            }
            if (equals < 0) {
                declarations.add(new ArgDeclaration(name, Optional.empty(), Optional.empty(), position));
            } else {
                String raw = text.substring(equals + 1);
                declarations.add(new ArgDeclaration(name, Optional.of(raw),
                        Optional.of(context.expander().unquote(raw)), position));
            }
        }
        return new ArgInstruction(source, declarations);
    }

    /** Fills {@code pairs}; returns whether the legacy form was used. */
    private boolean pairs(InstructionSource source, LogicalLine line, int from, List<KeyValue> pairs,
            String what) {
        String written = source.keywordAsWritten();
        String text = line.text();
        List<Token> words = ArgumentLexer.words(text, from, context.escape());
        if (words.isEmpty()) {
            context.problem(source.argumentsPosition(), written + " needs " + what);
            return false;
        }
        Token first = words.get(0);
        if (first.text().indexOf('=') < 0) {
            // Legacy form: the key is the first whitespace-separated field, the value all the rest of the line.
            int keyEnd = from;
            while (keyEnd < text.length() && !Chars.isFieldSeparator(text.charAt(keyEnd))) {
                keyEnd++;
            }
            int valueStart = keyEnd;
            while (valueStart < text.length() && Chars.isFieldSeparator(text.charAt(valueStart))) {
                valueStart++;
            }
            String key = text.substring(from, keyEnd);
            SourcePosition position = line.position(from);
            if (valueStart >= text.length()) {
                context.problem(position, written + " " + key + " needs a value (" + written + " " + key
                        + "=value)");
                pairs.add(new KeyValue(context.expander().unquote(key), "", "", position));
                return true;
            }
            String raw = text.substring(valueStart, Chars.trimEnd(text, valueStart, text.length()));
            pairs.add(new KeyValue(context.expander().unquote(key), raw, context.expander().unquote(raw), position));
            return true;
        }
        for (Token word : words) {
            SourcePosition position = line.position(word.start());
            int equals = word.text().indexOf('=');
            if (equals < 0) {
                context.problem(position, written + ": no = in " + word.text() + " (expected name=value)");
                continue;
            }
            String key = context.expander().unquote(word.text().substring(0, equals));
            if (key.isEmpty()) {
                context.problem(position, written + " needs " + what + " before =");
            }
            String raw = word.text().substring(equals + 1);
            pairs.add(new KeyValue(key, raw, context.expander().unquote(raw), position));
        }
        return false;
    }
}

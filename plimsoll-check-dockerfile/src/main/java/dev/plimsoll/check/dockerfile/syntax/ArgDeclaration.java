package dev.plimsoll.check.dockerfile.syntax;

import java.util.Optional;

/**
 * One name of an ARG instruction, with its default if it has one: {@code rawDefault} as written, {@code
 * defaultValue} with quotes and escapes removed (variables not expanded).
 */
public record ArgDeclaration(String name, Optional<String> rawDefault, Optional<String> defaultValue,
        SourcePosition position) {
    public boolean hasDefault() {
        return rawDefault.isPresent();
    }
}

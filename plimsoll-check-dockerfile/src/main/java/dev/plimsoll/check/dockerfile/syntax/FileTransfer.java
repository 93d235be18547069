package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/**
 * COPY and ADD: sources, destination and the flags they share. A source written {@code <<EOF} names one of
 * {@link #heredocs()} (see {@link #heredocFor(Word)}).
 */
public sealed interface FileTransfer extends Instruction permits CopyInstruction, AddInstruction {
    /** Every argument but the last, as written. */
    List<Word> sources();

    /** The last argument, as written; empty only when the instruction has fewer than two arguments. */
    Optional<Word> destination();

    /** {@code ["src", "dest"]} form. */
    boolean jsonForm();

    List<Heredoc> heredocs();

    default Optional<String> chown() {
        return flags().value("chown");
    }

    default Optional<String> chmod() {
        return flags().value("chmod");
    }

    default boolean link() {
        return flags().isSet("link");
    }

    default List<String> excludes() {
        return flags().all("exclude").stream().map(Flag::valueOrEmpty).toList();
    }

    /** The heredoc a {@code <<EOF} source stands for. */
    default Optional<Heredoc> heredocFor(Word source) {
        for (Heredoc heredoc : heredocs()) {
            if (heredoc.marker().position().equals(source.position())) {
                return Optional.of(heredoc);
            }
        }
        return Optional.empty();
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/** {@code COPY [--from=stage|image] [--chown] [--chmod] [--link] [--parents] [--exclude] src... dest}. */
public record CopyInstruction(InstructionSource source, List<Word> sources, Optional<Word> destination,
        boolean jsonForm, List<Heredoc> heredocs) implements FileTransfer {
    public CopyInstruction {
        sources = List.copyOf(sources);
        heredocs = List.copyOf(heredocs);
    }

    /** {@code --from}: a stage name, a stage index, or an image reference, unexpanded. */
    public Optional<String> from() {
        return flags().value("from");
    }

    public boolean parents() {
        return flags().isSet("parents");
    }
}

package dev.plimsoll.check.dockerfile.syntax;

import java.util.List;
import java.util.Optional;

/** {@code ADD [--checksum] [--keep-git-dir] [--unpack] [--chown] [--chmod] [--link] [--exclude] src... dest}. */
public record AddInstruction(InstructionSource source, List<Word> sources, Optional<Word> destination,
        boolean jsonForm, List<Heredoc> heredocs) implements FileTransfer {
    public AddInstruction {
        sources = List.copyOf(sources);
        heredocs = List.copyOf(heredocs);
    }

    public Optional<String> checksum() {
        return flags().value("checksum");
    }

    public boolean keepGitDir() {
        return flags().isSet("keep-git-dir");
    }

    /** {@code --unpack}: empty when not given (ADD then unpacks local archives only). */
    public Optional<Boolean> unpack() {
        return flags().first("unpack").map(flag -> flags().isSet("unpack"));
    }
}
